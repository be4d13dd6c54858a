/**
 * Toolbar globals (locale, direction, theme), the decorator that applies them, the a11y addon's
 * rules (the same WCAG tags CI checks) and the API docs from the custom-elements manifest.
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/index.js';
import { applyTheme } from '../stories/examples.js';
import { apiArgTypes, type Manifest } from './api-docs.js';
import { DIRECTION_ITEMS, LOCALE_ITEMS, THEME_ITEMS, pageLanguage } from './toolbar.js';
// The WCAG rule tags the a11y panel checks; CI (scripts/test-storybook.js) reads the same file.
import WCAG_TAGS from './wcag-tags.json';

setCustomElementsManifest(manifest);

/**
 * Sets the page's language and direction. The toolbar's locale goes to every form in the story
 * (via the stories' render, see stories/story-helpers.ts); its direction, where chosen, to the
 * page around them, so that a left-to-right form can be seen on a right-to-left page and back.
 *
 * A story made from an example applies its theme itself (stories/examples.ts); for any other
 * story the toolbar's theme is applied here, and a theme left by the story shown before is
 * removed (Storybook keeps one page while you move between stories).
 */
const withLocaleDirectionAndTheme: Decorator = (story, context) => {
  const globals = context.globals as { locale?: string; dir?: string; theme?: string };
  const { lang, dir } = pageLanguage(globals);
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  if (!context.parameters.example) {
    const theme =
      globals.theme === 'default' || globals.theme === 'kern' ? globals.theme : undefined;
    applyTheme(theme).catch((error: unknown) => console.error(error));
  }
  return html`<div class="story-page" lang=${lang} dir=${dir}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withLocaleDirectionAndTheme],
  globalTypes: {
    locale: {
      description: 'Language of the form (library strings and translations)',
      toolbar: { title: 'Locale', icon: 'globe', items: LOCALE_ITEMS, dynamicTitle: true },
    },
    dir: {
      description: 'Direction of the page around the form',
      toolbar: { title: 'Direction', icon: 'transfer', items: DIRECTION_ITEMS, dynamicTitle: true },
    },
    theme: {
      description: 'A theme from themes/',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: THEME_ITEMS, dynamicTitle: true },
    },
  },
  initialGlobals: { locale: '', dir: '', theme: '' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every attribute, property, method, event, custom property and part of the element, from
    // its JSDoc via the manifest, in sections that do not hide each other (.storybook/api-docs.ts).
    docs: {
      extractArgTypes: (component: unknown) =>
        typeof component === 'string' ? apiArgTypes(manifest as Manifest, component) : undefined,
    },
    a11y: {
      // Violations fail the story in the a11y panel and in test runs (not only warn).
      test: 'error',
      options: { runOnly: { type: 'tag', values: WCAG_TAGS } },
    },
  },
};

export default preview;
