import { expect } from '@open-wc/testing';
import { DefinitionError } from '../../src/model/definition-error.js';
import type { JsonValue, SchemaObject } from '../../src/model/types.js';
import { detectDialect } from '../../src/validation/dialect.js';
import { compileValidator } from '../../src/validation/validator.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

async function errorsOf(schema: SchemaObject, value: JsonValue | undefined): Promise<string[]> {
  const validator = await compileValidator(schema);
  return validator.validate(value).map((e) => `${e.pointer} ${e.keyword}`);
}

/**
 * The schema is refused when registered (not a JSON Schema) or when first used (compiled on first
 * use: e.g. a `pattern` that is no regular expression).
 */
async function compileError(schema: SchemaObject): Promise<DefinitionError> {
  try {
    (await compileValidator(schema)).validate({});
  } catch (error) {
    expect(error).to.be.instanceOf(DefinitionError);
    return error as DefinitionError;
  }
  throw new Error('expected compileValidator to reject the schema');
}

describe('dialect', () => {
  it('follows $schema, in its usual spellings', () => {
    for (const id of [
      DRAFT_07,
      'http://json-schema.org/draft-07/schema',
      'https://json-schema.org/draft-07/schema#',
    ])
      expect(detectDialect({ $schema: id }), id).to.equal('draft-07');
    expect(detectDialect({ $schema: 'http://json-schema.org/draft-06/schema#' })).to.equal(
      'draft-06',
    );
    expect(detectDialect({ $schema: 'http://json-schema.org/draft-04/schema' })).to.equal(
      'draft-04',
    );
    expect(detectDialect({ $schema: 'https://json-schema.org/draft/2019-09/schema#' })).to.equal(
      '2019-09',
    );
    for (const id of [DRAFT_2020, `${DRAFT_2020}#`, 'http://json-schema.org/draft/2020-12/schema'])
      expect(detectDialect({ $schema: id }), id).to.equal('2020-12');
  });

  it('follows $schema over the keywords used', () => {
    expect(detectDialect({ $schema: DRAFT_2020, definitions: {} })).to.equal('2020-12');
    expect(detectDialect({ $schema: DRAFT_07, $defs: {} })).to.equal('draft-07');
  });

  it("rejects an unknown $schema as 'unsupported-dialect', pointing at it", () => {
    for (const id of [
      'http://json-schema.org/draft-03/schema#',
      'https://json-schema.org/draft/next/schema',
      'https://example.org/my-dialect',
    ]) {
      let caught: unknown;
      try {
        detectDialect({ $schema: id });
      } catch (error) {
        caught = error;
      }
      expect(caught, id).to.be.instanceOf(DefinitionError);
      expect((caught as DefinitionError).code).to.equal('unsupported-dialect');
      expect((caught as DefinitionError).pointer).to.equal('/schema/$schema');
      expect((caught as DefinitionError).params.dialect).to.equal(id);
    }
  });

  it('without $schema: draft-07 where only draft-07 keywords are used, else 2020-12', () => {
    expect(detectDialect({ type: 'string' })).to.equal('2020-12');
    expect(detectDialect({ $defs: { a: {} }, prefixItems: [] })).to.equal('2020-12');
    expect(detectDialect({ definitions: { a: {} } })).to.equal('draft-07');
    expect(detectDialect({ properties: { a: { dependencies: { b: ['c'] } } } })).to.equal(
      'draft-07',
    );
    expect(detectDialect({ properties: { t: { items: [{}, {}] } } })).to.equal('draft-07');
    expect(detectDialect({ items: {}, additionalItems: false })).to.equal('draft-07');
  });

  it('is not misled by property names or data that look like draft-07 keywords', () => {
    expect(
      detectDialect({
        properties: { definitions: { type: 'string' }, dependencies: { type: 'string' } },
      }),
    ).to.equal('2020-12');
    expect(
      detectDialect({
        properties: { a: { default: { definitions: 1 }, enum: [{ items: [] }] } },
      }),
    ).to.equal('2020-12');
  });
});

