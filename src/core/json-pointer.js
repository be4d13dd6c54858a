// @ts-check
/**
 * RFC 6901 JSON Pointers, the one address of the project (controls, errors, translations, drafts):
 * the escaping shared by the element, the command line and the receiver.
 */

/**
 * Escapes one reference token (`~` → `~0`, `/` → `~1`).
 *
 * @param {string | number} token
 * @returns {string}
 */
export function escapeToken(token) {
  const text = String(token);
  // Most names have neither character: a form of a thousand fields escapes thousands of them.
  return text.includes('~') || text.includes('/')
    ? text.replace(/~/g, '~0').replace(/\//g, '~1')
    : text;
}

/**
 * Unescapes one reference token.
 *
 * @param {string} token
 * @returns {string}
 */
export function unescapeToken(token) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Appends one token to a pointer: `appendPointer('/a', 'b/c')` → `/a/b~1c`.
 *
 * @param {string} pointer
 * @param {string | number} token
 * @returns {string}
 */
export function appendPointer(pointer, token) {
  return `${pointer}/${escapeToken(token)}`;
}

/**
 * Builds a pointer from unescaped tokens.
 *
 * @param {readonly (string | number)[]} tokens
 * @returns {string}
 */
export function compilePointer(tokens) {
  return tokens.map((token) => `/${escapeToken(token)}`).join('');
}

/**
 * Splits a pointer into unescaped tokens; `''` is the whole document. Throws a `SyntaxError` for
 * a string that does not start with `/`.
 *
 * @param {string} pointer
 * @returns {string[]}
 */
export function parsePointer(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError(`Not a JSON Pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** An array index as RFC 6901 writes it: no sign, no leading zero. */
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * The value reached by following unescaped `tokens` from `document`, or `undefined` where the
 * path does not exist. Only own properties count: `constructor` or `__proto__` in a pointer never
 * reach into `Object.prototype`.
 *
 * @param {unknown} document
 * @param {readonly string[]} tokens
 * @returns {unknown}
 */
export function getAtTokens(document, tokens) {
  let current = document;
  for (const token of tokens) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(token)) return undefined;
      current = current[Number(token)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
      current = /** @type {Record<string, unknown>} */ (current)[token];
    }
  }
  return current;
}

/**
 * Reads the value at `pointer`, or `undefined` where the path does not exist.
 *
 * @param {unknown} document
 * @param {string} pointer
 * @returns {unknown}
 */
export function getAtPointer(document, pointer) {
  return getAtTokens(document, parsePointer(pointer));
}
