/**
 * How an answer reads on the "check your answers" page: choice titles instead of codes, dates and
 * numbers formatted for the locale, files by name and size, Yes / No for booleans.
 */
import { msg } from '@lit/localize';
import type { FormText } from './form-text.js';
import { formatBytes } from './file-messages.js';
import type { Field } from '../model/field.js';
import type { JsonValue } from '../model/types.js';
import { describeDataUrl } from '../model/data-url.js';
import { formatNumber } from './format-number.js';

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function formatDate(value: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  // Noon UTC, so that no time zone moves the date to the day before.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function formatDateTime(value: string, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function formatTime(value: string, locale: string): string {
  const match = /^(\d{2}):(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2])));
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(date);
}

function formatFile(value: string, locale: string): string {
  const { name, size } = describeDataUrl(value);
  return `${name || msg('File')} (${formatBytes(size, locale)})`;
}

/** Whether a value counts as "not answered". */
export function isEmptyAnswer(value: JsonValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The answer to a value field as text in the current locale. */
export function formatAnswer(
  field: Field,
  value: JsonValue | undefined,
  locale: string,
  text: FormText,
): string {
  if (isEmptyAnswer(value)) return msg('Not answered');
  if (field.kind === 'multi-choice') {
    const labels = (value as JsonValue[]).map((item) => {
      const choice = field.choices.find((c) => same(c.value, item));
      return choice ? text.get(choice.label).text : String(item);
    });
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(labels);
  }
  if (field.kind === 'files') {
    const files = (value as JsonValue[]).filter((v): v is string => typeof v === 'string');
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      files.map((f) => formatFile(f, locale)),
    );
  }
  if (field.kind !== 'value') return '';
  if (field.choices) {
    const choice = field.choices.find((c) => same(c.value, value));
    if (choice) return text.get(choice.label).text;
  }
  if (typeof value === 'boolean') return value ? msg('Yes') : msg('No');
  // Grouping only from five digits on, so that a year reads "2023", not "2.023".
  if (typeof value === 'number') {
    return formatNumber(value, locale, 'min2');
  }
  if (typeof value === 'string') {
    if (field.widget === 'file' || field.schema.format === 'data-url')
      return formatFile(value, locale);
    if (field.schema.format === 'date' || field.widget === 'date') return formatDate(value, locale);
    if (field.schema.format === 'date-time' || field.widget === 'datetime-local')
      return formatDateTime(value, locale);
    if (field.schema.format === 'time' || field.widget === 'time') return formatTime(value, locale);
    return value;
  }
  return JSON.stringify(value);
}
