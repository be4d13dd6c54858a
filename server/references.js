/**
 * Reference numbers ("Aktenzeichen") such as `KI-7KQ4-M2XD`: a prefix per form, then two blocks
 * of four characters drawn with crypto.randomInt from an alphabet without 0/O and 1/I/L, which
 * people confuse when they read a reference aloud on the phone or copy it from paper.
 * 31^8 ≈ 8.5 · 10^11 references per prefix; the storage's unique constraint catches the rare
 * collision and the receiver draws again.
 */
import { randomInt } from 'node:crypto';

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const PREFIX = /^[A-Z0-9]{1,6}$/;

/** Whether `prefix` may start a reference: 1–6 upper-case letters or digits. */
export function isValidPrefix(prefix) {
  return typeof prefix === 'string' && PREFIX.test(prefix);
}

/**
 * The default prefix of a form: the first two letters or digits of its id, upper-case
 * (`ki-erstberatung` → `KI`, `sprachkurs-anmeldung` → `SP`).
 */
export function defaultPrefix(formId) {
  const letters = String(formId)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return letters.slice(0, 2) || 'X';
}

/** A new reference with `prefix`. */
export function newReference(prefix) {
  const block = () =>
    Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join(
      '',
    );
  return `${prefix}-${block()}-${block()}`;
}

/** The shape of a reference, for routes: prefix, two blocks (lower case accepted). */
export const REFERENCE_PATTERN = /^[A-Za-z0-9]{1,6}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/;
