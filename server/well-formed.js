/**
 * Strings that are not well-formed Unicode: JSON's `\ud800` escapes can carry a lone surrogate,
 * which no character is. The receiver refuses them (422, at their pointer) instead of storing
 * them or replacing them with U+FFFD: a replaced value is not what the person sent, and a lone
 * surrogate cannot be written as UTF-8 into a file, a PostgreSQL text column or an e-mail to
 * staff without being changed somewhere along the way. Browsers never produce one from typing;
 * only a hand-made request or broken client code can.
 */
import { appendPointer } from '../src/core/json-pointer.js';

/** At most this many are reported (the answer carries at most 100 errors anyway). */
const MAX_REPORTED = 100;

/**
 * Every place in `value` (strings, and object keys) that is not well-formed Unicode.
 *
 * @param {unknown} value parsed JSON
 * @returns {Array<{ pointer: string, keyword: string, detail: string }>}
 */
export function lonelySurrogates(value) {
  const errors = [];
  const report = (pointer, detail) => errors.push({ pointer, keyword: 'unicode', detail });
  // Iterative: the body's depth is limited before, but a stack is cheaper than recursion anyway.
  const stack = [[value, '']];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const [node, pointer] = stack.pop();
    if (typeof node === 'string') {
      if (!node.isWellFormed()) {
        report(pointer, 'Contains a lone surrogate, which is not a Unicode character.');
      }
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], appendPointer(pointer, i)]);
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node).reverse()) {
        const inner = appendPointer(pointer, key);
        if (!key.isWellFormed()) {
          report(inner, 'The name contains a lone surrogate, which is not a Unicode character.');
        } else stack.push([node[key], inner]);
      }
    }
  }
  return errors;
}
