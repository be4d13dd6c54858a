/**
 * Putting an example on the page: its theme, its definition and value, and its `setup`. Used by
 * the stories (stories/story-helpers.ts), the playground and the accessibility tests.
 */
import type { FormDefinition, IntakeForm } from '../src/index.js';
import { settle, whenReady, type Example, type ThemeName } from './example-kit.js';

const themeText = new Map<ThemeName, Promise<string>>();

/**
 * Applies a theme from themes/ to the page (or removes any, with `undefined`). The CSS is fetched
 * relative to the page and inlined, so the theme is in force before the caller goes on.
 */
export async function applyTheme(theme: ThemeName | undefined, base = document.baseURI) {
  document.querySelectorAll('style[data-intake-theme]').forEach((node) => node.remove());
  if (!theme) return;
  if (!themeText.has(theme)) {
    themeText.set(
      theme,
      fetch(new URL(`themes/${theme}.css`, base)).then((response) => {
        if (!response.ok) throw new Error(`theme ${theme}: HTTP ${response.status}`);
        return response.text();
      }),
    );
  }
  const style = document.createElement('style');
  style.dataset.intakeTheme = theme;
  style.textContent = await themeText.get(theme)!;
  document.head.append(style);
}

/**
 * Loads an example into a connected `<intake-form>` and brings it into the state shown. Sets
 * `data-example-state` to `ready` (or `failed`) when done, which the Storybook check waits for.
 * Resolves with the form shown at the end (a setup may have replaced the first one).
 */
export async function prepare(
  form: IntakeForm,
  ex: Example,
  options: { locale?: string; theme?: ThemeName } = {},
): Promise<IntakeForm> {
  form.dataset.example = ex.id;
  form.dataset.exampleState = 'loading';
  try {
    await applyTheme(options.theme ?? ex.theme);
    for (const [name, value] of Object.entries(ex.style ?? {})) form.style.setProperty(name, value);
    const locale = options.locale || ex.locale;
    if (locale) form.locale = locale;
    if (ex.draft) form.draft = ex.draft;
    const ready = whenReady(form);
    if (ex.src && ex.formId) form.definition = await loadUnderId(ex.src, ex.formId);
    else if (ex.src) form.src = new URL(ex.src, document.baseURI).href;
    else if (ex.definition) form.definition = structuredClone(ex.definition);
    await ready;
    if (ex.value !== undefined) form.value = structuredClone(ex.value);
    await settle(form);
    const replacement = await ex.setup?.(form);
    if (replacement) form = replacement;
    await settle(form);
    form.dataset.exampleState = 'ready';
    return form;
  } catch (error) {
    form.dataset.exampleState = 'failed';
    throw error;
  }
}

/**
 * Loads a definition from `src` and gives it another id. Translations given as URLs are made
 * absolute, as they are relative to the definition's own URL.
 */
async function loadUnderId(src: string, id: string): Promise<FormDefinition> {
  const url = new URL(src, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const loaded = (await response.json()) as FormDefinition;
  const translations = Object.fromEntries(
    Object.entries(loaded.translations ?? {}).map(([locale, value]) => [
      locale,
      typeof value === 'string' ? new URL(value, url).href : value,
    ]),
  );
  return { ...loaded, id, translations } as FormDefinition;
}

/** Creates an `<intake-form>` for an example inside `container` and prepares it. */
export async function mount(
  container: HTMLElement,
  ex: Example,
  options: { locale?: string; theme?: ThemeName } = {},
): Promise<IntakeForm> {
  const form = document.createElement('intake-form');
  container.append(form);
  return prepare(form, ex, options);
}
