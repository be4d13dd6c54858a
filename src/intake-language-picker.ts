import { nothing, type TemplateResult } from 'lit/html.js';
import { BaseElement, type PropertyOptions } from './internal/base-element.js';
import type { IntakeForm } from './intake-form.js';
import { lazyParts } from './internal/lazy-parts.js';
import { adoptStyles } from './internal/adopt-styles.js';

/** The picker's look (src/views/language-picker.ts), a lazy part of its own. */
const view = lazyParts.languagePicker;

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
 * @fires intake-language - `{ locale }` after the person picked a language and the forms switched
 * (bubbling, composed): a page listens on `document` to switch its own text, `lang` and `dir`.
 */
export class IntakeLanguagePicker extends BaseElement {
  static override properties: Record<string, PropertyOptions> = {
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
  }

  readonly #handleReady = () => this.#refresh();
  /** A form's `locale` set by the page (reflected as its attribute), ready or not. */
  readonly #localeChanges = new MutationObserver(this.#handleReady);

  override connectedCallback(): void {
    super.connectedCallback();
    // Forms may load their definitions after the picker is on the page.
    document.addEventListener('intake-ready', this.#handleReady);
    // The page may set a form's language after it was ready (a language remembered across a
    // reload, set once the form came from the cache).
    this.#localeChanges.observe(document, {
      attributes: true,
      attributeFilter: ['locale'],
      subtree: true,
    });
    this.#refresh();
    view
      .load()
      .then(() => this.requestUpdate())
      .catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('intake-ready', this.#handleReady);
    this.#localeChanges.disconnect();
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

  #refresh(): void {
    const seen = new Set<string>();
    for (const form of this.forms) for (const locale of form.availableLocales) seen.add(locale);
    this.locales = [...seen];
    const first = this.forms[0];
    this.current = first ? first.currentLocale : undefined;
  }

  /** Resolves once the picker is drawn, its look (a chunk of its own) included. */
  override get updateComplete(): Promise<boolean> {
    const drawn = () => super.updateComplete;
    return view.load().then(drawn, drawn);
  }

  #choose(locale: string): void {
    for (const form of this.forms) form.locale = locale;
    this.current = locale;
    this.dispatchEvent(
      new CustomEvent('intake-language', { detail: { locale }, bubbles: true, composed: true }),
    );
  }

  protected override render(): TemplateResult | typeof nothing {
    const module = view.module;
    if (!module) return nothing;
    adoptStyles(this.renderRoot, module.styles);
    return module.renderLanguagePicker(this.locales, this.current, (locale) =>
      this.#choose(locale),
    );
  }
}
