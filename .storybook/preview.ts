/**
 * Toolbar globals (locale, direction, theme), the decorator that applies them, the a11y addon's
 * rules (the same WCAG tags CI checks) and the API docs from the custom-elements manifest.
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import localize from '../lit-localize.json';
import '../src/index.js';
import { directionOf } from '../src/i18n/direction.js';
import { autonym } from '../src/i18n/language-names.js';

setCustomElementsManifest(manifest);

/** Every locale the library's own strings exist in (lit-localize.json). */
export const LOCALES: string[] = [localize.sourceLocale, ...localize.targetLocales];

/** The WCAG rule tags the a11y panel and CI (scripts/test-storybook.js) check. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Sets the page's language and direction. The toolbar's locale goes to every form in the story
 * (via the stories' render, see stories/story-helpers.ts); its direction, where chosen, to the
 * page around them, so that a left-to-right form can be seen on a right-to-left page and back.
 */
const withLocaleAndDirection: Decorator = (story, context) => {
  const { locale, dir } = context.globals as { locale?: string; dir?: string };
  const direction = dir === 'ltr' || dir === 'rtl' ? dir : directionOf(locale || 'en');
  document.documentElement.lang = locale || 'en';
  document.documentElement.dir = direction;
  return html`<div class="story-page" lang=${locale || 'en'} dir=${direction}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withLocaleAndDirection],
  globalTypes: {
    locale: {
      description: 'Language of the form (library strings and translations)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: '', title: "The form's own language" },
          ...LOCALES.map((locale) => ({
            value: locale,
            title: `${autonym(locale)} (${locale})`,
            right: directionOf(locale),
          })),
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Direction of the page around the form',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: '', title: 'From the locale' },
          { value: 'ltr', title: 'Left to right (ltr)' },
          { value: 'rtl', title: 'Right to left (rtl)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'A theme from themes/',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: '', title: 'Built-in defaults' },
          { value: 'default', title: 'themes/default.css' },
          { value: 'kern', title: 'themes/kern.css (KERN style)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: '', dir: '', theme: '' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      // Violations fail the story in the a11y panel and in test runs (not only warn).
      test: 'error',
      options: { runOnly: { type: 'tag', values: WCAG_TAGS } },
    },
  },
};

export default preview;
