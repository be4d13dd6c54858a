/**
 * `<inbox-audit>`: the audit log for administrators (who viewed, exported, changed or deleted
 * which submission, when), filtered by reference or person, newest first, page by page.
 */
import { html, nothing } from 'lit';
import { ApiError, type AuditEntry } from './api.js';
import { formatTime } from './i18n.js';
import { InboxView } from './view.js';

export class InboxAudit extends InboxView {
  static override properties = {
    items: { state: true },
    next: { state: true },
    error: { state: true },
    loaded: { state: true },
  };

  declare private items: AuditEntry[];
  declare private next: string | null;
  declare private error: string;
  declare private loaded: boolean;
  private query = { reference: '', actor: '' };

  constructor() {
    super();
    this.items = [];
    this.next = null;
    this.error = '';
    this.loaded = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load(false);
  }

  private async load(more: boolean) {
    const params = new URLSearchParams();
    if (this.query.reference) params.set('reference', this.query.reference);
    if (this.query.actor) params.set('actor', this.query.actor);
    if (more && this.next) params.set('cursor', this.next);
    this.error = '';
    this.announce(this.t.loading);
    try {
      const page = await this.api.get<{ items: AuditEntry[]; next: string | null }>(
        `/inbox/api/audit?${params}`,
      );
      const before = more ? this.items.length : 0;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.next;
      this.loaded = true;
      this.announce(this.t.auditLoaded(this.items.length));
      if (more) {
        await this.updateComplete;
        // The first new row takes the focus, so the keyboard goes on where reading does.
        this.renderRoot.querySelectorAll<HTMLElement>('tbody th')[before]?.focus();
      }
    } catch (error) {
      this.error =
        error instanceof ApiError && error.status === 403
          ? this.t.adminsOnly
          : this.describeError(error);
    }
  }

  override render() {
    const t = this.t;
    return html`
      <h1 tabindex="-1">${t.auditTitle}</h1>
      <form class="row" @submit=${this.filter} aria-label=${t.filters}>
        <div>
          <label for="a-reference">${t.reference}</label>
          <input id="a-reference" name="reference" .value=${this.query.reference} />
        </div>
        <div>
          <label for="a-actor">${t.actor}</label>
          <input id="a-actor" name="actor" .value=${this.query.actor} />
        </div>
        <button type="submit">${t.applyFilters}</button>
      </form>
      ${this.error ? this.renderError(this.error) : nothing}
      ${this.loaded ? this.renderTable() : this.error ? nothing : html`<p>${t.loading}</p>`}
    `;
  }

  private renderTable() {
    const t = this.t;
    if (this.items.length === 0) return html`<p>${t.noEntries}</p>`;
    return html`<div class="scroll">
        <table>
          <caption>
            ${t.auditCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.at}</th>
              <th scope="col">${t.actor}</th>
              <th scope="col">${t.action}</th>
              <th scope="col">${t.reference}</th>
              <th scope="col">${t.detail}</th>
            </tr>
          </thead>
          <tbody>
            ${this.items.map(
              (e) =>
                html`<tr>
                  <th scope="row" tabindex="-1">${formatTime(e.at, this.locale)}</th>
                  <td>${e.actor}</td>
                  <td>${t.actions[e.action] ?? e.action}</td>
                  <td>${e.reference ?? '–'}</td>
                  <td>${describeDetail(e.detail)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        this.next
          ? html`<p>
              <button type="button" class="secondary" @click=${() => this.load(true)}>
                ${t.loadMore}
              </button>
            </p>`
          : nothing
      }`;
  }

  private filter(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.query = {
      reference: String(data.get('reference') ?? '').trim(),
      actor: String(data.get('actor') ?? '').trim(),
    };
    void this.load(false);
  }
}

function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '–';
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object') {
    return Object.entries(detail as Record<string, unknown>)
      .map(
        ([key, value]) =>
          `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
      )
      .join(', ');
  }
  return String(detail);
}

customElements.define('inbox-audit', InboxAudit);
