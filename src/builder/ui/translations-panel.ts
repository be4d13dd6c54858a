/**
 * The translation table of one locale: every translatable text of the definition (found as the
 * command line finds them) beside its translation, marked missing, outdated or translated with
 * the command line's source hashes; XLIFF export and import through the command line's code.
 * Translations of right-to-left languages are edited right-to-left.
 */
import { html, type TemplateResult } from 'lit';
import { typedValue } from './typed-value.js';
import { findTranslatableStrings } from '../../../cli/lib/find-strings.js';
import { sourceHash } from '../../../cli/lib/source-hash.js';
import {
  localeStatus,
  localeXliff,
  mergeUnits,
  orderLikeDefinition,
  unitsFor,
} from '../../../cli/lib/translation-state.js';
import { readXliff } from '../../../cli/lib/xliff.js';
import { directionOf } from '../../i18n/direction.js';
import { getAt, isObject, own, setAt, type Json, type JsonObject } from '../core/json.js';
import type { BuilderHost } from './host.js';
import {
  downloadFile,
  fileNameOf,
  isFileLocale,
  replaceFile,
  setFileTranslation,
} from './translation-files.js';

const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** What the translation table needs beyond the definition: the recorded source hashes. */
export interface TranslationHost extends BuilderHost {
  /** locale → pointer → hash of the source text the translation was made from. */
  hashes: Record<string, Record<string, string>>;
  /** The translations of locales given by URL, as read when the definition was opened by URL. */
  external: Record<string, Record<string, string>>;
  translationLocale: string | undefined;
  saveWork(): void;
  download(name: string, type: string, text: string): void;
  /** A file locale's translations changed (kept, checked, announced as a change). */
  fileEdited(locale: string): void;
}

type Strings = ReturnType<typeof findTranslatableStrings>;

function stringsOf(definition: Json): Strings {
  try {
    return findTranslatableStrings(definition as Record<string, unknown>);
  } catch {
    return [];
  }
}

/** The locales whose translations are written in the definition, and those given by URL. */
export function localesOf(definition: Json): { inline: string[]; external: [string, string][] } {
  const translations = own(definition, 'translations');
  const inline: string[] = [];
  const external: [string, string][] = [];
  if (isObject(translations)) {
    for (const [locale, value] of Object.entries(translations)) {
      if (isObject(value)) inline.push(locale);
      else if (typeof value === 'string') external.push([locale, value]);
    }
  }
  return { inline, external };
}

/** The status of each text of a locale, as `intake-elements translations status` reports it. */
export function translationStatus(
  definition: Json,
  locale: string,
  hashes: Record<string, string>,
  table: Json | undefined = getAt(definition, ['translations', locale]),
): ReturnType<typeof localeStatus> {
  return localeStatus(
    definition as Record<string, unknown>,
    stringsOf(definition),
    isObject(table) ? table : {},
    hashes,
  );
}

function setTranslation(
  host: TranslationHost,
  locale: string,
  pointer: string,
  text: string,
): void {
  const source = stringsOf(host.doc).find((s) => s.pointer === pointer);
  if (isFileLocale(host.doc, locale)) {
    setFileTranslation(host, locale, pointer, text, source?.text);
    return;
  }
  const hashes = (host.hashes[locale] ??= {});
  if (text.trim() === '') delete hashes[pointer];
  else if (source) hashes[pointer] = sourceHash(source.text);
  host.edit((d) => setAt(d, ['translations', locale, pointer], text === '' ? undefined : text));
}

async function importXliff(host: TranslationHost, file: File): Promise<void> {
  try {
    const document = readXliff(await file.text());
    const locale = document.targetLang;
    if (!LOCALE_PATTERN.test(locale)) throw new Error(`target language "${locale}"`);
    const inFile = isFileLocale(host.doc, locale);
    // A locale kept in its own file stays there: it is merged into the file's texts, which
    // the person downloads; one whose file could not be read cannot be merged into.
    if (inFile && !host.external[locale]) {
      host.announce(host.s.importExternal(locale));
      return;
    }
    const strings = stringsOf(host.doc);
    const table = inFile ? host.external[locale] : getAt(host.doc, ['translations', locale]);
    const merged = mergeUnits(
      strings,
      isObject(table) ? table : {},
      host.hashes[locale] ?? {},
      document.units,
    );
    const translations = orderLikeDefinition(merged.translations, strings) as JsonObject;
    host.translationLocale = locale;
    if (inFile) {
      replaceFile(host, locale, translations as Record<string, string>, merged.hashes);
    } else {
      host.hashes[locale] = merged.hashes;
      host.edit((d) => setAt(d, ['translations', locale], translations));
    }
    host.announce(host.s.imported(String(merged.counts.added + merged.counts.changed)));
  } catch (error) {
    host.announce(host.s.importFailed((error as Error).message));
  }
}

/** A locale's translations: inline in the definition, or read from its file. */
function tableOf(host: TranslationHost, locale: string): Json | undefined {
  const inline = getAt(host.doc, ['translations', locale]);
  return typeof inline === 'string' ? host.external[locale] : inline;
}

function exportXliff(host: TranslationHost, locale: string): void {
  const strings = stringsOf(host.doc);
  const table = tableOf(host, locale);
  const id = String(own(host.doc, 'id') ?? 'form');
  // The command line's own writer: the same file as `translations extract` gives.
  const xliff = localeXliff({
    definition: host.doc as Record<string, Json>,
    sourceLang: String(own(host.doc, 'lang') ?? 'de'),
    locale,
    original: `${id}.json`,
    units: unitsFor(strings, isObject(table) ? table : {}, host.hashes[locale] ?? {}),
  });
  host.download(`${id}.${locale}.xlf`, 'application/xliff+xml', xliff);
}

