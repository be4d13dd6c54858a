/**
 * The validation interface the element talks to. A precompiled (CSP-safe) validator can stand in
 * for the ajv compiler, which is loaded lazily only when a raw schema must be compiled.
 */
import type { FieldError, JsonValue, SchemaObject } from '../model/types.js';
import { announceDependencies } from '../internal/lazy-module.js';

/**
 * Validation split by top-level property, so that a change re-validates only what it can affect
 * (a form of a thousand fields validates ten on a keystroke, not a thousand).
 *
 * For any value `v`, `validate(v)` has the same errors as `shell(v)` together with
 * `property(name, v[name])` for every `name` in `properties` that `v` has as an own property
 * (merged by `mergeErrors`). That holds for every schema: the shell is the root schema with each
 * of those properties' schemas replaced by `true`, so every other keyword (`required`, `allOf`,
 * `if`, `patternProperties`, `unevaluatedProperties`, …) still sees the whole value.
 */
export interface SplitValidator {
  /** The root's `properties` that are validated on their own. */
  readonly properties: ReadonlySet<string>;
  /** Errors of the root schema's own keywords, each property in `properties` counted as valid. */
  shell(value: JsonValue): FieldError[];
  /**
   * Errors inside the value of one top-level property, with pointers from the root
   * (`/address/city`). A property whose schema is fine with `value` gives `[]`.
   */
  property(name: string, value: JsonValue): FieldError[];
}

/** Checks a whole form value against its schema. */
export interface FormValidator {
  /** Returns every error, normalized (see `normalizeErrors`); empty when valid. */
  validate(value: JsonValue | undefined): FieldError[];
  /**
   * Whether `data` is valid against the sub-schema at `location` (a JSON Pointer into the
   * definition, `/schema/...`): decides `if` conditions and object alternatives.
   */
  matches(location: string, data: unknown): boolean;
  /** The same validation split by top-level property; absent where the schema cannot be split. */
  readonly split?: SplitValidator;
  /**
   * Where a raw schema's validator came from: compiled now, or the code kept from an earlier
   * visit (src/validation/validator-cache.ts). Absent for a compiled module's.
   */
  readonly origin?: 'compiled' | 'cached';
  /**
   * Compiles, after the next paint, what a raw schema's validator leaves for its first use;
   * rejects with a `DefinitionError` where ajv refuses the schema. Absent where nothing is left
   * to compile.
   */
  prepare?(): Promise<void>;
}

/** Starts loading the compiler chunk, for a raw definition that is on its way. */
export function preloadCompiler(): void {
  announceDependencies('ajv-compiler');
  import('./ajv-compiler.js').catch(() => undefined);
}

/**
 * The validator of a raw schema: the code kept from an earlier visit, or compiled with ajv (the
 * compiler chunk loaded on first use).
 */
export async function compileValidator(schema: SchemaObject): Promise<FormValidator> {
  announceDependencies('ajv-compiler');
  const { loadValidator } = await import('./ajv-compiler.js');
  return loadValidator(schema);
}
