/**
 * Edits of a list (add, remove, move an entry) as new arrays, and where the pointers of other
 * per-entry state go when an entry is taken out. Pure: the form state applies them.
 */
import type { JsonValue } from './types.js';

/**
 * The list with `item` appended. An entry whose schema has no default stays without a value
 * (`undefined`) until the person answers it: the form's value leaves such entries out at the end
 * of a list and gives them as `null` before an answered one (see `activeValue`).
 */
export function withItemAdded(
  list: readonly (JsonValue | undefined)[],
  item: JsonValue | undefined,
): JsonValue[] {
  return [...list, item] as JsonValue[];
}

/** The list without entry `index`. */
export function withoutItem(list: readonly JsonValue[], index: number): JsonValue[] {
  return list.filter((_item, i) => i !== index);
}

/** The list with entry `from` moved to `to`, or `undefined` when `to` is outside it. */
export function withItemMoved(
  list: readonly JsonValue[],
  from: number,
  to: number,
): JsonValue[] | undefined {
  if (to < 0 || to >= list.length) return undefined;
  const moved = list.slice();
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item);
  return moved;
}

/**
 * Where a pointer goes when entry `removed` of the list at `arrayPointer` is taken out: the
 * entries after it move up by one; the removed entry's own pointers go (`undefined`).
 */
export function shiftedPointer(
  pointer: string,
  arrayPointer: string,
  removed: number,
): string | undefined {
  const prefix = `${arrayPointer}/`;
  if (!pointer.startsWith(prefix)) return pointer;
  const rest = pointer.slice(prefix.length);
  const slash = rest.indexOf('/');
  const index = Number(slash === -1 ? rest : rest.slice(0, slash));
  if (index === removed) return undefined;
  if (index < removed) return pointer;
  return `${prefix}${index - 1}${slash === -1 ? '' : rest.slice(slash)}`;
}
