// @ts-check
// The pure part of check-translations.js (no file access), shared by the command line and the
// builder in the browser: the check of one locale's translations object against the definition.
import { appendPointer, getAtPointer, isPointer } from './json-pointer.js';

/** @typedef {{ pointer: string, message: string, code: string, file?: string }} Problem */

/**
 * Problems with one locale's translations object.
 * @param {Record<string, unknown>} definition
 * @param {Record<string, unknown>} translations
 * @param {string} base pointer of the object (in the definition, or '' in its own file)
 * @param {string} [file] the translations file, when they come from one
 * @returns {Problem[]}
 */
export function checkEntries(definition, translations, base, file) {
  /** @type {Problem[]} */
  const problems = [];
  for (const [key, value] of Object.entries(translations)) {
    const pointer = appendPointer(base, key);
    const where = file ? { file } : {};
    // Inline translations' shape is the meta-schema's business; a file's is checked here.
    if (file && typeof value !== 'string') {
      problems.push({
        pointer,
        message: 'must be a string (the translated text)',
        code: 'wrong-type',
        ...where,
      });
    }
    if (!isPointer(key) || key === '') {
      if (!file) continue;
      problems.push({
        pointer,
        message: `"${key}" is not a JSON Pointer into the definition (it must start with "/")`,
        code: 'translation-bad-key',
        ...where,
      });
      continue;
    }
    const target = getAtPointer(definition, key);
    if (target === undefined) {
      problems.push({
        pointer,
        message: `"${key}" points at nothing in the definition`,
        code: 'translation-unknown-key',
        ...where,
      });
    } else if (typeof target !== 'string') {
      problems.push({
        pointer,
        message: `"${key}" points at ${Array.isArray(target) ? 'a list' : typeof target === 'object' && target !== null ? 'an object' : `a ${typeof target}`}, not at a text`,
        code: 'translation-not-text',
        ...where,
      });
    }
  }
  return problems;
}

/**
 * Checks the translations written in the definition itself (locales given by URL are skipped).
 * @param {Record<string, unknown>} definition
 * @returns {Problem[]}
 */
export function checkInlineTranslations(definition) {
  const translations = definition.translations;
  if (typeof translations !== 'object' || translations === null || Array.isArray(translations))
    return [];
  /** @type {Problem[]} */
  const problems = [];
  for (const [locale, entry] of Object.entries(translations)) {
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry))
      problems.push(...checkEntries(definition, entry, appendPointer('/translations', locale)));
  }
  return problems;
}
