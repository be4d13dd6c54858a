// @ts-check
/**
 * Which JSON Schema dialect a schema is written in, and how ajv is set up for it: one rule for
 * the element's runtime compiler, the command line and the reference receiver, so that all three
 * judge a definition and its data alike.
 *
 * `$schema` decides; without it the default is 2020-12 (API.md), unless the schema uses keywords
 * that only draft-07 has, as schemas written for react-jsonschema-form usually do.
 */

import { descends, SCHEMA_MAPS } from './schema-keywords.js';

/** @typedef {'draft-07' | '2020-12'} Dialect */

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-0[67]\/schema#?$/;
const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

/** The `$schema` URI under which ajv knows each dialect's meta-schema. */
export const META_SCHEMA = Object.freeze({
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
});

/** The URI the root schema is registered under with ajv when it has no `$id` of its own. */
export const ROOT_KEY = 'https://intake-elements.invalid/schema.json';

/**
 * The ajv options every validator of a form is built with. `allErrors`: every problem shows at
 * once. `messages: false`: the element words its own, in the person's language. `ownProperties`:
 * a property named `constructor` or `toString` is data only where the data has it; without it
 * ajv reads `Object.prototype`'s members as values (an empty `constructor` field fails "type", a
 * `required: ["toString"]` is always met).
 */
export const AJV_OPTIONS = Object.freeze({
  allErrors: true,
  strict: false,
  messages: false,
  validateFormats: true,
  ownProperties: true,
});

/**
 * @param {unknown} node
 * @param {number} [depth]
 * @param {boolean} [inMap]
 * @returns {boolean}
 */
function usesDraft07Keywords(node, depth = 0, inMap = false) {
  if (typeof node !== 'object' || node === null || depth > 200) return false;
  if (Array.isArray(node)) return node.some((item) => usesDraft07Keywords(item, depth + 1));
  const schema = /** @type {Record<string, unknown>} */ (node);
  if (inMap) return Object.values(schema).some((value) => usesDraft07Keywords(value, depth + 1));
  if (
    'definitions' in schema ||
    'dependencies' in schema ||
    'additionalItems' in schema ||
    Array.isArray(schema.items)
  )
    return true;
  return Object.entries(schema).some(
    ([key, value]) =>
      descends(key, false) && usesDraft07Keywords(value, depth + 1, SCHEMA_MAPS.has(key)),
  );
}

/** A `$schema` this library does not know. */
export class UnsupportedDialectError extends Error {
  /** @param {string} dialect the `$schema` as written */
  constructor(dialect) {
    super(`Unsupported $schema: ${dialect}`);
    this.name = 'UnsupportedDialectError';
    /** The `$schema` as written. */
    this.dialect = dialect;
    /** Where it is written in a definition. */
    this.pointer = '/schema/$schema';
  }
}

/**
 * The dialect of a schema. Throws an {@link UnsupportedDialectError} for a `$schema` this library
 * does not know.
 *
 * @param {Record<string, unknown>} schema
 * @returns {Dialect}
 */
export function detectDialect(schema) {
  const declared = schema.$schema;
  if (typeof declared === 'string') {
    if (DRAFT_2020.test(declared)) return '2020-12';
    if (DRAFT_07.test(declared)) return 'draft-07';
    throw new UnsupportedDialectError(declared);
  }
  return usesDraft07Keywords(schema) ? 'draft-07' : '2020-12';
}

/**
 * ajv knows each meta-schema under one exact URI; `detectDialect` accepts the usual spellings
 * (`https`, without `#`, draft-06). The root's `$schema` is rewritten to ajv's spelling (on a
 * shallow copy) so that those compile instead of failing with "no schema with key or ref".
 *
 * @template {Record<string, unknown>} S
 * @param {S} schema
 * @param {Dialect} dialect
 * @returns {S}
 */
export function withCanonicalSchema(schema, dialect) {
  return typeof schema.$schema === 'string' ? { ...schema, $schema: META_SCHEMA[dialect] } : schema;
}

/**
 * The key the root schema is known by in ajv: its own `$id` (without fragment), or `ROOT_KEY`.
 *
 * @param {Record<string, unknown>} schema
 */
export function rootKeyOf(schema) {
  return typeof schema.$id === 'string' ? schema.$id.replace(/#.*$/, '') : ROOT_KEY;
}
