/**
 * The element's limits on the size of a definition (src/model/definition-limits.ts, docs/limits.md),
 * checked before compiling: a compiled definition is trusted by the element, which does not check
 * them again. cli/check.test.js holds this mirror to the element's numbers.
 */

/** At most this many levels of nested JSON objects and arrays. */
export const MAX_DEFINITION_DEPTH = 256;
/** At most this many entries in one `enum`, `oneOf` or `anyOf` of the schema. */
export const MAX_CHOICES = 5000;

const CHOICE_KEYWORDS = ['enum', 'oneOf', 'anyOf'];

/** @param {(string | number)[]} tokens */
function pointerOf(tokens) {
  return tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The first limit a definition goes beyond, as a problem, or none. Iterative, so that a deeply
 * nested definition cannot overflow the stack.
 * @param {unknown} definition
 * @returns {{ pointer: string, message: string, code: string }[]}
 */
export function checkLimits(definition) {
  /** @type {{ value: unknown, tokens: (string | number)[], inSchema: boolean }[]} */
  const stack = [{ value: definition, tokens: [], inSchema: false }];
  while (stack.length > 0) {
    const { value, tokens, inSchema } = /** @type {typeof stack[number]} */ (stack.pop());
    if (typeof value !== 'object' || value === null) continue;
    if (tokens.length >= MAX_DEFINITION_DEPTH) {
      const pointer = pointerOf(tokens);
      return [
        {
          pointer,
          message: `nested more than ${MAX_DEFINITION_DEPTH} levels deep; the element refuses such definitions`,
          code: 'too-deep',
        },
      ];
    }
    const entries = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    if (!Array.isArray(value) && inSchema) {
      for (const keyword of CHOICE_KEYWORDS) {
        const list = Object.hasOwn(value, keyword)
          ? /** @type {any} */ (value)[keyword]
          : undefined;
        if (Array.isArray(list) && list.length > MAX_CHOICES)
          return [
            {
              pointer: pointerOf([...tokens, keyword]),
              message: `${list.length} entries; at most ${MAX_CHOICES} are supported`,
              code: 'too-many-choices',
            },
          ];
      }
    }
    for (const [key, child] of entries.reverse())
      stack.push({
        value: child,
        tokens: [...tokens, key],
        inSchema: inSchema || (tokens.length === 0 && key === 'schema'),
      });
  }
  return [];
}
