/**
 * Data and schemas whose names are those of `Object.prototype`'s members (`toString`,
 * `constructor`, `valueOf`, `hasOwnProperty`, `__proto__`), holding objects: the model and the
 * validator read only own properties, so nothing throws and nothing is taken from the prototype.
 */
import { expect } from '@open-wc/testing';
import { activeValue } from '../../src/model/active-value.js';
import { applyDefaults } from '../../src/model/apply-defaults.js';
import { buildFieldTree } from '../../src/model/build-field-tree.js';
import type { Field, ObjectField } from '../../src/model/field.js';
import { getAtPointer, setAtPointer } from '../../src/model/json-pointer.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { compileValidator } from '../../src/validation/validator.js';
import { resolverFor } from '../helpers/resolver.js';

const NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__'];

/** `{ [name]: value }` for every name, `__proto__` as an own property. */
function objectWith(value: (name: string) => JsonValue): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = {};
  for (const name of NAMES)
    Object.defineProperty(result, name, {
      value: value(name),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return result;
}

const SCHEMAS: Record<string, SchemaObject> = {
  'no such properties': {
    type: 'object',
    properties: { name: { type: 'string', default: 'n' } },
  },
  'properties of those names': {
    type: 'object',
    properties: objectWith(() => ({
      type: 'object',
      properties: { inner: { type: 'string', default: 'd' } },
    })) as SchemaObject['properties'],
    required: ['constructor'],
  },
  'a map of objects': {
    type: 'object',
    additionalProperties: { type: 'object', properties: { x: { type: 'string' } } },
  },
  'a condition on such a name': {
    type: 'object',
    properties: { a: { type: 'string' } },
    if: { properties: { toString: { type: 'object' } }, required: ['toString'] },
    then: { required: ['a'] },
  },
};

const VALUES: JsonValue[] = [
  objectWith((name) => ({ [name]: { deeper: 1 } })),
  { nested: objectWith(() => ({})) },
  {},
];

function walk(field: Field, visit: (field: Field) => void): void {
  visit(field);
  for (const child of (field as ObjectField).children ?? []) walk(child, visit);
}

describe('names of Object.prototype members', () => {
  for (const [title, schema] of Object.entries(SCHEMAS)) {
    it(`${title}: builds, fills defaults, drops nothing, validates, without throwing`, async () => {
      const resolver = resolverFor(schema);
      const validator = await compileValidator(schema);
      for (const value of VALUES) {
        const withDefaults = applyDefaults(resolver, value);
        const tree = buildFieldTree({ resolver, ui: {}, hasWidget: () => true }, withDefaults);
        walk(tree, (field) => expect(field.pointer).to.be.a('string'));
        activeValue(tree, withDefaults);
        const errors = validator.validate(withDefaults);
        for (const error of errors) expect(error.pointer).to.be.a('string');
      }
    });
  }

  it('reads and writes such names as data, never the prototype', () => {
    expect(getAtPointer({}, '/toString')).to.equal(undefined);
    expect(getAtPointer({}, '/constructor/name')).to.equal(undefined);
    const written = setAtPointer({}, '/__proto__/polluted', 1) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(written, '__proto__')).to.equal(true);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('a required constructor is missing where the data does not have it', async () => {
    const validator = await compileValidator(SCHEMAS['properties of those names']);
    expect(validator.validate({}).map((e) => `${e.pointer} ${e.keyword}`)).to.deep.equal([
      '/constructor required',
    ]);
  });
});
