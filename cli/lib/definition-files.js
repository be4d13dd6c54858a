/**
 * Reading and writing a form definition and its translation files.
 *
 * Where things live, for a definition `forms/<id>.json`:
 * - translations of a locale: inline in the definition's `translations`, or in the JSON file its
 *   URL names (relative to the definition); `merge` creates `forms/translations/<id>.<locale>.json`
 *   for a locale that has none yet;
 * - source-text hashes of a locale (for `status`'s "outdated"): a sidecar next to the translation
 *   file, `<file without .json>.meta.json`; for an inline locale,
 *   `forms/translations/<id>.<locale>.meta.json`. The form itself never loads them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { CliError } from './errors.js';
import { HASH_ALGORITHM } from './hash.js';
import { setTopLevelMember } from './json-edit.js';
import { isPlainObject as isObject } from '../../src/core/own.js';

/** Folder (next to the definition) for translation files that `merge` creates. */
export const TRANSLATIONS_DIR = 'translations';

/**
 * @typedef {object} DefinitionFile
 * @property {string} path Absolute path of the definition.
 * @property {string} text Its text as read.
 * @property {Record<string, any>} definition The parsed definition.
 * @property {string} id Its `id`.
 * @property {string} lang Its `lang` (the source language).
 */

/**
 * @typedef {object} LocaleSource
 * @property {string} locale
 * @property {'inline' | 'file' | 'none'} kind Where the locale's translations are.
 * @property {string} [url] The URL as written in the definition (`file` only).
 * @property {string} file Path of the translations file (for `inline`/`none`: where `merge`
 *   would create one).
 * @property {string} metaFile Path of the sidecar with source hashes.
 */

/**
 * Why a file could not be read, in a few words (`no such file`, `is a directory`, …).
 * @param {unknown} error what `readFileSync` threw
 */
export function unreadableReason(error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EISDIR'
      ? 'is a directory'
      : code === 'EACCES'
        ? 'permission denied'
        : (code ?? String(error));
}

/**
 * Reads a JSON file, with one-line errors for unreadable files and invalid JSON.
 * @param {string} path
 * @param {string} [what] how the message names the file
 * @returns {{ text: string, value: unknown }}
 */
export function readJsonFile(path, what = path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what}: ${unreadableReason(error)}`);
  }
  try {
    return { text, value: JSON.parse(text) };
  } catch (error) {
    throw new CliError(`${what} is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * Writes JSON with 2-space indentation and a trailing newline, creating folders as needed.
 * @param {string} path
 * @param {unknown} value
 */
export function writeJsonFile(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** A locale tag safe to use in a file name: BCP 47 in shape (`ar`, `pt-BR`, `sr-Latn`). */
export const LOCALE_PATTERN = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Reads and checks a form definition.
 * @param {string} path
 * @returns {DefinitionFile}
 */
export function readDefinition(path) {
  const absolute = resolve(path);
  const { text, value } = readJsonFile(absolute, path);
  if (!isObject(value)) throw new CliError(`${path} is not a form definition (not an object)`);
  if (typeof value.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value.id))
    throw new CliError(
      `${path} is not a form definition: "id" must be a string of letters, digits, ".", "_", "-"`,
    );
  if (!isObject(value.schema))
    throw new CliError(`${path} is not a form definition: "schema" must be an object`);
  if (typeof value.lang !== 'string' || !LOCALE_PATTERN.test(value.lang))
    throw new CliError(`${path}: "lang" (the language of the source texts) must be a language tag`);
  if (value.translations !== undefined && !isObject(value.translations))
    throw new CliError(`${path}: "translations" must be an object`);
  return { path: absolute, text, definition: value, id: value.id, lang: value.lang };
}

/**
 * The locales the definition has translations for, in the order it lists them.
 * @param {DefinitionFile} file
 * @returns {string[]}
 */
export function definedLocales(file) {
  return Object.keys(file.definition.translations ?? {});
}

/**
 * Where a locale's translations and hashes are.
 * @param {DefinitionFile} file
 * @param {string} locale
 * @returns {LocaleSource}
 */
