// @ts-check
/**
 * The public error shape made from ajv's errors: one entry per offending value and keyword, at
 * the offending value's pointer for every keyword: `required`, `dependentRequired` and draft-07
 * `dependencies` at the missing property, `additionalProperties`, `unevaluatedProperties` and
 * `propertyNames` at the extra or misnamed property, errors at one value in the order a person fixes
 * them. Which errors are the noise of alternatives (`oneOf` / `anyOf`) is told by
 * alternative-noise.js, which only schemas with alternatives need: normalize-errors.js puts the
 * two together for the command line and the receiver; the element's main file uses this module
 * alone and takes the noise filter from its condition-logic chunk.
 */
import { appendPointer } from './json-pointer.js';

/**
 * @typedef {object} RawError The parts of an ajv `ErrorObject` this module reads.
 * @property {string} keyword
 * @property {string} instancePath
 * @property {string} schemaPath
 * @property {Record<string, unknown>} params
 */

/**
 * @typedef {object} FieldError An error at one value: its JSON Pointer, the keyword it breaks,
 *   and ajv's `params` for the message.
 * @property {string} pointer
 * @property {string} keyword
 * @property {Record<string, unknown>} params
 */

/**
 * @typedef {object} NormalizeOptions
 * @property {boolean} [extraAtOwnPointer] `false`: an extra property (`additionalProperties`,
 *   `unevaluatedProperties`) and a bad property name (`propertyNames`) are reported at the
 *   object's pointer. By default (API.md: `pointer` is that of the offending value) each is
 *   reported at the offending property's own pointer, in the element as in the receiver.
 */

/** Keywords whose error names a missing property in `params.missingProperty`. */
const MISSING = new Set(['required', 'dependentRequired', 'dependencies']);

/** Which error wins when one value breaks several keywords: the one a person fixes first. */
const PRIORITY = [
  'required',
  'dependentRequired',
  'dependencies',
  'type',
  'const',
  'enum',
  'format',
  'minLength',
  'maxLength',
  'pattern',
];

/**
 * The other keywords that report errors of their own, in the order ajv checks them within one
 * schema object (its rule groups: any type, number, string, array, object). Ranking every keyword
 * makes the order within a pointer depend on the keywords alone, not on which subschema reported
 * them first: the errors of one value can come from several places (an `allOf` member, a
 * `patternProperties` entry, the property's own schema), and validating the root's properties
 * one by one (`mergeErrors`) visits those places in another order than ajv does.
 */
const OTHERS = [
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'multipleOf',
  'maxItems',
  'minItems',
  'additionalItems',
  'items',
  'contains',
  'uniqueItems',
  'maxContains',
  'minContains',
  'unevaluatedItems',
  'maxProperties',
  'minProperties',
  'propertyNames',
  'additionalProperties',
  'unevaluatedProperties',
  'false schema',
];

/**
 * Keywords whose failure only says "one of the parts below failed", last, in ajv's order (most of
 * them report nothing of their own; `if` is dropped).
 */
const COMPOSITE_ORDER = [
  '$ref',
  'not',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'then',
  'else',
  'dependentSchemas',
];

const RANK = new Map(
  [...PRIORITY, ...OTHERS, ...COMPOSITE_ORDER].map((keyword, index) => [keyword, index]),
);

/** Keywords this module does not know rank after the known ones and before the composites. */
const UNKNOWN_RANK = PRIORITY.length + OTHERS.length - 0.5;

/** @param {string} keyword */
function rank(keyword) {
  return RANK.get(keyword) ?? UNKNOWN_RANK;
}

/**
 * Orders errors for one pointer: by rank, then (only between keywords this module does not
 * know) by name, so that the order does not depend on where the errors came from.
 *
 * @param {string} a
 * @param {string} b
 */
function compareKeywords(a, b) {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0 || a === b) return byRank;
  return a < b ? -1 : 1;
}

/**
 * De-duplicates (one error per pointer and keyword: the first) and orders errors: pointers in the
 * order they first occur, and within a pointer the error a person should fix first first (see
 * `compareKeywords`); otherwise as given.
 *
 * @param {readonly FieldError[]} errors
 * @returns {FieldError[]}
 */
