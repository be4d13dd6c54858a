/**
 * Property access by name for data and schema maps whose keys come from a definition or from the
 * person's data (`__proto__`, `constructor` and `toString` included). The rules live once, in
 * src/core/own.js (shared with the command line and the receiver); this module gives them the
 * model's types.
 */
import * as own from '../core/own.js';
import type { JsonValue } from './types.js';

/** Whether `value` is a JSON object (not an array, not `null`). */
export const isPlainObject = own.isPlainObject as (
  value: unknown,
) => value is Record<string, JsonValue>;

/** Whether `object` has `key` as its own property. */
export const hasOwn: (object: object | null | undefined, key: string) => boolean = own.hasOwn;

/** `object[key]` where it is an own property, else `undefined`. */
export const getOwn = own.getOwn as <T>(
  object: Readonly<Record<string, T>> | null | undefined,
  key: string,
) => T | undefined;

/** `object[key] = value`, defining the property even where `key` is `__proto__`. */
export const setOwn = own.setOwn as <T>(object: Record<string, T>, key: string, value: T) => void;

/** A deep copy of a JSON value (`undefined` stays `undefined`). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
