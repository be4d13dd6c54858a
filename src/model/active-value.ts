/**
 * Data minimisation: the part of the data that belongs to questions that apply now. Values of
 * switched-off branches stay in the form's memory (switching back restores them) but are left out
 * of `value`, the submission and the review.
 */
import type { Field, ObjectField } from './field.js';
import { unescapeToken } from './json-pointer.js';
import type { JsonValue } from './types.js';
import { getOwn, hasOwn, isPlainObject, setOwn } from './own.js';

const names = new WeakMap<Field, string>();

/**
 * The property name of an object field's child, computed once per child: children are reused
 * between trees, while their parent is a new object after every change below it.
 */
function nameOf(parent: ObjectField, child: Field): string {
  let name = names.get(child);
  if (name === undefined) {
    // A child's pointer is its parent's plus one token: cut it off rather than parse it.
    name = unescapeToken(child.pointer.slice(parent.pointer.length + 1));
    names.set(child, name);
  }
  return name;
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
    // Copied only when something is left out: where nothing is, the data itself is the answer,
    // and its identity tells caches (validation per property) that nothing changed. A keystroke
    // in a form of a thousand fields computes this for the root.
    let result: Record<string, JsonValue> | undefined;
    for (const child of field.children) {
      const name = nameOf(field, child);
      const value = getOwn(data, name);
      // Never `undefined` for a value that is there: a part is left out only below it.
      const kept = activeValue(child, value);
      if (kept !== value) setOwn((result ??= { ...data }), name, kept!);
    }
    // Properties only switched-off parts declare (a property that applies has a child).
    for (const name of field.inactiveProperties ?? [])
      if (hasOwn(data, name) && !field.children.some((child) => nameOf(field, child) === name))
        delete (result ??= { ...data })[name];
    return result ?? data;
  }
  if (field.kind === 'array' && Array.isArray(data)) {
    // Entries added but never answered at the end of a list are no answer (a root list of names
    // with one empty entry is `[]`, not `[null]`, which `type: "string"` would refuse); one
    // before an answered entry becomes null, as JSON has no holes.
    let end = data.length;
    while (end > 0 && data[end - 1] === undefined) end -= 1;
    let same = end === data.length;
    const result = data.slice(0, end).map((item, index) => {
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
