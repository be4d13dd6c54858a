import { LitElement, css, html, type TemplateResult } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { directionOf } from './i18n/direction.js';
import { autonym } from './i18n/language-names.js';
import type { IntakeForm } from './intake-form.js';

/**
 * A language menu for intake forms. It offers the languages the form actually has (its source
 * language and its translations), each named in its own language and script, and sets the
 * form's `locale` when the person picks one.
 *
 * @summary Lets a person switch an intake form to their language.
 *
 * @csspart label - The label ("Language" in the current language, with a globe icon).
 * @csspart control - The native select.
 *
 * @fires intake-language - `{ locale }` after the person picked a language.
 */
export class IntakeLanguagePicker extends LitElement {
  static override styles = css`
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

  static override properties = {
    for: { type: String, reflect: true },
    locales: { state: true },
    current: { state: true },
  };

  /** The `id` of the form to switch. Without it, every `<intake-form>` on the page follows the picker. */
  declare for: string | undefined;

  declare private locales: string[];
  declare private current: string | undefined;

  constructor() {
    super();
    this.locales = [];
    updateWhenLocaleChanges(this);
  }

  private readonly handleReady = () => this.refresh();

  override connectedCallback(): void {
    super.connectedCallback();
    // Forms may load their definitions after the picker is on the page.
    document.addEventListener('intake-ready', this.handleReady);
    this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('intake-ready', this.handleReady);
  }

  /** The forms this picker controls. */
  get forms(): IntakeForm[] {
    const root = this.getRootNode() as Document | ShadowRoot;
    if (this.for) {
      const form = root.getElementById?.(this.for) ?? document.getElementById(this.for);
      return form && form.localName === 'intake-form' ? [form as IntakeForm] : [];
    }
    return [...document.querySelectorAll('intake-form')];
  }

  private refresh(): void {
    const seen = new Set<string>();
    for (const form of this.forms) for (const locale of form.availableLocales) seen.add(locale);
    this.locales = [...seen];
    const first = this.forms[0];
    this.current = first ? first.currentLocale : undefined;
  }

  private handleChange(event: Event): void {
    const locale = (event.target as HTMLSelectElement).value;
    for (const form of this.forms) form.locale = locale;
    this.current = locale;
    this.dispatchEvent(
      new CustomEvent('intake-language', { detail: { locale }, bubbles: true, composed: true }),
    );
  }

  protected override render(): TemplateResult {
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
        @change=${this.handleChange}
        ?disabled=${this.locales.length < 2}
      >
        ${this.locales.map(
          (locale) =>
            html`<option
              value=${locale}
              lang=${locale}
              dir=${directionOf(locale)}
              ?selected=${locale === this.current}
            >
              ${autonym(locale)}
            </option>`,
        )}
      </select>`;
  }
}