export function localeSource(file, locale) {
  const entry = file.definition.translations?.[locale];
  const dir = dirname(file.path);
  const defaultFile = join(dir, TRANSLATIONS_DIR, `${file.id}.${locale}.json`);
  if (typeof entry === 'string') {
    const path = resolveRelativeUrl(file, locale, entry);
    return { locale, kind: 'file', url: entry, file: path, metaFile: metaFileFor(path) };
  }
  if (isObject(entry))
    return { locale, kind: 'inline', file: defaultFile, metaFile: metaFileFor(defaultFile) };
  if (entry !== undefined)
    throw new CliError(
      `${basename(file.path)}: translations.${locale} must be an object or a URL (a string)`,
    );
  return { locale, kind: 'none', file: defaultFile, metaFile: metaFileFor(defaultFile) };
}

/**
 * Resolves a translations URL against the definition's location. Only relative URLs can be read
 * from disk; absolute and root-relative ones depend on the web server.
 * @param {DefinitionFile} file
 * @param {string} locale
 * @param {string} url
 */
function resolveRelativeUrl(file, locale, url) {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) || url.startsWith('/') || url.startsWith('\\'))
    throw new CliError(
      `translations.${locale} is "${url}": only URLs relative to the definition can be read from disk`,
    );
  const resolved = new URL(url, pathToFileURL(file.path));
  resolved.search = '';
  resolved.hash = '';
  return fileURLToPath(resolved);
}

/**
 * The sidecar with source hashes for a translation file: `x.json` → `x.meta.json`.
 * @param {string} translationFile
 */
export function metaFileFor(translationFile) {
  return translationFile.endsWith('.json')
    ? `${translationFile.slice(0, -'.json'.length)}.meta.json`
    : `${translationFile}.meta.json`;
}

/**
 * The translations of a locale. A missing file reads as no translations (`exists: false`).
 * @param {DefinitionFile} file
 * @param {LocaleSource} source
 * @returns {{ translations: Record<string, unknown>, exists: boolean }}
 */
export function readLocaleTranslations(file, source) {
  if (source.kind === 'inline')
    return { translations: { ...file.definition.translations[source.locale] }, exists: true };
  if (!existsSync(source.file)) return { translations: {}, exists: false };
  const { value } = readJsonFile(source.file, displayPath(source.file));
  if (!isObject(value))
    throw new CliError(`${displayPath(source.file)} must hold a JSON object of translations`);
  return { translations: value, exists: true };
}

/**
 * The source hashes recorded for a locale (pointer → hash); empty when there is no sidecar.
 * @param {LocaleSource} source
 * @returns {Record<string, string>}
 */
export function readHashes(source) {
  if (!existsSync(source.metaFile)) return {};
  const { value } = readJsonFile(source.metaFile, displayPath(source.metaFile));
  if (!isObject(value) || (value.sources !== undefined && !isObject(value.sources)))
    throw new CliError(`${displayPath(source.metaFile)} is not a translations meta file`);
  if (value.hash !== undefined && value.hash !== HASH_ALGORITHM)
    throw new CliError(
      `${displayPath(source.metaFile)} uses hash "${value.hash}", expected "${HASH_ALGORITHM}"`,
    );
  /** @type {Record<string, string>} */
  const hashes = {};
  for (const [key, hash] of Object.entries(value.sources ?? {}))
    if (typeof hash === 'string') hashes[key] = hash;
  return hashes;
}

/**
 * Writes the sidecar with source hashes.
 * @param {DefinitionFile} file
 * @param {LocaleSource} source
 * @param {Record<string, string>} hashes in the order to write
 */
export function writeHashes(file, source, hashes) {
  writeJsonFile(source.metaFile, {
    $comment:
      'Hashes of the source texts these translations were made from; written by `intake-elements translations merge`, read by `translations status` to find outdated translations. Not loaded by the form.',
    form: file.id,
    sourceLang: file.lang,
    locale: source.locale,
    hash: HASH_ALGORITHM,
    sources: hashes,
  });
}

/**
 * The URL (relative to the definition) of a translation file.
 * @param {DefinitionFile} file
 * @param {string} path
 */
export function relativeUrl(file, path) {
  return relative(dirname(file.path), path).split(sep).join('/');
}

/**
 * Writes a new `translations` member into the definition file, leaving the rest of the file as
 * it was.
 * @param {DefinitionFile} file
 * @param {Record<string, unknown>} translations
 */
export function writeDefinitionTranslations(file, translations) {
  const text = setTopLevelMember(file.text, 'translations', translations);
  writeFileSync(file.path, text.endsWith('\n') ? text : `${text}\n`);
  file.text = text;
  file.definition = { ...file.definition, translations };
}

/**
 * A path as shown in messages: relative to the working directory when below it.
 * @param {string} path
 */
export function displayPath(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
