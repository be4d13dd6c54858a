/**
 * What a draft may keep: everything the person typed except fields marked
 * `"ui:sensitive": true` and files (too large, and often sensitive documents).
 */
import type { Field } from './field.js';
import { parsePointer } from './json-pointer.js';
import type { JsonValue } from './types.js';
import { isPlainObject, setOwn } from './own.js';

function lastToken(pointer: string): string {
  const tokens = parsePointer(pointer);
  return tokens[tokens.length - 1] ?? '';
}

function excluded(field: Field): boolean {
  return (
    field.ui['ui:sensitive'] === true ||
    field.kind === 'files' ||
    field.widget === 'file' ||
    field.schema.format === 'data-url'
  );
}

/** `data` without sensitive values and files (walks the active field tree). */
export function draftValue(field: Field, data: JsonValue | undefined): JsonValue | undefined {
  if (excluded(field)) return undefined;
  if (field.kind === 'object' && isPlainObject(data)) {
    const children = new Map(field.children.map((child) => [lastToken(child.pointer), child]));
    const result: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(data)) {
      const child = children.get(key);
      // Values of inactive branches stay out too: they are not on the form now.
      if (!child) continue;
      const kept = draftValue(child, value);
      if (kept !== undefined) setOwn(result, key, kept);
    }
    return result;
  }
  if (field.kind === 'array' && Array.isArray(data)) {
    return data.map((item, index) => {
      const child = field.items[index];
      const kept = child ? draftValue(child, item) : item;
      return kept === undefined ? null : kept;
    });
  }
  return data;
}
