/**
 * `<inbox-deliveries>`: what the service sends on after a submission is stored — the hand-off
 * to a case-management system (webhook) and the e-mail notice to a team — with the failed ones
 * first (the default filter). Each row names the submission (a link to it), the form, the
 * target by host or domain only (the server sends nothing more), the tries, the last error and
 * the next try, and offers "Try again now" until it is delivered. The server decides which
 * rows a person sees (the submissions they may see; administrators all).
 *
 * After a retry the outcome is said in the shell's live region and shown above the tables,
 * where the focus goes (the button may be gone with a delivered row).
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ApiError, type Delivery, type FormInfo } from './api.js';
import { deliveryStrings } from './deliveries-i18n.js';
import { formatTime } from './i18n.js';
import { InboxView } from './view.js';

const KINDS = ['webhook', 'email'] as const;
type Kind = (typeof KINDS)[number];
const STATES = ['failed', 'pending', 'delivered'] as const;
const PAGE_SIZE = 50;

interface Section {
  items: Delivery[];
  next: number | null;
}

export class InboxDeliveries extends InboxView {
  static override properties: PropertyDeclarations = {
    sections: { state: true },
    error: { state: true },
    outcome: { state: true },
    busy: { state: true },
    filter: { state: true },
  };

  declare private sections: Partial<Record<Kind, Section>>;
  declare private error: string;
  /** The last retry's outcome, shown above the tables. */
  declare private outcome: string;
  /** The id (kind:id) of the delivery being retried. */
  declare private busy: string;
  declare private filter: { state: string; kind: '' | Kind };
  private formTitles = new Map<string, string>();

  constructor() {
    super();
    this.sections = {};
    this.error = '';
    this.outcome = '';
    this.busy = '';
    this.filter = { state: 'failed', kind: '' };
  }

  private get d() {
    return deliveryStrings(this.locale);
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.loadForms();
    void this.load();
  }

  private async loadForms() {
    try {
      const { forms } = await this.api.get<{ forms: FormInfo[] }>('/inbox/api/forms');
      this.formTitles = new Map(forms.map((form) => [form.id, form.title]));
      this.requestUpdate();
    } catch {
      // The form ids stand in for the titles.
    }
  }

  private kindsShown(): Kind[] {
    return this.filter.kind ? [this.filter.kind] : [...KINDS];
  }

  private async page(kind: Kind, before?: number): Promise<Section> {
    const query = new URLSearchParams({ kind, state: this.filter.state, limit: String(PAGE_SIZE) });
    if (before) query.set('before', String(before));
    return this.api.get<Section>(`/inbox/api/deliveries?${query}`);
  }

  private async load() {
    this.error = '';
    // The rows shown were of the filter before: they go, rather than stand under a new caption.
    this.sections = {};
    this.announce(this.t.loading);
    try {
      const kinds = this.kindsShown();
      const pages = await Promise.all(kinds.map((kind) => this.page(kind)));
      this.sections = Object.fromEntries(kinds.map((kind, i) => [kind, pages[i]]));
      this.announce(this.d.loaded(pages.reduce((n, p) => n + p.items.length, 0)));
    } catch (error) {
      this.sections = {};
      this.error = this.describeError(error);
    }
  }

  private async more(kind: Kind) {
    const section = this.sections[kind];
    if (!section?.next) return;
    try {
      const page = await this.page(kind, section.next);
      const before = section.items.length;
      this.sections = {
        ...this.sections,
        [kind]: { items: [...section.items, ...page.items], next: page.next },
      };
      this.announce(this.d.loaded(before + page.items.length));
      await this.updateComplete;
      // The first new row takes the focus, so the keyboard goes on where reading does.
      this.renderRoot.querySelectorAll<HTMLElement>(`#table-${kind} tbody th`)[before]?.focus();
    } catch (error) {
      this.error = this.describeError(error);
    }
  }

  private async retry(delivery: Delivery) {
    const d = this.d;
    this.busy = `${delivery.kind}:${delivery.id}`;
    this.outcome = '';
    this.announce(d.retrying(delivery.reference));
    let message: string;
    try {
      const after = await this.api.request<Delivery>(
        'POST',
        `/inbox/api/deliveries/${delivery.id}/retry?kind=${delivery.kind}`,
      );
      this.replace(after);
      message =
        after.state === 'delivered'
          ? d.delivered(after.reference, after.target)
          : after.nextAttemptAt
            ? d.notDelivered(
                after.reference,
                this.why(after),
                formatTime(after.nextAttemptAt, this.locale),
              )
            : d.notDeliveredFinal(after.reference, this.why(after));
    } catch (error) {
      message = this.retryRefused(error);
    } finally {
      this.busy = '';
    }
    this.outcome = message;
    this.announce(message);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  /** Puts a delivery's new state into its row (it stays where it was until the next load). */
  private replace(after: Delivery) {
    const kind = after.kind;
    const section = this.sections[kind];
    if (!section) return;
    const items = section.items.map((item) => (item.id === after.id ? after : item));
    this.sections = { ...this.sections, [kind]: { ...section, items } };
  }

  /** Why a retry was refused, in the interface language. */
  private retryRefused(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.status === 404) return this.d.gone;
      if (error.is('no-sender')) return this.d.noSender;
      if (error.status === 409) return this.d.arrivedAlready;
    }
    return this.describeError(error);
  }

  /** The last error in words: the error text the server gave, else the HTTP status. */
  private why(delivery: Delivery): string {
    if (delivery.lastError) return delivery.lastError;
    if (delivery.lastStatus) return this.d.answered(delivery.lastStatus);
    return this.d.noError;
  }

  private applyFilter(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const state = String(data.get('state') ?? 'failed');
    const kind = String(data.get('kind') ?? '');
    this.filter = {
      state: (STATES as readonly string[]).includes(state) ? state : 'failed',
      kind: (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : '',
    };
    this.outcome = '';
    void this.load();
  }

  override render() {
    const d = this.d;
    return html`
      <h1 tabindex="-1">${d.title}</h1>
      <p>${d.intro}</p>
      <form class="row" @submit=${this.applyFilter} aria-label=${d.filters}>
        <div>
          <label for="d-state">${d.state}</label>
          <select id="d-state" name="state">
            ${STATES.map(
              (s) =>
                html`<option value=${s} ?selected=${s === this.filter.state}>
                  ${d.states[s]}
                </option>`,
            )}
          </select>
        </div>
        <div>
          <label for="d-kind">${d.kind}</label>
          <select id="d-kind" name="kind">
            <option value="" ?selected=${this.filter.kind === ''}>${d.anyKind}</option>
            ${KINDS.map(
              (k) =>
                html`<option value=${k} ?selected=${k === this.filter.kind}>${d.kinds[k]}</option>`,
            )}
          </select>
        </div>
        <button type="submit">${d.show}</button>
      </form>
      ${this.error ? this.renderError(this.error) : nothing}
      ${this.outcome ? html`<p id="outcome" class="notice" tabindex="-1">${this.outcome}</p>` : nothing}
      ${this.kindsShown().map((kind) => this.renderSection(kind))}
    `;
  }

  private renderSection(kind: Kind) {
    const d = this.d;
    const section = this.sections[kind];
    const heading = `heading-${kind}`;
    return html`<section aria-labelledby=${heading}>
      <h2 id=${heading}>${d.kinds[kind]}</h2>
      ${
        !section
          ? this.error
            ? nothing
            : html`<p>${this.t.loading}</p>`
          : section.items.length === 0
            ? html`<p>${d.none}</p>`
            : this.renderTable(kind, section)
      }
    </section>`;
  }

  private renderTable(kind: Kind, section: Section) {
    const d = this.d;
    const caption = d.caption(d.kinds[kind], d.states[this.filter.state]);
    // A narrow window scrolls the table sideways: the keyboard can, too (WCAG 2.1.1).
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${caption}>
        <table id="table-${kind}">
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${d.reference}</th>
              <th scope="col">${d.form}</th>
              <th scope="col">${d.target}</th>
              <th scope="col">${d.state}</th>
              <th scope="col">${d.attempts}</th>
              <th scope="col">${d.lastError}</th>
              <th scope="col">${d.nextTry}</th>
              <th scope="col">${d.action}</th>
            </tr>
          </thead>
          <tbody>
            ${section.items.map((item) => this.renderRow(item))}
          </tbody>
        </table>
      </div>
      ${
        section.next
          ? html`<p>
              <button type="button" class="secondary" @click=${() => this.more(kind)}>
                ${d.loadMore}
              </button>
            </p>`
          : nothing
      }`;
  }

  private renderRow(item: Delivery) {
    const d = this.d;
    const key = `${item.kind}:${item.id}`;
    return html`<tr>
      <th scope="row" tabindex="-1">
        <a href="/inbox/submissions/${encodeURIComponent(item.reference)}" @click=${this.followLink}
          >${item.reference}</a
        >
      </th>
      <td>${this.formTitles.get(item.formId) ?? item.formId}</td>
      <td>${item.target}</td>
      <td>${d.states[item.state] ?? item.state}</td>
      <td>${item.attempts}</td>
      <td>${item.state === 'delivered' ? d.noError : this.why(item)}</td>
      <td>${formatTime(item.nextAttemptAt, this.locale)}</td>
      <td>
        ${
          item.state === 'delivered'
            ? formatTime(item.deliveredAt, this.locale)
            : html`<button
                type="button"
                class="secondary"
                ?disabled=${this.busy === key}
                @click=${() => this.retry(item)}
              >
                ${d.retry}<span class="visually-hidden"> ${d.retryFor(item.reference)}</span>
              </button>`
        }
      </td>
    </tr>`;
  }
}

customElements.define('inbox-deliveries', InboxDeliveries);
