/**
 * Limits on the size of a form definition, so that a hostile or careless definition gets a clear
 * definition error instead of overflowing the stack or freezing the page (docs/limits.md).
 *
 * - Nesting: at most {@link MAX_DEFINITION_DEPTH} levels of JSON objects and arrays. An object
 *   property nested in an object takes two levels (`properties`, then the name), so a schema may
 *   nest objects about 120 deep. ajv's compiler recurses per level and overflows the stack at
 *   around 1 000.
 * - Choices: at most {@link MAX_CHOICES} entries in one `enum`, `oneOf` or `anyOf`. A `<select>`
 *   with 50 000 options takes tens of seconds to build and lay out, and is no way to choose anyway
 *   (a long list belongs in a text field checked by the server, or in a search).
 *
 * The walk is iterative, so the check itself cannot overflow the stack.
 */
import { DefinitionError } from './definition-error.js';
import { compilePointer } from './json-pointer.js';

export const MAX_DEFINITION_DEPTH = 256;
export const MAX_CHOICES = 5000;

const CHOICE_KEYWORDS = ['enum', 'oneOf', 'anyOf'];

interface Node {
  value: unknown;
  parent: Node | undefined;
  key: string | number;
  depth: number;
  /** Whether the node lies inside the definition's `schema`. */
  inSchema: boolean;
}

function pointerOf(node: Node): string {
  const tokens: (string | number)[] = [];
  for (let current: Node | undefined = node; current?.parent; current = current.parent)
    tokens.push(current.key);
  return compilePointer(tokens.reverse());
}

/** Throws a {@link DefinitionError} (`invalid-schema`) for a definition beyond the limits. */
export function checkDefinitionLimits(definition: object): void {
  const stack: Node[] = [
    { value: definition, parent: undefined, key: '', depth: 0, inSchema: false },
  ];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value, depth, inSchema } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEFINITION_DEPTH) {
      const pointer = pointerOf(node);
      throw new DefinitionError(
        'invalid-schema',
        `The definition is nested more than ${MAX_DEFINITION_DEPTH} levels deep (at ${pointer}).`,
        { limit: MAX_DEFINITION_DEPTH },
        pointer,
      );
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], parent: node, key: i, depth: depth + 1, inSchema });
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const keyword of inSchema ? CHOICE_KEYWORDS : []) {
      const list = Object.prototype.hasOwnProperty.call(object, keyword)
        ? object[keyword]
        : undefined;
      if (Array.isArray(list) && list.length > MAX_CHOICES) {
        const pointer = pointerOf({ value: list, parent: node, key: keyword, depth, inSchema });
        throw new DefinitionError(
          'invalid-schema',
          `"${keyword}" at ${pointer} has ${list.length} entries; at most ${MAX_CHOICES} are supported.`,
          { limit: MAX_CHOICES, count: list.length },
          pointer,
        );
      }
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
}
