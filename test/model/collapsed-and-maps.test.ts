/**
 * Bounded work (issue 19): optional objects without data below the top level are "Add …" until
 * asked for, the number of controls is limited, defaults stop at their budget; and maps
 * (`additionalProperties`, `patternProperties`) get their entries as fields of their own.
 */
import { expect } from '@open-wc/testing';
import { buildFieldTree } from '../../src/model/build-field-tree.js';
import { applyDefaults } from '../../src/model/apply-defaults.js';
import { DefinitionError } from '../../src/model/definition-error.js';
import type { Field, ObjectField } from '../../src/model/field.js';
import { MAX_CONTROLS } from '../../src/model/field-limit.js';
import { checkControlCount } from '../../src/model/check-control-count.js';
import { checkEntryName, entrySchema, mapModel } from '../../src/model/map-model.js';
import { listModel } from '../../src/model/array-model.js';
import type { JsonValue, SchemaObject, UiSchema } from '../../src/model/types.js';
import { resolverFor } from '../helpers/resolver.js';

function tree(schema: SchemaObject, value: JsonValue = {}, ui: UiSchema = {}): Field {
  return buildFieldTree(
    { resolver: resolverFor(schema), ui, hasWidget: () => true, lists: listModel, maps: mapModel },
    value,
  );
}

function at(field: Field, path: string): ObjectField {
  let current = field as ObjectField;
  for (const name of path.split('/')) {
    const found = current.children.find((c) => c.pointer.endsWith(`/${name}`));
    if (!found) throw new Error(`no ${name} below ${current.pointer || '(root)'}`);
    current = found as ObjectField;
  }
  return current;
}

const address: SchemaObject = {
  type: 'object',
  title: 'Address',
  properties: { street: { type: 'string' }, city: { type: 'string' } },
};

describe('optional objects', () => {
  const schema: SchemaObject = {
    type: 'object',
    properties: {
      applicant: {
        type: 'object',
        properties: { name: { type: 'string' }, address, work: { ...address, title: 'Work' } },
        required: ['work'],
      },
    },
  };

  it('keeps top-level sections open and collapses optional nested objects without data', () => {
    const root = tree(schema);
    const applicant = at(root, 'applicant');
    expect(applicant.collapsed).to.equal(undefined);
    expect(applicant.removable).to.equal(false);
    expect(at(root, 'applicant/address').collapsed).to.equal(true);
    expect(at(root, 'applicant/address').children).to.deep.equal([]);
    // A required one is open.
    expect(at(root, 'applicant/work').collapsed).to.equal(undefined);
    expect(at(root, 'applicant/work').children).to.have.length(2);
  });

  it('opens one with data, which can then be removed', () => {
    const root = tree(schema, { applicant: { address: {} } });
    const open = at(root, 'applicant/address');
    expect(open.collapsed).to.equal(undefined);
    expect(open.removable).to.equal(true);
    expect(open.children).to.have.length(2);
  });

  it('follows ui:options.collapsed both ways', () => {
    const ui = {
      applicant: {
        'ui:options': { collapsed: true },
        address: { 'ui:options': { collapsed: false } },
      },
    };
    const root = tree(schema, {}, ui);
    expect(at(root, 'applicant').collapsed).to.equal(true);
    const opened = tree(schema, { applicant: {} }, ui);
    expect(at(opened, 'applicant/address').collapsed).to.equal(undefined);
    expect(at(opened, 'applicant/address').removable).to.equal(false);
  });

  it('refuses a form of more controls than the limit, before and while building', () => {
    const properties: Record<string, SchemaObject> = {};
    for (let i = 0; i <= MAX_CONTROLS; i++) properties[`q${i}`] = { type: 'string' };
    const big: SchemaObject = { type: 'object', properties };
    const started = performance.now();
    expect(() => checkControlCount(resolverFor(big)))
      .to.throw(DefinitionError)
      .with.property('code', 'too-many-controls');
    expect(() => tree(big))
      .to.throw(DefinitionError)
      .with.property('code', 'too-many-controls');
    expect(performance.now() - started).to.be.below(1000);
    // One fewer is fine.
    delete properties.q0;
    expect(() => checkControlCount(resolverFor(big))).not.to.throw();
  });

  it('counts a collapsed part as one control, however large it is', () => {
    const properties: Record<string, SchemaObject> = {};
    for (let i = 0; i < MAX_CONTROLS * 2; i++) properties[`q${i}`] = { type: 'string' };
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        section: { type: 'object', properties: { huge: { type: 'object', properties } } },
      },
    };
    expect(() => checkControlCount(resolverFor(schema))).not.to.throw();
    expect(at(tree(schema), 'section/huge').collapsed).to.equal(true);
  });

  it('fills defaults within a budget: a deep chain of distinct $refs does not explode', () => {
    // Ten levels, each with ten references to the next: 10^10 objects if expanded.
    const $defs: Record<string, SchemaObject> = {};
    for (let level = 0; level < 10; level++) {
      const properties: Record<string, SchemaObject> = { note: { type: 'string', default: 'x' } };
      if (level < 9)
        for (let i = 0; i < 10; i++) properties[`c${i}`] = { $ref: `#/$defs/l${level + 1}` };
      $defs[`l${level}`] = { type: 'object', properties };
    }
    const schema: SchemaObject = {
      $defs,
      type: 'object',
      properties: { top: { $ref: '#/$defs/l0' } },
    };
    const started = performance.now();
    const value = applyDefaults(resolverFor(schema), {}) as Record<string, JsonValue>;
    expect(performance.now() - started).to.be.below(2000);
    expect((value.top as Record<string, JsonValue>).note).to.equal('x');
  });
});

