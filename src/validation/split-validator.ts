/**
 * The validator of a split schema, from its compiled parts: the shell's function and one per root
 * property (see `SplitValidator`). Shared by the runtime compiler (ajv-compiler.ts) and the
 * precompiled definitions (precompiled.ts), so that both give the same errors the same way.
 */
import type { FieldError, JsonValue } from '../model/types.js';
import { mergeErrors, normalizeErrors, type RawError } from './normalize-errors.js';
import type { FormValidator, SplitValidator } from './validator.js';

/** An ajv validation function (compiled at run time, or standalone code). */
export type Check = ((data: unknown) => boolean) & { errors?: RawError[] | null };

/** Runs `check` on `data` and normalizes its errors. */
export function errorsOf(check: Check, data: unknown): FieldError[] {
  check(data);
  return normalizeErrors(check.errors);
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * The split validation and the `validate` built from it.
 *
 * Each property's function is the root's `properties` keyword for that property alone (see
 * split-schema.ts): it reads only that property of the object it is given, and reports errors
 * with pointers from the root.
 *
 * @param shell the shell's function, called with the form value
 * @param properties each root property's function, in the schema's order
 */
export function splitValidation(
  shell: Check,
  properties: ReadonlyMap<string, Check>,
): { split: SplitValidator; validate: FormValidator['validate'] } {
  const split: SplitValidator = {
    properties: new Set(properties.keys()),
    shell: (value) => errorsOf(shell, value === undefined ? {} : value),
    property(name, value) {
      const check = properties.get(name);
      // A name that is not one of the root's properties is the shell's business. A computed key
      // defines an own property, also for `__proto__`.
      return check ? errorsOf(check, { [name]: value }) : [];
    },
  };
  return {
    split,
    validate(value: JsonValue | undefined) {
      const data = value === undefined ? {} : value;
      const lists = [errorsOf(shell, data)];
      // `properties` applies to objects only, and only to own properties (`ownProperties`). Each
      // property's function reads only its property, so it is given the value itself.
      if (typeof data === 'object' && data !== null && !Array.isArray(data))
        for (const [name, check] of properties)
          if (hasOwn(data, name)) lists.push(errorsOf(check, data));
      return mergeErrors(...lists);
    },
  };
}
