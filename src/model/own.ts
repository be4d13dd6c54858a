/**
 * Property access by name for data and schema maps whose keys come from a definition or from the
 * person's data. Such a key may be any string, `__proto__`, `constructor` and `toString`
 * included: reading one must not reach into `Object.prototype`, and writing `__proto__` must
 * define a property rather than replace the prototype.
 */
import type { JsonValue } from './types.js';

/** Whether `value` is a JSON object (not an array, not `null`). */
export function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `object` has `key` as its own property. */
export function hasOwn(object: object | null | undefined, key: string): boolean {
  return object != null && Object.prototype.hasOwnProperty.call(object, key);
}

/** `object[key]` where it is an own property, else `undefined`. */
export function getOwn<T>(
  object: Readonly<Record<string, T>> | null | undefined,
  key: string,
): T | undefined {
  return hasOwn(object, key) ? object![key] : undefined;
}

/** `object[key] = value`, defining the property even where `key` is `__proto__`. */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}

/** A deep copy of a JSON value (`undefined` stays `undefined`). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
