// @ts-check
/**
 * Which of ajv's errors are the noise of a failed `oneOf` / `anyOf`: the errors of the
 * alternatives that did not match, which say nothing a person can act on (the `oneOf` error
 * itself stays). Only schemas with alternatives produce them, so the element loads this with its
 * condition logic; normalize-errors.js applies it for the command line and the receiver.
 */

/** @typedef {import('./error-shape.js').RawError} RawError */

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
export function alternativeNoise(errors) {
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
