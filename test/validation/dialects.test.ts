/**
 * Each dialect validated by its own ajv class (src/core/ajv-setup.js), references to the
 * official meta-schemas, and ajv's stack overflows turned into definition errors.
 */
import { expect } from '@open-wc/testing';
import { referenceTable } from '../../src/core/schema-references.js';
import { checkReferences } from '../../src/model/check-references.js';
import { DefinitionError } from '../../src/model/definition-error.js';
import { SchemaResolver } from '../../src/model/schema-resolver.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { compileValidator } from '../../src/validation/validator.js';

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';
const DRAFT_06 = 'http://json-schema.org/draft-06/schema#';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const DRAFT_2019 = 'https://json-schema.org/draft/2019-09/schema';
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

async function keywords(schema: SchemaObject, value: JsonValue): Promise<string[]> {
  const validator = await compileValidator(schema);
  return validator.validate(value).map((e) => `${e.pointer} ${e.keyword}`);
}

describe('dialects', () => {
  it('draft-04: boolean exclusiveMaximum, id as the resource keyword', async () => {
    const schema: SchemaObject = {
      $schema: DRAFT_04,
      id: 'https://example.org/age.json',
      type: 'object',
      definitions: { age: { type: 'integer', maximum: 120, exclusiveMaximum: true } },
      properties: { age: { $ref: '#/definitions/age' } },
    };
    expect(await keywords(schema, { age: 119 })).to.deep.equal([]);
    expect(await keywords(schema, { age: 120 })).to.deep.equal(['/age maximum']);
  });

  it('draft-06: const, numeric exclusiveMinimum, its own meta-schema', async () => {
    const schema: SchemaObject = {
      $schema: DRAFT_06,
      type: 'object',
      properties: { consent: { const: true }, n: { exclusiveMinimum: 0 } },
    };
    expect(await keywords(schema, { consent: true, n: 1 })).to.deep.equal([]);
    expect(await keywords(schema, { consent: false, n: 0 })).to.deep.equal([
      '/consent const',
      '/n exclusiveMinimum',
    ]);
  });

  it('2019-09: $recursiveRef, dependentRequired, unevaluatedProperties', async () => {
    const schema: SchemaObject = {
      $schema: DRAFT_2019,
      $recursiveAnchor: true,
      type: 'object',
      properties: { name: { type: 'string' }, child: { $recursiveRef: '#' } },
      dependentRequired: { name: ['email'] },
      unevaluatedProperties: false,
    };
    expect(await keywords(schema, { child: { child: {} } })).to.deep.equal([]);
    expect(await keywords(schema, { child: { name: 'x', extra: 1 } })).to.deep.equal([
      '/child/email dependentRequired',
      '/child/extra unevaluatedProperties',
    ]);
  });

  it('2020-12 and no $schema: prefixItems, $dynamicRef', async () => {
    for (const $schema of [DRAFT_2020, undefined]) {
      const schema: SchemaObject = {
        ...($schema ? { $schema } : {}),
        type: 'object',
        properties: {
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
        },
      };
      expect(await keywords(schema, { pair: ['a', 1] })).to.deep.equal([]);
      expect(await keywords(schema, { pair: [1, 'a'] })).to.deep.equal([
        '/pair/0 type',
        '/pair/1 type',
      ]);
    }
  });

  it('checks formats in 2019-09 and 2020-12 too (README: the form means them)', async () => {
    for (const $schema of [DRAFT_2019, DRAFT_2020, DRAFT_07, DRAFT_04]) {
      const schema: SchemaObject = {
        $schema,
        type: 'object',
        properties: { email: { type: 'string', format: 'email' } },
      };
      expect(await keywords(schema, { email: 'not an address' }), $schema).to.deep.equal([
        '/email format',
      ]);
    }
  });
});

describe('references to the official meta-schemas', () => {
  const cases: [string, string | undefined][] = [
    [DRAFT_07, DRAFT_07],
    ['https://json-schema.org/draft/2020-12/schema', DRAFT_2020],
    [DRAFT_07, DRAFT_2020],
    ['http://json-schema.org/draft-06/schema#', DRAFT_2019],
    [DRAFT_04, DRAFT_04],
    ['https://json-schema.org/draft/2020-12/schema', undefined],
  ];
  for (const [target, $schema] of cases) {
    it(`${target} from ${$schema ?? 'a schema without $schema'}`, async () => {
      const schema: SchemaObject = {
        ...($schema ? { $schema } : {}),
        type: 'object',
        properties: { embedded: { $ref: target, title: 'A schema' } },
      };
      // The model follows it (the form sees no constraint), ajv validates against it.
      const resolver = new SchemaResolver(schema, referenceTable(schema));
      expect(checkReferences(resolver)).to.equal(undefined);
      const embedded = resolver.resolve({
        schema: schema.properties!.embedded,
        location: '/schema/properties/embedded',
      });
      expect(embedded.schema).to.deep.equal({ title: 'A schema' });
      expect(await keywords(schema, { embedded: { type: 'string' } })).to.deep.equal([]);
      expect(await keywords(schema, { embedded: { minLength: -1 } })).to.deep.equal([
        '/embedded/minLength minimum',
      ]);
    });
  }
});

describe("ajv's stack overflows", () => {
  async function definitionError(run: () => Promise<unknown>): Promise<DefinitionError> {
    try {
      await run();
    } catch (error) {
      expect(error, String(error)).to.be.instanceOf(DefinitionError);
      return error as DefinitionError;
    }
    throw new Error('expected a DefinitionError');
  }

  it('while compiling (a $ref into an embedded resource): a DefinitionError', async () => {
    // Compiled on first use (the element compiles in its first idle moment).
    const error = await definitionError(async () =>
      (
        await compileValidator({
          $schema: DRAFT_2020,
          $id: 'http://example.com/schema-relative-uri-defs1.json',
          properties: {
            foo: {
              $id: 'schema-relative-uri-defs2.json',
              $defs: { inner: { properties: { bar: { type: 'string' } } } },
              $ref: '#/$defs/inner',
            },
          },
          $ref: 'schema-relative-uri-defs2.json',
        })
      ).validate({}),
    );
    expect(error.code).to.equal('invalid-schema');
    expect(error.pointer).to.equal('/schema');
  });

  it('while validating ($dynamicRef with unevaluatedProperties): a DefinitionError', async () => {
    const validator = await compileValidator({
      $schema: DRAFT_2020,
      $id: 'https://example.com/unevaluated-properties-with-dynamic-ref/derived',
      $ref: './baseSchema',
      $defs: {
        derived: { $dynamicAnchor: 'addons', properties: { bar: { type: 'string' } } },
        baseSchema: {
          $id: './baseSchema',
          unevaluatedProperties: false,
          properties: { foo: { type: 'string' } },
          $dynamicRef: '#addons',
          $defs: { defaultAddons: { $dynamicAnchor: 'addons' } },
        },
      },
    });
    const error = await definitionError(async () =>
      validator.validate({ foo: 'foo', bar: 'bar', baz: 'baz' }),
    );
    expect(error.code).to.equal('invalid-schema');
    expect(error.message).to.match(/ajv cannot validate/);
  });
});
