/**
 * Checks translations: every key must be the JSON Pointer of a text (a string) in the definition,
 * every value a string; a locale given by URL must name a readable JSON object (when the URL is
 * relative and the definition was read from a file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkEntries } from './check-translations-core.js';
import { appendPointer } from './json-pointer.js';
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
