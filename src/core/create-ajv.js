// @ts-check
/**
 * How every ajv instance of a form is set up, for Node: the command line's compiler and checker
 * (cli/lib/compile-ajv.js), the receiver (server/validation.js) and the staff summary
 * (server/summary-answers.js). The element builds the same in its lazily loaded compiler chunk
 * (src/validation/ajv-compiler.ts): the dialect rule, the options, the formats and the way the
 * schema is registered (ajv-documents.js) all come from src/core/, so that every one of them
 * judges a definition and its data alike.
 *
 * Not imported by the element as it is: it imports ajv, which is CommonJS, and the element's test
 * server serves src/core/ unbundled.
 */
import Ajv07Module from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { addRootSchema, referenceOfPointer } from './ajv-documents.js';
import { AJV_OPTIONS, detectDialect } from './dialect.js';
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
 * Whether data is valid against a part of a definition's schema, decided by ajv as the element's
 * `FormValidator.matches` decides it: the part at a definition location (`/schema/allOf/0/if`)
 * is compiled inside the whole document, once, and a part that cannot be compiled never matches.
 * Throws when ajv refuses the schema itself (or its `$schema` is unknown).
 *
 * @param {Record<string, unknown>} schema the definition's `schema`
 * @param {string} [rootLocation] where `schema` is in the definition document
 * @returns {(at: { location: string }, data: unknown) => boolean}
 */
export function compileMatcher(schema, rootLocation = '/schema') {
  const dialect = detectDialect(schema);
  // logger: false — ajv would print warnings about unknown keywords to the console.
  const ajv = createAjv(dialect, { logger: false });
  const rootKey = addRootSchema(ajv, schema, dialect);
  if (!ajv.getSchema(rootKey)) throw new Error('the schema could not be compiled');
  /** @type {Map<string, ((data: unknown) => boolean) | undefined>} */
  const parts = new Map();
  return ({ location }, data) => {
    if (!parts.has(location)) {
      let part;
      const inside = location === rootLocation || location.startsWith(`${rootLocation}/`);
      const pointer = location.slice(rootLocation.length);
      try {
        if (inside)
          part = ajv.getSchema(pointer === '' ? rootKey : referenceOfPointer(rootKey, pointer));
      } catch {
        part = undefined;
      }
      parts.set(location, part);
    }
    const part = parts.get(location);
    return part ? part(data) === true : false;
  };
}
