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

/** Normalizes, de-duplicates and sorts (most important first within a pointer) ajv errors. */
export function normalizeErrors(errors: readonly RawError[] | null | undefined): FieldError[] {
  if (!errors) return [];
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (insideAlternative(error.schemaPath)) continue;
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
