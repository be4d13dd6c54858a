/**
 * Test support for the validation split by root property (src/validation/validator.ts
 * `SplitValidator`), shared by the browser tests (test/validation/split.test.ts) and the Node
 * tests (cli/split.test.js): the errors the split gives for a value, how they differ from whole
 * validation, values generated from a schema (fast-check), and schemas for the edge cases.
 */
import fc from 'fast-check';
import { SCHEMA_MAPS } from '../../src/core/schema-keywords.js';
import { KI_ANSWERS, SPRACHKURS_ANSWERS_WITH_NEEDS } from './example-answers.js';

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** @param {unknown} value */
const isPlainObject = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The errors of `value` by way of the split: the shell's, and each root property's that the value
 * has as an own property, merged.
 * @param {{ properties: ReadonlySet<string>, shell(v: unknown): any[], property(n: string, v: unknown): any[] }} split
 * @param {unknown} value
 * @param {(...lists: any[][]) => any[]} mergeErrors
 */
export function splitErrors(split, value, mergeErrors) {
  const lists = [split.shell(value)];
  if (isPlainObject(value))
    for (const name of split.properties)
      if (hasOwn(value, name)) lists.push(split.property(name, value[name]));
  return mergeErrors(...lists);
}

/** @param {{ pointer: string, keyword: string }} error */
const brief = (error) => `${error.pointer} ${error.keyword}`;

/**
 * How two error lists differ, in words (empty when they agree): as sets of (pointer, keyword),
 * and in the first error of each pointer.
 * @param {{ pointer: string, keyword: string }[]} whole
 * @param {{ pointer: string, keyword: string }[]} split
 * @returns {string[]}
 */
export function differences(whole, split) {
  const found = [];
  const left = new Set(whole.map(brief));
  const right = new Set(split.map(brief));
  for (const error of left) if (!right.has(error)) found.push(`only in whole: ${error}`);
  for (const error of right) if (!left.has(error)) found.push(`only in split: ${error}`);
  const first = (errors) => {
    const map = new Map();
    for (const error of errors) if (!map.has(error.pointer)) map.set(error.pointer, error.keyword);
    return map;
  };
  const a = first(whole);
  const b = first(split);
  for (const [pointer, keyword] of a)
    if (b.has(pointer) && b.get(pointer) !== keyword)
      found.push(`first error at "${pointer}": whole ${keyword}, split ${b.get(pointer)}`);
  return found;
}

/** Keywords whose keys are names, not keywords (the maps of schemas, and `dependentRequired`). */
const MAPS = new Set([...SCHEMA_MAPS, 'dependentRequired']);

/** Strings that some format or pattern of the corpus accepts, and some that none does. */
const STRINGS = [
  '',
  'x',
  'ab',
  'a@b.de',
  'not an email',
  '2024-02-29',
  '2023-02-29',
  '2024-02-29T10:00:00Z',
  '14:30',
  'https://example.org/a',
  '#00aa11',
  'data:text/plain;name=a.txt;base64,SGk=',
  '12345',
  '50667',
];

/**
 * Names and values a schema mentions: every property name (of `properties`, `required`,
 * dependencies …) and every `const`, `enum` member, `default` and `examples` member, with numbers
 * next to each limit.
 * @param {unknown} schema
 */
export function schemaFacts(schema) {
  const names = new Set(['extra', 'a/b', '~x']);
  const constants = [];
  const walk = (node, depth) => {
    if (typeof node !== 'object' || node === null || depth > 60) return;
    if (Array.isArray(node)) return node.forEach((item) => walk(item, depth + 1));
    for (const [key, value] of Object.entries(node)) {
      if (key === 'const' || key === 'default') constants.push(value);
      else if ((key === 'enum' || key === 'examples') && Array.isArray(value))
        constants.push(...value);
      else if (key === 'required' && Array.isArray(value))
        value.forEach((name) => typeof name === 'string' && names.add(name));
      else if (MAPS.has(key) && typeof value === 'object' && value !== null) {
        for (const [name, inner] of Object.entries(value)) {
          if (key !== '$defs' && key !== 'definitions' && key !== 'patternProperties')
            names.add(name);
          if (Array.isArray(inner)) inner.forEach((n) => typeof n === 'string' && names.add(n));
          else walk(inner, depth + 1);
        }
      } else if (typeof value === 'number' && /^(min|max|exclusive)/.test(key))
        constants.push(value - 1, value, value + 1);
      else walk(value, depth + 1);
    }
  };
  walk(schema, 0);
  return { names: [...names], constants };
}

