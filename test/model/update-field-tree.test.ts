/**
 * Building the field tree again after a change: from the previous tree (keeping what did not
 * change) and by `updateFieldTree` (the changed path only), each giving the tree a build from
 * scratch gives. The tree itself is checked in build-field-tree.test.ts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildFieldTree, updateFieldTree } from '../../src/model/build-field-tree.js';
import { setAtPointer } from '../../src/model/json-pointer.js';
import { conditionLogic } from '../../src/model/condition-logic.js';
import type { ArrayField, Field, ValueField } from '../../src/model/field.js';
import { listModel } from '../../src/model/array-model.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { child, KNOWN_WIDGETS, names } from '../helpers/field-tree.js';
import { resolverFor } from '../helpers/resolver.js';

describe('buildFieldTree with the previous tree', () => {
  const schema: SchemaObject = {
    type: 'object',
    properties: {
      person: {
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'integer' } },
      },
      address: {
        type: 'object',
        properties: { city: { type: 'string' } },
      },
      kind: { type: 'string', enum: ['a', 'b'] },
      children: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } } } },
    },
    if: { properties: { kind: { const: 'b' } }, required: ['kind'] },
    then: { properties: { extra: { type: 'string', title: 'Extra' } } },
  };
  const resolver = resolverFor(schema);
  const matches = (at: { location: string }, data: unknown) =>
    at.location === '/schema/if' &&
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>).kind === 'b';
  const build = (value: JsonValue, previous?: Field, widgetsVersion = 0) =>
    buildFieldTree(
      {
        resolver,
        ui: {},
        hasWidget: (name) => KNOWN_WIDGETS.has(name),
        lists: listModel,
        conditions: conditionLogic(matches),
        widgetsVersion,
      },
      value,
      previous,
    );
  const start: JsonValue = {
    person: { name: 'Amal', age: 30 },
    address: { city: 'Köln' },
    kind: 'a',
    children: [{ n: 'x' }, { n: 'y' }],
  };

  it('keeps every field whose value did not change, and builds the changed path anew', () => {
    const before = build(start);
    const changed = { ...(start as object), person: { name: 'Amala', age: 30 } } as JsonValue;
    const after = build(changed, before);
    expect(after).not.to.equal(before);
    expect(child(after, 'address')).to.equal(child(before, 'address'));
    expect(child(after, 'children')).to.equal(child(before, 'children'));
    expect(child(after, 'kind')).to.equal(child(before, 'kind'));
    const person = child(after, 'person');
    expect(person).not.to.equal(child(before, 'person'));
    expect(child(person, 'age')).to.equal(child(child(before, 'person'), 'age'));
    expect((child(person, 'name') as ValueField).value).to.equal('Amala');
  });

  it('gives the same tree as a build from scratch', () => {
    const before = build(start);
    const changed = {
      ...(start as object),
      kind: 'b',
      extra: 'e',
      children: [{ n: 'y' }],
    } as JsonValue;
    const strip = (field: Field): unknown => JSON.parse(JSON.stringify(field));
    expect(strip(build(changed, before))).to.deep.equal(strip(build(changed)));
    expect(names(build(changed, before))).to.include('extra');
  });

  it('builds array items again when the items moved', () => {
    const before = build(start);
    const swapped = { ...(start as object), children: [{ n: 'y' }, { n: 'x' }] } as JsonValue;
    const items = (child(build(swapped, before), 'children') as ArrayField).items;
    expect(items.map((item) => item.pointer)).to.deep.equal(['/children/0', '/children/1']);
    expect((child(items[0], 'n') as ValueField).value).to.equal('y');
  });

  it('builds everything again after a widget was registered', () => {
    const before = build(start, undefined, 1);
    const after = build(start, before, 2);
    expect(child(after, 'address')).not.to.equal(child(before, 'address'));
  });
});

describe('updateFieldTree', () => {
  const schema: SchemaObject = {
    type: 'object',
    required: ['person'],
    properties: {
      person: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 2 },
          age: { type: 'integer' },
          address: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
      children: {
        type: 'array',
        maxItems: 3,
        items: {
          type: 'object',
          properties: { n: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
        },
      },
      note: { type: 'string' },
      agree: { type: 'boolean' },
    },
  };
  const resolver = resolverFor(schema);
  const context = {
    resolver,
    ui: {},
    hasWidget: (name: string) => KNOWN_WIDGETS.has(name),
    lists: listModel,
  };
  const strip = (field: Field): unknown => JSON.parse(JSON.stringify(field));
  const text = fc.oneof(fc.string({ maxLength: 4 }), fc.constant(undefined));
  const data = fc.record(
    {
      person: fc.record(
        {
          name: text,
          age: fc.oneof(fc.integer(), fc.constant(undefined)),
          address: fc.oneof(
            fc.record({ city: text }, { requiredKeys: [] }),
            fc.constant(undefined),
          ),
        },
        { requiredKeys: [] },
      ),
      children: fc.array(
        fc.record(
          { n: text, tags: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }) },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      note: text,
      agree: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const pointers = [
    '/person',
    '/person/name',
    '/person/age',
    '/person/address',
    '/person/address/city',
    '/children',
    '/children/0',
    '/children/0/n',
    '/children/1/tags',
    '/children/1/tags/0',
    '/children/5/n',
    '/note',
    '/agree',
    '/unknown',
  ];
  const values = fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(undefined),
    fc.constant(null),
    fc.record({ city: fc.string({ maxLength: 3 }) }),
    fc.array(fc.record({ n: fc.string({ maxLength: 3 }) }), { maxLength: 3 }),
  );

  it('gives the tree a build from scratch gives, after any change', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(...pointers), values, (start, pointer, value) => {
        const before = buildFieldTree(context, start as JsonValue);
        const after = setAtPointer(start as JsonValue, pointer, value) ?? {};
        expect(strip(updateFieldTree(context, before, after, pointer))).to.deep.equal(
          strip(buildFieldTree(context, after)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the siblings of the changed field as they were', () => {
    const start = { person: { name: 'Amal', age: 30 }, note: 'n', children: [{ n: 'a' }] };
    const before = buildFieldTree(context, start);
    const after = updateFieldTree(
      context,
      before,
      setAtPointer(start, '/person/name', 'Amala')!,
      '/person/name',
    );
    expect(child(after, 'note')).to.equal(child(before, 'note'));
    expect(child(after, 'children')).to.equal(child(before, 'children'));
    expect(child(child(after, 'person'), 'age')).to.equal(child(child(before, 'person'), 'age'));
    expect((child(child(after, 'person'), 'name') as ValueField).value).to.equal('Amala');
  });
});
