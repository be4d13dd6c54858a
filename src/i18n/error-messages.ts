/**
 * Plain-language validation messages, one per JSON Schema keyword, with limits filled in.
 * Never ajv's raw text. A form author may override a keyword's message per field with
 * `ui:options.errorMessages` (translatable like every other form text).
 */
import { msg, str } from '@lit/localize';
import type { Field } from '../model/field.js';
import type { FieldError } from '../model/types.js';
import { formatNumber } from './format-number.js';

function number(value: unknown, locale: string): string {
  return typeof value === 'number' ? formatNumber(value, locale) : String(value);
}

function formatMessage(format: unknown): string {
  switch (format) {
    case 'email':
      return msg('Please enter a valid email address.');
    case 'uri':
    case 'url':
      return msg('Please enter a complete web address, for example https://example.org.');
    case 'date':
      return msg('Please enter a valid date.');
    case 'date-time':
      return msg('Please enter a valid date and time.');
    case 'time':
      return msg('Please enter a valid time.');
    case 'data-url':
      return msg('Please choose a file.');
    default:
      return msg('Please check the format of this entry.');
  }
}

/** The message for one error, in the current locale. */
export function errorMessage(error: FieldError, field: Field | undefined, locale: string): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      if (field?.widget === 'checkbox' && field.schema.const === true)
        return msg('Please confirm this to continue.');
      if (field?.kind === 'multi-choice' || field?.widget === 'radio' || field?.widget === 'select')
        return msg('Please choose an answer.');
      if (field?.kind === 'files' || field?.widget === 'file') return msg('Please choose a file.');
      return msg('Please fill in this field.');
    case 'type':
      if (p.type === 'integer') return msg('Please enter a whole number.');
      if (p.type === 'number') return msg('Please enter a number.');
      return msg('Please check this entry.');
    case 'minLength':
      return p.limit === 1
        ? msg('Please fill in this field.')
        : msg(str`Please enter at least ${number(p.limit, locale)} characters.`);
    case 'maxLength':
      return msg(str`Please enter no more than ${number(p.limit, locale)} characters.`);
    case 'pattern':
      return msg('Please check the format of this entry.');
    case 'format':
      return formatMessage(p.format);
    case 'minimum':
      return msg(str`Please enter a number of at least ${number(p.limit, locale)}.`);
    case 'maximum':
      return msg(str`Please enter a number of at most ${number(p.limit, locale)}.`);
    case 'exclusiveMinimum':
      return msg(str`Please enter a number greater than ${number(p.limit, locale)}.`);
    case 'exclusiveMaximum':
      return msg(str`Please enter a number less than ${number(p.limit, locale)}.`);
    case 'multipleOf':
      return msg(str`Please enter a multiple of ${number(p.multipleOf, locale)}.`);
    case 'minItems':
      if (field?.kind === 'multi-choice') {
        return p.limit === 1
          ? msg('Please choose at least one answer.')
          : msg(str`Please choose at least ${number(p.limit, locale)} answers.`);
      }
      return msg(str`Please add at least ${number(p.limit, locale)} entries.`);
    case 'maxItems':
      if (field?.kind === 'multi-choice')
        return msg(str`Please choose no more than ${number(p.limit, locale)} answers.`);
      return msg(str`Please enter no more than ${number(p.limit, locale)} entries.`);
    case 'uniqueItems':
      return msg('Please remove the duplicate entries.');
    case 'const':
      if (p.allowedValue === true) return msg('Please confirm this to continue.');
      return msg('Please choose an allowed answer.');
    case 'enum':
    case 'oneOf':
    case 'anyOf':
      return msg('Please choose one of the answers offered.');
    case 'minProperties':
    case 'maxProperties':
    case 'additionalProperties':
    case 'propertyNames':
    default:
      return msg('Please check this entry.');
  }
}