/** A deep copy of JSON data (own properties stay own, `__proto__` too). */
const copy = (value) => JSON.parse(JSON.stringify(value));

/**
 * Values to validate against `schema`: the seeds (e.g. a sample's formData) with root properties
 * replaced, added or removed; objects built from the names and values the schema mentions; and
 * now and then something that is not an object at all.
 * @param {unknown} schema
 * @param {unknown[]} [seeds]
 * @returns {fc.Arbitrary<unknown>}
 */
export function valuesFor(schema, seeds = []) {
  const { names, constants } = schemaFacts(schema);
  const leaf = fc.oneof(
    ...(constants.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...constants) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...STRINGS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null, 1.5, 0) },
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('object'),
      tie('array'),
    ),
    array: fc.array(tie('value'), { maxLength: 3 }),
    object: fc
      .array(fc.tuple(fc.constantFrom(...names), tie('value')), { maxLength: 4 })
      .map((entries) => Object.fromEntries(entries)),
  }));
  const rootNames =
    typeof schema === 'object' && schema !== null && typeof schema.properties === 'object'
      ? Object.keys(schema.properties ?? {})
      : [];
  const keys = fc.constantFrom(...new Set([...rootNames, ...names]));
  const objectSeeds = seeds.filter(isPlainObject);
  const changed = fc
    .tuple(
      objectSeeds.length > 0 ? fc.constantFrom(...objectSeeds) : fc.constant({}),
      fc.array(fc.tuple(keys, fc.option(value, { freq: 4 })), { maxLength: 5 }),
    )
    .map(([seed, changes]) => {
      const result = copy(seed);
      for (const [key, replacement] of changes) {
        if (replacement === null) delete result[key];
        else
          Object.defineProperty(result, key, {
            value: replacement,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return result;
    });
  return fc.oneof(
    { weight: 6, arbitrary: changed },
    {
      weight: 3,
      arbitrary: fc.array(fc.tuple(keys, value), { maxLength: 8 }).map(Object.fromEntries),
    },
    ...(seeds.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...seeds.map(copy)) }] : []),
    { weight: 1, arbitrary: value },
  );
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * Schemas for the edge cases of the split, each with values that reach it (`seeds`).
 * @type {{ name: string, schema: Record<string, any>, seeds: unknown[] }[]}
 */
