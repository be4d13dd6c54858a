/**
 * Every error at the pointer of the offending value (API.md), with ajv itself producing the
 * errors in each dialect: an extra property at its own pointer, a missing one at where it would
 * be, a misnamed one at its name.
 */
import { expect } from '@open-wc/testing';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { compileValidator } from '../../src/validation/validator.js';

async function errorsOf(schema: SchemaObject, value: JsonValue): Promise<string[]> {
  const validator = await compileValidator(schema);
  // The order of pointers is ajv's visiting order, not the point here.
  return validator
    .validate(value)
    .map((e) => `${e.pointer} ${e.keyword}`)
    .sort();
}

const URI = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

describe('error pointers', () => {
  for (const [dialect, $schema] of Object.entries(URI)) {
    it(`${dialect}: additionalProperties at the extra property, nested too`, async () => {
      const schema: SchemaObject = {
        $schema,
        type: 'object',
        properties: {
          address: { type: 'object', properties: { city: {} }, additionalProperties: false },
        },
        additionalProperties: false,
      };
      expect(await errorsOf(schema, { address: { city: 'A', 'p/q': 1 }, x: 1 })).to.deep.equal([
        '/address/p~1q additionalProperties',
        '/x additionalProperties',
      ]);
    });

    it(`${dialect}: dependencies / dependentRequired at the missing property`, async () => {
      const keyword = dialect.startsWith('draft') ? 'dependencies' : 'dependentRequired';
      const schema: SchemaObject = { $schema, type: 'object', [keyword]: { card: ['cvc'] } };
      expect(await errorsOf(schema, { card: '1' })).to.deep.equal([`/cvc ${keyword}`]);
    });

    if (dialect !== 'draft-04')
      it(`${dialect}: propertyNames at the misnamed property, once`, async () => {
        const schema: SchemaObject = {
          $schema,
          type: 'object',
          propertyNames: { pattern: '^[a-z]+$', maxLength: 5 },
        };
        expect(await errorsOf(schema, { ok: 1, 'Not-OK': 2 })).to.deep.equal([
          '/Not-OK propertyNames',
        ]);
      });
  }

  for (const dialect of ['2019-09', '2020-12'] as const)
    it(`${dialect}: unevaluatedProperties at the property no part evaluated`, async () => {
      const schema: SchemaObject = {
        $schema: URI[dialect],
        type: 'object',
        allOf: [{ properties: { a: { type: 'string' } } }],
        properties: { inner: { type: 'object', unevaluatedProperties: false } },
        unevaluatedProperties: false,
      };
      expect(await errorsOf(schema, { a: 'x', b: 1, inner: { z: 1 } })).to.deep.equal([
        '/b unevaluatedProperties',
        '/inner/z unevaluatedProperties',
      ]);
    });

  it('patternProperties that a name does not match: additionalProperties at that name', async () => {
    const schema: SchemaObject = {
      type: 'object',
      patternProperties: { '^x-': { type: 'string' } },
      additionalProperties: false,
    };
    expect(await errorsOf(schema, { 'x-a': 'v', 'x-b': 2, other: 'v' })).to.deep.equal([
      '/other additionalProperties',
      '/x-b type',
    ]);
  });
});
