/**
 * What every inbox page (view) shares: the API client, the interface strings, who is signed in,
 * and three ways to talk to the shell (`<intake-inbox>`): announce a message in its live
 * region, move to another page, and take the focus to the page's heading.
 */
import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError, NetworkError, type InboxApi, type Me } from './api.js';
import { strings, type InboxLocale, type Strings } from './i18n.js';
import { baseStyles } from './styles.js';

export class InboxView extends LitElement {
  static override styles = [baseStyles];

  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    me: { attribute: false },
    locale: {},
  };

  declare api: InboxApi;
  /** Who is signed in (null on the sign-in page). */
  declare me: Me | null;
  /** The interface language. */
  declare locale: InboxLocale;

  constructor() {
    super();
    this.me = null;
    this.locale = 'de';
  }

  get t(): Strings {
    return strings(this.locale);
  }

  /** The page's title for the browser tab (the shell sets document.title). */
  get pageTitle(): string {
    return this.renderRoot?.querySelector('h1')?.textContent?.trim() ?? '';
  }

  /** Moves the focus to the page's main heading (after navigation, and for the skip link). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('h1');
    heading?.focus();
  }

  /** Says `text` in the shell's live region (screen readers read it out). */
  protected announce(text: string): void {
    this.dispatchEvent(
      new CustomEvent('inbox-announce', { detail: text, bubbles: true, composed: true }),
    );
  }

  /** Goes to another inbox page (a path under /inbox/). */
  protected navigate(path: string): void {
    this.dispatchEvent(
      new CustomEvent('inbox-navigate', { detail: path, bubbles: true, composed: true }),
    );
  }

  /** Follows an in-inbox link without reloading the page (modifier keys open it as usual). */
  protected followLink(event: MouseEvent): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    const link = event.currentTarget as HTMLAnchorElement;
    event.preventDefault();
    this.navigate(link.getAttribute('href') ?? '/inbox/');
  }

  /** The message for a failed request, in the interface language. */
  protected describeError(error: unknown): string {
    if (error instanceof NetworkError) return this.t.networkError;
    if (error instanceof ApiError) {
      if (error.is('csrf')) return this.t.csrf;
      return this.t.failed(error.detail);
    }
    return this.t.failed(String(error));
  }

  /** An error box that screen readers announce at once. */
  protected renderError(message: string): TemplateResult {
    return html`<div class="error-summary" role="alert"><p class="error">${message}</p></div>`;
  }
}
