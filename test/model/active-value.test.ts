import { expect } from '@open-wc/testing';
import { activeValue } from '../../src/model/active-value.js';
import { buildFieldTree, updateFieldTree } from '../../src/model/build-field-tree.js';
import { conditionLogic } from '../../src/model/condition-logic.js';
import type { Field } from '../../src/model/field.js';
import { setAtPointer } from '../../src/model/json-pointer.js';
// Lists: the model the element loads with the lists chunk for a form that has them.
import { listModel } from '../../src/model/array-model.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { resolverFor } from '../helpers/resolver.js';

// A course booking: "childcare" applies only to people who need it; its data stays in memory
// while switched off, but is not part of what the form sends.
const schema: SchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    needsChildcare: { type: 'boolean' },
    contact: {
      type: 'object',
      properties: {
        email: { type: 'string' },
        channel: { type: 'string', enum: ['email', 'phone'] },
      },
      if: { properties: { channel: { const: 'phone' } }, required: ['channel'] },
      then: { properties: { phone: { type: 'string' } } },
    },
    'a/b': { type: 'string' },
    children: {
      type: 'array',
      items: { type: 'object', properties: { age: { type: 'integer' } } },
    },
  },
  if: { properties: { needsChildcare: { const: true } }, required: ['needsChildcare'] },
  then: { properties: { childcare: { type: 'string' } } },
} as SchemaObject;
// A property named "__proto__", as a parsed JSON definition has it: an own property.
Object.defineProperty(schema.properties, '__proto__', {
  value: { type: 'string' },
  enumerable: true,
  writable: true,
  configurable: true,
});

const resolver = resolverFor(schema);
const matches = (at: { location: string }, data: unknown) => {
  const value = data as Record<string, unknown> | undefined;
  if (at.location === '/schema/if') return value?.needsChildcare === true;
  if (at.location === '/schema/properties/contact/if') return value?.channel === 'phone';
  return false;
};
const context = {
  resolver,
  ui: {},
  hasWidget: () => true,
  conditions: conditionLogic(matches),
  lists: listModel,
};
const tree = (data: JsonValue) => buildFieldTree(context, data);

describe('activeValue (the data the form sends)', () => {
  const data = JSON.parse(
    JSON.stringify({
      name: 'Amal',
      needsChildcare: false,
      childcare: 'mornings',
      contact: { email: 'a@example.org', channel: 'email', phone: '0221 1234' },
      'a/b': 'slash',
      children: [{ age: 4 }],
    }),
  ) as Record<string, JsonValue>;
  // A key named "__proto__", as JSON.parse makes it: an own property, not the prototype.
  Object.defineProperty(data, '__proto__', {
    value: 'own',
    enumerable: true,
    writable: true,
    configurable: true,
  });

  it('leaves out what only switched-off parts ask for, at every depth, keeping the rest', () => {
    const result = activeValue(tree(data), data) as Record<string, JsonValue>;
    expect(JSON.stringify(result)).to.equal(
      JSON.stringify({
        name: 'Amal',
        needsChildcare: false,
        contact: { email: 'a@example.org', channel: 'email' },
        'a/b': 'slash',
        children: [{ age: 4 }],
      }).replace(/}$/, ',"__proto__":"own"}'),
    );
    expect(Object.getPrototypeOf(result)).to.equal(Object.prototype);
    expect(Object.keys(result)).to.deep.equal(
      Object.keys(data).filter((key) => key !== 'childcare'),
    );
    // The person's data itself is not changed: switching back brings the answers back.
    expect(data.childcare).to.equal('mornings');
    expect((data.contact as Record<string, JsonValue>).phone).to.equal('0221 1234');
  });

  it('is the data itself, and each untouched part too, where nothing is left out', () => {
    const on = { ...data, needsChildcare: true, contact: { email: 'a@example.org' } };
    const result = activeValue(tree(on), on);
    expect(result).to.equal(on);
  });

  it('after a change, keeps the untouched parts as the same objects', () => {
    const before = tree(data);
    const first = activeValue(before, data) as Record<string, JsonValue>;
    const changed = setAtPointer(data, '/name', 'Amala') as Record<string, JsonValue>;
    const after = updateFieldTree(context, before, changed, '/name');
    const second = activeValue(after, changed) as Record<string, JsonValue>;
    expect(second.name).to.equal('Amala');
    expect(second).not.to.have.property('childcare');
    expect(second.contact).to.equal(first.contact);
    expect(second.children).to.equal(data.children);
  });

  it('switches a property back in when its condition holds again', () => {
    const phone = setAtPointer(data, '/contact/channel', 'phone') as Record<string, JsonValue>;
    const result = activeValue(tree(phone), phone) as Record<string, JsonValue>;
    expect(result.contact).to.deep.equal({
      email: 'a@example.org',
      channel: 'phone',
      phone: '0221 1234',
    });
    expect(result).not.to.have.property('childcare');
  });

  it('gives a list entry that has no value null, as JSON does', () => {
    const field = tree({ children: [{ age: 1 }] }) as Field & { kind: 'object' };
    const list = field.children.find((child) => child.pointer === '/children')!;
    const sparse = [{ age: 1 }, undefined, { age: 2 }] as unknown as JsonValue;
    expect(activeValue(list, sparse)).to.deep.equal([{ age: 1 }, null, { age: 2 }]);
  });

  it('leaves out entries at the end of a list that have no value', () => {
    const field = tree({ children: [{ age: 1 }] }) as Field & { kind: 'object' };
    const list = field.children.find((child) => child.pointer === '/children')!;
    const sparse = [{ age: 1 }, undefined] as unknown as JsonValue;
    expect(activeValue(list, sparse)).to.deep.equal([{ age: 1 }]);
  });
});
