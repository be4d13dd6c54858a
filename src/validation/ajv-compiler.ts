/**
 * The runtime JSON Schema compiler (ajv). Lives in its own lazily loaded chunk: it uses
 * `new Function`, which a strict Content-Security-Policy forbids, and it is the largest piece.
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DefinitionError } from '../model/definition-error.js';
import type { SchemaObject } from '../model/types.js';
import { detectDialect } from './dialect.js';
import { normalizeErrors } from './normalize-errors.js';
import type { FormValidator } from './validator.js';

/** `data:[<media type>][;name=<file name>][;base64],<data>`, as the file widget writes it. */
const DATA_URL =
  /^data:[a-z0-9!#$&^_.+-]*\/?[a-z0-9!#$&^_.+-]*(;[a-z0-9-]+=[^;,]*)*(;base64)?,[a-z0-9!$&',()*+;=\-._~:@/?%]*$/i;

/** CommonJS default exports arrive wrapped or not, depending on the bundler. */
function interop<T>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/** Compiles `schema`; throws a `DefinitionError` when ajv rejects it (bad regex, bad keyword value…). */
export function compileSchema(schema: SchemaObject): FormValidator {
  const dialect = detectDialect(schema);
  const options = { allErrors: true, strict: false, messages: false, validateFormats: true };
  const AjvClass = dialect === '2020-12' ? interop(Ajv2020) : interop(Ajv);
  const ajv = new AjvClass(options);
  interop(addFormats)(ajv);
  ajv.addFormat('data-url', DATA_URL);
  ajv.addFormat('color', /^#[0-9a-f]{6}$/i);
  let check;
  try {
    check = ajv.compile(schema);
  } catch (error) {
    throw new DefinitionError(
      'invalid-schema',
      `Invalid schema: ${(error as Error).message}`,
      { detail: (error as Error).message },
      '/schema',
    );
  }
  return {
    validate(value) {
      check(value === undefined ? {} : value);
      return normalizeErrors(check.errors);
    },
  };
}
