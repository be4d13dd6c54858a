/**
 * The pure part of the translation workflow: which strings are translated, missing or outdated;
 * the XLIFF units for a locale; merging returned units into a locale's translations.
 */
import { sourceHash } from './source-hash.js';
import { getAtPointer } from './json-pointer.js';
import { writeXliff } from './xliff.js';

/** @typedef {import('./find-strings.js').TranslatableString} TranslatableString */
/** @typedef {import('./xliff.js').XliffUnit} XliffUnit */

/**
 * @typedef {object} LocaleStatus
 * @property {number} total Translatable strings in the definition.
 * @property {number} translated Strings with a translation made for the current source text
 *   (or with no recorded source hash, which cannot be checked).
 * @property {TranslatableString[]} missing Strings without a translation.
 * @property {TranslatableString[]} outdated Strings translated from a different source text.
 * @property {TranslatableString[]} unchecked Translated strings without a recorded source hash.
 * @property {{ key: string, problem: string }[]} invalid Keys that are no translatable string of
 *   the definition, or whose value is not a string.
 */

/**
 * Whether a translation value counts as a translation.
 * @param {unknown} value
 * @returns {value is string}
 */
function isTranslation(value) {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Compares a locale's translations with the definition's strings.
 * @param {Record<string, any>} definition
 * @param {TranslatableString[]} strings
 * @param {Record<string, unknown>} translations
 * @param {Record<string, string>} hashes recorded source hashes (pointer → hash)
 * @returns {LocaleStatus}
 */
export function localeStatus(definition, strings, translations, hashes) {
  /** @type {LocaleStatus} */
  const status = {
    total: strings.length,
    translated: 0,
    missing: [],
    outdated: [],
    unchecked: [],
    invalid: [],
  };
  const known = new Set(strings.map((s) => s.pointer));
  for (const string of strings) {
    const value = translations[string.pointer];
    if (!isTranslation(value)) status.missing.push(string);
    else if (hashes[string.pointer] === undefined) {
      status.unchecked.push(string);
      status.translated++;
    } else if (hashes[string.pointer] !== sourceHash(string.text)) status.outdated.push(string);
    else status.translated++;
  }
  for (const [key, value] of Object.entries(translations)) {
    if (typeof value !== 'string') status.invalid.push({ key, problem: 'value is not a string' });
    else if (!known.has(key)) {
      let target;
      try {
        target = getAtPointer(definition, key);
      } catch {
        status.invalid.push({ key, problem: 'not a JSON Pointer' });
        continue;
      }
      status.invalid.push({
        key,
        problem:
          target === undefined
            ? 'no such place in the definition'
            : 'not a translatable string of the definition',
      });
    }
  }
  return status;
}

/**
 * The XLIFF units of a locale: every string, with its current translation as target. An outdated
 * translation is kept as target in state `initial`, with a note that the source changed.
 * @param {TranslatableString[]} strings
 * @param {Record<string, unknown>} translations
 * @param {Record<string, string>} hashes
 * @returns {XliffUnit[]}
 */
export function unitsFor(strings, translations, hashes) {
  return strings.map((string) => {
    const hash = sourceHash(string.text);
    const value = translations[string.pointer];
    const target = isTranslation(value) ? value : undefined;
    const outdated =
      target !== undefined &&
      hashes[string.pointer] !== undefined &&
      hashes[string.pointer] !== hash;
    return {
      pointer: string.pointer,
      source: string.text,
      target,
      state: target === undefined || outdated ? 'initial' : 'translated',
      sourceHash: hash,
      notes: [string.note],
      warnings: outdated
        ? ['The source text changed after this was translated. Please check the translation.']
        : [],
    };
  });
}

/**
 * A locale's XLIFF file as `translations extract` writes it and the builder exports it (one
 * function, so that a translator gets the same file, note on the register included, from both).
 * @param {{ definition: Record<string, any>, sourceLang: string, locale: string, original: string,
 *   units: XliffUnit[] }} options `original`: the definition's file name
 * @returns {string}
 */
export function localeXliff({ definition, sourceLang, locale, original, units }) {
  const version = definition.version ? ` (version ${definition.version})` : '';
  return writeXliff({
    sourceLang,
    targetLang: locale,
    fileId: definition.id,
    original,
    fileNotes: [
      `Texts of the form "${definition.id}"${version}, a public authority's form for residents. Please use the polite, formal register. Each unit's name is the place of the text in the form definition; its notes say where the text appears.`,
    ],
    units,
  });
}

/**
 * Orders a locale's translations like the definition: its strings in document order first, then
 * any other keys in their existing order.
 * @template T
 * @param {Record<string, T>} translations
 * @param {TranslatableString[]} strings
 * @returns {Record<string, T>}
 */
export function orderLikeDefinition(translations, strings) {
  /** @type {Record<string, T>} */
  const ordered = {};
  for (const { pointer } of strings)
    if (Object.prototype.hasOwnProperty.call(translations, pointer))
      ordered[pointer] = translations[pointer];
  for (const [key, value] of Object.entries(translations))
    if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

/**
 * @typedef {object} MergeCounts
 * @property {number} added Translations that were missing.
 * @property {number} changed Translations replaced by a different text.
 * @property {number} unchanged Translations the file repeats as they were.
 * @property {number} untranslated Units without a target (existing translations kept).
 * @property {number} olderSource Units translated from a source text that is no longer the
 *   definition's (written, and shown as outdated by `status`).
 * @property {number} skipped Units whose key is no translatable string of the definition.
 */

/**
 * Merges returned XLIFF units into a locale's translations and source hashes. Never removes a
 * translation. A unit's source hash is taken from the source text in the file (what the
 * translator saw), so a translation made before the definition changed stays outdated. A target
 * repeated unchanged in state `initial` (or without a state) does not confirm an outdated
 * translation; a translator confirms it by setting the state to `translated` or beyond.
 * @param {TranslatableString[]} strings
 * @param {Record<string, unknown>} translations
 * @param {Record<string, string>} hashes
 * @param {XliffUnit[]} units
 * @returns {{ translations: Record<string, unknown>, hashes: Record<string, string>, counts: MergeCounts, skippedKeys: string[] }}
 */
export function mergeUnits(strings, translations, hashes, units) {
  const byPointer = new Map(strings.map((s) => [s.pointer, s]));
  const nextTranslations = { ...translations };
  const nextHashes = { ...hashes };
  /** @type {MergeCounts} */
  const counts = {
    added: 0,
    changed: 0,
    unchanged: 0,
    untranslated: 0,
    olderSource: 0,
    skipped: 0,
  };
  /** @type {string[]} */
  const skippedKeys = [];
  for (const unit of units) {
    const string = byPointer.get(unit.pointer);
    if (!string) {
      counts.skipped++;
      skippedKeys.push(unit.pointer);
      continue;
    }
    if (!isTranslation(unit.target)) {
      counts.untranslated++;
      continue;
    }
    const hash = sourceHash(unit.source);
    if (unit.source !== string.text) counts.olderSource++;
    const existing = nextTranslations[unit.pointer];
    if (existing === unit.target) {
      counts.unchanged++;
      const recorded = nextHashes[unit.pointer];
      const confirmed = unit.state !== undefined && unit.state !== 'initial';
      if (recorded === undefined || recorded === hash || confirmed) nextHashes[unit.pointer] = hash;
      continue;
    }
    if (existing === undefined) counts.added++;
    else counts.changed++;
    nextTranslations[unit.pointer] = unit.target;
    nextHashes[unit.pointer] = hash;
  }
  return {
    translations: orderLikeDefinition(nextTranslations, strings),
    hashes: orderLikeDefinition(nextHashes, strings),
    counts,
    skippedKeys,
  };
}
