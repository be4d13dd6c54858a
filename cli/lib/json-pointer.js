/**
 * RFC 6901 JSON Pointers, as used for translation keys: `/schema/properties/a~1b/title`. The
 * escaping is the element's (src/core/json-pointer.js); reading pointers here is stricter than in
 * the element, because the command line reports malformed keys the element would just not find.
 */

import { unescapeToken } from '../../src/core/json-pointer.js';

export { appendPointer, escapeToken, unescapeToken } from '../../src/core/json-pointer.js';

/**
 * Splits a pointer into unescaped tokens; `''` is the whole document.
 * @param {string} pointer
 * @returns {string[]}
 */
export function parsePointer(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError(`Not a JSON Pointer: ${pointer}`);
  if (/~[^01]|~$/.test(pointer)) throw new SyntaxError(`Bad escape in JSON Pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

/**
 * Whether a string is a well-formed JSON Pointer.
 * @param {string} pointer
 * @returns {boolean}
 */
export function isPointer(pointer) {
  try {
    parsePointer(pointer);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the value at `pointer`, or `undefined` where the path does not exist.
 * @param {unknown} document
 * @param {string} pointer
 * @returns {unknown}
 */
export function getAtPointer(document, pointer) {
  let current = document;
  for (const token of parsePointer(pointer)) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
      current = /** @type {Record<string, unknown>} */ (current)[token];
    }
  }
  return current;
}