describe('maps', () => {
  const schema: SchemaObject = {
    type: 'object',
    properties: {
      prices: {
        type: 'object',
        title: 'Prices',
        properties: { base: { type: 'number' } },
        patternProperties: { '^x-': { type: 'string', title: 'Extension' } },
        additionalProperties: { type: 'number', title: 'Price' },
        propertyNames: { maxLength: 10 },
      },
    },
  };

  it('shows the listed properties, then each entry under its own name', () => {
    const root = tree(schema, { prices: { base: 1, adult: 12, 'x-note': 'hi' } });
    const prices = at(root, 'prices');
    expect(prices.map?.firstEntry).to.equal(1);
    const [base, adult, note] = prices.children;
    expect(base.pointer).to.equal('/prices/base');
    expect(adult.pointer).to.equal('/prices/adult');
    expect(adult.label).to.deep.equal({ text: 'adult' });
    expect(adult.kind === 'value' && adult.type).to.equal('number');
    expect(note.kind === 'value' && note.type).to.equal('string');
    expect(prices.map?.canAdd).to.equal(true);
    expect(prices.map?.canRemove).to.equal(true);
  });

  it('checks a new name against names in use, patterns and propertyNames', () => {
    const map = at(tree(schema, { prices: { adult: 1 } }), 'prices').map!;
    expect(checkEntryName(map, '', ['adult'])).to.equal('empty');
    expect(checkEntryName(map, 'adult', ['adult'])).to.equal('taken');
    expect(checkEntryName(map, 'base', ['adult'])).to.equal('taken');
    expect(checkEntryName(map, 'much-too-long-a-name', ['adult'])).to.equal('length');
    expect(checkEntryName(map, 'child', ['adult'])).to.equal(undefined);
    expect(entrySchema(map, 'x-a')?.location).to.match(/patternProperties\/\^x-$/);
    expect(entrySchema(map, 'child')?.location).to.match(/additionalProperties$/);
  });

  it('only allows names of a pattern when there are no other entries', () => {
    const closed: SchemaObject = {
      type: 'object',
      properties: {
        tags: {
          type: 'object',
          patternProperties: { '^[a-z]+$': { type: 'string' } },
          additionalProperties: false,
        },
      },
    };
    const map = at(tree(closed, { tags: { a: 'x', B: 'kept, not shown' } }), 'tags').map!;
    expect(checkEntryName(map, 'Upper', [])).to.equal('not-allowed');
    expect(checkEntryName(map, 'lower', [])).to.equal(undefined);
  });

  it('stops adding at maxProperties and removing at minProperties', () => {
    const limited: SchemaObject = {
      type: 'object',
      properties: {
        m: {
          type: 'object',
          additionalProperties: { type: 'string' },
          minProperties: 1,
          maxProperties: 2,
        },
      },
    };
    const one = at(tree(limited, { m: { a: '' } }), 'm').map!;
    expect([one.canAdd, one.canRemove]).to.deep.equal([true, false]);
    const two = at(tree(limited, { m: { a: '', b: '' } }), 'm').map!;
    expect([two.canAdd, two.canRemove]).to.deep.equal([false, true]);
  });
});
