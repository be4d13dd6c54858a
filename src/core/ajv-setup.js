// @ts-check
/**
 * The one place an ajv instance is made: the element's runtime compiler (its lazily loaded chunk,
 * src/validation/ajv-compiler.ts), the command line's compiler and checks (cli/lib/) and the
 * reference receiver (server/validation.js) all build theirs here, so that a definition and its
 * data are judged alike everywhere.
 *
 * One ajv class per dialect: ajv's `Ajv` (draft-07, and draft-06 with its meta-schema added),
 * `Ajv2019`, `Ajv2020`, and `ajv-draft-04` (ajv's own companion package) for draft-04. Each also
 * knows the meta-schemas of the drafts it can read, so that a `$ref` to
 * `http://json-schema.org/draft-07/schema#` resolves in a 2020-12 document too.
 *
 * Formats are checked in every dialect (`validateFormats`), also in 2019-09 and 2020-12, where
 * the specification makes `format` an annotation by default: a form that asks for an email
 * address means one (README, "Definition format").
 *
 * Plain JavaScript (checked by tsc through its JSDoc): Node runs it without a build step. ajv is
 * CommonJS; bundlers and Node hand its default export over wrapped or not (`interop`).
 */
import AjvModule from 'ajv';
import Ajv2019Module from 'ajv/dist/2019.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
// Import attributes: Node needs them for JSON; TypeScript's `module: ES2022` (tsconfig.json) does
// not know them yet, but bundlers and Node 20.10+ do.
// @ts-expect-error TS2823
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
// @ts-expect-error TS2823
import draft07MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json' with { type: 'json' };
import { AJV_OPTIONS, idKeyword, ROOT_KEY, rootKeyOf, withCanonicalSchema } from './dialect.js';
import { addIntakeFormats } from './formats.js';

/** @typedef {import('./dialect.js').Dialect} Dialect */
/** @typedef {import('ajv').default} AjvInstance */

/**
 * @template T
 * @param {T} module
 * @returns {T}
 */
function interop(module) {
  return /** @type {{ default?: T }} */ (module).default ?? module;
}

/**
 * ajv's standalone code generator, from the same copy of ajv as the instances made here (its
 * code objects are told apart by `instanceof`).
 */
export const standaloneCode = interop(standaloneModule);

/** ajv's tagged template for code; used to say where standalone code finds the formats. */
export const { _: code } = /** @type {{ _: typeof import('ajv')._ }} */ (
  /** @type {unknown} */ (AjvModule)
);

/**
 * @typedef {object} AjvSetupOptions
 * @property {boolean} [standalone] generate ES module source for `standaloneCode`; the function
 *   formats are then imported from `formatsModule` (an object of every format by name)
 * @property {string} [formatsModule]
 * @property {boolean} [esm] with `standalone`: exports as an ES module (the default), or as
 *   CommonJS (`exports.v0 = …`), which the element evaluates to reuse a raw definition's code
 * @property {false} [logger] no warnings on the console (the command line and the receiver)
 * @property {boolean} [messages] ajv's English messages (the command line's `check`; the element
 *   words its own)
 */

/**
 * A new ajv instance for `dialect`, with the options every validator of a form is built with
 * (`AJV_OPTIONS`), ajv-formats' formats and the intake formats.
 *
 * @param {Dialect} dialect
 * @param {AjvSetupOptions} [options]
 * @returns {AjvInstance}
 */
export function createAjv(dialect, options = {}) {
  /** @type {Record<string, unknown>} */
  const ajvOptions = { ...AJV_OPTIONS, messages: options.messages === true };
  if (options.logger === false) ajvOptions.logger = false;
  if (options.standalone) {
    // ajv-formats would name its own module here; the intake formats (`time` above all) are not
    // in it, so every format is looked up in one module that has them all.
    ajvOptions.code = {
      esm: options.esm !== false,
      source: true,
      formats: code`require(${options.formatsModule ?? 'intake-elements:formats'}).formats`,
    };
  }
  /** @type {AjvInstance} */
  let ajv;
  if (dialect === 'draft-04') {
    ajv = /** @type {AjvInstance} */ (new (interop(AjvDraft04Module))(ajvOptions));
  } else {
    const AjvClass =
      dialect === '2020-12'
        ? interop(Ajv2020Module)
        : dialect === '2019-09'
          ? interop(Ajv2019Module)
          : interop(AjvModule);
    ajv = /** @type {AjvInstance} */ (new AjvClass(ajvOptions));
    // The older drafts' meta-schemas, where the class does not have them already: `$schema` of
    // draft-06, and `$ref`s to either from a later draft.
    for (const meta of [draft06MetaSchema, draft07MetaSchema]) {
      if (!ajv.getSchema(meta.$id)) ajv.addMetaSchema(meta, undefined, false);
    }
  }
  interop(addFormatsModule)(ajv);
  addIntakeFormats(ajv);
  return ajv;
}

/**
 * Adds a definition's schema (or the document holding it and the split's schemas) to `ajv` under
 * its root key, and returns the key: its own `$id` (draft-04: `id`), or `ROOT_KEY`. Compiles
 * nothing yet. Throws where the schema is not one of its dialect.
 *
 * @param {AjvInstance} ajv
 * @param {Record<string, unknown>} schema
 * @param {Dialect} dialect
 * @param {Record<string, unknown>} [definitionSchema] the definition's own schema, where `schema`
 *   is a document that holds some of it where ajv's meta-schema check does not look (a hollow
 *   split, src/core/split-schema.js): this one is checked instead
 */
export function addRootSchema(ajv, schema, dialect, definitionSchema) {
  const rootKey = rootKeyOf(schema);
  const named = typeof schema[idKeyword(schema)] === 'string' && rootKey !== ROOT_KEY;
  if (definitionSchema) ajv.validateSchema(withCanonicalSchema(definitionSchema, dialect), true);
  ajv.addSchema(
    withCanonicalSchema(schema, dialect),
    named ? undefined : ROOT_KEY,
    undefined,
    definitionSchema ? false : undefined,
  );
  return rootKey;
}

/**
 * The ajv reference of a JSON Pointer into the root schema (`/allOf/0/if` → `<root>#/allOf/0/if`;
 * `''` → the root key).
 *
 * @param {string} rootKey
 * @param {string} pointer
 */
export function referenceOfPointer(rootKey, pointer) {
  if (pointer === '') return rootKey;
  const fragment = pointer
    .split('/')
    .map((token) => encodeURIComponent(token))
    .join('/');
  return `${rootKey}#${fragment}`;
}