/** The "translations" tab. */
export function renderTranslations(host: TranslationHost): TemplateResult {
  const { inline, external } = localesOf(host.doc);
  const loaded = new Set(external.filter(([l]) => host.external[l]).map(([l]) => l));
  // Locales in the definition's order; those given by URL only once their file was read.
  const shown = Object.keys(own(host.doc, 'translations') ?? {}).filter(
    (l) => inline.includes(l) || loaded.has(l),
  );
  const locale =
    host.translationLocale && shown.includes(host.translationLocale)
      ? host.translationLocale
      : shown[0];
  const sourceLang = String(own(host.doc, 'lang') ?? 'de');
  const onAdd = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem(
      'locale',
    ) as HTMLInputElement;
    const tag = input.value.trim();
    if (!LOCALE_PATTERN.test(tag)) {
      host.announce(host.s.badLocale);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    input.value = '';
    host.translationLocale = tag;
    if (!inline.includes(tag)) host.edit((d) => setAt(d, ['translations', tag], {}));
    else host.requestUpdate();
    host.focusAfterRender('#tr-table textarea');
  };
  const table = locale ? tableOf(host, locale) : undefined;
  const status = locale
    ? translationStatus(host.doc, locale, host.hashes[locale] ?? {}, table)
    : undefined;
  const mark = (pointer: string): [string, string] => {
    if (!status) return ['', ''];
    if (status.missing.some((s) => s.pointer === pointer)) return ['missing', host.s.stMissing];
    if (status.outdated.some((s) => s.pointer === pointer)) return ['outdated', host.s.stOutdated];
    if (status.unchecked.some((s) => s.pointer === pointer))
      return ['unchecked', host.s.stUnchecked];
    return ['done', host.s.stDone];
  };
  const dir = locale ? directionOf(locale) : 'ltr';
  return html`<section aria-labelledby="tr-heading">
    <h2 id="tr-heading">${host.s.translations}</h2>
    <div class="toolbar">
      ${
        shown.length
          ? html`<div class="field">
              <label for="tr-locale">${host.s.locale}</label>
              <select
                id="tr-locale"
                @change=${(e: Event) => {
                  host.translationLocale = (e.target as HTMLSelectElement).value;
                  host.requestUpdate();
                }}
              >
                ${shown.map((l) => html`<option value=${l} ?selected=${l === locale}>${l}</option>`)}
              </select>
            </div>`
          : html`<p>${host.s.noLocales}</p>`
      }
      <form class="inline" @submit=${onAdd} aria-label=${host.s.addLocale}>
        <div class="field">
          <label for="tr-new">${host.s.newLocale}</label>
          <input id="tr-new" name="locale" type="text" autocomplete="off" />
        </div>
        <button type="submit">${host.s.addLocale}</button>
      </form>
      ${
        locale
          ? html`<button type="button" @click=${() => exportXliff(host, locale)}>
              ${host.s.exportXliff}
            </button>`
          : ''
      }
      <div class="field">
        <label for="tr-import">${host.s.importXliff}</label>
        <input
          id="tr-import"
          type="file"
          accept=".xlf,.xliff,application/xliff+xml,application/xml"
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void importXliff(host, file).then(() => (input.value = ''));
          }}
        />
      </div>
    </div>
    ${external
      .filter(([l]) => l === locale || !loaded.has(l))
      .map(
        ([l, url]) =>
          html`<p class="note">
            ${l}: ${host.s.externalLocale(url)} ${loaded.has(l) ? host.s.externalEditable : ''}
            ${
              loaded.has(l)
                ? html`<button type="button" @click=${() => downloadFile(host, l)}>
                    ${host.s.downloadFile(fileNameOf(host.doc, l))}
                  </button>`
                : ''
            }
          </p>`,
      )}
    ${
      status && locale
        ? html`<p id="tr-summary">
              ${host.s.summary(
                String(status.translated),
                String(status.total),
                String(status.missing.length),
                String(status.outdated.length),
              )}
            </p>
            <table id="tr-table" class="translations" aria-describedby="tr-summary">
              <thead>
                <tr>
                  <th scope="col">${host.s.source} (${sourceLang})</th>
                  <th scope="col" id="tr-col">${host.s.translation} (${locale})</th>
                  <th scope="col">${host.s.status}</th>
                </tr>
              </thead>
              <tbody>
                ${stringsOf(host.doc).map((string, i) => {
                  const [cls, word] = mark(string.pointer);
                  const value = own(table, string.pointer);
                  return html`<tr>
                    <td lang=${sourceLang} id="tr-src-${i}">${string.text}</td>
                    <td>
                      <textarea
                        rows="2"
                        lang=${locale}
                        dir=${dir}
                        aria-labelledby="tr-col tr-src-${i}"
                        aria-describedby="tr-st-${i}"
                        .value=${typedValue(typeof value === 'string' ? value : '')}
                        @change=${(e: Event) =>
                          setTranslation(
                            host,
                            locale,
                            string.pointer,
                            (e.target as HTMLTextAreaElement).value,
                          )}
                      ></textarea>
                    </td>
                    <td id="tr-st-${i}" class="status ${cls}">${word}</td>
                  </tr>`;
                })}
              </tbody>
            </table>`
        : ''
    }
  </section>`;
}