function dedupeAndOrder(errors) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {Map<string, number>} */
  const order = new Map();
  /** @type {{ error: FieldError, index: number }[]} */
  const kept = [];
  for (const error of errors) {
    const key = `${error.pointer}\u0000${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!order.has(error.pointer)) order.set(error.pointer, order.size);
    kept.push({ error, index: kept.length });
  }
  // The order of pointers (the schema's order) is kept; only a pointer's own errors move.
  return kept
    .sort(
      (a, b) =>
        /** @type {number} */ (order.get(a.error.pointer)) -
          /** @type {number} */ (order.get(b.error.pointer)) ||
        compareKeywords(a.error.keyword, b.error.keyword) ||
        a.index - b.index,
    )
    .map(({ error }) => error);
}

/** Keywords whose error names an extra or misnamed property, and the `params` key naming it. */
const EXTRA = new Map([
  ['additionalProperties', 'additionalProperty'],
  ['unevaluatedProperties', 'unevaluatedProperty'],
  ['propertyNames', 'propertyName'],
]);

/**
 * Which of ajv's errors (by index) are the noise of alternatives, and are left out.
 *
 * @typedef {(errors: readonly RawError[]) => Set<number>} NoiseFilter
 */

/**
 * Normalizes, de-duplicates and sorts (most important first within a pointer) ajv errors,
 * leaving out those `noise` names.
 *
 * @param {readonly RawError[] | null | undefined} errors
 * @param {NoiseFilter} [noiseOf]
 * @param {NormalizeOptions} [options]
 * @returns {FieldError[]}
 */
export function shapeErrors(errors, noiseOf, options = {}) {
  if (!errors) return [];
  /** @type {FieldError[]} */
  const result = [];
  const noise = noiseOf ? noiseOf(errors) : new Set();
  for (const [index, error] of errors.entries()) {
    if (error.keyword === 'if') continue;
    if (noise.has(index)) continue;
    // The errors of the schema under `propertyNames` (its `pattern`, `maxLength`) are about a
    // name, not a value: the `propertyNames` error after them says which name.
    if ('propertyName' in error) continue;
    let pointer = error.instancePath;
    if (MISSING.has(error.keyword) && typeof error.params.missingProperty === 'string') {
      pointer = appendPointer(pointer, error.params.missingProperty);
    }
    const extra = options.extraAtOwnPointer !== false ? EXTRA.get(error.keyword) : undefined;
    const name = extra === undefined ? undefined : error.params[extra];
    if (typeof name === 'string') pointer = appendPointer(pointer, name);
    result.push({ pointer, keyword: error.keyword, params: { ...error.params } });
  }
  return dedupeAndOrder(result);
}

/**
 * Merges lists of normalized errors (each from `normalizeErrors`) into one, applying the same
 * rule across them: one error per pointer and keyword (the first, in the order the lists are
 * given), and within a pointer the error a person should fix first first.
 *
 * Order guaranteed: pointers in the order they first occur in the lists as given (all of the
 * first list's pointers, then the second list's new ones, …); within a pointer, by keyword (the
 * same order `normalizeErrors` uses, which depends on the keywords only), then as given.
 *
 * So `mergeErrors(split.shell(v), split.property(a, v.a), …)` has the same errors as validating
 * `v` whole, and for each pointer the same first error; only the order of the pointers may
 * differ (whole validation lists them as ajv visits them: keywords of the root such as
 * `required` and `allOf` before its `properties`, `dependentSchemas` and `unevaluatedProperties`
 * after). Where two places fail the same keyword at one value (an `allOf` member and the
 * property's own schema, both `minimum`), one error is kept, whose `params` come from the list
 * given first. The returned errors are the given objects, not copies.
 *
 * @param {...FieldError[]} lists
 * @returns {FieldError[]}
 */
export function mergeErrors(...lists) {
  if (lists.length === 1) return dedupeAndOrder(lists[0]);
  return dedupeAndOrder(lists.flat());
}
