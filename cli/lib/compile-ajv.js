/**
 * The ajv set-up of the browser (src/validation/ajv-compiler.ts), for Node: the same dialect
 * detection, ajv classes, options, formats (src/core/ajv-setup.js) and split by root property
 * (src/core/, shared with the element),
 * so that validators compiled ahead of time (`intake-elements compile`) and the checks of
 * `intake-elements check` judge data and schemas exactly as the element does at run time.
 * cli/compile.test.js compares their results with the element's runtime compiler.
 */
export { addRootSchema, code, createAjv, referenceOfPointer } from '../../src/core/ajv-setup.js';
import { referenceOfPointer } from '../../src/core/ajv-setup.js';

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

/** @typedef {import('../../src/core/dialect.js').Dialect} Dialect */
/** @typedef {import('../../src/core/split-schema.js').SplitDocument} SplitDocument */

/**
 * The ajv reference of a definition location (`/schema/allOf/0/if` → `<root>#/allOf/0/if`), as
 * the browser's `matches` builds it.
 * @param {string} rootKey
 * @param {string} location a JSON Pointer into the definition, starting with `/schema`
 */
export function referenceOf(rootKey, location) {
  return referenceOfPointer(rootKey, location.slice('/schema'.length));
}
