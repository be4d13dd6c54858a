/**
 * RFC 6901 JSON Pointers, as used for translation keys: `/schema/properties/a~1b/title`. Parsing
 * and reading are the element's (src/core/json-pointer.js); here they are stricter, because the
 * command line reports malformed keys (`~2`, a trailing `~`) the element would just not find.
 */

import { getAtTokens, parsePointer as parseLenient } from '../../src/core/json-pointer.js';

export { appendPointer, escapeToken, unescapeToken } from '../../src/core/json-pointer.js';

/**
 * Splits a pointer into unescaped tokens; `''` is the whole document. Throws a `SyntaxError` for
 * a string that is not a well-formed pointer.
 * @param {string} pointer
 * @returns {string[]}
 */
export function parsePointer(pointer) {
  const tokens = parseLenient(pointer);
  if (/~[^01]|~$/.test(pointer)) throw new SyntaxError(`Bad escape in JSON Pointer: ${pointer}`);
  return tokens;
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
 * Reads the value at `pointer`, or `undefined` where the path does not exist; throws a
 * `SyntaxError` for a malformed pointer.
 * @param {unknown} document
 * @param {string} pointer
 * @returns {unknown}
 */
export function getAtPointer(document, pointer) {
  return getAtTokens(document, parsePointer(pointer));
}
