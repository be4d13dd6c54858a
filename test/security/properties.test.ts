/**
 * Property-based tests (fast-check): random schemas within the supported subset and random data
 * shaped roughly like them (wrong types included). For every pair:
 * - rendering never throws and logs no error;
 * - `validate().valid` agrees with ajv run directly on the same schema and the active `value`;
 * - `value` round-trips: setting what was read gives it back (defaults are applied once).
 *
 * A failure prints fast-check's seed and the shrunk counterexample; re-run it with
 * `fc.assert(..., { seed, path })`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/index.js';
import type { FormDefinition, IntakeForm, JsonValue, SchemaObject } from '../../src/index.js';
import { collectErrors, root } from '../helpers/form.js';
import { ajvValid } from './direct-ajv.js';

/** Property names, ordinary and not (a slash, a tilde, a space, `Object.prototype` names). */
const NAMES = ['a', 'b', 'name', 'first name', 'ä', 'x/y', 'm~n', 'constructor', 'toString'];
/** Regular expressions from a safe set (no catastrophic backtracking). */
const PATTERNS = ['^[a-z]*$', '^\\d{5}$', '[A-Z]', '^$', '^.{2,4}$', 'ö'];
const FORMATS = ['email', 'date'];

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Drops keys whose value is `undefined` (JSON has none). */
function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

const text = fc.string({ maxLength: 8 });

const stringSchema = fc
  .record({
    minLength: maybe(fc.integer({ min: 0, max: 4 })),
    maxLength: maybe(fc.integer({ min: 0, max: 10 })),
    pattern: maybe(fc.constantFrom(...PATTERNS)),
    format: maybe(fc.constantFrom(...FORMATS)),
    default: maybe(text),
  })
  .map((r) => compact({ type: 'string', ...r }));

const numberSchema = fc
  .record({
    type: fc.constantFrom('number', 'integer'),
    minimum: maybe(fc.integer({ min: -100, max: 100 })),
    maximum: maybe(fc.integer({ min: -100, max: 100 })),
    default: maybe(fc.integer({ min: -100, max: 100 })),
  })
  .map((r) => compact(r));

const booleanSchema = fc
  .record({ default: maybe(fc.boolean()) })
  .map((r) => compact({ type: 'boolean', ...r }));

const enumSchema = fc
  .uniqueArray(text, { minLength: 1, maxLength: 5 })
  .map((values) => ({ type: 'string', enum: values }));

const stringArraySchema = fc
  .record({
    minItems: maybe(fc.integer({ min: 0, max: 2 })),
    maxItems: maybe(fc.integer({ min: 0, max: 4 })),
    uniqueItems: maybe(fc.boolean()),
    itemMaxLength: maybe(fc.integer({ min: 0, max: 5 })),
  })
  .map(({ itemMaxLength, ...r }) =>
    compact({
      type: 'array',
      items: compact({ type: 'string', maxLength: itemMaxLength }),
      ...r,
    }),
  );

const leafSchema: fc.Arbitrary<SchemaObject> = fc.oneof(
  stringSchema,
  numberSchema,
  booleanSchema,
  enumSchema,
  stringArraySchema,
);

/** An object schema with 1–4 properties, a `required` subset and optionally an if/then on a const. */
function objectSchema(depth: number): fc.Arbitrary<SchemaObject> {
  const property: fc.Arbitrary<SchemaObject> =
    depth > 1
      ? fc.oneof(
          { weight: 4, arbitrary: leafSchema },
          { weight: 1, arbitrary: objectSchema(depth - 1) },
        )
      : leafSchema;
  return fc
    .dictionary(fc.constantFrom(...NAMES), property, { minKeys: 1, maxKeys: 4 })
    .chain((properties) => {
      const names = Object.keys(properties);
      return fc
        .record({
          required: fc.subarray(names),
          condition: maybe(
            fc.record({
              when: fc.constantFrom(...names),
              is: fc.oneof(text, fc.boolean(), fc.integer({ min: -3, max: 3 })),
              then: fc.constantFrom(...names),
            }),
          ),
        })
        .map(({ required, condition }) => {
          const schema: SchemaObject = { type: 'object', properties, required };
          if (condition) {
            schema.allOf = [
              {
                if: {
                  properties: { [condition.when]: { const: condition.is } },
                  required: [condition.when],
                },
                then: { required: [condition.then] },
              },
            ];
          }
          return schema;
        });
    });
}

