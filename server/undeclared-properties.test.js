// Extra properties named after Object.prototype's members (`constructor`, `toString`, `__proto__`…)
// are refused wherever the form forbids extras, although ajv 8 counts them as evaluated
// (server/declared-properties.js): checked for every such name against the shipped
// sprachkurs-anmeldung form (unevaluatedProperties: false) end to end, and against schemas with
// additionalProperties: false, properties/required with such names, and branches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileSchema } from './validation.js';
import {
  KONTAKT,
  envelope,
  kontaktData,
  records,
  sprachkursData,
  storageTest,
  submit,
} from './testing/harness.js';

const SHIPPED_FORMS = fileURLToPath(new URL('../schemas/', import.meta.url));
const SPRACHKURS = JSON.parse(readFileSync(`${SHIPPED_FORMS}sprachkurs-anmeldung.json`, 'utf8'));

/** Every name `Object.prototype` answers to, `__proto__` included. */
const NAMES = Object.getOwnPropertyNames(Object.prototype);

/** `object` with one more own property `name` (as JSON.parse would make it, even `__proto__`). */
function withExtra(object, name, value) {
  const copy = { ...object };
  Object.defineProperty(copy, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

test('the list of names covers what the issue names', () => {
  for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    assert.ok(NAMES.includes(name), name);
  }
  assert.ok(NAMES.includes('__defineGetter__') && NAMES.includes('isPrototypeOf'));
});

storageTest(
  'sprachkurs-anmeldung (unevaluatedProperties: false): every Object.prototype name is refused with 422 at its pointer, nothing stored',
  async (t, env) => {
    const receiver = await env.start({ formsDir: SHIPPED_FORMS });
    const valid = sprachkursData();
    const accepted = await submit(receiver, 'sprachkurs-anmeldung', envelope(SPRACHKURS, valid));
    assert.equal(accepted.status, 201, 'the valid data is accepted');

    for (const name of ['junk', ...NAMES]) {
      for (const [where, data, pointer] of [
        ['root', withExtra(valid, name, 'x'.repeat(1000)), `/${name}`],
        ['address', { ...valid, address: withExtra(valid.address, name, 'x') }, `/address/${name}`],
        [
          'a child',
          { ...valid, children: [withExtra(valid.children[0], name, 1), valid.children[1]] },
          `/children/0/${name}`,
        ],
      ]) {
        // Sent as text so that a `__proto__` key arrives as the JSON a client would write.
        const response = await submit(
          receiver,
          'sprachkurs-anmeldung',
          JSON.stringify(envelope(SPRACHKURS, data)),
        );
        assert.equal(response.status, 422, `${name} at ${where}`);
        assert.equal(response.headers.get('content-type'), 'application/problem+json');
        const body = await response.json();
        assert.ok(
          body.errors.some((e) => e.pointer === pointer && /Properties$/.test(e.keyword)),
          `${name} at ${where}: ${JSON.stringify(body.errors)}`,
        );
      }
    }
    assert.equal((await records(receiver)).length, 1, 'only the valid submission is stored');
  },
);

storageTest(
  'additionalProperties: false: every Object.prototype name is refused with 422',
  async (t, env) => {
    const receiver = await env.start();
    for (const name of NAMES) {
      const data = withExtra(kontaktData(), name, 'x');
      const response = await submit(receiver, 'kontakt', JSON.stringify(envelope(KONTAKT, data)));
      assert.equal(response.status, 422, name);
      const body = await response.json();
      assert.deepEqual(
        body.errors.map((e) => [e.pointer, e.keyword]),
        [[`/${name}`, 'additionalProperties']],
        name,
      );
    }
    assert.equal((await records(receiver)).length, 0);
  },
);

test('properties and required with Object.prototype names are own properties only', () => {
  for (const name of NAMES) {
    for (const closed of [
      { additionalProperties: false },
      { unevaluatedProperties: false },
      { allOf: [{ properties: { other: true } }], unevaluatedProperties: false },
    ]) {
      const validate = compileSchema({
        type: 'object',
        properties: { [name]: { type: 'string' }, plain: { type: 'string' } },
        required: [name],
        ...closed,
      });
      const label = `${name} ${JSON.stringify(closed)}`;
      if (name === '__proto__') {
        // ajv leaves `__proto__` out of `properties` on purpose: no form can declare it, so it
        // is refused wherever extras are.
        for (const data of [{}, withExtra({}, name, 'declared')]) {
          assert.ok(
            validate(data).some((e) => e.pointer === '/__proto__'),
            label,
          );
        }
        continue;
      }
      assert.deepEqual(validate(withExtra({}, name, 'declared')), [], label);
      assert.deepEqual(
        validate({}).map((e) => [e.pointer, e.keyword]),
        [[`/${name}`, 'required']],
        `${label}: required is not met by the prototype`,
      );
      assert.deepEqual(
        validate(withExtra({}, name, 5)).map((e) => [e.pointer, e.keyword]),
        [[`/${name}`, 'type']],
        label,
      );
    }
  }
});

test('unevaluatedProperties: a name is evaluated only by the branches the value matches', () => {
  const validate = compileSchema({
    type: 'object',
    anyOf: [
      { properties: { kind: { const: 'a' } }, required: ['kind'] },
      { properties: { kind: { const: 'b' }, constructor: { type: 'string' } }, required: ['kind'] },
    ],
    if: { properties: { kind: { const: 'a' } } },
    then: { properties: { toString: { type: 'string' } } },
    else: { properties: { valueOf: { type: 'string' } } },
    unevaluatedProperties: false,
  });
  const codes = (data) => validate(data).map((e) => [e.pointer, e.keyword]);
  assert.deepEqual(codes(withExtra({ kind: 'b' }, 'constructor', 'x')), []);
  assert.deepEqual(codes(withExtra({ kind: 'a' }, 'constructor', 'x')), [
    ['/constructor', 'unevaluatedProperties'],
  ]);
  assert.deepEqual(codes(withExtra({ kind: 'a' }, 'toString', 'x')), []);
  assert.deepEqual(codes(withExtra({ kind: 'b' }, 'toString', 'x')), [
    ['/toString', 'unevaluatedProperties'],
  ]);
  assert.deepEqual(codes(withExtra({ kind: 'b' }, 'valueOf', 'x')), []);
  assert.deepEqual(codes(withExtra({ kind: 'a' }, 'valueOf', 'x')), [
    ['/valueOf', 'unevaluatedProperties'],
  ]);
});

test('a $ref, patternProperties, and extras with a schema: checked as ajv should', () => {
  const validate = compileSchema({
    $defs: { base: { properties: { id: { type: 'string' } } } },
    $ref: '#/$defs/base',
    patternProperties: { '^x-': { type: 'string' } },
    unevaluatedProperties: { type: 'number' },
  });
  const codes = (data) => validate(data).map((e) => [e.pointer, e.keyword]);
  assert.deepEqual(codes(withExtra({ id: 'a', 'x-1': 'b' }, 'toString', 3)), []);
  assert.deepEqual(codes(withExtra({ id: 'a' }, 'toString', 'not a number')), [
    ['/toString', 'unevaluatedProperties'],
  ]);
  const draft07 = compileSchema({
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: { inner: { type: 'object', additionalProperties: false } },
    properties: { nested: { $ref: '#/definitions/inner' } },
  });
  assert.deepEqual(
    draft07({ nested: withExtra({}, 'hasOwnProperty', 1) }).map((e) => e.pointer),
    ['/nested/hasOwnProperty'],
  );
});

test('keywords of the other dialect are not keywords (as for ajv and the element)', () => {
  // draft-07 has no unevaluatedProperties: ajv ignores it, and so does this check.
  const draft07 = compileSchema({
    $schema: 'http://json-schema.org/draft-07/schema#',
    properties: { a: { type: 'string' } },
    unevaluatedProperties: false,
    items: [{ type: 'object', additionalProperties: false }],
    additionalItems: { type: 'object', properties: { b: true }, additionalProperties: false },
  });
  assert.deepEqual(draft07(withExtra({ a: 'x' }, 'toString', 1)), []);
  assert.deepEqual(
    draft07([withExtra({}, 'valueOf', 1), withExtra({ b: 1 }, 'constructor', 1)])
      .map((e) => e.pointer)
      .sort(),
    ['/0/valueOf', '/1/constructor'],
  );
  const modern = compileSchema({
    prefixItems: [{ type: 'object', unevaluatedProperties: false }],
    items: { type: 'object', properties: { b: true }, unevaluatedProperties: false },
  });
  assert.deepEqual(
    modern([withExtra({}, 'valueOf', 1), withExtra({ b: 1 }, 'constructor', 1)])
      .map((e) => e.pointer)
      .sort(),
    ['/0/valueOf', '/1/constructor'],
  );
});
