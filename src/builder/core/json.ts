/**
 * Plain JSON values and structural edits on them. Every edit returns a new root that shares every
 * untouched branch with the old one, so an edit changes only the path it touches (the rest of the
 * definition, unknown keywords included, stays the same objects, and a saved file a small diff).
 */
import { compilePointer, unescapeToken } from '../../core/json-pointer.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup (a key named `__proto__` or `constructor` is data here). */
export function own(object: unknown, key: string): Json | undefined {
  return isObject(object) && Object.prototype.hasOwnProperty.call(object, key)
    ? object[key]
    : undefined;
}

/** The tokens of a JSON Pointer (`''` is the whole document). */
export function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON Pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

export { compilePointer as pointerOf };

/** The value at a pointer, or undefined. */
export function getAt(root: Json | undefined, pointer: string | string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const token of typeof pointer === 'string' ? tokens(pointer) : pointer) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
    else node = own(node, token);
    if (node === undefined) return undefined;
  }
  return node;
}

/** Sets an own key on a copy of an object, keeping the position of an existing key. */
function withKey(object: JsonObject, key: string, value: Json | undefined): JsonObject {
  const copy: JsonObject = {};
  let seen = false;
  for (const k of Object.keys(object)) {
    if (k === key) {
      seen = true;
      if (value !== undefined) Object.defineProperty(copy, k, own4(value));
    } else Object.defineProperty(copy, k, own4(object[k]));
  }
  if (!seen && value !== undefined) Object.defineProperty(copy, key, own4(value));
  return copy;
}

/** A data property descriptor (so `__proto__` stays an ordinary key). */
function own4(value: Json): PropertyDescriptor {
  return { value, writable: true, enumerable: true, configurable: true };
}

/**
 * Sets (or, with `undefined`, removes) the value at a pointer, creating objects on the way.
 * Returns the new root; the old one is not changed.
 */
export function setAt(root: Json, pointer: string | string[], value: Json | undefined): Json {
  const path = typeof pointer === 'string' ? tokens(pointer) : pointer;
  if (path.length === 0) return value === undefined ? {} : value;
  const [head, ...rest] = path;
  if (Array.isArray(root) && /^(0|[1-9]\d*)$/.test(head)) {
    const index = Number(head);
    const copy = root.slice();
    const next = rest.length === 0 ? value : setAt(copy[index] ?? {}, rest, value);
    if (next === undefined) copy.splice(index, 1);
    else copy[index] = next;
    return copy;
  }
  const object = isObject(root) ? root : {};
  if (rest.length === 0) return withKey(object, head, value);
  const child = own(object, head);
  if (value === undefined && child === undefined) return object;
  return withKey(object, head, setAt(child ?? {}, rest, value));
}

/** Removes the value at a pointer, then removes parents that this left empty, up to `keep`. */
export function removeAt(root: Json, pointer: string, keepDepth = 0): Json {
  let path = tokens(pointer);
  let next = setAt(root, path, undefined);
  while (path.length > keepDepth + 1) {
    path = path.slice(0, -1);
    const parent = getAt(next, path);
    if (isObject(parent) && Object.keys(parent).length === 0) next = setAt(next, path, undefined);
    else if (Array.isArray(parent) && parent.length === 0) next = setAt(next, path, undefined);
    else break;
  }
  return next;
}

/** A deep copy of a JSON value (for handing state out). */
export function clone<T extends Json | undefined>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Deep equality of two JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
}
