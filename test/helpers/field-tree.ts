/** Building field trees in the model tests (test/model/*field-tree*.test.ts). */
import { expect } from '@open-wc/testing';
import { buildFieldTree } from '../../src/model/build-field-tree.js';
import type { Field, ObjectField } from '../../src/model/field.js';
// Lists: the model the element loads with the lists chunk for a form that has them.
import { listModel } from '../../src/model/array-model.js';
import type { JsonValue, SchemaObject, UiSchema } from '../../src/model/types.js';
import { resolverFor } from './resolver.js';

/** The widgets the tree may name: the built-in ones (the registry is not loaded here). */
export const KNOWN_WIDGETS = new Set([
  'text',
  'textarea',
  'password',
  'email',
  'url',
  'tel',
  'number',
  'range',
  'date',
  'time',
  'datetime-local',
  'color',
  'select',
  'radio',
  'checkbox',
  'checkboxes',
  'file',
  'hidden',
  'null',
]);

/** The field tree of `schema` (lists loaded), as the element builds it. */
export function tree(schema: SchemaObject, ui: UiSchema = {}, value: JsonValue = {}): Field {
  return buildFieldTree(
    {
      resolver: resolverFor(schema),
      ui,
      hasWidget: (name) => KNOWN_WIDGETS.has(name),
      lists: listModel,
    },
    value,
  );
}

/** The child `name` of an object field; throws when there is none. */
export function child(field: Field, name: string): Field {
  expect(field.kind).to.equal('object');
  const found = (field as ObjectField).children.find((c) => c.pointer.endsWith(`/${name}`));
  if (!found) throw new Error(`no child ${name} in ${field.pointer || '(root)'}`);
  return found;
}

/** The names of an object field's children, in order. */
export function names(field: Field): string[] {
  return (field as ObjectField).children.map((c) => c.pointer.slice(1));
}
