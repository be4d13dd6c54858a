/**
 * The defaults of questions that a change switched on: what `applyDefaults` adds to the data at
 * places that did not apply before the change. Part of the condition logic's chunk: only forms
 * with conditions switch questions on.
 */
import type { Field } from './field.js';
import { appendPointer, setAtPointer } from './json-pointer.js';
import type { JsonValue } from './types.js';
import { isPlainObject } from './own.js';

/**
 * The values that `withDefaults` (the data after `applyDefaults`) adds to `data`, as
 * `[pointer, value]`, at places that are not in `active` (the fields that applied before): a
 * question that did not apply gets its default whole (an object or a list with everything in
 * it); inside one that did, only what did not apply gets one. An active question without a
 * value (the person cleared it) gets nothing.
 */
export function newlyActiveDefaults(
  data: JsonValue | undefined,
  withDefaults: JsonValue | undefined,
  active: ReadonlyMap<string, Field>,
  pointer = '',
  found: [string, JsonValue][] = [],
): [string, JsonValue][] {
  if (withDefaults === undefined) return found;
  if (data === undefined) {
    if (!active.has(pointer)) {
      found.push([pointer, withDefaults]);
      return found;
    }
    data = isPlainObject(withDefaults) ? {} : undefined;
  }
  if (isPlainObject(data) && isPlainObject(withDefaults)) {
    for (const key of Object.keys(withDefaults))
      newlyActiveDefaults(
        Object.hasOwn(data, key) ? data[key] : undefined,
        withDefaults[key],
        active,
        appendPointer(pointer, key),
        found,
      );
  } else if (Array.isArray(data) && Array.isArray(withDefaults)) {
    withDefaults.forEach((item, index) =>
      newlyActiveDefaults(data[index], item, active, appendPointer(pointer, String(index)), found),
    );
  }
  return found;
}

/**
 * `data` with the defaults of the questions that did not apply before (see
 * `newlyActiveDefaults`); `data` itself when there are none.
 */
export function withNewlyActiveDefaults(
  data: JsonValue | undefined,
  withDefaults: JsonValue | undefined,
  active: ReadonlyMap<string, Field>,
): JsonValue | undefined {
  let filled = data;
  for (const [pointer, value] of newlyActiveDefaults(data, withDefaults, active))
    filled = setAtPointer(filled ?? {}, pointer, value);
  return filled;
}
