/**
 * Turns ajv's errors into the public error shape: one entry per offending value and keyword,
 * `required` pointing at the missing property, and the noise of alternatives left out.
 */
import { appendPointer } from '../model/json-pointer.js';
import type { FieldError } from '../model/types.js';

/** The parts of an ajv `ErrorObject` this module reads. */
export interface RawError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** Keywords whose failure only says "one of the parts below failed". */
const COMPOSITE = new Set([
  'if',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  '$ref',
  'dependentSchemas',
  'then',
  'else',
]);

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

function rank(keyword: string): number {
  const index = PRIORITY.indexOf(keyword);
  if (index !== -1) return index;
  return COMPOSITE.has(keyword) ? PRIORITY.length + 1 : PRIORITY.length;
}

/** Whether the error comes from inside one alternative of a `oneOf` / `anyOf`. */
function insideAlternative(schemaPath: string): boolean {
  return /\/(oneOf|anyOf)\/\d+\//.test(schemaPath);
}

function isWithin(pointer: string, ancestor: string): boolean {
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
 * lying inside it.
 */
function alternativeNoise(errors: readonly RawError[]): Set<number> {
  const noise = new Set<number>();
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
      noise.add(j);
    }
  });
  return noise;
}

/** How many leading `/`-separated segments two schema paths share (`#` is the first). */
function sharedSegments(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  let count = 0;
  while (count < left.length && count < right.length && left[count] === right[count]) count++;
  return count;
}

/** Normalizes, de-duplicates and sorts (most important first within a pointer) ajv errors. */
export function normalizeErrors(errors: readonly RawError[] | null | undefined): FieldError[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const result: FieldError[] = [];
  const noise = alternativeNoise(errors);
  for (const [index, error] of errors.entries()) {
    if (error.keyword === 'if') continue;
    if (noise.has(index)) continue;
    let pointer = error.instancePath;
    if (MISSING.has(error.keyword) && typeof error.params.missingProperty === 'string') {
      pointer = appendPointer(pointer, error.params.missingProperty);
    }
    const key = `${pointer}\u0000${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ pointer, keyword: error.keyword, params: { ...error.params } });
  }
  // Within one pointer, the error a person should fix first comes first; the order of pointers
  // (the schema's order) is kept.
  const order = new Map<string, number>();
  result.forEach((error) => order.has(error.pointer) || order.set(error.pointer, order.size));
  return result
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        order.get(a.error.pointer)! - order.get(b.error.pointer)! ||
        rank(a.error.keyword) - rank(b.error.keyword) ||
        a.index - b.index,
    )
    .map(({ error }) => error);
}

/** Several normalized lists as one (placeholder until the split validators land: concatenation). */
export function mergeErrors(...lists: FieldError[][]): FieldError[] {
  return lists.flat();
}
