/**
 * The validator of a split schema, from its compiled parts: the shell's function and one per root
 * property (see `SplitValidator`). The runtime compiler (ajv-compiler.ts) takes its `split`; a
 * precompiled definition (precompiled.ts), which has no function for the whole schema, also its
 * `validate`. Both give the same errors from each part the same way.
 */
import type { FieldError, JsonValue } from '../model/types.js';
import { mergeErrors, shapeErrors, type NoiseFilter, type RawError } from '../core/error-shape.js';
import type { FormValidator, SplitValidator } from './validator.js';
import { hasOwn } from '../model/own.js';

/** An ajv validation function (compiled at run time, or standalone code). */
export type Check = ((data: unknown) => boolean) & { errors?: RawError[] | null };

export type { NoiseFilter };

/**
 * Runs `check` on `data` and normalizes its errors, leaving out the noise of alternatives where
 * the schema has any (`noise`, src/core/alternative-noise.js).
 */
export function errorsOf(check: Check, data: unknown, noise?: NoiseFilter): FieldError[] {
  check(data);
  return shapeErrors(check.errors, noise);
}

/**
 * The split validation, and a `validate` built from it (the shell's errors merged with those of
 * each root property the value has as an own property).
 *
 * Each property's function is the root's `properties` keyword for that property alone (see
 * src/core/split-schema.js): it reads only that property of the object it is given, and reports errors
 * with pointers from the root.
 *
 * @param shell the shell's function, called with the form value
 * @param names the root's properties, in the schema's order
 * @param checkOf a property's function (asked for names in `names` only, when first needed)
 * @param noise which errors are the noise of alternatives, where the schema has any
 */
export function splitValidation(
  shell: Check,
  names: readonly string[],
  checkOf: (name: string) => Check,
  noise?: NoiseFilter,
): { split: SplitValidator; validate: FormValidator['validate'] } {
  const properties = new Set(names);
  const split: SplitValidator = {
    properties,
    shell: (value) => errorsOf(shell, value === undefined ? {} : value, noise),
    property(name, value) {
      // A name that is not one of the root's properties is the shell's business. A computed key
      // defines an own property, also for `__proto__`.
      return properties.has(name) ? errorsOf(checkOf(name), { [name]: value }, noise) : [];
    },
  };
  return {
    split,
    validate(value: JsonValue | undefined) {
      const data = value === undefined ? {} : value;
      const lists = [errorsOf(shell, data, noise)];
      // `properties` applies to objects only, and only to own properties (`ownProperties`). Each
      // property's function reads only its property, so it is given the value itself.
      if (typeof data === 'object' && data !== null && !Array.isArray(data))
        for (const name of names)
          if (hasOwn(data, name)) lists.push(errorsOf(checkOf(name), data, noise));
      return mergeErrors(...lists);
    },
  };
}
