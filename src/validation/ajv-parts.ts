/**
 * The pieces both ways of compiling a raw schema share (ajv-compiler.ts, the whole document at
 * once; hollow-compiler.ts, a part at a time): registering the document, compiling one part of it
 * by JSON Pointer, and turning what ajv throws into the definition error the element shows.
 * Part of the compiler chunk.
 */
import { DefinitionError } from '../model/definition-error.js';
import type { SchemaObject } from '../model/types.js';
import type { Dialect } from './dialect.js';
import { addRootSchema, createAjv, referenceOfPointer } from '../core/ajv-setup.js';
import type { Check } from './split-validator.js';

export type AjvInstance = ReturnType<typeof createAjv>;

/**
 * Registers `document` (the root schema, or the root with the split's schemas) with ajv, so that
 * its parts (the split's schemas, conditions, alternatives) can be compiled by JSON Pointer, with
 * their `$ref`s resolving against the whole document. Compiles nothing yet. `definitionSchema`:
 * the definition's schema, checked against its meta-schema where `document` hides parts of it
 * from ajv's check (a hollow split).
 */
export function register(
  ajv: AjvInstance,
  document: SchemaObject,
  dialect: Dialect,
  definitionSchema?: SchemaObject,
): void {
  addRootSchema(ajv, document, dialect, definitionSchema);
}

/** A `DefinitionError` for a schema ajv cannot compile or run, `reason` in its words. */
export function invalidSchema(error: unknown): DefinitionError {
  if (error instanceof DefinitionError) return error;
  // ajv percent-encodes property names into schema paths, which throws for lone surrogates.
  const reason =
    error instanceof URIError
      ? `a property name or reference is not well-formed Unicode (a lone surrogate): ${error.message}`
      : error instanceof RangeError
        ? // ajv's code recurses without end on some schemas (`$dynamicRef` with
          // `unevaluatedProperties`): the definition is the cause, not the page.
          `ajv cannot validate with this schema (${error.message})`
        : String((error as Error)?.message ?? error);
  return new DefinitionError(
    'invalid-schema',
    `Invalid schema: ${reason}`,
    { detail: reason },
    '/schema',
  );
}

/**
 * `check`, with anything it throws (ajv's stack overflow above all) turned into a
 * `DefinitionError`, which the element shows in the form's place.
 */
export function contained(check: Check): Check {
  const run: Check = (data) => {
    try {
      const valid = check(data);
      run.errors = check.errors;
      return valid;
    } catch (error) {
      throw invalidSchema(error);
    }
  };
  return run;
}

/** Compiles the part at `fragment` (a JSON Pointer, `''` for the root) of the registered document. */
export function compilePart(ajv: AjvInstance, rootKey: string, fragment: string): Check {
  const compiled = ajv.getSchema(referenceOfPointer(rootKey, fragment));
  if (!compiled) throw new Error('the schema could not be compiled');
  return contained(compiled as Check);
}

/** Resolves after the next frame is painted. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** Resolves in a task of its own, after the browser had a chance to handle input. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
