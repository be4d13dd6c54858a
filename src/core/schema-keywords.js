// @ts-check
/**
 * How a walk over a JSON Schema tells keywords from names and data: shared by every walk that
 * looks for keywords (the element's resolver and reference check, the dialect rule, the command
 * line's checks and compiler), so that all of them skip the same places.
 */

/** Keywords whose values are data, not sub-schemas: nothing in them is a keyword. */
export const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required']);

/**
 * Keywords whose value maps names to sub-schemas. Inside them every key is a name (a property
 * may well be called `default` or `enum`), so {@link DATA_KEYWORDS} does not apply there.
 */
export const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

/**
 * Whether a walk descends into `key` of an object (a schema, or a map of schemas: `inMap`).
 *
 * @param {string} key
 * @param {boolean} inMap
 */
export function descends(key, inMap) {
  return inMap || !DATA_KEYWORDS.has(key);
}
