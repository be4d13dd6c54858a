/**
 * `<intake-inbox>`: the staff inbox's page shell. It knows who is signed in, picks the page for
 * the URL (/inbox/, /inbox/submissions/:reference, /inbox/print/:reference, /inbox/audit,
 * /inbox/deliveries),
 * and holds what every page shares: the skip link, the header with the navigation, the
 * interface language and sign-out, and one live region for loading and done messages.
 *
 * After each navigation the focus moves to the new page's heading. When the server says the
 * session has ended, everything shown is dropped and the sign-in page says why.
 */
import { LitElement, css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { InboxApi, type InboxConfig, type Me } from './api.js';
import { deliveryStrings } from './deliveries-i18n.js';
import { browserLocale, strings, type InboxLocale } from './i18n.js';
import { forget } from './memory.js';
import { baseStyles } from './styles.js';
import type { InboxView } from './view.js';
import './sign-in.js';
import './list.js';
import './detail.js';
import './print.js';
import './audit.js';
import './deliveries.js';

type Route =
  | { page: 'list' }
  | { page: 'detail'; reference: string }
  | { page: 'print'; reference: string }
  | { page: 'audit' }
  | { page: 'deliveries' }
  | { page: 'missing' };

const LOCALE_KEY = 'intake-inbox-locale';

/** The page for a path under /inbox/. */
export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/inbox' || path === '/inbox/index.html') return { page: 'list' };
  if (path === '/inbox/audit') return { page: 'audit' };
  if (path === '/inbox/deliveries') return { page: 'deliveries' };
  const match = /^\/inbox\/(submissions|print)\/([^/]+)$/.exec(path);
  if (match) {
    let reference: string;
    try {
      reference = decodeURIComponent(match[2]);
    } catch {
      return { page: 'missing' };
    }
    return { page: match[1] === 'print' ? 'print' : 'detail', reference };
  }
  return { page: 'missing' };
}

/** The document's own styles (the page outside the element). */
const documentStyles = css`
  body {
    margin: 0;
    background: #fff;
  }
`;

