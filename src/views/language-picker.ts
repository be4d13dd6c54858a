/**
 * The look of `<intake-language-picker>`: its styles and its template, with every language named
 * in its own language and script. A chunk of its own: most pages have no picker.
 */
import { html, type TemplateResult } from 'lit/html.js';
import { css } from '../internal/css.js';
import { msg } from '@lit/localize';
import { directionOf } from '../i18n/direction.js';
import { autonym } from '../i18n/language-names.js';

export const styles = css`
  :host {
    display: inline-block;
  }
  label {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  select {
    font: inherit;
    min-block-size: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid currentColor;
    border-radius: 4px;
    background: Canvas;
    color: CanvasText;
  }
  select:focus {
    outline: 3px solid var(--intake-color-focus, #0b0c0c);
    outline-offset: 2px;
  }
`;

/** The label with its globe icon, and the select of `locales` with `current` chosen. */
export function renderLanguagePicker(
  locales: readonly string[],
  current: string | undefined,
  choose: (locale: string) => void,
): TemplateResult {
  return html`<label part="label" for="language"
      ><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
        <path
          d="M2 12h20M12 2c3 3.5 3 16.5 0 20M12 2c-3 3.5-3 16.5 0 20"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        /></svg
      >${msg('Language')}</label
    >
    <select
      part="control"
      id="language"
      @change=${(event: Event) => choose((event.target as HTMLSelectElement).value)}
      ?disabled=${locales.length < 2}
    >
      ${locales.map(
        (locale) =>
          html`<option
            value=${locale}
            lang=${locale}
            dir=${directionOf(locale)}
            ?selected=${locale === current}
          >
            ${autonym(locale)}
          </option>`,
      )}
    </select>`;
}
