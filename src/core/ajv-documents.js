// @ts-check
/**
 * How a definition's schema is registered with an ajv instance and how its parts are named for
 * ajv, so that a part (a condition, an alternative, the split's schemas) compiles inside the
 * whole document and its `$ref`s resolve as in the root. Shared by src/core/create-ajv.js (the
 * command line, the receiver, the staff summary); it does not import ajv, so that the element's
 * compiler chunk can use it too.
 */
import { rootKeyOf, ROOT_KEY, withCanonicalSchema } from './dialect.js';

/** @typedef {import('./dialect.js').Dialect} Dialect */
/** @typedef {{ addSchema(schema: object, key?: string): unknown }} SchemaRegistry an ajv instance */

/**
 * Registers a definition's schema (or a document built from it, such as the split's) with `ajv`
 * under its root key, as the element does, and returns the key; compiles nothing yet. Parts of it
 * are then compiled by reference (see {@link referenceOfPointer}), with their `$ref`s resolving
 * against the whole document.
 *
 * @param {SchemaRegistry} ajv
 * @param {Record<string, unknown>} schema
 * @param {Dialect} dialect
 * @returns {string}
 */
export function addRootSchema(ajv, schema, dialect) {
  ajv.addSchema(
    withCanonicalSchema(schema, dialect),
    typeof schema.$id === 'string' ? undefined : ROOT_KEY,
  );
  return rootKeyOf(schema);
}

/**
 * The ajv reference of a JSON Pointer into the root schema (`/allOf/0/if` → `<root>#/allOf/0/if`).
 *
 * @param {string} rootKey
 * @param {string} pointer
 */
export function referenceOfPointer(rootKey, pointer) {
  const fragment = pointer
    .split('/')
    .map((token) => encodeURIComponent(token))
    .join('/');
  return `${rootKey}#${fragment}`;
}