export class IntakeInbox extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .skip {
        position: absolute;
        inset-inline-start: 0.5rem;
        top: -10rem;
        background: #fff;
        padding: 0.5rem 1rem;
        z-index: 10;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        padding: 0.5rem 1rem;
        border-bottom: 2px solid var(--line);
      }
      .app-name {
        font-weight: 700;
        font-size: 1.125rem;
        margin: 0;
      }
      nav ul {
        display: flex;
        gap: 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-inline-start: auto;
      }
      .tools label {
        display: inline;
        margin: 0 0.25rem 0 0;
      }
      .tools p {
        margin: 0;
      }
      main {
        padding: 1rem;
        max-width: 80rem;
      }
      @media print {
        header,
        .skip {
          display: none;
        }
        main {
          padding: 0;
          max-width: none;
        }
      }
    `,
  ];

  static override properties = {
    locale: { state: true },
    me: { state: true },
    config: { state: true },
    route: { state: true },
    ready: { state: true },
    notice: { state: true },
    live: { state: true },
  };

  declare private locale: InboxLocale;
  declare private me: Me | null;
  declare private config: InboxConfig | null;
  declare private route: Route;
  declare private ready: boolean;
  declare private notice: string;
  declare private live: string;
  private api = new InboxApi();
  private focusAfterRender = false;

  constructor() {
    super();
    this.locale = savedLocale() ?? browserLocale();
    this.me = null;
    this.config = null;
    this.route = routeOf(location.pathname);
    this.ready = false;
    this.notice = '';
    this.live = '';
    this.api.onSignedOut = () => this.sessionEnded();
    this.addEventListener('inbox-navigate', (e) => this.go((e as CustomEvent<string>).detail));
    this.addEventListener('inbox-announce', (e) => this.say((e as CustomEvent<string>).detail));
    this.addEventListener('inbox-signed-in', (e) => this.signedIn((e as CustomEvent<Me>).detail));
    window.addEventListener('popstate', () => {
      this.route = routeOf(location.pathname);
      this.focusAfterRender = true;
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    const sheet = documentStyles.styleSheet;
    if (sheet && !document.adoptedStyleSheets.includes(sheet)) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    void this.start();
  }

  private async start() {
    const [config, me] = await Promise.all([
      this.api.get<InboxConfig>('/inbox/api/config').catch(() => ({ local: true, oidc: null })),
      this.api.get<Me>('/inbox/api/session').catch(() => null),
    ]);
    this.config = config;
    if (me) {
      this.me = me;
      this.api.csrfToken = me.csrfToken;
    }
    this.ready = true;
  }

  private get t() {
    return strings(this.locale);
  }

  override willUpdate() {
    document.documentElement.lang = this.locale;
    document.title = `${this.pageTitle()} – ${this.t.appName}`;
  }

  override async updated() {
    if (!this.focusAfterRender) return;
    this.focusAfterRender = false;
    await this.view()?.focusHeading();
  }

  private view(): InboxView | null {
    return this.renderRoot.querySelector('main')?.firstElementChild as InboxView | null;
  }

  private pageTitle(): string {
    const t = this.t;
    if (!this.me) return t.signInTitle;
    switch (this.route.page) {
      case 'list':
        return t.listTitle;
      case 'detail':
      case 'print':
        return t.submissionTitle(this.route.reference);
      case 'audit':
        return t.auditTitle;
      case 'deliveries':
        return deliveryStrings(this.locale).title;
      default:
        return t.pageNotFound;
    }
  }

  /** Moves to `path` (under /inbox/) without a reload. */
  private go(path: string) {
    if (location.pathname + location.search !== path) history.pushState(null, '', path);
    this.route = routeOf(new URL(path, location.href).pathname);
    this.focusAfterRender = true;
    this.requestUpdate();
  }

  /** Says `text` in the live region (cleared first, so the same words are said again). */
  private say(text: string) {
    this.live = '';
    requestAnimationFrame(() => {
      this.live = text;
    });
  }

  private signedIn(me: Me) {
    this.me = me;
    this.api.csrfToken = me.csrfToken;
    this.notice = '';
    this.route = routeOf(location.pathname);
    this.focusAfterRender = true;
    this.say(this.t.signedInNotice(me.displayName));
  }

  /** The server says the session has ended: drop everything shown, back to the sign-in page. */
  private sessionEnded() {
    this.leave(this.t.sessionEnded);
  }

  private async signOut() {
    try {
      await this.api.request<void>('DELETE', '/inbox/api/session');
    } catch {
      // Signed out already (or the server is away): the page forgets the session either way.
    }
    this.leave(this.t.signedOut);
  }

  private leave(notice: string) {
    forget();
    this.me = null;
    this.api.csrfToken = '';
    this.notice = notice;
    history.replaceState(null, '', '/inbox/');
    this.route = { page: 'list' };
    this.focusAfterRender = true;
    this.say(notice);
  }

  private setLocale(event: Event) {
    const value = (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'de';
    this.locale = value;
    try {
      localStorage.setItem(LOCALE_KEY, value);
    } catch {
      // Storage may be off; the choice then lasts for this page.
    }
  }

  private skip(event: Event) {
    event.preventDefault();
    void this.view()?.focusHeading();
  }

  private navLink(event: MouseEvent) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    this.go((event.currentTarget as HTMLAnchorElement).getAttribute('href') ?? '/inbox/');
  }

  override render() {
    const t = this.t;
    return html`
      <header>
        <a class="skip" href="#main" @click=${this.skip}>${t.skipLink}</a>
        <p class="app-name">${t.appName}</p>
        ${this.me ? this.renderNav() : nothing}
        <div class="tools">
          <label for="ui-locale">${t.language}</label>
          <select id="ui-locale" @change=${this.setLocale}>
            <option value="de" lang="de" ?selected=${this.locale === 'de'}>Deutsch</option>
            <option value="en" lang="en" ?selected=${this.locale === 'en'}>English</option>
          </select>
          ${
            this.me
              ? html`<p>${t.signedInAs(this.me.displayName)}</p>
                  <button type="button" class="secondary" @click=${this.signOut}>
                    ${t.signOut}
                  </button>`
              : nothing
          }
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderPage()}</main>
      <div class="visually-hidden" role="status">${this.live}</div>
    `;
  }

  private renderNav() {
    const t = this.t;
    const page = this.route.page;
    const current = (name: string) => (page === name ? 'page' : nothing);
    return html`<nav aria-label=${t.navLabel}>
      <ul>
        <li>
          <a href="/inbox/" aria-current=${current('list')} @click=${this.navLink}>${t.navList}</a>
        </li>
        <li>
          <a href="/inbox/deliveries" aria-current=${current('deliveries')} @click=${this.navLink}
            >${deliveryStrings(this.locale).navDeliveries}</a
          >
        </li>
        ${
          this.me?.isAdmin
            ? html`<li>
                <a href="/inbox/audit" aria-current=${current('audit')} @click=${this.navLink}
                  >${t.navAudit}</a
                >
              </li>`
            : nothing
        }
      </ul>
    </nav>`;
  }

  private renderPage() {
    const t = this.t;
    if (!this.ready) return html`<p>${t.loading}</p>`;
    const common = { api: this.api, me: this.me, locale: this.locale };
    if (!this.me) {
      return html`<inbox-sign-in
        .api=${common.api}
        .locale=${common.locale}
        .config=${this.config}
        .notice=${this.notice}
      ></inbox-sign-in>`;
    }
    const route = this.route;
    switch (route.page) {
      case 'list':
        return keyed(
          'list',
          html`<inbox-list
            .api=${common.api}
            .me=${common.me}
            .locale=${common.locale}
          ></inbox-list>`,
        );
      case 'detail':
        return keyed(
          `detail:${route.reference}`,
          html`<inbox-detail
            .api=${common.api}
            .me=${common.me}
            .locale=${common.locale}
            .reference=${route.reference}
          ></inbox-detail>`,
        );
      case 'print':
        return keyed(
          `print:${route.reference}`,
          html`<inbox-print
            .api=${common.api}
            .me=${common.me}
            .locale=${common.locale}
            .reference=${route.reference}
          ></inbox-print>`,
        );
      case 'audit':
        return keyed(
          'audit',
          html`<inbox-audit
            .api=${common.api}
            .me=${common.me}
            .locale=${common.locale}
          ></inbox-audit>`,
        );
      case 'deliveries':
        return keyed(
          'deliveries',
          html`<inbox-deliveries
            .api=${common.api}
            .me=${common.me}
            .locale=${common.locale}
          ></inbox-deliveries>`,
        );
      default:
        return html`<inbox-missing .locale=${common.locale}></inbox-missing>`;
    }
  }
}

function savedLocale(): InboxLocale | undefined {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return value === 'de' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

customElements.define('intake-inbox', IntakeInbox);
