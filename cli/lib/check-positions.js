/**
 * Where in a JSON text each value is: JSON Pointer → line and column (1-based), so that problems
 * can be shown as `file:line:column` the way editors and CI annotations expect. For a member of an
 * object the position is that of its key.
 */
import { appendPointer } from './json-pointer.js';

/** @typedef {{ line: number, column: number }} Position */

/**
 * Line and column of a character offset.
 * @param {string} text
 * @param {number} offset
 * @returns {Position}
 */
export function positionAt(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Maps every pointer of a (valid) JSON text to its position. Returns an empty map for text that
 * is not JSON.
 * @param {string} text
 * @returns {Map<string, Position>}
 */
export function jsonPositions(text) {
  /** @type {Map<string, number>} */
  const offsets = new Map();
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\r\n\uFEFF'.includes(text[i])) i++;
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  /** @param {string} pointer */
  const value = (pointer) => {
    space();
    if (!offsets.has(pointer)) offsets.set(pointer, i);
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        const keyAt = i;
        const key = string();
        const member = appendPointer(pointer, key);
        offsets.set(member, keyAt);
        space();
        i++; // ':'
        value(member);
        space();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(appendPointer(pointer, n));
        space();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') {
      string();
      return;
    }
    while (i < text.length && !',]} \t\r\n'.includes(text[i])) i++;
  };
  try {
    JSON.parse(text);
    value('');
  } catch {
    return new Map();
  }
  /** @type {Map<string, Position>} */
  const positions = new Map();
  // One pass over the text for all offsets.
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const [pointer, offset] of sorted) {
    for (; at < offset; at++) {
      if (text[at] === '\n') {
        line++;
        lineStart = at + 1;
      }
    }
    positions.set(pointer, { line, column: offset - lineStart + 1 });
  }
  return positions;
}

/**
 * The position of the nearest existing ancestor of `pointer` (a missing key is reported at its
 * parent).
 * @param {Map<string, Position>} positions
 * @param {string} pointer
 * @returns {Position | undefined}
 */
export function nearestPosition(positions, pointer) {
  let current = pointer;
  for (;;) {
    const found = positions.get(current);
    if (found) return found;
    if (current === '') return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
