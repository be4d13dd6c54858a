/**
 * The library's own strings go through @lit/localize in runtime mode. Locale modules are
 * generated from `xliff/` into `src/generated/locales/` and loaded lazily, one chunk each.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

const loaders: Record<string, () => Promise<unknown>> = {
  de: () => import('../generated/locales/de.js'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale]() as never,
});

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
