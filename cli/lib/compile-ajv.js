/**
 * The ajv set-up of the browser (src/validation/ajv-compiler.ts, dialect.ts, formats.ts), for
 * Node: the same dialect detection, options and formats, so that validators compiled ahead of
 * time (`intake-elements compile`) and the checks of `intake-elements check` judge data and
 * schemas exactly as the element does at run time.
 *
 * The TypeScript sources are not part of the published package, so the pieces are mirrored here;
 * cli/compile.test.js compares them with the sources (formats, dialects, validation results).
 */
import Ajv07Module from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** CommonJS default exports arrive wrapped or not. */
const interop = (module) => module.default ?? module;
const Ajv07 = interop(Ajv07Module);
const Ajv2020 = interop(Ajv2020Module);
const addFormats = interop(addFormatsModule);

/** ajv's tagged template for code; used to say where the standalone code finds the formats. */
export const { _: code } = Ajv07Module;

/** @typedef {'draft-07' | '2020-12'} Dialect */

/** `data:[<media type>][;name=<file name>][;base64],<data>` (mirrors formats.ts `DATA_URL`). */
export const DATA_URL =
  /^data:[a-z0-9!#$&^_.+-]*\/?[a-z0-9!#$&^_.+-]*(;[a-z0-9-]+=[^;,]*)*(;base64)?,[a-z0-9!$&',()*+;=\-._~:@/?%]*$/i;

/** `#rrggbb` (mirrors formats.ts `COLOR`). */
export const COLOR = /^#[0-9a-f]{6}$/i;

/** A local time of day, seconds and offset optional (mirrors formats.ts `TIME`). */
export const TIME =
  /^([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\.[0-9]+)?)?(z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$/i;

/** The formats intake-elements adds after ajv-formats' own (mirrors `addIntakeFormats`). */
export const INTAKE_FORMATS = { 'data-url': DATA_URL, color: COLOR, time: TIME };

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-0[67]\/schema#?$/;
const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

/** The `$schema` URI under which ajv knows each dialect's meta-schema. */
export const META_SCHEMA = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/** The URI the root schema is registered under when it has no `$id` (as in the browser). */
export const ROOT_KEY = 'https://intake-elements.invalid/schema.json';

const DATA = new Set(['enum', 'const', 'default', 'examples']);
const MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

/**
 * @param {unknown} node
 * @param {number} [depth]
 * @param {boolean} [inMap]
 * @returns {boolean}
 */
function usesDraft07Keywords(node, depth = 0, inMap = false) {
  if (typeof node !== 'object' || node === null || depth > 200) return false;
  if (Array.isArray(node)) return node.some((item) => usesDraft07Keywords(item, depth + 1));
  const schema = /** @type {Record<string, unknown>} */ (node);
  if (inMap) return Object.values(schema).some((value) => usesDraft07Keywords(value, depth + 1));
  if (
    'definitions' in schema ||
    'dependencies' in schema ||
    'additionalItems' in schema ||
    Array.isArray(schema.items)
  )
    return true;
  return Object.entries(schema).some(
    ([key, value]) => !DATA.has(key) && usesDraft07Keywords(value, depth + 1, MAPS.has(key)),
  );
}

/** A `$schema` this library does not know. */
export class UnsupportedDialectError extends Error {
  /** @param {string} dialect */
  constructor(dialect) {
    super(`Unsupported $schema: ${dialect}`);
    this.name = 'UnsupportedDialectError';
    this.dialect = dialect;
    this.pointer = '/schema/$schema';
  }
}

/**
 * The dialect of a schema (mirrors dialect.ts `detectDialect`): `$schema` decides; without it
 * 2020-12, unless the schema uses keywords only draft-07 has.
 * @param {Record<string, unknown>} schema
 * @returns {Dialect}
 */
export function detectDialect(schema) {
  const declared = schema.$schema;
  if (typeof declared === 'string') {
    if (DRAFT_2020.test(declared)) return '2020-12';
    if (DRAFT_07.test(declared)) return 'draft-07';
    throw new UnsupportedDialectError(declared);
  }
  return usesDraft07Keywords(schema) ? 'draft-07' : '2020-12';
}

/**
 * The root schema with `$schema` spelled as ajv knows it (a shallow copy), as in the browser.
 * @param {Record<string, unknown>} schema
 * @param {Dialect} dialect
 */
export function withCanonicalSchema(schema, dialect) {
  return typeof schema.$schema === 'string' ? { ...schema, $schema: META_SCHEMA[dialect] } : schema;
}

/** The key the root schema is registered under: its own `$id` (without fragment), or ROOT_KEY. */
export function rootKeyOf(schema) {
  return typeof schema.$id === 'string' ? schema.$id.replace(/#.*$/, '') : ROOT_KEY;
}

/**
 * A new ajv instance set up as the browser's (allErrors, strict false, no messages, own
 * properties only, ajv-formats'
 * full formats plus intake-elements' own).
 * @param {Dialect} dialect
 * @param {{ standalone?: boolean, formatsModule?: string, logger?: false, messages?: boolean }} [options]
 *   `standalone`: generate ES module source for `standaloneCode`; the function formats are then
 *   imported from `formatsModule` (an object of every format by name). `messages`: ajv's English
 *   messages (for `check`; the browser words its own).
 */
export function createAjv(dialect, options = {}) {
  /** @type {Record<string, unknown>} */
  const ajvOptions = {
    allErrors: true,
    strict: false,
    messages: options.messages === true,
    validateFormats: true,
    // Properties such as `constructor` are data only where the data has them.
    ownProperties: true,
  };
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
  const AjvClass = dialect === '2020-12' ? Ajv2020 : Ajv07;
  const ajv = new AjvClass(ajvOptions);
  addFormats(ajv);
  for (const [name, format] of Object.entries(INTAKE_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/**
 * Adds a definition's schema to `ajv` under its root key (as the browser does) and returns the key.
 * @param {import('ajv').default} ajv
 * @param {Record<string, unknown>} schema
 * @param {Dialect} dialect
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

/**
 * The ajv reference of a definition location (`/schema/allOf/0/if` → `<root>#/allOf/0/if`), as
 * the browser's `matches` builds it.
 * @param {string} rootKey
 * @param {string} location a JSON Pointer into the definition, starting with `/schema`
 */
export function referenceOf(rootKey, location) {
  return referenceOfPointer(rootKey, location.slice('/schema'.length));
}

// ---------------------------------------------------------------------------------------------
// The split by root property (mirrors src/validation/split-schema.ts, which explains the layout)

/** Where the split's schemas are put in the root document (mirrors `SPLIT_KEYWORD`). */
export const SPLIT_KEYWORD = 'x-intake-elements-split';

/** Keywords of the root the shell leaves out (mirrors `NOT_IN_SHELL`). */
const NOT_IN_SHELL = new Set([
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$recursiveAnchor',
  '$vocabulary',
  '$defs',
  'definitions',
  '$comment',
]);

/** Keywords that depend on the dynamic scope: a schema using them is not split. */
const DYNAMIC = new Set(['$dynamicRef', '$recursiveRef']);

const MAX_SPLIT_DEPTH = 500;

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isSchemaObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} node
 * @param {number} [depth]
 * @returns {boolean}
 */
function usesDynamicScope(node, depth = 0) {
  if (typeof node !== 'object' || node === null) return false;
  if (depth > MAX_SPLIT_DEPTH) return true;
  if (Array.isArray(node)) return node.some((item) => usesDynamicScope(item, depth + 1));
  return Object.entries(node).some(
    ([key, value]) => DYNAMIC.has(key) || usesDynamicScope(value, depth + 1),
  );
}

/**
 * @typedef {object} SplitDocument
 * @property {Record<string, unknown>} document the root plus the split's schemas, to register
 *   with ajv instead of the root
 * @property {string[]} properties the root's `properties`, in the schema's order
 * @property {string} shell JSON Pointer of the shell in `document`
 * @property {string[]} wrappers JSON Pointer of each property's wrapper, in the order of
 *   `properties`
 */

/**
 * The document to register for a split validation of `schema` (mirrors `splitDocument`), or
 * `undefined` where the root cannot be split (not an object, no `properties` object, the dynamic
 * scope used).
 * @param {unknown} schema
 * @returns {SplitDocument | undefined}
 */
export function splitDocument(schema) {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.properties)) return undefined;
  if (usesDynamicScope(schema)) return undefined;
  const ownSchemas = schema.properties;
  const properties = Object.keys(ownSchemas);
  let keyword = SPLIT_KEYWORD;
  while (Object.prototype.hasOwnProperty.call(schema, keyword)) keyword += '_';
  /** @type {Record<string, unknown>} */
  const shell = Object.fromEntries(
    Object.entries(schema).filter(([key]) => !NOT_IN_SHELL.has(key)),
  );
  shell.properties = Object.fromEntries(properties.map((name) => [name, true]));
  const wrappers = properties.map((name) => ({ properties: { [name]: ownSchemas[name] } }));
  return {
    document: { ...schema, [keyword]: [shell, ...wrappers] },
    properties,
    shell: `/${keyword}/0`,
    wrappers: properties.map((_name, index) => `/${keyword}/${index + 1}`),
  };
}
