/**
 * The errors of the form's current value, validated only as far as they are needed: per
 * top-level property where the validator can split the schema (see `SplitValidator`), only for
 * the parts whose value changed, and only when someone asks. A keystroke in one field of a
 * thousand validates that field's top-level property and the root's own keywords; nothing is
 * validated before the first change or the first error that is shown.
 *
 * Values are compared by identity: the element never changes its data in place (every change
 * makes new objects along its path), so an unchanged part keeps its identity and its errors.
 */
import type { FieldError, JsonValue } from '../model/types.js';
import { hasOwn, isPlainObject } from '../model/own.js';
import { mergeErrors } from '../core/normalize-errors.js';
import type { FormValidator } from './validator.js';

interface Cached {
  value: JsonValue | undefined;
  errors: FieldError[];
}

export class LiveValidation {
  private whole?: Cached;
  private shellErrors?: Cached;
  private readonly parts = new Map<string, Cached>();

  constructor(private readonly validator: FormValidator) {}

  /** Every error of `value`. */
  all(value: JsonValue | undefined): FieldError[] {
    if (this.whole && this.whole.value === value) return this.whole.errors;
    const split = this.validator.split;
    let errors: FieldError[];
    if (!split || !isPlainObject(value)) {
      errors = this.validator.validate(value);
    } else {
      const lists = [this.shell(value)];
      for (const name of split.properties)
        if (hasOwn(value, name)) lists.push(this.part(name, value[name]));
      errors = mergeErrors(...lists);
    }
    this.whole = { value, errors };
    return errors;
  }

  /**
   * The errors of the root's own keywords and of the top-level properties `names`: all that can
   * be shown while only those properties' fields show their errors. Without a split, every error.
   */
  some(value: JsonValue | undefined, names: Iterable<string>): FieldError[] {
    const split = this.validator.split;
    if (!split || !isPlainObject(value)) return this.all(value);
    if (this.whole && this.whole.value === value) return this.whole.errors;
    const lists = [this.shell(value)];
    for (const name of new Set(names))
      if (split.properties.has(name) && hasOwn(value, name))
        lists.push(this.part(name, value[name]));
    return mergeErrors(...lists);
  }

  /**
   * Validates now what a change of the top-level property `name` affects (live validation while
   * typing); the other parts wait until they are asked for.
   */
  refresh(value: JsonValue | undefined, name: string): void {
    const split = this.validator.split;
    if (!split || !isPlainObject(value) || !split.properties.has(name)) {
      this.all(value);
      return;
    }
    this.shell(value);
    if (hasOwn(value, name)) this.part(name, value[name]);
  }

  private shell(value: Record<string, JsonValue>): FieldError[] {
    if (this.shellErrors?.value !== value)
      this.shellErrors = { value, errors: this.validator.split!.shell(value) };
    return this.shellErrors.errors;
  }

  private part(name: string, value: JsonValue): FieldError[] {
    const cached = this.parts.get(name);
    if (cached && cached.value === value) return cached.errors;
    const errors = this.validator.split!.property(name, value);
    this.parts.set(name, { value, errors });
    return errors;
  }
}
