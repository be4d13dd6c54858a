/**
 * The runtime JSON Schema compiler (ajv). Lives in its own lazily loaded chunk: it uses
 * `new Function`, which a strict Content-Security-Policy forbids, and it is the largest piece.
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DefinitionError } from '../model/definition-error.js';
import { appendPointer } from '../model/json-pointer.js';
import type { SchemaObject } from '../model/types.js';
import { detectDialect, type Dialect } from './dialect.js';
import { AJV_OPTIONS, rootKeyOf, ROOT_KEY, withCanonicalSchema } from '../core/dialect.js';
import { addIntakeFormats } from '../core/formats.js';
import { splitDocument, type SplitDocument } from '../core/split-schema.js';
import { errorsOf, splitValidation, type Check } from './split-validator.js';
// A chunk of its own: the noise filter comes with it, whether the schema has alternatives or not.
import { alternativeNoise } from '../core/alternative-noise.js';
import type { FormValidator, SplitValidator } from './validator.js';

/** CommonJS default exports arrive wrapped or not, depending on the bundler. */
function interop<T>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/** A new ajv instance of the dialect, with the element's options (`AJV_OPTIONS`) and formats. */
function createAjv(dialect: Dialect) {
  const AjvClass = dialect === '2020-12' ? interop(Ajv2020) : interop(Ajv);
  const ajv = new AjvClass({ ...AJV_OPTIONS });
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
 * The split validation (see `SplitValidator`) of the registered document: the shell compiled now
 * (so that a shell ajv cannot compile means no split, not a failure later), each property's
 * wrapper when it is first validated. Returns `undefined` when the shell does not compile.
 */
function compileSplit(
  ajv: AjvInstance,
  rootKey: string,
  document: SplitDocument,
  whole: Check,
): SplitValidator | undefined {
  let shell: Check;
  try {
    shell = compilePart(ajv, rootKey, document.shell);
  } catch {
    return undefined;
  }
  const wrappers = new Map(document.properties.map((name, i) => [name, document.wrappers[i]]));
  const checks = new Map<string, Check>();
  const checkOf = (name: string): Check => {
    let check = checks.get(name);
    if (!check) {
      try {
        check = compilePart(ajv, rootKey, wrappers.get(name)!);
      } catch {
        // Not reached: the wrapper is a part of the root, which compiled. Should it be, the
        // whole validation's errors inside the property are the property's errors.
        check = wholeInside(whole, appendPointer('', name));
      }
      checks.set(name, check);
    }
    return check;
  };
  return splitValidation(shell, document.properties, checkOf, alternativeNoise).split;
}

/** A function that reports the whole validation's errors at or below `pointer`. */
function wholeInside(whole: Check, pointer: string): Check {
  const check: Check = (data) => {
    whole(data);
    check.errors = (whole.errors ?? []).filter(
      (error) => error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`),
    );
    return check.errors.length === 0;
  };
  return check;
}

/**
 * Compiles `schema`; throws a `DefinitionError` when ajv rejects it (bad regex, bad keyword value…).
 *
 * `validate` checks the whole root, compiled now, as before. Where the root has a `properties`
 * object, the validator also has a `split` (unless ajv cannot compile the shell): the shell is
 * compiled now, each property's schema when it is first validated on its own. (ajv compiles the
 * root document before any part of it in any case, so compiling every property at once instead,
 * to build `validate` from the split, would compile each property's code twice at load.)
 */
export function compileSchema(schema: SchemaObject): FormValidator {
  const dialect = detectDialect(schema);
  const rootKey = rootKeyOf(schema);
  let document = splitDocument(schema);
  let ajv = createAjv(dialect);
  let whole: Check;
  try {
    try {
      register(ajv, document?.document ?? schema, dialect);
      whole = compilePart(ajv, rootKey, '');
    } catch (error) {
      if (!document) throw error;
      // Maybe the split's schemas are what ajv refused: the root alone decides.
      document = undefined;
      ajv = createAjv(dialect);
      register(ajv, schema, dialect);
      whole = compilePart(ajv, rootKey, '');
    }
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
  const split = document ? compileSplit(ajv, rootKey, document, whole) : undefined;
  const parts = new Map<string, Check | undefined>();
  return {
    validate: (value) => errorsOf(whole, value === undefined ? {} : value, alternativeNoise),
    matches(location, data) {
      let part = parts.get(location);
      if (!parts.has(location)) {
        try {
          part = compilePart(ajv, rootKey, location.slice('/schema'.length));
        } catch {
          // A part that cannot be compiled never applies; the whole schema compiled, so this
          // does not happen for locations the form model produces.
          part = undefined;
        }
        parts.set(location, part);
      }
      return part ? part(data) : false;
    },
    ...(split ? { split } : {}),
  };
}
