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
