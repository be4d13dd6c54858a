/**
 * `<inbox-list>`: the submissions a person may see, newest first, with filters (form, status,
 * routing answer, date range, full-text search, unread), keyset paging and export links for
 * the filtered selection. The server's search covers only the public metadata of encrypted
 * submissions; `<inbox-encrypted-search>` searches their answers in the browser.
 */
import { html, nothing } from 'lit';
import { filterQuery, NO_FILTERS, type Filters, type FormInfo, type ListPage } from './api.js';
import { formatTime, languageName, STATUSES } from './i18n.js';
import { memory } from './memory.js';
import { InboxView } from './view.js';
import './encrypted-search.js';
import './delivery-hint.js';

const PAGE_SIZE = 50;

export class InboxList extends InboxView {
  static override properties = {
    forms: { state: true },
    page: { state: true },
    error: { state: true },
    loading: { state: true },
    flash: { state: true },
    hasKeys: { state: true },
    foundEncrypted: { state: true },
  };

  declare private forms: FormInfo[];
  declare private page: ListPage | null;
  declare private error: string;
  declare private loading: boolean;
  /** What the page before wanted said (a deletion), shown above the list once. */
  declare private flash: string;
  /** Whether this browser holds an office key (the search inside encrypted submissions). */
  declare private hasKeys: boolean;
  /** References the search inside encrypted submissions found (their rows are marked). */
  declare private foundEncrypted: Set<string>;

  constructor() {
    super();
    this.forms = [];
    this.page = null;
    this.error = '';
    this.loading = false;
    this.flash = memory.flash;
    memory.flash = '';
    this.hasKeys = false;
    this.foundEncrypted = new Set();
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.loadForms();
    void this.load();
    void this.loadKeys();
  }

  /** Whether office keys are imported here (the key store is loaded only for this). */
  private async loadKeys() {
    try {
      const { listKeys } = await import('../inbox-crypto/index.js');
      this.hasKeys = (await listKeys()).length > 0;
    } catch {
      this.hasKeys = false;
    }
  }

  /**
   * Whether encrypted submissions can be in view: a form in view encrypts, one is listed, or
   * this browser holds an office key.
   */
  private get encryptedInView() {
    const forms = memory.filters.form
      ? this.forms.filter((f) => f.id === memory.filters.form)
      : this.forms;
    return (
      this.hasKeys ||
      forms.some((f) => f.encrypted) ||
      (this.page?.items.some((item) => item.encrypted) ?? false)
    );
  }

  private async loadForms() {
    try {
      const { forms } = await this.api.get<{ forms: FormInfo[] }>('/inbox/api/forms');
      this.forms = forms;
    } catch {
      // The list still works without the form names in the filter.
      this.forms = [];
    }
  }

  private async load() {
    this.loading = true;
    this.error = '';
    this.announce(this.t.loading);
    const extra: Record<string, string> = { limit: String(PAGE_SIZE) };
    if (memory.cursor) extra.cursor = memory.cursor;
    try {
      this.page = await this.api.get<ListPage>(
        `/inbox/api/submissions?${filterQuery(memory.filters, extra)}`,
      );
      const count = this.page.items.length
        ? this.t.listLoaded(this.page.items.length)
        : this.t.noResults;
      this.announce(this.flash ? `${this.flash} ${count}` : count);
    } catch (error) {
      this.page = null;
      this.error = this.describeError(error);
    } finally {
      this.loading = false;
    }
  }

  /** Routing answers to filter by: every value of every route of the forms in view. */
  private routeOptions() {
    const seen = new Set<string>();
    const options: { key: string; label: string }[] = [];
    const forms = memory.filters.form
      ? this.forms.filter((f) => f.id === memory.filters.form)
      : this.forms;
    for (const form of forms) {
      for (const route of form.routes ?? []) {
        for (const value of route.values) {
          const key = JSON.stringify([route.pointer, value]);
          if (seen.has(key)) continue;
          seen.add(key);
          options.push({ key, label: `${route.title}: ${value}` });
        }
      }
    }
    return options;
  }

  override render() {
    const t = this.t;
    const f = memory.filters;
    const routeKey = f.route && f.value ? JSON.stringify([f.route, f.value]) : '';
    return html`
      <h1 tabindex="-1">${t.listTitle}</h1>
      <inbox-delivery-hint .api=${this.api} .locale=${this.locale}></inbox-delivery-hint>
      ${this.flash ? html`<p class="notice">${this.flash}</p>` : nothing}
      <form class="filters" @submit=${this.applyFilters} aria-labelledby="filters-heading">
        <h2 id="filters-heading">${t.filters}</h2>
        <div class="row">
          <div>
            <label for="f-form">${t.form}</label>
            <select id="f-form" name="form">
              <option value="">${t.anyForm}</option>
              ${this.forms.map(
                (form) =>
                  html`<option value=${form.id} ?selected=${form.id === f.form}>
                    ${form.title}
                  </option>`,
              )}
            </select>
          </div>
          <div>
            <label for="f-status">${t.status}</label>
            <select id="f-status" name="status">
              <option value="">${t.anyStatus}</option>
              ${STATUSES.map(
                (s) =>
                  html`<option value=${s} ?selected=${s === f.status}>${t.statuses[s]}</option>`,
              )}
            </select>
          </div>
          <div>
            <label for="f-route">${t.routeAnswer}</label>
            <select id="f-route" name="route">
              <option value="">${t.anyRoute}</option>
              ${this.routeOptions().map(
                (o) =>
                  html`<option value=${o.key} ?selected=${o.key === routeKey}>${o.label}</option>`,
              )}
            </select>
          </div>
          <div>
            <label for="f-from">${t.from}</label>
            <input id="f-from" name="from" type="date" .value=${f.from} />
          </div>
          <div>
            <label for="f-to">${t.to}</label>
            <input id="f-to" name="to" type="date" .value=${f.to} />
          </div>
          <div>
            <label for="f-q">${t.search}</label>
            ${
              this.encryptedInView
                ? html`<span class="hint" id="f-q-hint">${t.searchMetadataHint}</span>`
                : nothing
            }
            <input
              id="f-q"
              name="q"
              type="search"
              .value=${f.q}
              aria-describedby=${this.encryptedInView ? 'f-q-hint' : nothing}
            />
          </div>
          <div>
            <label class="inline" for="f-unread"
              ><input id="f-unread" name="unread" type="checkbox" .checked=${f.unread} />
              ${t.unreadOnly}</label
            >
          </div>
        </div>
        <p class="row">
          <button type="submit">${t.applyFilters}</button>
          <button type="button" class="secondary" @click=${this.resetFilters}>
            ${t.resetFilters}
          </button>
        </p>
      </form>
      ${this.error ? this.renderError(this.error) : nothing} ${this.renderTable()}
      ${
        this.encryptedInView
          ? html`<inbox-encrypted-search
              .api=${this.api}
              .me=${this.me}
              locale=${this.locale}
              .hasKeys=${this.hasKeys}
              @inbox-encrypted-found=${this.markFound}
            ></inbox-encrypted-search>`
          : nothing
      }
      ${this.renderExport()}
    `;
  }

