/**
 * The language the form is shown in: `locale`, else the definition's `lang`. Loads the library's
 * strings for it (@lit/localize) and the form's translations where the definition names a file,
 * and gives the form's own text in that language.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { errorMessage } from '../i18n/error-messages.js';
import { formatNumber } from '../i18n/format-number.js';
import { FormText } from '../i18n/form-text.js';
import type { Field } from '../model/field.js';
import type { FieldError, FormDefinition } from '../model/types.js';
import { useLocale } from '../i18n/localization.js';
import { fetchTranslations } from '../model/load-definition.js';
import type { FormState } from '../form/form-state.js';

/** The element the controller serves. */
export type LocaleHost = ReactiveControllerHost & { readonly locale: string | undefined };

/**
 * Needs none of the element's lifecycle callbacks, so it is not added with `addController`: it
 * keeps its host and asks it to render (`requestUpdate`), as Lit's controllers do.
 */
export class LocaleController {
  /** Translations fetched from files, per locale. */
  readonly #loaded = new Map<string, Record<string, string>>();
  #textCache?: {
    definition: unknown;
    locale: string;
    translations: Record<string, string> | undefined;
    text: FormText;
  };

  constructor(
    private readonly host: LocaleHost,
    private readonly state: FormState,
    /** The URL relative translation files are resolved against. */
    private readonly baseUrl: () => string,
  ) {}

  /** The language shown: `locale`, else the definition's `lang`. */
  get locale(): string {
    return this.localeFor(this.state.definition);
  }

  /** The language `definition` would be shown in (before it is loaded). */
  localeFor(definition: FormDefinition | undefined): string {
    return this.host.locale || definition?.lang || 'en';
  }

  /** The languages this form can be shown in: its source language, then its translations. */
  get available(): string[] {
    const definition = this.state.definition;
    if (!definition) return [];
    return [...new Set([definition.lang ?? 'en', ...Object.keys(definition.translations ?? {})])];
  }

  /** A new definition: translations fetched for the one before do not apply. */
  forget(): void {
    this.#loaded.clear();
  }

  /** Loads what the current language needs, then renders again. */
  async apply(): Promise<void> {
    const locale = this.locale;
    const source = this.state.definition?.translations?.[locale];
    if (typeof source === 'string' && !this.#loaded.has(locale)) {
      try {
        this.#loaded.set(locale, await fetchTranslations(source, this.baseUrl()));
      } catch {
        // Missing translations fall back to the source text; the form stays usable.
        this.#loaded.set(locale, {});
      }
    }
    await useLocale(locale);
    this.host.requestUpdate();
  }

  /** The form's own text in the current locale; the same object until locale or text change. */
  get text(): FormText {
    const definition = this.state.definition;
    const locale = this.locale;
    const inline = definition?.translations?.[locale];
    const translations = typeof inline === 'object' ? inline : this.#loaded.get(locale);
    const cached = this.#textCache;
    if (
      cached &&
      cached.definition === definition &&
      cached.locale === locale &&
      cached.translations === translations
    )
      return cached.text;
    const text = new FormText(definition?.lang ?? locale, locale, translations);
    this.#textCache = { definition, locale, translations, text };
    return text;
  }

  /** The message of a schema error: the definition's own (`ui:options.errorMessages`), else ours. */
  errorMessage(error: FieldError, field: Field | undefined): string {
    const options = field?.ui['ui:options'] as
      { errorMessages?: Record<string, unknown> } | undefined;
    const text = options?.errorMessages?.[error.keyword];
    if (!field || typeof text !== 'string') return errorMessage(error, field, this.locale);
    return this.text.get({
      text,
      key: `${field.uiLocation}/ui:options/errorMessages/${error.keyword}`,
    }).text;
  }

  /** "Step 2 of 5: Contact" (or the review's title). */
  progressText(): string {
    const { state } = this;
    if (state.position.reviewing) return msg('Check your answers');
    const steps = state.steps();
    const step = steps[state.step];
    const position = formatNumber(state.step + 1, this.locale);
    const total = formatNumber(steps.length, this.locale);
    const title = step ? this.text.get(step.title).text : '';
    return title
      ? msg(str`Step ${position} of ${total}: ${title}`)
      : msg(str`Step ${position} of ${total}`);
  }
}
