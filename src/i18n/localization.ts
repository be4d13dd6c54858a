/**
 * The library's own strings go through @lit/localize in runtime mode. Locale modules are
 * generated from `xliff/` into `src/generated/locales/` and loaded lazily, one chunk each.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

// One explicit import per locale, so that rollup makes one lazy chunk each; `satisfies` makes a
// locale added to lit-localize.json without a loader a type error.
const loaders: Record<string, () => Promise<unknown>> = {
  ar: () => import('../generated/locales/ar.js'),
  bg: () => import('../generated/locales/bg.js'),
  de: () => import('../generated/locales/de.js'),
  es: () => import('../generated/locales/es.js'),
  fa: () => import('../generated/locales/fa.js'),
  fr: () => import('../generated/locales/fr.js'),
  ku: () => import('../generated/locales/ku.js'),
  pl: () => import('../generated/locales/pl.js'),
  ps: () => import('../generated/locales/ps.js'),
  ro: () => import('../generated/locales/ro.js'),
  ru: () => import('../generated/locales/ru.js'),
  sq: () => import('../generated/locales/sq.js'),
  ti: () => import('../generated/locales/ti.js'),
  tr: () => import('../generated/locales/tr.js'),
  uk: () => import('../generated/locales/uk.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

type Templates = Record<string, unknown>;

/**
 * Per locale, the one object of templates handed to @lit/localize, which looks messages up in
 * it when they are rendered: the later strings join it when they arrive.
 */
const catalogues = new Map<string, Templates>();
const laterLoads = new Map<string, Promise<void>>();
/** Whether a part that shows later strings was asked for: every language switched to has them. */
let laterWanted = false;

function catalogue(locale: string): Templates {
  let templates = catalogues.get(locale);
  if (!templates) catalogues.set(locale, (templates = {}));
  return templates;
}

/** A language's strings as generated: the first half, which imports the second (`later`). */
interface LocaleModule {
  templates: Templates;
  later(): Promise<{ templates: Templates }>;
}

/**
 * Loads the later strings of `locale` into its catalogue (once; again after a failure): the
 * strings only the parts loaded after a form is usable show (the outbox, the review, the
 * confirmation, the encryption's notices; also the panel of a definition that cannot be used),
 * split off by tools/split-locale-strings.js, since a phone needs only the rest of the catalogue
 * before the form can be used.
 */
function loadLater(locale: string): Promise<void> {
  let loading = laterLoads.get(locale);
  if (!loading) {
    const load = loaders[locale];
    if (!load) return Promise.resolve();
    loading = load()
      .then((module) => (module as LocaleModule).later())
      .then((later) => {
        Object.assign(catalogue(locale), later.templates);
      });
    loading.catch(() => laterLoads.delete(locale));
    laterLoads.set(locale, loading);
  }
  return loading;
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // A locale without a loader is refused (as a rejected promise, never a synchronous throw, which
  // would leave @lit/localize waiting forever).
  loadLocale: (locale) =>
    (loaders[locale]?.() ?? Promise.reject(new Error(`No strings for locale ${locale}`))).then(
      async (module) => {
        Object.assign(catalogue(locale), (module as LocaleModule).templates);
        if (laterWanted) await loadLater(locale).catch(() => undefined);
        return { templates: catalogue(locale) };
      },
    ) as never,
});

/**
 * Loads the strings only parts loaded after the form is usable show, for the language in use
 * (and, from now on, with every language switched to). Those parts wait for it
 * (src/internal/lazy-parts.ts); a failure leaves their texts in English, the source language.
 */
export function loadLaterStrings(): Promise<void> {
  laterWanted = true;
  const locale = getLocale();
  return locale === sourceLocale ? Promise.resolve() : loadLater(locale);
}

/** Every locale the library's own strings exist in. */
export const supportedLocales: readonly string[] = [sourceLocale, ...targetLocales];

/**
 * The best supported locale for a BCP 47 tag: exact, then language only (`de-AT` → `de`), then
 * the source locale.
 */
export function matchLocale(tag: string | undefined): string {
  if (!tag) return sourceLocale;
  const lower = tag.toLowerCase();
  const exact = supportedLocales.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  return supportedLocales.find((locale) => locale.toLowerCase() === language) ?? sourceLocale;
}

/**
 * Starts loading the strings of `tag` without switching to them, so that they arrive together
 * with a form's other parts; {@link useLocale} then finds them loaded.
 */
export function preloadLocale(tag: string | undefined): void {
  loaders[matchLocale(tag)]?.().catch(() => undefined);
}

let pending: Promise<void> = Promise.resolve();

/**
 * Switches the library's strings to `tag` (matched to a supported locale). Calls are serialized so
 * that the last request wins. The library's strings are one per page: with two forms in
 * different languages, the form whose locale was set last decides them.
 */
export function useLocale(tag: string | undefined): Promise<void> {
  const locale = matchLocale(tag);
  pending = pending
    .then(() => (getLocale() === locale ? undefined : setLocale(locale)))
    .catch(() => undefined);
  return pending;
}

export { getLocale };
