/**
 * RFC 6901 JSON Pointers: the one address used by controls, errors, translations and drafts.
 */
import type { JsonValue } from './types.js';
import { getOwn, setOwn } from './own.js';
import { parsePointer } from '../core/json-pointer.js';

// Parsing and reading live once, in src/core/ (shared with the command line and the receiver).
export {
  appendPointer,
  compilePointer,
  escapeToken,
  getAtPointer,
  parsePointer,
  unescapeToken,
} from '../core/json-pointer.js';

/** Whether `pointer` equals `ancestor` or lies below it. */
export function isPointerWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/** The parent pointer (`/a/b` → `/a`); the root's parent is the root. */
export function parentPointer(pointer: string): string {
  const index = pointer.lastIndexOf('/');
  return index <= 0 ? '' : pointer.slice(0, index);
}

const ARRAY_INDEX_TOKEN = /^(0|[1-9][0-9]*)$/;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * Returns a copy of `document` with `value` written at `pointer` (missing objects are created;
 * `undefined` removes the property, or sets an array item to `null` so that later indexes keep
 * their place). Only the containers on the path are copied, so untouched branches keep their
 * identity. Removing what is not there returns `document` itself. In an array, `-` appends; a
 * token that is not an index replaces the array with an object, as a primitive on the path is
 * replaced, so that no write is silently lost.
 */
export function setAtPointer(
  document: JsonValue | undefined,
  pointer: string,
  value: unknown,
): JsonValue | undefined {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value as JsonValue | undefined;
  // Removing a missing value must not create the containers on its path.
  if (value === undefined && !hasPath(document, tokens)) return document;
  return writeTokens(document, tokens, 0, value);
}

function hasPath(document: unknown, tokens: readonly string[]): boolean {
  let current: unknown = document;
  for (const token of tokens) {
    if (!isContainer(current)) return false;
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX_TOKEN.test(token) || Number(token) >= current.length) return false;
      current = current[Number(token)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return false;
      current = current[token];
    }
  }
  return true;
}

function writeTokens(
  container: unknown,
  tokens: string[],
  index: number,
  value: unknown,
): JsonValue {
  const token = tokens[index];
  const last = index === tokens.length - 1;
  if (Array.isArray(container) && (token === '-' || ARRAY_INDEX_TOKEN.test(token))) {
    const copy = container.slice();
    const position = token === '-' ? copy.length : Number(token);
    if (last) {
      if (value === undefined) copy[position] = null;
      else copy[position] = value as JsonValue;
    } else {
      copy[position] = writeTokens(copy[position], tokens, index + 1, value);
    }
    // Writing past the end leaves holes, which JSON cannot hold: fill them with null. (An entry
    // added but not answered yet stays `undefined`: see `withItemAdded`.)
    for (let i = 0; i < copy.length; i++) if (!(i in copy)) copy[i] = null;
    return copy;
  }
  const copy: Record<string, JsonValue> =
    isContainer(container) && !Array.isArray(container)
      ? { ...(container as Record<string, JsonValue>) }
      : {};
  if (last) {
    if (value === undefined) delete copy[token];
    else setOwn(copy, token, value as JsonValue);
  } else {
    setOwn(copy, token, writeTokens(getOwn(copy, token), tokens, index + 1, value));
  }
  return copy;
}

/** The top-level property name a pointer addresses (`/address/city` → `address`). */
export function topLevelName(pointer: string): string {
  return parsePointer(pointer)[0] ?? '';
}
