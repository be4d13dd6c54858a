/**
 * Edits one top-level member of a JSON document in place, so that writing a definition's
 * `translations` leaves every other byte of the file as it was (its formatting included).
 */

/**
 * Finds the end of the JSON value that starts at `pos` (after white space).
 * @param {string} text
 * @param {number} pos
 * @returns {number} index just after the value
 */
function skipValue(text, pos) {
  const char = text[pos];
  if (char === '"') {
    for (let i = pos + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    throw new SyntaxError('Unterminated string');
  }
  if (char === '{' || char === '[') {
    const close = char === '{' ? '}' : ']';
    let i = skipSpace(text, pos + 1);
    if (text[i] === close) return i + 1;
    for (;;) {
      if (char === '{') {
        i = skipSpace(text, skipValue(text, i));
        if (text[i] !== ':') throw new SyntaxError(`Expected ":" at ${i}`);
        i = skipSpace(text, i + 1);
      }
      i = skipSpace(text, skipValue(text, i));
      if (text[i] === close) return i + 1;
      if (text[i] !== ',') throw new SyntaxError(`Expected "," or "${close}" at ${i}`);
      i = skipSpace(text, i + 1);
    }
  }
  const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos));
  if (!literal) throw new SyntaxError(`Unexpected character at ${pos}`);
  return pos + literal[0].length;
}

/**
 * @param {string} text
 * @param {number} pos
 */
function skipSpace(text, pos) {
  while (pos < text.length && /[ \t\r\n]/.test(text[pos])) pos++;
  return pos;
}

/**
 * Sets the top-level member `key` of the JSON object in `text` to `value`, written with 2-space
 * indentation at the member's depth. Replaces only that member's value; when the member is
 * missing it is appended as the last member. Other bytes of `text` are kept.
 * @param {string} text a JSON document whose root is an object
 * @param {string} key
 * @param {unknown} value
 * @returns {string}
 */
export function setTopLevelMember(text, key, value) {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') throw new SyntaxError('The root of the document is not an object');
  i = skipSpace(text, i + 1);
  let indent = '  ';
  let lastEnd = -1;
  while (text[i] !== '}') {
    const keyStart = i;
    const keyEnd = skipValue(text, i);
    const name = JSON.parse(text.slice(keyStart, keyEnd));
    const lineStart = text.lastIndexOf('\n', keyStart) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, keyStart))) indent = text.slice(lineStart, keyStart);
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') throw new SyntaxError(`Expected ":" at ${i}`);
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = skipValue(text, valueStart);
    if (name === key) {
      const json = serialize(value, indent);
      return text.slice(0, valueStart) + json + text.slice(valueEnd);
    }
    lastEnd = valueEnd;
    i = skipSpace(text, valueEnd);
    if (text[i] === ',') i = skipSpace(text, i + 1);
    else if (text[i] !== '}') throw new SyntaxError(`Expected "," or "}" at ${i}`);
  }
  const member = `${indent}${JSON.stringify(key)}: ${serialize(value, indent)}`;
  if (lastEnd === -1) return `${text.slice(0, i)}\n${member}\n${text.slice(i)}`;
  return `${text.slice(0, lastEnd)},\n${member}${text.slice(lastEnd)}`;
}

/**
 * @param {unknown} value
 * @param {string} indent indentation of the member's line
 */
function serialize(value, indent) {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}
