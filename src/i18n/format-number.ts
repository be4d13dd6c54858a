/**
 * Numbers as people read them in a language: "Step 2 of 5", "from 18 to 120", "Entry 3".
 *
 * `Intl.NumberFormat` does this for every language, but the first one a page creates costs tens
 * of milliseconds (the browser loads its number data then; about 50 ms in Chromium on the
 * benchmark machine), and most numbers a form shows are small whole numbers. In languages written
 * with the digits 0–9 those are just their digits, so they skip `Intl`; everything else (other
 * digits, decimals, negative and large numbers, region variants) goes through it.
 */

/** Languages whose numbers use the digits 0–9 by default in every browser (CLDR `latn`). */
const LATIN_DIGITS = new Set([
  'de',
  'en',
  'tr',
  'ku',
  'uk',
  'ru',
  'pl',
  'ro',
  'bg',
  'sq',
  'fr',
  'es',
  'ti',
  'it',
  'nl',
  'pt',
  'el',
  'sr',
  'hr',
  'bs',
  'so',
  'vi',
]);

const formats = new Map<string, Intl.NumberFormat>();

/**
 * `value` written for `locale`. With `grouping: 'min2'`, digits are grouped only from five
 * digits on, so that a year reads "2023", not "2.023".
 */
export function formatNumber(value: number, locale: string, grouping?: 'min2'): string {
  if (
    Number.isInteger(value) &&
    // Not -0, which Intl writes with its sign.
    (value > 0 || Object.is(value, 0)) &&
    value < (grouping ? 10_000 : 1000) &&
    LATIN_DIGITS.has(locale)
  )
    return String(value);
  const key = `${locale}\u0000${grouping ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, grouping ? { useGrouping: grouping } : {});
    formats.set(key, format);
  }
  return format.format(value);
}