/** Any value, for the wrong-type cases. */
const wrong: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  text,
  fc.constant<JsonValue>([]),
  fc.constant<JsonValue>({}),
  fc.array(text, { maxLength: 2 }),
);

/** JSON numbers only: no -0 (JSON writes it as 0), no NaN or infinities. */
const jsonNumber = fc
  .double({ min: -1000, max: 1000, noNaN: true })
  .map((n) => (Object.is(n, -0) ? 0 : n));

/** Data roughly shaped like `schema`: mostly the right type, sometimes missing or wrong. */
function dataFor(schema: SchemaObject): fc.Arbitrary<JsonValue> {
  let right: fc.Arbitrary<JsonValue>;
  if (schema.type === 'object') {
    const entries = Object.entries(schema.properties ?? {}).map(
      ([name, property]) => [name, maybe(dataFor(property as SchemaObject))] as const,
    );
    right = fc
      .tuple(...entries.map(([, arbitrary]) => arbitrary))
      .map(
        (values) =>
          Object.fromEntries(
            entries
              .map(([name], i) => [name, values[i]] as const)
              .filter(([, v]) => v !== undefined),
          ) as JsonValue,
      );
  } else if (Array.isArray(schema.enum)) {
    right = fc.constantFrom(...(schema.enum as JsonValue[]));
  } else if (schema.type === 'string') {
    right = fc.oneof(text, fc.constantFrom('abc', '12345', 'a@b.de', '2024-02-29', 'ABC', ''));
  } else if (schema.type === 'integer') {
    right = fc.integer({ min: -150, max: 150 });
  } else if (schema.type === 'number') {
    right = fc.oneof(jsonNumber, fc.integer({ min: -150, max: 150 }));
  } else if (schema.type === 'boolean') {
    right = fc.boolean();
  } else {
    right = fc.array(fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: wrong }), {
      maxLength: 5,
    });
  }
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

const caseArbitrary = objectSchema(3).chain((schema) =>
  dataFor(schema)
    .filter((data) => typeof data === 'object' && data !== null && !Array.isArray(data))
    .map((data) => ({ schema, data })),
);

async function render(schema: SchemaObject): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const settled = new Promise<void>((resolve, reject) => {
    el.addEventListener('intake-ready', () => resolve(), { once: true });
    el.addEventListener(
      'intake-error',
      (e) => reject(new Error(`intake-error: ${JSON.stringify((e as CustomEvent).detail)}`)),
      { once: true },
    );
  });
  el.definition = { id: 'random', version: '1', lang: 'en', schema } as FormDefinition;
  await settled;
  await el.updateComplete;
  return el;
}

describe('property-based: random schemas and data', () => {
  it('render without errors, validate() agrees with ajv, value round-trips', async function () {
    this.timeout(180_000);
    let runs = 0;
    const errors = await collectErrors(async () => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary, async ({ schema, data }) => {
          runs += 1;
          const el = await render(schema);
          try {
            el.value = data;
            await el.updateComplete;
            expect(root(el).querySelector('form'), 'a form is rendered').to.exist;
            const value = el.value;
            const mine = el.validate();
            await el.updateComplete;
            expect(mine.valid, `validate(): ${JSON.stringify(mine.errors)}`).to.equal(
              ajvValid(schema, value),
            );
            expect(mine.valid).to.equal(mine.errors.length === 0);
            el.value = value;
            expect(el.value, 'value round-trips').to.deep.equal(value);
          } finally {
            el.remove();
          }
        }),
        { numRuns: 100 },
      );
    });
    expect(runs).to.be.at.least(100);
    expect(errors, 'console errors and uncaught exceptions').to.deep.equal([]);
  });

  it('the generators produce what they promise (some valid, some invalid, nesting, conditions)', () => {
    const samples = fc.sample(caseArbitrary, { numRuns: 300, seed: 42 });
    const valid = samples.filter(({ schema, data }) => ajvValid(schema, data)).length;
    expect(valid, 'valid cases').to.be.greaterThan(20);
    expect(samples.length - valid, 'invalid cases').to.be.greaterThan(20);
    const json = samples.map(({ schema }) => JSON.stringify(schema));
    expect(
      json.some((s) => s.includes('"if"')),
      'an if/then',
    ).to.equal(true);
    expect(
      json.some((s) => /"properties":\{[^}]*"type":"object"/.test(s)),
      'nesting',
    ).to.equal(true);
    expect(
      json.some((s) => s.includes('"pattern"')),
      'a pattern',
    ).to.equal(true);
  });
});
