// The receiver validates exactly as the element does: it shares the element's dialect rule, ajv
// options, formats and error normalisation (src/core/), and its results are compared here with
// the element's runtime compiler (src/validation/ajv-compiler.ts, bundled with esbuild) on the
// same schemas and data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { build } from 'esbuild';
import { checkEnvelope, compileSchema, nestsDeeperThan } from './validation.js';
import { ALT, KONTAKT, kontaktData } from './testing/harness.js';

const SRC = new URL('../src/validation/', import.meta.url);

/** Imports a TypeScript module of src/ (bundled with its dependencies). */
async function importSource(file) {
  const result = await build({
    entryPoints: [new URL(file, SRC).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0].text).toString('base64');
  return import(`data:text/javascript;base64,${code}`);
}

const original = {
  compiler: await importSource('ajv-compiler.ts'),
};

const repoForm = (id) =>
  JSON.parse(readFileSync(new URL(`../schemas/${id}.json`, import.meta.url), 'utf8'));

/** Schemas with the tricky parts of error normalisation, and data for each. */
const CASES = [
  {
    schema: KONTAKT.schema,
    data: [
      kontaktData(),
      {},
      kontaktData({ name: '', email: 'x', appointment: '25:00', color: 'red', file: 'x' }),
      kontaktData({ address: {}, children: [{}, { givenName: 1 }] }),
      kontaktData({ birthDate: '1987-02-30', address: { postalCode: 'abc' } }),
      { name: 5, email: null, address: [] },
    ],
  },
  { schema: ALT.schema, data: [{}, { a: 'x' }, { a: 1 }, { a: 'x', b: 'y' }] },
  {
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: {
        person: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        company: { type: 'object', required: ['vat'], properties: { vat: { type: 'string' } } },
      },
      properties: {
        kind: {
          type: 'string',
          oneOf: [
            { const: 'a', title: 'A' },
            { const: 'b', title: 'B' },
          ],
        },
        who: { oneOf: [{ $ref: '#/$defs/person' }, { $ref: '#/$defs/company' }] },
        any: {
          anyOf: [
            { type: 'string', minLength: 3 },
            { type: 'number', minimum: 10 },
          ],
        },
        status: { type: 'string' },
        permit: { type: 'string', format: 'date' },
        email: { type: 'string' },
        phone: { type: 'string' },
        list: { type: 'array', items: { type: 'integer' }, minItems: 1, uniqueItems: true },
      },
      if: { properties: { status: { const: 'permit' } }, required: ['status'] },
      then: { required: ['permit'] },
      else: { properties: { permit: false } },
      dependentRequired: { email: ['phone'] },
      allOf: [{ not: { required: ['forbidden'] } }],
    },
    data: [
      {},
      { kind: 'c' },
      { who: {} },
      { who: { name: 1 } },
      { any: 'ab' },
      { any: 5 },
      { any: true },
      { status: 'permit' },
      { status: 'other', permit: '2026-01-01' },
      { email: 'a@example.org' },
      { list: [] },
      { list: [1, 1, 'x'] },
      { forbidden: 1 },
    ],
  },
  {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { address: { type: 'object', required: ['city'] } },
      properties: {
        home: { $ref: '#/definitions/address' },
        tags: { items: [{ type: 'string' }] },
      },
      dependencies: { home: { required: ['since'] } },
    },
    data: [{}, { home: {} }, { home: { city: 'K' }, since: '2020' }, { tags: [1] }],
  },
  { schema: repoForm('ki-erstberatung').schema, data: [{}, { email: 'x', topics: [] }] },
  { schema: repoForm('sprachkurs-anmeldung').schema, data: [{}, { children: [{}] }] },
];

const EXTRA = new Set(['additionalProperties', 'unevaluatedProperties']);

test('the same errors, with the same pointers, as the element reports', () => {
  let compared = 0;
  for (const { schema, data } of CASES) {
    const server = compileSchema(schema);
    const element = original.compiler.compileSchema(schema);
    for (const value of data) {
      // Extra properties are the one deliberate difference (next test).
      const comparable = (errors) =>
        errors
          .filter(({ keyword }) => !EXTRA.has(keyword))
          .map(({ pointer, keyword }) => ({ pointer, keyword }));
      const mine = comparable(server(value));
      const theirs = comparable(element.validate(value));
      assert.deepEqual(
        mine,
        theirs,
        `${JSON.stringify(value)} against ${JSON.stringify(schema).slice(0, 80)}`,
      );
      compared += theirs.length;
    }
  }
  assert.ok(compared > 40, `only ${compared} errors compared`);
});

test('an extra property is reported at its own pointer, by the element as by the receiver', () => {
  const server = compileSchema(KONTAKT.schema);
  const element = original.compiler.compileSchema(KONTAKT.schema);
  const data = kontaktData({ extra: 1, 'a/b': 2 });
  const expected = [
    ['/extra', 'additionalProperties'],
    ['/a~1b', 'additionalProperties'],
  ];
  assert.deepEqual(
    element.validate(data).map((e) => [e.pointer, e.keyword]),
    expected,
  );
  assert.deepEqual(
    server(data).map((e) => [e.pointer, e.keyword]),
    expected,
  );
});

test('details are short English sentences that do not repeat the value', () => {
  const errors = compileSchema(CASES[2].schema)({
    kind: 'SECRET-VALUE',
    who: { name: 'SECRET-VALUE' },
    any: 'SE',
    list: [1, 1],
    status: 'permit',
  });
  assert.ok(errors.length >= 4);
  for (const { detail } of errors) {
    assert.match(detail, /^[A-Z][^\n]{2,70}\.$/);
    assert.doesNotMatch(detail, /SECRET|SE\b/);
  }
  const many = compileSchema({ type: 'array', items: { type: 'string' } })(
    Array.from({ length: 500 }, () => 1),
  );
  assert.equal(many.length, 100, 'at most 100 errors go back');
});

test('envelope checks and the nesting guard', () => {
  const good = {
    form: { id: 'kontakt', version: '1' },
    locale: 'pt-BR',
    submittedAt: '2026-11-25T10:00:00+01:00',
    data: {},
  };
  assert.deepEqual(checkEnvelope(good, 'kontakt'), []);
  assert.deepEqual(
    checkEnvelope(good, 'other').map((e) => e.pointer),
    ['/form/id'],
  );
  assert.deepEqual(
    checkEnvelope({ ...good, locale: 'de_DE', submittedAt: '2026-11-25' }, 'kontakt').map(
      (e) => e.pointer,
    ),
    ['/locale', '/submittedAt'],
  );
  assert.deepEqual(checkEnvelope(null, 'kontakt'), [
    { pointer: '', detail: 'The body must be a JSON object.' },
  ]);

  let deep = {};
  for (let i = 0; i < 99; i++) deep = { a: deep };
  assert.equal(nestsDeeperThan(deep), false);
  assert.equal(nestsDeeperThan({ a: deep }), true);
  assert.equal(nestsDeeperThan([[[[1]]]], 3), true);
  assert.equal(nestsDeeperThan([[[1]]], 3), false);
});
