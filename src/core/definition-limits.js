// @ts-check
/**
 * Limits on the size of a form definition, so that a hostile or careless definition gets a clear
 * error instead of overflowing the stack or freezing the page (docs/limits.md). The element checks
 * raw definitions against them; the command line refuses to compile a definition beyond them
 * (the element trusts a compiled one).
 *
 * - Nesting: at most {@link MAX_DEFINITION_DEPTH} levels of JSON objects and arrays. An object
 *   property nested in an object takes two levels (`properties`, then the name), so a schema may
 *   nest objects about 120 deep. ajv's compiler recurses per level and overflows the stack at
 *   around 1 000.
 * - Choices: at most {@link MAX_CHOICES} entries in one `enum`, `oneOf` or `anyOf` of the schema.
 *   A `<select>` with 50 000 options takes tens of seconds to build and lay out, and is no way to
 *   choose anyway (a long list belongs in a text field checked by the server, or in a search).
 *
 * The walk is iterative, so the check itself cannot overflow the stack.
 */
import { compilePointer } from './json-pointer.js';

/** At most this many levels of nested JSON objects and arrays. */
export const MAX_DEFINITION_DEPTH = 256;
/** At most this many entries in one `enum`, `oneOf` or `anyOf` of the schema. */
export const MAX_CHOICES = 5000;

const CHOICE_KEYWORDS = ['enum', 'oneOf', 'anyOf'];

/**
 * @typedef {{ kind: 'too-deep', pointer: string }
 *   | { kind: 'too-many-choices', pointer: string, keyword: string, count: number }} LimitProblem
 *   The first limit a definition goes beyond, and where (a JSON Pointer into the definition).
 */

/**
 * @typedef {object} Node
 * @property {unknown} value
 * @property {Node | undefined} parent
 * @property {string | number} key
 * @property {number} depth
 * @property {boolean} inSchema whether the node lies inside the definition's `schema`
 */

/**
 * @param {Node} node
 * @param {string | number} [last] one more token after the node's
 */
function pointerOf(node, last) {
  const tokens = last === undefined ? [] : [last];
  for (let current = node; current.parent; current = current.parent) tokens.push(current.key);
  return compilePointer(tokens.reverse());
}

/**
 * The first limit `definition` goes beyond, or `undefined` when it keeps them all.
 *
 * @param {unknown} definition
 * @returns {LimitProblem | undefined}
 */
export function findLimitProblem(definition) {
  /** @type {Node[]} */
  const stack = [{ value: definition, parent: undefined, key: '', depth: 0, inSchema: false }];
  while (stack.length > 0) {
    const node = /** @type {Node} */ (stack.pop());
    const { value, depth, inSchema } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEFINITION_DEPTH) return { kind: 'too-deep', pointer: pointerOf(node) };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], parent: node, key: i, depth: depth + 1, inSchema });
      continue;
    }
    const object = /** @type {Record<string, unknown>} */ (value);
    for (const keyword of inSchema ? CHOICE_KEYWORDS : []) {
      const list = Object.prototype.hasOwnProperty.call(object, keyword)
        ? object[keyword]
        : undefined;
      if (Array.isArray(list) && list.length > MAX_CHOICES)
        return {
          kind: 'too-many-choices',
          pointer: pointerOf(node, keyword),
          keyword,
          count: list.length,
        };
    }
    const keys = Object.keys(object);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      stack.push({
        value: object[key],
        parent: node,
        key,
        depth: depth + 1,
        inSchema: inSchema || (depth === 0 && key === 'schema'),
      });
    }
  }
  return undefined;
}

/**
 * What a limit problem says, in the words the element's definition error and the command line's
 * check both use: `nested more than 256 levels deep`, `6000 entries; at most 5000 are supported`.
 *
 * @param {LimitProblem} problem
 * @returns {string}
 */
export function describeLimitProblem(problem) {
  return problem.kind === 'too-deep'
    ? `nested more than ${MAX_DEFINITION_DEPTH} levels deep`
    : `${problem.count} entries; at most ${MAX_CHOICES} are supported`;
}
