// @ts-check
/**
 * Property access by name for data and schema maps whose keys come from a definition or from the
 * person's data. Such a key may be any string, `__proto__`, `constructor` and `toString`
 * included: reading one must not reach into `Object.prototype`, and writing `__proto__` must
 * define a property rather than replace the prototype. (The element's src/model/ re-exports it.)
 */

/**
 * Whether `value` is a JSON object (not an array, not `null`).
 *
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `object` has `key` as its own property.
 *
 * @param {object | null | undefined} object
 * @param {string} key
 */
export function hasOwn(object, key) {
  return object != null && Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * `object[key]` where it is an own property, else `undefined`.
 *
 * @param {Record<string, any> | null | undefined} object
 * @param {string} key
 * @returns {any}
 */
export function getOwn(object, key) {
  return object != null && hasOwn(object, key) ? object[key] : undefined;
}

/**
 * `object[key] = value`, defining the property even where `key` is `__proto__`.
 *
 * @param {Record<string, any>} object
 * @param {string} key
 * @param {unknown} value
 */
export function setOwn(object, key, value) {
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
