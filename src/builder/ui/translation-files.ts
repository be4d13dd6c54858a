/**
 * Translations that live in files of their own (`"translations": { "ar": "translations/x.ar.json" }`):
 * the builder read them when it opened the definition by URL, and edits them here, beside the
 * definition rather than in it, so the reference stays a reference. The person then downloads
 * the file (and its `.meta.json` sidecar with the source hashes, as `intake-elements translations
 * merge` writes it) and puts it where the reference points.
 */
import { sourceHash } from '../../../cli/lib/source-hash.js';
import { orderLikeDefinition } from '../../../cli/lib/translation-state.js';
import { findTranslatableStrings } from '../../../cli/lib/find-strings.js';
import { getAt, own, type Json } from '../core/json.js';
import type { TranslationHost } from './translations-panel.js';

/** Whether a locale's translations are a file reference in the definition. */
export function isFileLocale(doc: Json, locale: string): boolean {
  return typeof getAt(doc, ['translations', locale]) === 'string';
}

/** Sets (or, with an empty text, removes) one translation of a file locale. */
export function setFileTranslation(
  host: TranslationHost,
  locale: string,
  pointer: string,
  text: string,
  sourceText: string | undefined,
): void {
  const table = { ...(host.external[locale] ?? {}) };
  const hashes = { ...(host.hashes[locale] ?? {}) };
  if (text === '') {
    delete table[pointer];
    delete hashes[pointer];
  } else {
    table[pointer] = text;
    if (sourceText !== undefined) hashes[pointer] = sourceHash(sourceText);
  }
  replaceFile(host, locale, table, hashes);
}

/** Replaces a file locale's translations and hashes (an edit or an XLIFF import). */
export function replaceFile(
  host: TranslationHost,
  locale: string,
  table: Record<string, string>,
  hashes: Record<string, string>,
): void {
  host.external = { ...host.external, [locale]: table };
  host.hashes = { ...host.hashes, [locale]: hashes };
  host.fileEdited(locale);
}

/** The file's name as the reference gives it (its last path segment). */
export function fileNameOf(doc: Json, locale: string): string {
  const reference = String(getAt(doc, ['translations', locale]) ?? `${locale}.json`);
  const path = reference.split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1) || `${locale}.json`;
}

/** Downloads the translation file and its `.meta.json` sidecar. */
export function downloadFile(host: TranslationHost, locale: string): void {
  const strings = findTranslatableStrings(host.doc as Record<string, unknown>);
  const table = orderLikeDefinition(host.external[locale] ?? {}, strings);
  const name = fileNameOf(host.doc, locale);
  host.download(name, 'application/json', `${JSON.stringify(table, null, 2)}\n`);
  const meta = {
    $comment:
      'Hashes of the source texts these translations were made from; written by `intake-elements translations merge`, read by `translations status` to find outdated translations. Not loaded by the form.',
    form: own(host.doc, 'id'),
    sourceLang: own(host.doc, 'lang') ?? 'de',
    locale,
    hash: 'sha256-hex16',
    sources: orderLikeDefinition(host.hashes[locale] ?? {}, strings),
  };
  host.download(
    name.endsWith('.json') ? `${name.slice(0, -'.json'.length)}.meta.json` : `${name}.meta.json`,
    'application/json',
    `${JSON.stringify(meta, null, 2)}\n`,
  );
  host.announce(host.s.fileDownloaded(name));
}
