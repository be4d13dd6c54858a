/**
 * The ajv set-up of the browser (src/validation/ajv-compiler.ts), for Node: the same dialect
 * detection, options, formats and split by root property (src/core/, shared with the element),
 * so that validators compiled ahead of time (`intake-elements compile`) and the checks of
 * `intake-elements check` judge data and schemas exactly as the element does at run time.
 * cli/compile.test.js compares their results with the element's runtime compiler.
 */
import Ajv07Module from 'ajv';
import { referenceOfPointer } from '../../src/core/ajv-documents.js';
import { createAjv as createFormAjv } from '../../src/core/create-ajv.js';

export { addRootSchema, referenceOfPointer } from '../../src/core/ajv-documents.js';
export {
  detectDialect,
  META_SCHEMA,
  ROOT_KEY,
  rootKeyOf,
  UnsupportedDialectError,
  withCanonicalSchema,
} from '../../src/core/dialect.js';
export { COLOR, DATA_URL, INTAKE_FORMATS, TIME } from '../../src/core/formats.js';
export { SPLIT_KEYWORD, splitDocument } from '../../src/core/split-schema.js';

/** ajv's tagged template for code; used to say where the standalone code finds the formats. */
export const { _: code } = Ajv07Module;

/** @typedef {import('../../src/core/dialect.js').Dialect} Dialect */
/** @typedef {import('../../src/core/split-schema.js').SplitDocument} SplitDocument */

/**
 * A new ajv instance set up as the browser's (src/core/create-ajv.js), with what the command
 * line adds.
 * @param {Dialect} dialect
 * @param {{ standalone?: boolean, formatsModule?: string, logger?: false, messages?: boolean }} [options]
 *   `standalone`: generate ES module source for `standaloneCode`; the function formats are then
 *   imported from `formatsModule` (an object of every format by name). `messages`: ajv's English
 *   messages (for `check`; the browser words its own).
 */
export function createAjv(dialect, options = {}) {
  /** @type {Record<string, unknown>} */
  const ajvOptions = { messages: options.messages === true };
  if (options.logger === false) ajvOptions.logger = false;
  if (options.standalone) {
    // ajv-formats would name its own module here; the intake formats (`time` above all) are not
    // in it, so every format is looked up in one module that has them all.
    ajvOptions.code = {
      esm: true,
      source: true,
      formats: code`require(${options.formatsModule ?? 'intake-elements:formats'}).formats`,
    };
  }
  return createFormAjv(dialect, ajvOptions);
}

/**
 * The ajv reference of a definition location (`/schema/allOf/0/if` → `<root>#/allOf/0/if`), as
 * the browser's `matches` builds it.
 * @param {string} rootKey
 * @param {string} location a JSON Pointer into the definition, starting with `/schema`
 */
export function referenceOf(rootKey, location) {
  return referenceOfPointer(rootKey, location.slice('/schema'.length));
}