export const EDGE_CASES = [
  {
    name: 'property names that need escaping or look like Object.prototype members',
    schema: {
      type: 'object',
      required: ['a/b', '~x', 'constructor'],
      properties: JSON.parse(
        '{"a/b": {"type": "string", "minLength": 2}, "~x": {"type": "integer"},' +
          ' "__proto__": {"type": "object", "required": ["y"]}, "constructor": {"type": "string"},' +
          ' "toString": {"const": "t"}}',
      ),
    },
    seeds: [
      JSON.parse('{"a/b": "a", "~x": "no", "__proto__": {}, "constructor": 1, "toString": "u"}'),
      JSON.parse('{"a/b": "ab", "~x": 1, "__proto__": {"y": 1}, "constructor": "c"}'),
      {},
    ],
  },
  {
    name: 'a root that is not an object',
    schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
    seeds: ['text', 3, null, ['a'], [], {}],
  },
  {
    name: 'an array root whose items have properties',
    schema: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
    seeds: [[{ a: 1 }], { a: 1 }],
  },
  {
    name: 'patternProperties overlapping a property',
    schema: {
      type: 'object',
      properties: { age: { type: 'integer', maximum: 120 }, name: { type: 'string' } },
      patternProperties: { '^a': { minimum: 18, multipleOf: 2 }, e$: { minLength: 3 } },
    },
    seeds: [{ age: 7, name: 'x' }, { age: 121 }, { age: 'old', name: 'Jo', also: 3 }],
  },
  {
    name: 'unevaluatedProperties beside properties and allOf',
    schema: {
      type: 'object',
      properties: { a: { type: 'string' } },
      allOf: [{ properties: { b: { type: 'number' } } }],
      unevaluatedProperties: false,
    },
    seeds: [
      { a: 1, b: 'x', c: true },
      { a: 'x', b: 2 },
    ],
  },
  {
    name: 'additionalProperties: false',
    schema: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'object', additionalProperties: false } },
      additionalProperties: false,
    },
    seeds: [{ a: 'x', b: { c: 1 }, d: 2 }, { a: 2 }],
  },
  {
    name: 'required of a missing property, dependentRequired and dependentSchemas',
    schema: {
      type: 'object',
      required: ['a', 'b'],
      properties: {
        a: { type: 'string' },
        b: { type: 'number', maximum: 10 },
        card: { type: 'string' },
      },
      dependentRequired: { card: ['billing'] },
      dependentSchemas: {
        card: { properties: { b: { minimum: 5, multipleOf: 3 } }, required: ['a'] },
      },
    },
    seeds: [{}, { card: 'x', b: 11 }, { card: 'x', b: 4, a: 'y', billing: 1 }],
  },
  {
    name: 'if/then/else and allOf at the root that constrain properties',
    schema: {
      type: 'object',
      properties: {
        kind: { enum: ['dog', 'cat'] },
        name: { type: 'string', maxLength: 5 },
        contact: {
          oneOf: [
            { type: 'object', required: ['email'] },
            { type: 'object', required: ['phone'] },
          ],
        },
      },
      if: { properties: { kind: { const: 'dog' } }, required: ['kind'] },
      then: { required: ['name'], properties: { name: { minLength: 2 } } },
      else: { properties: { name: { const: 'cat' } } },
      allOf: [
        { properties: { name: { pattern: '^[A-Z]' }, contact: { required: ['email'] } } },
        { if: { required: ['contact'] }, then: { properties: { kind: { const: 'cat' } } } },
      ],
    },
    seeds: [
      { kind: 'dog' },
      { kind: 'dog', name: 'r' },
      { kind: 'cat', name: 'Tomcat', contact: {} },
      { name: 'abcdefg', contact: { phone: 1 } },
    ],
  },
  {
    name: '$ref into $defs from a property and from the shell',
    schema: {
      type: 'object',
      $defs: {
        code: { type: 'string', pattern: '^[0-9]{5}$' },
        address: {
          type: 'object',
          required: ['code'],
          properties: { code: { $ref: '#/$defs/code' } },
        },
        named: { required: ['name'] },
      },
      properties: { home: { $ref: '#/$defs/address' }, name: { type: 'string' }, code: {} },
      allOf: [{ $ref: '#/$defs/named' }, { properties: { code: { $ref: '#/$defs/code' } } }],
    },
    seeds: [
      { home: { code: '1' }, code: 5 },
      { home: {}, name: 'x', code: '12345' },
    ],
  },
  {
    name: 'a property that refers to another property, and to the root',
    schema: {
      type: 'object',
      properties: {
        first: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] },
        second: { $ref: '#/properties/first' },
        nested: { $ref: '#' },
      },
    },
    seeds: [{ first: {}, second: { x: 'y' }, nested: { second: {}, nested: { first: 1 } } }],
  },
  {
    name: '$id at the root and in $defs, relative references and $anchor',
    schema: {
      $id: 'https://forms.example.org/forms/split.json',
      type: 'object',
      $defs: {
        postal: {
          $id: 'postal.json',
          type: 'object',
          properties: { code: { $ref: '#/$defs/digits' } },
          required: ['code'],
          $defs: { digits: { type: 'string', pattern: '^[0-9]+$' } },
        },
        short: { $anchor: 'short', type: 'string', maxLength: 3 },
      },
      properties: {
        address: { $ref: 'postal.json' },
        tag: { $ref: '#short' },
        more: { allOf: [{ $id: 'inner.json', $ref: 'postal.json' }] },
      },
      allOf: [{ $id: 'rules.json', properties: { tag: { $ref: 'split.json#short' } } }],
      dependentSchemas: { tag: { properties: { address: { $ref: 'postal.json' } } } },
    },
    seeds: [
      { address: { code: 'x' }, tag: 'long', more: {} },
      { address: {}, tag: 'ok', more: { code: '1' } },
    ],
  },
  {
    name: 'draft-07: definitions and dependencies',
    schema: {
      $schema: DRAFT_07,
      type: 'object',
      definitions: { positive: { type: 'number', exclusiveMinimum: 0 } },
      properties: {
        amount: { $ref: '#/definitions/positive' },
        card: { type: 'string' },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
      },
      dependencies: {
        card: ['billing'],
        amount: { properties: { card: { minLength: 4 } }, required: ['card'] },
      },
    },
    seeds: [{ amount: -1 }, { amount: 2, card: 'x' }, { card: 'abcd', pair: [1, 'x'] }],
  },
  {
    name: 'oneOf alternatives in a property, whose errors normalizeErrors drops as noise',
    schema: {
      type: 'object',
      $defs: {
        company: { type: 'object', required: ['business'], properties: { business: {} } },
        school: {
          type: 'object',
          required: ['school'],
          properties: { school: { $ref: '#/$defs/name' } },
        },
        name: { type: 'string' },
      },
      properties: {
        job: { oneOf: [{ $ref: '#/$defs/company' }, { $ref: '#/$defs/school' }] },
        contact: {
          type: 'object',
          anyOf: [{ required: ['email'] }, { required: ['phone'] }],
        },
      },
    },
    seeds: [{ job: {}, contact: {} }, { job: 'x', contact: 3 }, { job: { school: 1 } }],
  },
  {
    name: 'properties that are true, false or empty',
    schema: {
      type: 'object',
      properties: { yes: true, no: false, any: {} },
      required: ['yes'],
    },
    seeds: [{ no: 1 }, { yes: 1, any: [] }],
  },
  {
    name: 'a root with a properties keyword of its own name in the data',
    schema: {
      type: 'object',
      properties: { properties: { type: 'object' }, 'x-intake-elements-split': { type: 'string' } },
    },
    seeds: [{ properties: 1, 'x-intake-elements-split': 2 }],
  },
];

