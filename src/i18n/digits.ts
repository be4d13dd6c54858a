/**
 * Digits typed on Arabic and Persian keyboards (٠–٩, ۰–۹) become ASCII digits before a value is
 * validated or stored, so "١٢٣٤٥" is a valid postal code and "٤٢" a number.
 */
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Replaces Arabic-Indic and Persian digits (and their decimal separator) with ASCII. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x066b) return '.'; // Arabic decimal separator
    if (code === 0x066c) return ''; // Arabic thousands separator
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
  });
}

/** Autocomplete tokens of values made of digits (postal codes, phone numbers, dates). */
const NUMERIC_TOKENS =
  /(^|\s)(postal-code|tel|tel-national|tel-local|tel-area-code|bday|bday-day|bday-month|bday-year|cc-number|one-time-code)$/;

/**
 * Whether a text field holds digits a person may type in another script: phone fields, fields
 * marked with a numeric autocomplete token, and fields whose pattern only allows digits.
 */
export function expectsDigits(
  widget: string,
  autocomplete: string | undefined,
  pattern: unknown,
): boolean {
  if (widget === 'tel') return true;
  if (autocomplete && NUMERIC_TOKENS.test(autocomplete)) return true;
  return typeof pattern === 'string' && /^\^?(\[0-9\]|\\d)(\{\d+(,\d*)?\}|[+*])?\$?$/.test(pattern);
}
