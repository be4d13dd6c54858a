/**
 * Validators that come precompiled with a definition (`npx intake-elements compile`), so that a
 * form runs under a Content-Security-Policy without `'unsafe-eval'`: no schema is compiled in
 * the browser.
 *
 * A compiled definition module's default export is the definition plus `validators`: one
 * standalone ajv validation function per location the form checks at run time, keyed by the
 * location's JSON Pointer into the definition — `/schema` for the whole schema, and e.g.
 * `/schema/allOf/0/if` for a condition or `/schema/properties/contact/oneOf/1` for an object
 * alternative.
 */
import type { FormDefinition } from '../model/types.js';
import { normalizeErrors, type RawError } from './normalize-errors.js';
import type { FormValidator } from './validator.js';

/** A standalone ajv validation function. */
export type CompiledCheck = ((data: unknown) => boolean) & { errors?: RawError[] | null };

/** A definition as a compiled module exports it. */
export interface CompiledDefinition extends FormDefinition {
  validators: Record<string, CompiledCheck>;
}

/** Whether a definition carries precompiled validators. */
export function isCompiledDefinition(definition: unknown): definition is CompiledDefinition {
  const validators = (definition as { validators?: unknown } | null)?.validators;
  return (
    typeof validators === 'object' &&
    validators !== null &&
    typeof (validators as Record<string, unknown>)['/schema'] === 'function'
  );
}

/**
 * Wraps the precompiled functions in the validator interface. A location without a function
 * (a definition compiled by an older version) never matches, and says so once in the console.
 */
export function precompiledValidator(definition: CompiledDefinition): FormValidator {
  const root = definition.validators['/schema'];
  const warned = new Set<string>();
  return {
    validate(value) {
      root(value === undefined ? {} : value);
      return normalizeErrors(root.errors);
    },
    matches(location, data) {
      const check = definition.validators[location];
      if (!check) {
        if (!warned.has(location)) {
          warned.add(location);
          console.warn(
            `intake-elements: no precompiled validator for ${location}; recompile the definition.`,
          );
        }
        return false;
      }
      return check(data);
    },
  };
}