/** Valid data for the example definitions (schemas/*.json) by name (test/helpers/example-answers.js). */
export const EXAMPLE_DATA = {
  'sprachkurs-anmeldung': SPRACHKURS_ANSWERS_WITH_NEEDS,
  'ki-erstberatung': KI_ANSWERS,
};

/**
 * Schemas and values where whole validation, normalized, loses an error that the split keeps
 * (`error`): normalizeErrors cannot tell the noise of a oneOf's `$ref`'d alternatives from an
 * error the root reported before at the same value, when that error reached the value through a
 * `$ref`, or when the oneOf is at the root's own value.
 * @type {{ name: string, schema: Record<string, any>, value: unknown, error: string }[]}
 */
export const WHOLE_VALIDATION_LOSES = [
  {
    name: 'a root constraint that reaches the property through a $ref',
    schema: {
      type: 'object',
      $defs: { rules: { required: ['email'] } },
      properties: {
        contact: {
          oneOf: [
            { type: 'object', required: ['email'] },
            { type: 'object', required: ['phone'] },
          ],
        },
      },
      allOf: [{ properties: { contact: { $ref: '#/$defs/rules' } } }],
    },
    value: { contact: {} },
    error: '/contact/email required',
  },
  {
    name: 'a oneOf at the root checked after the properties (dependentSchemas)',
    schema: {
      type: 'object',
      properties: { a: { type: 'string' }, kind: {} },
      dependentSchemas: { kind: { oneOf: [{ required: ['x'] }, { required: ['y'] }] } },
    },
    value: { a: 1, kind: 1 },
    error: '/a type',
  },
];
