// @ts-check
/**
 * Which JSON Schema dialect a schema is written in, and how ajv is set up for it: one rule for
 * the element's runtime compiler, the command line and the reference receiver, so that all three
 * judge a definition and its data alike.
 *
 * `$schema` decides (draft-04, draft-06, draft-07, 2019-09, 2020-12); without it the default is
 * 2020-12 (API.md), unless the schema uses keywords that only the drafts up to 07 have
 * (`definitions`, `dependencies`, array `items`, `additionalItems`), as schemas written for
 * react-jsonschema-form usually do: those are read as draft-07 (README, "Definition format").
 */

import { descends, SCHEMA_MAPS } from './schema-keywords.js';

/** @typedef {'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12'} Dialect */

/** Each dialect's `$schema`, in the usual spellings (`http` or `https`, with or without `#`). */
const DIALECTS = /** @type {const} */ ([
  ['draft-04', /^https?:\/\/json-schema\.org\/draft-04\/schema#?$/],
  ['draft-06', /^https?:\/\/json-schema\.org\/draft-06\/schema#?$/],
  ['draft-07', /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/],
  ['2019-09', /^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/],
  ['2020-12', /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/],
]);

/** The `$schema` URI under which ajv knows each dialect's meta-schema. */
export const META_SCHEMA = Object.freeze({
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
});

/**
 * The official meta-schemas (and the vocabulary meta-schemas of 2019-09 and 2020-12), with any
 * fragment: a `$ref` to one is known to ajv and need not be in the definition.
 */
const META_SCHEMA_URI =
  /^https?:\/\/json-schema\.org\/(draft-0[4-7]\/schema|draft\/20(19-09|20-12)\/(schema|meta\/[a-z-]+))(#.*)?$/;

/**
 * Whether `uri` (absolute) names an official meta-schema or a part of one.
 *
 * @param {string} uri
 */
export function isMetaSchemaUri(uri) {
  return META_SCHEMA_URI.test(uri);
}

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
    for (const [dialect, pattern] of DIALECTS) if (pattern.test(declared)) return dialect;
    throw new UnsupportedDialectError(declared);
  }
  return usesDraft07Keywords(schema) ? 'draft-07' : '2020-12';
}

/**
 * ajv knows each meta-schema under one exact URI; `detectDialect` accepts the usual spellings
 * (`https`, without `#`). The root's `$schema` is rewritten to ajv's spelling (on a
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
  const id = schema[idKeyword(schema)];
  return typeof id === 'string' && id.replace(/#.*$/, '') !== ''
    ? id.replace(/#.*$/, '')
    : ROOT_KEY;
}

/**
 * The keyword that names a schema resource in the schema's dialect: draft-04's `id`, later
 * drafts' `$id`. Read from the root's `$schema` only (no guess), as ajv-draft-04 does.
 *
 * @param {Record<string, unknown>} schema the root schema
 * @returns {'id' | '$id'}
 */
export function idKeyword(schema) {
  return typeof schema.$schema === 'string' && DIALECTS[0][1].test(schema.$schema) ? 'id' : '$id';
}
