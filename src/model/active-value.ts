/**
 * Data minimisation: the part of the data that belongs to questions that apply now. Values of
 * switched-off branches stay in the form's memory (switching back restores them) but are left out
 * of `value`, the submission and the review.
 */
import type { Field, ObjectField } from './field.js';
import { unescapeToken } from './json-pointer.js';
import type { JsonValue } from './types.js';
import { isPlainObject, setOwn } from './own.js';

const childMaps = new WeakMap<ObjectField, Map<string, Field>>();

/** An object field's children by property name (computed once per field). */
function childrenByName(field: ObjectField): Map<string, Field> {
  let map = childMaps.get(field);
  if (!map) {
    // A child's pointer is its parent's plus one token: cut it off rather than parse it.
    const start = field.pointer.length + 1;
    map = new Map(
      field.children.map((child) => [unescapeToken(child.pointer.slice(start)), child]),
    );
    childMaps.set(field, map);
  }
  return map;
}

/**
 * The last result per field: fields are reused between trees while their part of the data stays
 * the same (see `buildFieldTree`), so after a change only the path to it is computed again.
 */
const lastResult = new WeakMap<
  Field,
  { data: JsonValue | undefined; result: JsonValue | undefined }
>();

/**
 * Returns `data` without the values of inactive conditional branches. `data` is never changed:
 * the result is a new value, or `data` itself (or a part of it) where nothing is left out, and
 * is shared with later results, so it must not be changed in place either.
 */
export function activeValue(field: Field, data: JsonValue | undefined): JsonValue | undefined {
  if (field.kind !== 'object' && field.kind !== 'array') return data;
  const last = lastResult.get(field);
  if (last && last.data === data) return last.result;
  const result = computeActiveValue(field, data);
  lastResult.set(field, { data, result });
  return result;
}

function computeActiveValue(field: Field, data: JsonValue | undefined): JsonValue | undefined {
  if (field.kind === 'object' && isPlainObject(data)) {
    const inactive = new Set(field.inactiveProperties ?? []);
    const children = childrenByName(field);
    const result: Record<string, JsonValue> = {};
    // Where nothing is left out, the data itself is the answer: its identity tells caches
    // (validation per property) that nothing changed.
    let same = true;
    for (const [key, value] of Object.entries(data)) {
      const child = children.get(key);
      if (inactive.has(key) && !child) {
        same = false;
        continue;
      }
      const kept = child ? activeValue(child, value) : value;
      if (kept !== value) same = false;
      if (kept !== undefined) setOwn(result, key, kept);
    }
    return same ? data : result;
  }
  if (field.kind === 'array' && Array.isArray(data)) {
    let same = true;
    const result = data.map((item, index) => {
      const child = field.items[index];
      const active = child ? activeValue(child, item) : item;
      const kept = active === undefined ? null : active;
      if (kept !== item) same = false;
      return kept;
    });
    return same ? data : result;
  }
  return data;
}
