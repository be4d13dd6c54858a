/**
 * The validation interface the element talks to. A precompiled (CSP-safe) validator can stand in
 * for the ajv compiler, which is loaded lazily only when a raw schema must be compiled.
 */
import type { FieldError, JsonValue, SchemaObject } from '../model/types.js';

/** Checks a whole form value against its schema. */
export interface FormValidator {
  /** Returns every error, normalized (see `normalizeErrors`); empty when valid. */
  validate(value: JsonValue | undefined): FieldError[];
  /**
   * Whether `data` is valid against the sub-schema at `location` (a JSON Pointer into the
   * definition, `/schema/...`): decides `if` conditions and object alternatives.
   */
  matches(location: string, data: unknown): boolean;
}

/** Compiles a raw schema with ajv, loading the compiler chunk on first use. */
export async function compileValidator(schema: SchemaObject): Promise<FormValidator> {
  const { compileSchema } = await import('./ajv-compiler.js');
  return compileSchema(schema);
}
