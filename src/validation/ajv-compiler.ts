/**
 * The runtime JSON Schema compiler (ajv). Lives in its own lazily loaded chunk: it uses
 * `new Function`, which a strict Content-Security-Policy forbids, and it is the largest piece.
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DefinitionError } from '../model/definition-error.js';
import type { SchemaObject } from '../model/types.js';
import { detectDialect, type Dialect } from './dialect.js';
import { addIntakeFormats } from './formats.js';
import { splitDocument, type SplitDocument } from './split-schema.js';
import { errorsOf, splitValidation, type Check } from './split-validator.js';
import type { FormValidator } from './validator.js';

/** CommonJS default exports arrive wrapped or not, depending on the bundler. */
function interop<T>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/** The `$schema` URI under which ajv knows each dialect's meta-schema. */
const META_SCHEMA: Record<Dialect, string> = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/**
 * ajv knows each meta-schema under one exact URI; `detectDialect` accepts the usual spellings
 * (`https`, without `#`, draft-06). The root's `$schema` is rewritten to ajv's spelling (on a
 * shallow copy) so that those compile instead of failing with "no schema with key or ref".
 */
function withCanonicalSchema(schema: SchemaObject, dialect: Dialect): SchemaObject {
  return typeof schema.$schema === 'string' ? { ...schema, $schema: META_SCHEMA[dialect] } : schema;
}

/** The URI the root schema is registered under when it has no `$id` of its own. */
const ROOT_KEY = 'https://intake-elements.invalid/schema.json';

/** A new ajv instance of the dialect, with the element's options and formats. */
function createAjv(dialect: Dialect) {
  // `ownProperties`: a property named `constructor` or `toString` is data only where the data has
  // it; without it ajv reads `Object.prototype`'s members as values (an empty `constructor` field
  // fails "type", a `required: ["toString"]` is always met).
  const options = {
    allErrors: true,
    strict: false,
    messages: false,
    validateFormats: true,
    ownProperties: true,
  };
  const AjvClass = dialect === '2020-12' ? interop(Ajv2020) : interop(Ajv);
  const ajv = new AjvClass(options);
  interop(addFormats)(ajv);
  addIntakeFormats(ajv);
  return ajv;
}

type AjvInstance = ReturnType<typeof createAjv>;

/**
 * Registers `document` (the root schema, or the root with the split's schemas) under a URI, so
 * that its parts (the split's schemas, conditions, alternatives) can be compiled by JSON Pointer,
 * with their `$ref`s resolving against the whole document. Compiles nothing yet.
 */
function register(ajv: AjvInstance, document: SchemaObject, dialect: Dialect): void {
  ajv.addSchema(
    withCanonicalSchema(document, dialect),
    typeof document.$id === 'string' ? undefined : ROOT_KEY,
  );
}

/** Compiles the part at `fragment` (a JSON Pointer, `''` for the root) of the registered document. */
function compilePart(ajv: AjvInstance, rootKey: string, fragment: string): Check {
  const reference =
    fragment === ''
      ? rootKey
      : `${rootKey}#${fragment
          .split('/')
          .map((token) => encodeURIComponent(token))
          .join('/')}`;
  const compiled = ajv.getSchema(reference);
  if (!compiled) throw new Error('the schema could not be compiled');
  return compiled as Check;
}

/**
 * The split validation (see `SplitValidator`), every part compiled now: a schema ajv refuses
 * fails here, at load, as it did when the root was compiled whole; and each property's code is
 * compiled once (the whole root is not compiled at all). Throws when a part does not compile.
 */
function compileSplit(ajv: AjvInstance, rootKey: string, document: SplitDocument) {
  return splitValidation(
    compilePart(ajv, rootKey, document.shell),
    new Map(
      document.properties.map((name, index) => [
        name,
        compilePart(ajv, rootKey, document.wrappers[index]),
      ]),
    ),
  );
}

/**
 * Compiles `schema`; throws a `DefinitionError` when ajv rejects it (bad regex, bad keyword value…).
 *
 * Where the root has a `properties` object, the validator has a `split`, and `validate` is built
 * from it (the shell's errors merged with those of each property the value has), so that the two
 * always agree, and agree with a precompiled definition's validator. Otherwise (or when ajv
 * cannot compile the split's schemas) the root is compiled whole.
 */
export function compileSchema(schema: SchemaObject): FormValidator {
  const dialect = detectDialect(schema);
  const rootKey = typeof schema.$id === 'string' ? schema.$id.replace(/#.*$/, '') : ROOT_KEY;
  const document = splitDocument(schema);
  let ajv = createAjv(dialect);
  let split: ReturnType<typeof splitValidation> | undefined;
  if (document) {
    try {
      register(ajv, document.document, dialect);
      split = compileSplit(ajv, rootKey, document);
    } catch {
      // The root alone decides below: it fails with the schema's own problem, or compiles.
      split = undefined;
      ajv = createAjv(dialect);
    }
  }
  let whole: Check | undefined;
  if (!split) {
    try {
      register(ajv, schema, dialect);
      whole = compilePart(ajv, rootKey, '');
    } catch (error) {
      // ajv percent-encodes property names into schema paths, which throws for lone surrogates.
      const reason =
        error instanceof URIError
          ? `a property name or reference is not well-formed Unicode (a lone surrogate): ${error.message}`
          : (error as Error).message;
      throw new DefinitionError(
        'invalid-schema',
        `Invalid schema: ${reason}`,
        { detail: reason },
        '/schema',
      );
    }
  }
  const parts = new Map<string, Check | undefined>();
  const validate: FormValidator['validate'] =
    split?.validate ?? ((value) => errorsOf(whole!, value === undefined ? {} : value));
  return {
    validate,
    matches(location, data) {
      let part = parts.get(location);
      if (!parts.has(location)) {
        try {
          part = compilePart(ajv, rootKey, location.slice('/schema'.length));
        } catch {
          // A part that cannot be compiled never applies; the schema compiled, so this does not
          // happen for locations the form model produces.
          part = undefined;
        }
        parts.set(location, part);
      }
      return part ? part(data) : false;
    },
    ...(split ? { split: split.split } : {}),
  };
}
