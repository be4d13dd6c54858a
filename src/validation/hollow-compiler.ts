/**
 * A raw schema compiled a part at a time (issue 19: no task over 200 ms while a definition
 * loads). ajv compiles a whole document before any part of it; for a form of thousands of
 * questions that is one task of hundreds of milliseconds. Registered as a hollow split (see
 * `hollowSplit` in src/core/split-schema.js: the root's own properties are `true`, their schemas
 * live in a wrapper each and in chunks of fifty), the root costs what the shell costs. The whole
 * value is checked by the shell and the chunks, which `prepare` compiles a few between tasks; a
 * single property (live validation while typing) by its wrapper, compiled when first used.
 *
 * Only where `hollowSplit` finds it safe. And should ajv still refuse a part here, the validator
 * hands over to the whole-document compiler it was given (`whole`), which says whether the
 * definition itself is at fault: a hollow root can make things faster, never different.
 * Part of the compiler chunk.
 */
import { DefinitionError } from '../model/definition-error.js';
import type { JsonValue, SchemaObject } from '../model/types.js';
import type { Dialect } from './dialect.js';
import { createAjv } from '../core/ajv-setup.js';
import { rootKeyOf } from '../core/dialect.js';
import { pointerInSplit, type HollowSplit } from '../core/split-schema.js';
import { alternativeNoise } from '../core/alternative-noise.js';
import { mergeErrors } from '../core/error-shape.js';
import { errorsOf, splitValidation, type Check } from './split-validator.js';
import type { FormValidator, SplitValidator } from './validator.js';
import { afterPaint, compilePart, nextTask, register, type AjvInstance } from './ajv-parts.js';

/** A validator compiled on first use, and `compileRoot` to compile all of it now. */
export interface LazyValidator {
  validator: FormValidator;
  /** Compiles everything now (once); throws a `DefinitionError` where ajv refuses the schema. */
  compileRoot(): void;
}

/** How long `prepare` compiles before it lets the browser handle input and paint. */
const SLICE_MS = 80;

/**
 * The performance mark at the start of each slice of `prepare`'s compiling: seen in the browser's
 * performance panel, and by the tests.
 */
export const SLICE_MARK = 'intake-elements:compile-slice';

/**
 * The validator of `schema` compiled part by part from its hollow split, or `undefined` where ajv
 * does not take the hollow document (the schema is no schema of its dialect, say): `whole` then
 * tells why.
 */
export function hollowLazily(
  schema: SchemaObject,
  hollow: HollowSplit,
  dialect: Dialect,
  whole: () => LazyValidator,
): LazyValidator | undefined {
  const rootKey = rootKeyOf(schema);
  let ajv: AjvInstance;
  try {
    ajv = createAjv(dialect);
    register(ajv, hollow.document, dialect, schema);
  } catch {
    return undefined;
  }
  // Once a part fails to compile, the whole-document compiler answers everything.
  let fallen: LazyValidator | undefined;
  const fallBack = (error: unknown): LazyValidator => {
    // A part that compiled but cannot run (ajv's stack overflow) is the definition's fault.
    if (error instanceof DefinitionError) throw error;
    return (fallen ??= whole());
  };

  const checks = new Map<string, Check>();
  const partAt = (pointer: string): Check => {
    let check = checks.get(pointer);
    if (!check) {
      check = compilePart(ajv, rootKey, pointer);
      checks.set(pointer, check);
    }
    return check;
  };
  const wrappers = new Map(hollow.properties.map((name, i) => [name, hollow.wrappers[i]]));
  // The shell compiled on first use, like the properties.
  const shell: Check = (data) => {
    const check = partAt(hollow.shell);
    const valid = check(data);
    shell.errors = check.errors;
    return valid;
  };
  const parts = splitValidation(
    shell,
    hollow.properties,
    (name) => partAt(wrappers.get(name)!),
    alternativeNoise,
  );
  // The whole value is checked by the shell and the chunks (each reads only its properties, and
  // none applies to data that is not an object); a single property by its wrapper.
  const chunks = hollow.chunks.map((chunk) => chunk.pointer);
  const valid = (data: unknown) => shell(data) && chunks.every((pointer) => partAt(pointer)(data));

  const split: SplitValidator = {
    properties: parts.split.properties,
    shell(value) {
      if (!fallen)
        try {
          return parts.split.shell(value);
        } catch (error) {
          fallBack(error);
        }
      const { validator } = fallen!;
      return validator.split ? validator.split.shell(value) : validator.validate(value);
    },
    property(name, value) {
      if (!fallen)
        try {
          return parts.split.property(name, value);
        } catch (error) {
          fallBack(error);
        }
      return fallen!.validator.split?.property(name, value) ?? [];
    },
  };

  const compileAll = (): void => {
    for (const pointer of [hollow.shell, ...chunks]) partAt(pointer);
  };
  const validator: FormValidator = {
    origin: 'compiled',
    validate(value: JsonValue | undefined) {
      if (!fallen)
        try {
          // All of it, as the whole document's compiler would: what ajv refuses in any part
          // is the definition's error, whatever the value has.
          compileAll();
          const data = value === undefined ? {} : value;
          return mergeErrors(
            errorsOf(shell, data, alternativeNoise),
            ...chunks.map((pointer) => errorsOf(partAt(pointer), data, alternativeNoise)),
          );
        } catch (error) {
          fallBack(error);
        }
      return fallen!.validator.validate(value);
    },
    matches(location, data) {
      if (!fallen)
        try {
          const pointer = pointerInSplit(hollow, location.slice('/schema'.length));
          return pointer === '' ? valid(data) : partAt(pointer)(data);
        } catch (error) {
          fallBack(error);
        }
      return fallen!.validator.matches(location, data);
    },
    get split() {
      return fallen ? fallen.validator.split : split;
    },
    async prepare() {
      await afterPaint();
      if (!fallen)
        try {
          let slice = performance.now();
          performance.mark(SLICE_MARK);
          for (const pointer of [hollow.shell, ...chunks]) {
            if (performance.now() - slice > SLICE_MS) {
              await nextTask();
              slice = performance.now();
              performance.mark(SLICE_MARK);
            }
            if (fallen) break;
            partAt(pointer);
          }
        } catch (error) {
          fallBack(error);
        }
      // What ajv refused in a part, the whole document's compiler words (or compiles after all).
      fallen?.compileRoot();
    },
  };
  return {
    validator,
    compileRoot() {
      if (!fallen)
        try {
          compileAll();
          return;
        } catch (error) {
          fallBack(error);
        }
      fallen!.compileRoot();
    },
  };
}
