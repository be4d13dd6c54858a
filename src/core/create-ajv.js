// @ts-check
/**
 * How every ajv instance of a form is set up and how a definition's schema is registered with
 * it, for Node: the command line's compiler and checker (cli/lib/compile-ajv.js), the receiver
 * (server/validation.js) and the staff summary (server/summary-schema.js). The element builds the
 * same in its lazily loaded compiler chunk (src/validation/ajv-compiler.ts): the dialect rule, the
 * options and the formats all come from src/core/, so that every one of them judges a definition
 * and its data alike.
 *
 * Not imported by the element: it loads ajv, which is CommonJS, through its own bundled chunk.
 */
import Ajv07Module from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { AJV_OPTIONS, rootKeyOf, ROOT_KEY, withCanonicalSchema } from './dialect.js';
import { addIntakeFormats } from './formats.js';

/** @typedef {import('./dialect.js').Dialect} Dialect */
/** @typedef {import('ajv').default} Ajv */

/**
 * CommonJS default exports arrive wrapped or not.
 *
 * @template T
 * @param {T} module
 * @returns {T}
 */
function interop(module) {
  return /** @type {{ default?: T }} */ (module).default ?? module;
}

const Ajv07 = interop(Ajv07Module);
const Ajv2020 = interop(Ajv2020Module);
const addFormats = interop(addFormatsModule);

/**
 * A new ajv instance of `dialect` with the form's options (`AJV_OPTIONS`), ajv-formats' formats
 * and intake-elements' own.
 *
 * @param {Dialect} dialect
 * @param {Record<string, unknown>} [options] options beyond `AJV_OPTIONS` (`logger: false`,
 *   `messages: true`, `code` for standalone code)
 * @returns {Ajv}
 */
export function createAjv(dialect, options = {}) {
  const AjvClass = dialect === '2020-12' ? Ajv2020 : Ajv07;
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  addIntakeFormats(ajv);
  return ajv;
}

/**
 * Registers a definition's schema (or a document built from it, such as the split's) with `ajv`
 * under its root key, as the element does, and returns the key; compiles nothing yet. Parts of it
 * are then compiled by reference (see {@link referenceOfPointer}), with their `$ref`s resolving
 * against the whole document.
 *
 * @param {Ajv} ajv
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
