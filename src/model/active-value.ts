/**
 * Data minimisation: the part of the data that belongs to questions that apply now. Values of
 * switched-off branches stay in the form's memory (switching back restores them) but are left out
 * of `value`, the submission and the review.
 */
import type { Field } from './field.js';
import { parsePointer } from './json-pointer.js';
import type { JsonValue } from './types.js';
import { setOwn } from './own.js';

function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lastToken(pointer: string): string {
  const tokens = parsePointer(pointer);
  return tokens[tokens.length - 1] ?? '';
}

/** Returns `data` without the values of inactive conditional branches (a new value; `data` is untouched). */
export function activeValue(field: Field, data: JsonValue | undefined): JsonValue | undefined {
  if (field.kind === 'object' && isPlainObject(data)) {
    const inactive = new Set(field.inactiveProperties ?? []);
    const children = new Map(field.children.map((child) => [lastToken(child.pointer), child]));
    const result: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(data)) {
      if (inactive.has(key) && !children.has(key)) continue;
      const child = children.get(key);
      const kept = child ? activeValue(child, value) : value;
      if (kept !== undefined) setOwn(result, key, kept);
    }
    return result;
  }
  if (field.kind === 'array' && Array.isArray(data)) {
    return data.map((item, index) => {
      const child = field.items[index];
      const kept = child ? activeValue(child, item) : item;
      return kept === undefined ? null : kept;
    });
  }
  return data;
}
