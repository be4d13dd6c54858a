/**
 * The toolbar's choices (locale, direction, theme). Kept apart from preview.ts, which needs
 * Storybook's runtime, so that test/a11y/stories.test.ts can check them.
 */
import { allLocales } from '../src/generated/locale-codes.js';
import { directionOf } from '../src/i18n/direction.js';
import { autonym } from '../src/i18n/language-names.js';

/** Every locale the library's own strings exist in (lit-localize's generated list). */
export const LOCALES: readonly string[] = allLocales;

export interface ToolbarItem {
  value: string;
  title: string;
  right?: string;
}

/** Locale: the form's own language, or any supported locale (its name in itself, its code). */
export const LOCALE_ITEMS: ToolbarItem[] = [
  { value: '', title: "The form's own language" },
  ...LOCALES.map((locale) => ({
    value: locale,
    title: `${autonym(locale)} (${locale})`,
    right: directionOf(locale),
  })),
];

/** Direction of the page around the form: from the locale, or forced either way. */
export const DIRECTION_ITEMS: ToolbarItem[] = [
  { value: '', title: 'From the locale' },
  { value: 'ltr', title: 'Left to right (ltr)' },
  { value: 'rtl', title: 'Right to left (rtl)' },
];

/** The themes shipped in themes/, and none. */
export const THEME_ITEMS: ToolbarItem[] = [
  { value: '', title: 'Built-in defaults' },
  { value: 'default', title: 'themes/default.css' },
  { value: 'kern', title: 'themes/kern.css (KERN style)' },
];

/** The page's language and direction for the toolbar's `locale` and `dir` globals. */
export function pageLanguage(globals: { locale?: string; dir?: string }): {
  lang: string;
  dir: 'ltr' | 'rtl';
} {
  const lang = globals.locale || 'en';
  const dir = globals.dir === 'ltr' || globals.dir === 'rtl' ? globals.dir : directionOf(lang);
  return { lang, dir };
}
