/**
 * Checks translations: every key must be the JSON Pointer of a text (a string) in the definition,
 * every value a string; a locale given by URL must name a readable JSON object (when the URL is
 * relative and the definition was read from a file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appendPointer, getAtPointer, isPointer } from './json-pointer.js';
import { isPlainObject as isObject } from '../../src/core/own.js';

/** @typedef {{ pointer: string, message: string, code: string, file?: string }} Problem */

/**
 * Where a relative translations URL points on disk, or `undefined` for URLs that depend on the
 * web server (absolute, root-relative).
 * @param {string} url
 * @param {string} definitionPath
 */
export function translationFilePath(url, definitionPath) {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) || url.startsWith('/') || url.startsWith('\\'))
    return undefined;
  const resolved = new URL(url, pathToFileURL(definitionPath));
  resolved.search = '';
  resolved.hash = '';
  return fileURLToPath(resolved);
}

/**
 * Problems with one locale's translations object.
 * @param {Record<string, unknown>} definition
 * @param {Record<string, unknown>} translations
 * @param {string} base pointer of the object (in the definition, or '' in its own file)
 * @param {string} [file] the translations file, when they come from one
 * @returns {Problem[]}
 */
function checkEntries(definition, translations, base, file) {
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
 * Checks the translations of a definition.
 * @param {Record<string, unknown>} definition
 * @param {{ path?: string, displayPath?: (path: string) => string }} [options] `path`: where the
 *   definition was read from (to read translations given by relative URL)
 * @returns {Problem[]}
 */
export function checkTranslations(definition, options = {}) {
  const translations = definition.translations;
  if (!isObject(translations)) return [];
  /** @type {Problem[]} */
  const problems = [];
  const show = options.displayPath ?? ((path) => path);
  for (const [locale, entry] of Object.entries(
    /** @type {Record<string, unknown>} */ (translations),
  )) {
    const pointer = appendPointer('/translations', locale);
    if (isObject(entry)) {
      problems.push(
        ...checkEntries(definition, /** @type {Record<string, unknown>} */ (entry), pointer),
      );
      continue;
    }
    if (typeof entry !== 'string' || entry === '' || !options.path) continue;
    const file = translationFilePath(entry, options.path);
    if (!file) continue;
    if (!existsSync(file)) {
      problems.push({
        pointer,
        message: `"${entry}" does not exist (looked for ${show(file)})`,
        code: 'translation-file-missing',
      });
      continue;
    }
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({
        pointer,
        message: `"${entry}" is not valid JSON: ${/** @type {Error} */ (error).message}`,
        code: 'translation-file-invalid',
      });
      continue;
    }
    if (!isObject(parsed)) {
      problems.push({
        pointer,
        message: `"${entry}" must hold a JSON object of translations`,
        code: 'translation-file-invalid',
      });
      continue;
    }
    problems.push(...checkEntries(definition, parsed, '', show(file)));
  }
  return problems;
}
