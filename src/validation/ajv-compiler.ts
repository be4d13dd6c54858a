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
import { normalizeErrors } from './normalize-errors.js';
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

/** Compiles `schema`; throws a `DefinitionError` when ajv rejects it (bad regex, bad keyword value…). */
export function compileSchema(schema: SchemaObject): FormValidator {
  const dialect = detectDialect(schema);
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
  // The root is registered under a URI so that sub-schemas (conditions, alternatives) can be
  // compiled by JSON Pointer later, with their `$ref`s resolving against the whole document.
  const rootKey = typeof schema.$id === 'string' ? schema.$id.replace(/#.*$/, '') : ROOT_KEY;
  let check: ((data: unknown) => boolean) & { errors?: unknown };
  try {
    ajv.addSchema(
      withCanonicalSchema(schema, dialect),
      typeof schema.$id === 'string' ? undefined : ROOT_KEY,
    );
    const compiled = ajv.getSchema(rootKey);
    if (!compiled) throw new Error('the schema could not be compiled');
    check = compiled;
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
  const parts = new Map<string, ((data: unknown) => boolean) | undefined>();
  return {
    validate(value) {
      check(value === undefined ? {} : value);
      return normalizeErrors(check.errors as never);
    },
    matches(location, data) {
      let part = parts.get(location);
      if (!parts.has(location)) {
        const fragment = location
          .slice('/schema'.length)
          .split('/')
          .map((token) => encodeURIComponent(token))
          .join('/');
        try {
          part = ajv.getSchema(`${rootKey}#${fragment}`) ?? undefined;
        } catch {
          // A part that cannot be compiled never applies; the whole schema compiled, so this
          // does not happen for locations the form model produces.
          part = undefined;
        }
        parts.set(location, part);
      }
      return part ? part(data) : false;
    },
  };
}
