/**
 * The form's own text (titles, descriptions, choice titles, help, placeholders) in the current
 * locale: pointer-keyed translations, falling back to the source text in the definition's `lang`.
 */
import type { Text } from '../model/field.js';

/** A text as shown: the string and the language it is in. */
export interface ShownText {
  text: string;
  lang: string;
}

/** Looks up form text for one locale. */
export class FormText {
  constructor(
    /** The definition's language (the source text's). */
    readonly sourceLang: string,
    /** The language asked for. */
    readonly locale: string,
    /** Translations of `locale` (pointer → string), if any. */
    private readonly translations: Record<string, string> | undefined,
  ) {}

  /** The text in the current locale, or the source text marked with the source language. */
  get(text: Text): ShownText {
    const translated = text.key !== undefined ? this.translations?.[text.key] : undefined;
    if (typeof translated === 'string') return { text: translated, lang: this.locale };
    return { text: text.text, lang: this.sourceLang };
  }

  /** Shortcut for the string alone. */
  string(text: Text | undefined): string {
    return text ? this.get(text).text : '';
  }
}