  private renderTable() {
    const t = this.t;
    const page = this.page;
    if (!page) return this.loading ? html`<p>${t.loading}</p>` : nothing;
    if (page.items.length === 0) return html`<p>${t.noResults}</p>`;
    const first = memory.cursors.length * PAGE_SIZE + 1;
    const last = first + page.items.length - 1;
    const total = page.totalCapped ? t.atLeast(page.total) : String(page.total);
    return html`
      <h2 id="results-heading" tabindex="-1">${t.results(first, last, total)}</h2>
      <!-- A narrow window scrolls the table sideways: the keyboard can, too (WCAG 2.1.1). -->
      <div class="scroll" role="region" tabindex="0" aria-labelledby="results-heading">
        <table aria-describedby="results-heading">
          <caption>
            ${t.tableCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.reference}</th>
              <th scope="col">${t.form}</th>
              <th scope="col">${t.received}</th>
              <th scope="col">${t.status}</th>
              <th scope="col">${t.routing}</th>
              <th scope="col">${t.languageUsed}</th>
              <th scope="col">${t.read}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map(
              (item) =>
                html`<tr class=${item.unread ? 'unread' : ''}>
                  <th scope="row">
                    <a
                      href="/inbox/submissions/${encodeURIComponent(item.reference)}"
                      @click=${this.followLink}
                      >${item.reference}</a
                    >
                  </th>
                  <td>${item.formTitle}</td>
                  <td>${formatTime(item.receivedAt, this.locale)}</td>
                  <td>${t.statuses[item.status] ?? item.status}</td>
                  <td>${Object.values(item.routing ?? {}).join(', ') || '–'}</td>
                  <td>${languageName(item.locale, this.locale)}</td>
                  <td>
                    ${item.unread ? t.unread : t.isRead}${item.encrypted ? html`, ${t.encrypted}` : nothing}${
                      this.foundEncrypted.has(item.reference)
                        ? html`, <strong>${t.foundInDecrypted}</strong>`
                        : nothing
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label=${t.pages} class="row pager">
        <button
          type="button"
          class="secondary"
          ?disabled=${memory.cursors.length === 0}
          @click=${this.previousPage}
        >
          ${t.previousPage}
        </button>
        <button type="button" class="secondary" ?disabled=${!page.next} @click=${this.nextPage}>
          ${t.nextPage}
        </button>
      </nav>
    `;
  }

  private renderExport() {
    const t = this.t;
    if (!this.page || this.page.items.length === 0) return nothing;
    return html`<section aria-labelledby="export-heading">
      <h2 id="export-heading">${t.export}</h2>
      <ul class="row plain">
        ${['csv', 'xlsx', 'json'].map(
          (format) =>
            html`<li>
              <a
                class="button secondary"
                download
                href="/inbox/api/export?${filterQuery(memory.filters, { format })}"
                >${t.exportAs(format.toUpperCase())}</a
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private markFound(event: CustomEvent<Set<string>>) {
    this.foundEncrypted = event.detail;
  }

  private applyFilters(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (key: string) => String(data.get(key) ?? '');
    let route = '';
    let value = '';
    if (text('route')) [route, value] = JSON.parse(text('route')) as [string, string];
    const filters: Filters = {
      form: text('form'),
      status: text('status'),
      route,
      value,
      from: text('from'),
      to: text('to'),
      q: text('q'),
      unread: data.get('unread') === 'on',
    };
    memory.filters = filters;
    memory.cursors = [];
    memory.cursor = '';
    void this.load();
  }

  private resetFilters() {
    memory.filters = { ...memory.filters, ...NO_FILTERS };
    memory.cursors = [];
    memory.cursor = '';
    this.requestUpdate();
    void this.load();
  }

  private async nextPage() {
    if (!this.page?.next) return;
    memory.cursors.push(memory.cursor);
    memory.cursor = this.page.next;
    await this.load();
    this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
  }

  private async previousPage() {
    memory.cursor = memory.cursors.pop() ?? '';
    await this.load();
    this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
  }
}

customElements.define('inbox-list', InboxList);