describe('compileValidator (ajv)', () => {
  it('validates the whole value, with required at the missing property', async () => {
    const schema: SchemaObject = {
      type: 'object',
      required: ['name', 'address'],
      properties: {
        name: { type: 'string', minLength: 2 },
        address: {
          type: 'object',
          required: ['postalCode'],
          properties: { postalCode: { type: 'string', pattern: '^[0-9]{5}$' } },
        },
      },
    };
    expect(await errorsOf(schema, { name: 'A', address: {} })).to.deep.equal([
      '/name minLength',
      '/address/postalCode required',
    ]);
    expect(await errorsOf(schema, { name: 'Al', address: { postalCode: '1234' } })).to.deep.equal([
      '/address/postalCode pattern',
    ]);
    expect(await errorsOf(schema, { name: 'Al', address: { postalCode: '12345' } })).to.deep.equal(
      [],
    );
    expect(await errorsOf(schema, undefined), 'undefined counts as {}').to.deep.equal([
      '/name required',
      '/address required',
    ]);
  });

  it('reports a oneOf of $refs as one error, without the alternatives’ noise', async () => {
    const schema: SchemaObject = {
      definitions: {
        company: { type: 'object', required: ['business'], properties: { business: {} } },
        school: { type: 'object', required: ['school'], properties: { school: {} } },
      },
      type: 'object',
      properties: {
        job: { oneOf: [{ $ref: '#/definitions/company' }, { $ref: '#/definitions/school' }] },
      },
    };
    expect(await errorsOf(schema, { job: {} })).to.deep.equal(['/job oneOf']);
    expect(await errorsOf(schema, { job: { school: 'x' } })).to.deep.equal([]);
  });

  describe('dialects', () => {
    const tuple = { type: 'array', items: [{ type: 'string' }, { type: 'number' }] };

    it('draft-07: tuples with items [...], dependencies', async () => {
      const schema: SchemaObject = {
        $schema: DRAFT_07,
        type: 'object',
        properties: { t: tuple as SchemaObject },
        dependencies: { card: ['billing'] },
      };
      expect(await errorsOf(schema, { t: ['a', 'b'] })).to.deep.equal(['/t/1 type']);
      expect(await errorsOf(schema, { card: 'x' })).to.deep.equal(['/billing dependencies']);
      // Without $schema, the draft-07 keywords make it draft-07 too.
      const { $schema: _dropped, ...guessed } = schema;
      expect(await errorsOf(guessed, { t: ['a', 'b'], card: 'x' })).to.have.members([
        '/t/1 type',
        '/billing dependencies',
      ]);
    });

    it('2020-12: prefixItems, then items for the rest; dependentRequired', async () => {
      const schema: SchemaObject = {
        $schema: DRAFT_2020,
        type: 'object',
        properties: {
          t: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } },
        },
        dependentRequired: { card: ['billing'] },
      };
      expect(await errorsOf(schema, { t: ['a', 'b'] })).to.deep.equal(['/t/1 type']);
      expect(await errorsOf(schema, { card: 'x' })).to.deep.equal(['/billing dependentRequired']);
    });

    it('the dialect decides what a schema means', async () => {
      // In draft-07, prefixItems is no keyword: items applies to every item.
      const schema: SchemaObject = {
        type: 'array',
        prefixItems: [{ type: 'string' }],
        items: { type: 'number' },
      };
      expect(await errorsOf({ ...schema, $schema: DRAFT_07 }, ['a', 1])).to.deep.equal(['/0 type']);
      expect(await errorsOf({ ...schema, $schema: DRAFT_2020 }, ['a', 1])).to.deep.equal([]);
      expect(await errorsOf(schema, ['a', 1]), 'no $schema: 2020-12').to.deep.equal([]);
    });

    it('compiles the usual spellings of $schema that ajv does not know by that name', async () => {
      for (const id of [
        'https://json-schema.org/draft-07/schema#',
        'http://json-schema.org/draft-07/schema',
        'http://json-schema.org/draft-06/schema#',
      ]) {
        const validator = await compileValidator({ $schema: id, type: 'string' });
        expect(
          validator.validate(3).map((e) => e.keyword),
          id,
        ).to.deep.equal(['type']);
      }
    });

    it("rejects an unknown $schema with 'unsupported-dialect'", async () => {
      const error = await compileError({ $schema: 'http://json-schema.org/draft-03/schema#' });
      expect(error.code).to.equal('unsupported-dialect');
    });
  });

  describe('invalid schemas', () => {
    it("rejects an invalid regular expression with 'invalid-schema'", async () => {
      const error = await compileError({
        type: 'object',
        properties: { zip: { type: 'string', pattern: '([0-9]{5}' } },
      });
      expect(error.code).to.equal('invalid-schema');
      expect(error.pointer).to.equal('/schema');
      expect(error.message).to.match(/pattern|regular expression|Invalid/i);
    });

    it("rejects a keyword with a value of the wrong kind with 'invalid-schema'", async () => {
      const error = await compileError({ type: 'string', minLength: 'two' as unknown as number });
      expect(error.code).to.equal('invalid-schema');
    });
  });

  describe('formats', () => {
    async function check(format: string, good: string[], bad: string[]): Promise<void> {
      const validator = await compileValidator({ type: 'string', format });
      for (const value of good)
        expect(validator.validate(value), `${format}: ${value}`).to.deep.equal([]);
      for (const value of bad)
        expect(
          validator.validate(value).map((e) => e.keyword),
          `${format}: ${value}`,
        ).to.deep.equal(['format']);
    }

    it('email', () =>
      check('email', ['a.b@example.org', 'x+tag@sub.example.de'], ['a@', 'no-at', 'a b@c.de']));

    it('uri', () =>
      check('uri', ['https://example.org/a?b=c', 'mailto:a@b.de'], ['example.org', '/relative']));

    it('date (real calendar dates)', () =>
      check('date', ['2024-02-29', '1999-12-31'], ['2023-02-29', '2024-13-01', '01.02.2024']));

    it('date-time (RFC 3339, as the datetime widget writes it)', () =>
      check(
        'date-time',
        ['2024-01-01T10:00:00.000Z', '2024-01-01T10:00:00+01:00'],
        ['2024-01-01', '2024-01-01 10:00', 'yesterday'],
      ));

    it('time: what <input type=time> writes, with optional seconds and offset', () =>
      check(
        'time',
        ['14:30', '14:30:15', '14:30:15.5', '14:30:00Z', '14:30:00+01:00', '23:59'],
        ['24:00', '14:60', '2:30', '14:30 Uhr', ''],
      ));

    it('data-url (as the file widget writes it)', () =>
      check(
        'data-url',
        [
          'data:text/plain;name=a.txt;base64,SGVsbG8=',
          'data:application/pdf;name=Antrag%20(1).pdf;base64,JVBERi0=',
          'data:,plain',
        ],
        ['hello', 'http://example.org/a.pdf', 'data:text/plain;base64,not base64 with spaces'],
      ));

    it('color', () => check('color', ['#00ff00', '#ABCDEF'], ['green', '#fff', '#00ff0g']));
  });
});
