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
  /(^|\s)(postal-code|tel(-national|-local|-area-code)?|bday(-day|-month|-year)?|cc-number|one-time-code)$/;

/**
 * What a pattern that accepts ASCII digits only is made of, matched in one pass: `\d` (ASCII only
 * in JavaScript), classes of digits and separators (`[0-9]`, `[1-9]`, `[0-9 -]`), quantifiers,
 * escaped and plain separators, anchors, groups, alternatives and literal digits.
 */
const DIGITS_ONLY = /\\[-d./+ s()]|\[[\d ./:+\\-]+\]|\{[\d,]+\}|[\^$()|?+* /:\d-]/g;

/**
 * Whether `pattern` accepts ASCII digits and nothing else that a person types as a letter: digit
 * classes, literal digits, separators (space, `-`, `\.`, `/`, `:`, `+`), anchors, groups,
 * alternatives and quantifiers. `^[0-9]{5}$`, `^\d{3}-\d{4}$`, `^(\+49)?[0-9 ]+$` do;
 * `^[A-Z]{2}[0-9]+$` and `^\w+$` do not.
 */
export function acceptsOnlyAsciiDigits(pattern: unknown): boolean {
  return (
    typeof pattern === 'string' &&
    /\\d|\[[^\]]*\d/.test(pattern) &&
    !pattern.replace(DIGITS_ONLY, '')
  );
}

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
  return acceptsOnlyAsciiDigits(pattern);
}

/**
 * The text to store for what a person typed: with ASCII digits where the field expects digits
 * (`expects`, from {@link expectsDigits}), and also where the field's `pattern` rejects the text
 * as typed but accepts it with ASCII digits (a pattern too intricate for `expectsDigits` to read,
 * once the whole value is typed). Anything else as typed.
 */
export function typedDigits(text: string, expects: boolean, pattern: unknown): string {
  const ascii = normalizeDigits(text);
  if (ascii === text || expects) return ascii;
  if (typeof pattern !== 'string') return text;
  try {
    const regex = new RegExp(pattern, 'u');
    return !regex.test(text) && regex.test(ascii) ? ascii : text;
  } catch {
    return text;
  }
}
