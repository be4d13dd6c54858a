// @ts-check
/**
 * Turns ajv's errors into the public error shape: one entry per offending value and keyword,
 * `required` pointing at the missing property, and the noise of alternatives left out. The
 * element and the reference receiver report errors with it, so that both point at the same
 * fields.
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
 * @property {boolean} [extraAtOwnPointer] An extra property (`additionalProperties`,
 *   `unevaluatedProperties`) is reported at its own pointer rather than at the object's. The
 *   receiver wants this: only a hand-made request carries one, and its sender wants to know
 *   which; a form has no field for it, so the element reports it at the object.
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
 * Whether the error comes from inside one alternative of a `oneOf` / `anyOf`.
 *
 * @param {string} schemaPath
 */
function insideAlternative(schemaPath) {
  return /\/(oneOf|anyOf)\/\d+\//.test(schemaPath);
}

/**
 * @param {string} pointer
 * @param {string} ancestor
 */
function isWithin(pointer, ancestor) {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/**
 * Keywords whose errors ajv may report before those of `anyOf` / `oneOf` of the same schema
 * object (ajv checks `type`, then `$ref`, `const`, `enum`, `not`, `anyOf`, `oneOf`, `allOf`, `if`,
 * then the keywords of each type). Limitation: errors from inside a `$ref` written beside a
 * `oneOf` carry the target's path and are taken for the alternatives' noise.
 */
const CHECKED_BEFORE = new Set(['type', '$ref', 'const', 'enum', 'not', 'anyOf']);

/**
 * Marks the errors that ajv reported from inside the alternatives of a failed `oneOf` / `anyOf`.
 *
 * Where an alternative is written inline, its errors' `schemaPath` says so
 * (`#/properties/x/oneOf/1/required`). Where it is a `$ref`, ajv gives the path inside the
 * referenced schema instead (`#/definitions/Company/required`, or `#/required` when the target is
 * compiled as a function of its own), which says nothing about the alternative. ajv reports the
 * alternatives' errors together, immediately before the `oneOf` / `anyOf` error itself; so this
 * walks back from that error over the run of errors at or below its value, and stops at the
 * first one that must come from a keyword checked earlier: another keyword of the same schema
 * object that ajv checks first, or a different part of the same document (an earlier `allOf`
 * member) — recognised by sharing more of the schema path than `#` with the `oneOf` without
 * lying inside it, or by a path that leads from the root to the error's value (a keyword of the
 * root, such as an `allOf` member's `properties/x/required`, checked before the root's
 * `properties`). Limitation: an error of the root's that reached the value through a `$ref`
 * (`#/$defs/rules/required`) looks like an alternative's and is dropped with them; so is one at
 * the root's own value. Validating the root's properties one by one (`SplitValidator`) keeps
 * those apart, and so keeps such errors.
 *
 * @param {readonly RawError[]} errors
 * @returns {Set<number>}
 */
function alternativeNoise(errors) {
  /** @type {Set<number>} */
  const noise = new Set();
  errors.forEach((error, index) => {
    if (insideAlternative(error.schemaPath)) noise.add(index);
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') return;
    const suffix = `/${error.keyword}`;
    if (!error.schemaPath.endsWith(suffix)) return;
    const owner = error.schemaPath.slice(0, -suffix.length);
    for (let j = index - 1; j >= 0; j--) {
      const earlier = errors[j];
      if (!isWithin(earlier.instancePath, error.instancePath)) break;
      const path = earlier.schemaPath;
      if (path.startsWith(`${error.schemaPath}/`)) {
        noise.add(j);
        continue;
      }
      if (path.startsWith(`${owner}/`)) {
        // Another keyword of the same schema object: checked earlier if ajv checks it first;
        // otherwise it cannot precede this error, so it is a `$ref`'d alternative's own path.
        const keyword = path.slice(owner.length + 1).split('/')[0];
        if (CHECKED_BEFORE.has(keyword)) break;
        noise.add(j);
        continue;
      }
      if (sharedSegments(path, owner) > 1) break;
      // A path that leads from the root to the error's value (`#/allOf/0/properties/x/required`
      // for an error at `/x`) is the root's own: ajv checked it before the `oneOf`. The
      // alternatives' paths cannot: a `$ref`'d target's path starts at the target, which is at
      // or below the `oneOf`'s value, so it leads to the value from below the root. (At the
      // root's own value the two look alike, and the error counts as noise.)
      if (error.instancePath !== '' && leadsTo(path, earlier.keyword, earlier.instancePath)) break;
      noise.add(j);
    }
  });
  return noise;
}

/** Keywords whose subschema applies to a member of the value: any member. */
const TO_ANY_MEMBER = new Set([
  'additionalProperties',
  'unevaluatedProperties',
  'additionalItems',
  'unevaluatedItems',
  'contains',
]);

/** Keywords followed by a name or index that does not lead to a member (`allOf/0`, `$defs/x`). */
const NAMED = new Set([
  'allOf',
  'anyOf',
  'oneOf',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

/**
 * Decodes a schema path segment (URI-encoded JSON Pointer token) into a JSON Pointer token.
 *
 * @param {string} segment
 * @returns {string | undefined}
 */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Whether the schema path `path` (of an error with `keyword`) leads from the root schema to the
 * value at `instancePath`: its `properties/<name>`, `items/<index>`, `patternProperties/<pattern>`,
 * `additionalProperties`, … steps are, one for one, the tokens of `instancePath`.
 *
 * @param {string} path
 * @param {string} keyword
 * @param {string} instancePath
 * @returns {boolean}
 */
function leadsTo(path, keyword, instancePath) {
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === keyword) segments.pop();
  const tokens = instancePath === '' ? [] : instancePath.slice(1).split('/');
  let depth = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (NAMED.has(segment)) {
      i++;
      continue;
    }
    /** @type {string | undefined | null} null: any member */
    let member = null;
    if (segment === 'properties' || segment === 'prefixItems')
      member = decodeSegment(segments[++i] ?? '');
    else if (segment === 'patternProperties') i++;
    else if (segment === 'items') {
      // draft-07 tuples: `items/0`
      if (/^\d+$/.test(segments[i + 1] ?? '')) member = segments[++i];
    } else if (!TO_ANY_MEMBER.has(segment)) continue;
    if (depth >= tokens.length) return false;
    if (member !== null && member !== tokens[depth]) return false;
    depth++;
  }
  return depth === tokens.length;
}

/**
 * How many leading `/`-separated segments two schema paths share (`#` is the first).
 *
 * @param {string} a
 * @param {string} b
 */
function sharedSegments(a, b) {
  const left = a.split('/');
  const right = b.split('/');
  let count = 0;
  while (count < left.length && count < right.length && left[count] === right[count]) count++;
  return count;
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

/** Server addition (see `extraAtOwnPointer`): keywords whose error names an extra property. */
const EXTRA = new Map([
  ['additionalProperties', 'additionalProperty'],
  ['unevaluatedProperties', 'unevaluatedProperty'],
]);

/**
 * Normalizes, de-duplicates and sorts (most important first within a pointer) ajv errors.
 *
 * @param {readonly RawError[] | null | undefined} errors
 * @param {NormalizeOptions} [options]
 * @returns {FieldError[]}
 */
export function normalizeErrors(errors, options = {}) {
  if (!errors) return [];
  /** @type {FieldError[]} */
  const result = [];
  const noise = alternativeNoise(errors);
  for (const [index, error] of errors.entries()) {
    if (error.keyword === 'if') continue;
    if (noise.has(index)) continue;
    let pointer = error.instancePath;
    if (MISSING.has(error.keyword) && typeof error.params.missingProperty === 'string') {
      pointer = appendPointer(pointer, error.params.missingProperty);
    }
    const extra = options.extraAtOwnPointer ? EXTRA.get(error.keyword) : undefined;
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
