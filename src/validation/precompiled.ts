/**
 * Validators that come precompiled with a definition (`npx intake-elements compile`), so that a
 * form runs under a Content-Security-Policy without `'unsafe-eval'`: no schema is compiled in
 * the browser.
 *
 * A compiled definition module's default export is the definition plus `validators`, standalone
 * ajv validation functions under these keys:
 *
 * - `#shell`: the root schema with each of its `properties` replaced by `true` (its `required`,
 *   `allOf`, `if`, `patternProperties`, `unevaluatedProperties`, … see the whole value), called
 *   with the form value;
 * - `#property:<name>` (the property's name as it is, not escaped), one per root property: the
 *   root's `properties` keyword for that one property, called with an object that holds the
 *   property (the form value, or `{ [name]: value }`); its errors have pointers from the root
 *   (`/name/...`);
 * - a JSON Pointer into the definition for each location the form matches at run time
 *   (`FormValidator.matches`): e.g. `/schema/allOf/0/if` for a condition,
 *   `/schema/properties/contact/oneOf/1` for an object alternative; called with the data there;
 * - `/schema`: the whole schema, called with the form value — instead of `#shell` and
 *   `#property:…` where the root cannot be split (no `properties` object, `$dynamicRef`, or ajv
 *   refused the split), and in modules compiled before the split existed (test/fixtures/compiled).
 *
 * The whole value's errors are the shell's together with each property's (see `SplitValidator`),
 * so a module carries each property's code once, its `validate` merges them, and the element can
 * re-validate only the property a change touched. cli/lib/compile-definition.js writes the
 * modules; cli/lib/compile-locations.js has the same key scheme.
 */
import type { FormDefinition } from '../model/types.js';
import { errorsOf, splitValidation, type Check, type NoiseFilter } from './split-validator.js';
import type { FormValidator } from './validator.js';
import { hasOwn, isPlainObject } from '../model/own.js';

/** A standalone ajv validation function. */
export type CompiledCheck = Check;

/** A definition as a compiled module exports it. */
export interface CompiledDefinition extends FormDefinition {
  validators: Record<string, CompiledCheck>;
  /**
   * Where each `$ref` of the schema leads: the location of the schema holding it → the location of
   * its target (src/core/schema-references.js). A module compiled by an earlier version has none.
   */
  refs?: Record<string, string>;
}

/** Key of the whole schema's validator (modules without a split). */
export const WHOLE_KEY = '/schema';
/** Key of the shell's validator. */
export const SHELL_KEY = '#shell';
/** Prefix of the keys of the root properties' validators. */
export const PROPERTY_KEY_PREFIX = '#property:';

/** The key of a root property's validator. */
export function propertyKey(name: string): string {
  return `${PROPERTY_KEY_PREFIX}${name}`;
}

/**
 * Whether a definition carries precompiled validators: the whole schema's, or the shell's and
 * exactly one for each of the root's `properties` (a module that does not match its own schema
 * is not trusted to validate it; the element then compiles the schema itself).
 */
export function isCompiledDefinition(definition: unknown): definition is CompiledDefinition {
  if (!isPlainObject(definition)) return false;
  const validators = definition.validators;
  if (!isPlainObject(validators)) return false;
  if (!hasOwn(validators, SHELL_KEY)) return typeof validators[WHOLE_KEY] === 'function';
  if (typeof validators[SHELL_KEY] !== 'function') return false;
  const schema = definition.schema;
  const names = isPlainObject(schema) && isPlainObject(schema.properties) ? schema.properties : {};
  const keys = Object.keys(validators).filter((key) => key.startsWith(PROPERTY_KEY_PREFIX));
  return (
    keys.length === Object.keys(names).length &&
    keys.every(
      (key) =>
        typeof validators[key] === 'function' &&
        hasOwn(names, key.slice(PROPERTY_KEY_PREFIX.length)),
    )
  );
}

/**
 * Wraps the precompiled functions in the validator interface: `validate` from the shell and the
 * properties (with `split`), or from the whole schema's function of an older module (without).
 * A location without a function (a definition compiled by an older version) never matches, and
 * says so once in the console. `noise` leaves out the noise of alternatives: a schema with
 * `oneOf` / `anyOf` needs it (src/core/alternative-noise.js, which the element loads with its
 * condition logic).
 */
export function precompiledValidator(
  definition: CompiledDefinition,
  noise?: NoiseFilter,
): FormValidator {
  const { validators } = definition;
  const shell = validators[SHELL_KEY];
  const byParts =
    typeof shell === 'function'
      ? splitValidation(
          shell,
          Object.keys(validators)
            .filter((key) => key.startsWith(PROPERTY_KEY_PREFIX))
            .map((key) => key.slice(PROPERTY_KEY_PREFIX.length)),
          (name) => validators[propertyKey(name)],
          noise,
        )
      : undefined;
  const root = validators[WHOLE_KEY];
  const warned = new Set<string>();
  return {
    ...(byParts?.split ? { split: byParts.split } : {}),
    validate:
      byParts?.validate ?? ((value) => errorsOf(root, value === undefined ? {} : value, noise)),
    matches(location, data) {
      // Only locations (JSON Pointers) match; `#shell` and `#property:…` are not sub-schemas.
      const check =
        location.startsWith('/') && hasOwn(validators, location) ? validators[location] : undefined;
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
