// @ts-check
/**
 * Which validators a compiled module carries, and under which keys (the scheme is explained in
 * src/validation/precompiled.ts): the shell and one per root property (`#shell`,
 * `#property:<name>`), or the whole schema (`/schema`) where the root cannot be split; and the
 * sub-schemas a form checks at run time, keyed by their location: the locations the element passes to its validator's `matches(location, data)` (src/model/apply-conditions.ts,
 * src/model/select-alternative.ts).
 *
 * - every `if` (its location + `/if`), wherever it is written (root, `allOf` members, `then`/`else`,
 *   `$defs`, `dependentSchemas`, `items`, …), since `$ref`s and `allOf` can bring any of them into
 *   play;
 * - every member of a `oneOf`/`anyOf` that may be a set of object alternatives. Lists whose
 *   members each fix one value (`const`, or a one-value `enum`) are choice lists, rendered as a
 *   select or radio group and never matched, so they are left out (a list that is only
 *   possibly a choice list, e.g. through `$ref`, is kept: a superfluous validator costs bytes,
 *   a missing one breaks the form).
 */
import { descends, SCHEMA_MAPS } from './schema-keywords.js';
import { appendPointer } from './json-pointer.js';

/** Key of the whole schema's validator: only in modules whose root cannot be split. */
export const WHOLE_KEY = '/schema';
/** Key of the shell's validator (the root with each property's schema replaced by `true`). */
export const SHELL_KEY = '#shell';
/** Prefix of the keys of the root properties' validators: `#property:<name>`, name unescaped. */
export const PROPERTY_KEY_PREFIX = '#property:';

/**
 * The key of a root property's validator.
 * @param {string} name
 */
export function propertyKey(name) {
  return `${PROPERTY_KEY_PREFIX}${name}`;
}

/**
 * Whether a `oneOf`/`anyOf` member fixes a single value and nothing else that could make it an
 * object alternative.
 * @param {unknown} member
 */
function isConstantChoice(member) {
  if (typeof member !== 'object' || member === null || Array.isArray(member)) return false;
  const schema = /** @type {Record<string, unknown>} */ (member);
  if ('$ref' in schema || 'allOf' in schema || 'properties' in schema) return false;
  return 'const' in schema || (Array.isArray(schema.enum) && schema.enum.length === 1);
}

/**
 * Every location (JSON Pointer into the definition) that needs its own validator, the whole
 * schema (`/schema`) first, then in document order.
 * @param {unknown} schema the definition's `schema`
 * @param {string} [rootLocation]
 * @returns {string[]}
 */
export function validatorLocations(schema, rootLocation = '/schema') {
  /** @type {string[]} */
  const found = [rootLocation];
  /**
   * @param {unknown} node
   * @param {string} location
   * @param {number} depth
   * @param {boolean} inMap
   */
  const walk = (node, location, depth, inMap) => {
    if (typeof node !== 'object' || node === null || depth > 500) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, appendPointer(location, i), depth + 1, false));
      return;
    }
    const object = /** @type {Record<string, unknown>} */ (node);
    if (!inMap) {
      if ('if' in object && typeof object.if !== 'undefined') {
        found.push(appendPointer(location, 'if'));
      }
      for (const keyword of ['oneOf', 'anyOf']) {
        const members = object[keyword];
        if (!Array.isArray(members) || members.length === 0) continue;
        if (members.every(isConstantChoice)) continue;
        members.forEach((_member, i) =>
          found.push(appendPointer(appendPointer(location, keyword), i)),
        );
      }
    }
    for (const [key, value] of Object.entries(object)) {
      if (descends(key, inMap))
        walk(value, appendPointer(location, key), depth + 1, !inMap && SCHEMA_MAPS.has(key));
    }
  };
  walk(schema, rootLocation, 0, false);
  return [...new Set(found)];
}
