/**
 * The entries of the error summary: one per field, "Label: message", in the order given.
 */
import type { Field } from '../model/field.js';
import { displayPointer } from './error-visibility.js';

/** One link of the error summary. */
export interface SummaryEntry {
  /** The field the link leads to. */
  pointer: string;
  /** "Label: message". */
  message: string;
  /**
   * Where the label is in another language than the form's strings (a fallback in the source
   * language): the label, its language, the separator and the error, so that the view marks the
   * label with its `lang`.
   */
  parts?: { label: string; lang: string; separator: string; error: string };
}

/**
 * One entry per displaying field (the first error there). "Name: message", without the label's
 * own closing punctuation ("…einverstanden.:"); a question keeps its question mark and needs no
 * colon ("Which course? Please choose").
 */
export function summaryEntries(
  errors: readonly { pointer: string; message: string }[],
  fields: ReadonlyMap<string, Field>,
  label: (field: Field) => string,
  labelLang?: (field: Field) => string | undefined,
): SummaryEntry[] {
  const seen = new Set<string>();
  const entries: SummaryEntry[] = [];
  for (const error of errors) {
    const pointer = displayPointer(error.pointer, fields);
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const field = fields.get(pointer);
    const text = field && field.label.text ? label(field).replace(/[\s.:;]+$/, '') : '';
    const separator = /[?!؟]$/.test(text) ? ' ' : ': ';
    const lang = text && field ? labelLang?.(field) : undefined;
    entries.push({
      pointer,
      message: text ? `${text}${separator}${error.message}` : error.message,
      ...(lang ? { parts: { label: text, lang, separator, error: error.message } } : {}),
    });
  }
  return entries;
}
