/**
 * `<inbox-encrypted-search>`: the list page's search inside encrypted submissions. The server
 * cannot read their answers, so its search covers only their public metadata; this decrypts the
 * encrypted submissions under the current filters (without the search words, which would
 * exclude them) in the browser, with the office key imported here, and lists those whose answers
 * contain the text; or downloads their decrypted answers as one JSON or CSV file made here. Both
 * bounded (MAX_SEARCHED), one at a time, with progress in the live region, and cancellable
 * between two submissions. Nothing decrypted leaves the browser.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { filterQuery, type Detail, type ListItem, type ListPage } from './api.js';
import type { DecryptedRecord } from './decrypted-export.js';
import { memory } from './memory.js';
import { InboxView } from './view.js';
import type { FormDefinition } from '../model/types.js';

/** At most this many encrypted submissions are decrypted in one search (newest first). */
export const MAX_SEARCHED = 200;
/** At most this many list pages (of 200) are read to find them. */
const MAX_LIST_PAGES = 5;
/** The live region hears the progress every this many submissions (not at every one). */
const ANNOUNCE_EVERY = 10;

/** Text without case and diacritics ("Quaxenbrück" is found by "quaxenbruck"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether any string or number in `data` (files aside) contains `needle` (folded). */
export function answersContain(data: unknown, needle: string, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof data === 'string') return !data.startsWith('data:') && fold(data).includes(needle);
  if (typeof data === 'number') return String(data).includes(needle);
  if (Array.isArray(data)) return data.some((item) => answersContain(item, needle, depth + 1));
  if (typeof data === 'object' && data !== null)
    return Object.values(data).some((item) => answersContain(item, needle, depth + 1));
  return false;
}

export class InboxEncryptedSearch extends InboxView {
  static override properties: PropertyDeclarations = {
    ...InboxView.properties,
    hasKeys: { type: Boolean },
    running: { state: true },
    progress: { state: true },
    found: { state: true },
    failures: { state: true },
    error: { state: true },
  };

  declare hasKeys: boolean;
  declare private running: boolean;
  declare private progress: string;
  declare private found: ListItem[];
  declare private failures: string[];
  declare private error: string;
  #cancelled = false;

  constructor() {
    super();
    this.hasKeys = false;
    this.running = false;
    this.progress = '';
    this.found = [];
    this.failures = [];
    this.error = '';
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // Leaving the page stops the search.
    this.#cancelled = true;
  }

  override render() {
    const t = this.t;
    return html`<section aria-labelledby="encrypted-search-heading" class="encrypted-search">
      <h2 id="encrypted-search-heading">${t.encryptedSearchTitle}</h2>
      ${this.hasKeys ? this.renderForm() : html`<p>${t.encryptedSearchNeedsKey}</p>`}
    </section>`;
  }

  private renderForm() {
    const t = this.t;
    return html`
      <p id="encrypted-search-intro">${t.encryptedSearchIntro(MAX_SEARCHED)}</p>
      <form class="row" novalidate @submit=${this.search}>
        <div>
          <label for="encrypted-q">${t.encryptedSearchText}</label>
          ${this.error ? html`<span class="field-error" id="encrypted-q-error">${this.error}</span>` : nothing}
          <input
            id="encrypted-q"
            name="text"
            type="search"
            .value=${memory.filters.q}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? 'encrypted-search-intro encrypted-q-error' : 'encrypted-search-intro'}
          />
        </div>
        <button type="submit" ?disabled=${this.running}>${t.encryptedSearchStart}</button>
        ${
          this.running
            ? html`<button
                type="button"
                class="secondary"
                id="encrypted-cancel"
                @click=${this.cancel}
              >
                ${t.encryptedSearchCancel}
              </button>`
            : nothing
        }
      </form>
      ${this.progress ? html`<p class="notice" id="encrypted-progress">${this.progress}</p>` : nothing}
      ${
        this.found.length
          ? html`<h3 id="encrypted-found">${t.encryptedSearchResults}</h3>
              <ul aria-labelledby="encrypted-found">
                ${this.found.map(
                  (item) =>
                    html`<li>
                      <a
                        href="/inbox/submissions/${encodeURIComponent(item.reference)}"
                        @click=${this.followLink}
                        >${item.reference}</a
                      >
                      (${item.formTitle})
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <h3 id="encrypted-export">${t.encryptedExportTitle}</h3>
      <p>${t.encryptedExportIntro(MAX_SEARCHED)}</p>
      <p class="row">
        <button
          type="button"
          class="secondary"
          ?disabled=${this.running}
          @click=${() => this.exportDecrypted('csv')}
        >
          ${t.encryptedExportAs('CSV')}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${this.running}
          @click=${() => this.exportDecrypted('json')}
        >
          ${t.encryptedExportAs('JSON')}
        </button>
      </p>
      ${
        this.failures.length
          ? html`<ul class="error">
              ${this.failures.map((f) => html`<li>${f}</li>`)}
            </ul>`
          : nothing
      }
    `;
  }

  private cancel() {
    this.#cancelled = true;
    // Back to the form, which stays: the cancel button goes away.
    this.renderRoot.querySelector<HTMLElement>('#encrypted-q')?.focus();
  }

  /** The encrypted submissions under the current filters without `q`, newest first, bounded. */
  private async candidates(): Promise<{ items: ListItem[]; capped: boolean }> {
    const items: ListItem[] = [];
    let cursor = '';
    for (let pages = 0; pages < MAX_LIST_PAGES; pages++) {
      const extra: Record<string, string> = { limit: '200' };
      if (cursor) extra.cursor = cursor;
      const page = await this.api.get<ListPage>(
        `/inbox/api/submissions?${filterQuery({ ...memory.filters, q: '' }, extra)}`,
      );
      for (const item of page.items) {
        if (!item.encrypted) continue;
        if (items.length === MAX_SEARCHED) return { items, capped: true };
        items.push(item);
      }
      if (!page.next) return { items, capped: false };
      cursor = page.next;
    }
    return { items, capped: true };
  }

  private async search(event: SubmitEvent) {
    event.preventDefault();
    const t = this.t;
    const text = String(new FormData(event.currentTarget as HTMLFormElement).get('text') ?? '');
    const needle = fold(text.trim());
    if (!needle) {
      this.error = t.encryptedSearchMissing;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#encrypted-q')?.focus();
      return;
    }
    this.error = '';
    this.found = [];
    this.emitFound();
    const { readSubmission } = await import('../inbox-crypto/index.js');
    const { done, total, capped } = await this.walk(async (item, detail, jwe) => {
      const { envelope } = await readSubmission(jwe, { formId: detail.formId });
      if (answersContain(envelope.data, needle)) {
        this.found = [...this.found, item];
        this.emitFound();
      }
    });
    this.finish(
      total === 0
        ? t.encryptedSearchNone
        : this.#cancelled
          ? t.encryptedSearchCancelled(done, total)
          : `${t.encryptedSearchDone(this.found.length, total)}${capped ? ` ${t.encryptedSearchCapped(MAX_SEARCHED)}` : ''}`,
    );
  }

  /**
   * Decrypts the encrypted submissions under the filters and downloads their answers as one
   * JSON or CSV file made in this browser (as the Decrypt area does for one).
   */
  private async exportDecrypted(format: 'json' | 'csv') {
    const t = this.t;
    this.error = '';
    const [{ readSubmission }, exporter, { listDecrypted }] = await Promise.all([
      import('../inbox-crypto/index.js'),
      import('./decrypted-export.js'),
      import('./decrypted-answers.js'),
    ]);
    const records: DecryptedRecord[] = [];
    const { done, total, capped } = await this.walk(async (_item, detail, jwe) => {
      const [{ envelope }, compiled] = await Promise.all([
        readSubmission(jwe, { formId: detail.formId }),
        // The form's labels: the same eval-free module the Decrypt area validates with.
        import(
          /* @vite-ignore */ `/inbox/api/submissions/${encodeURIComponent(detail.reference)}/validator.js`
        ) as Promise<{ default: FormDefinition }>,
      ]);
      const answers = listDecrypted(compiled.default, envelope.data, envelope.locale);
      records.push(exporter.recordOf(detail, answers, envelope.locale));
    });
    if (this.#cancelled || total === 0) {
      this.finish(total === 0 ? t.encryptedSearchNone : t.encryptedSearchCancelled(done, total));
      return;
    }
    const blob = format === 'json' ? exporter.jsonBlob(records) : exporter.csvBlob(records);
    exporter.saveBlob(
      blob,
      `eingang-entschluesselt-${new Date().toISOString().slice(0, 10)}.${format}`,
      this,
    );
    this.finish(
      `${t.encryptedExported(records.length, format.toUpperCase())}${capped ? ` ${t.encryptedSearchCapped(MAX_SEARCHED)}` : ''}`,
    );
  }

  /**
   * Runs `each` on every encrypted submission under the filters, one after the other, with its
   * detail (fetched with ?search=1: left unread) and JWE; stops between two when cancelled. A
   * submission that fails is listed under the form and the walk goes on.
   */
  private async walk(
    each: (item: ListItem, detail: Detail, jwe: string) => Promise<void>,
  ): Promise<{ done: number; total: number; capped: boolean }> {
    const t = this.t;
    this.#cancelled = false;
    this.running = true;
    this.failures = [];
    let done = 0;
    let total = 0;
    let capped = false;
    try {
      const candidates = await this.candidates();
      capped = candidates.capped;
      total = candidates.items.length;
      this.report(t.encryptedSearchProgress(0, total), true);
      for (const item of candidates.items) {
        if (this.#cancelled) break;
        try {
          const detail = await this.api.get<Detail>(
            `/inbox/api/submissions/${encodeURIComponent(item.reference)}?search=1`,
          );
          if (detail.encrypted?.jwe) await each(item, detail, detail.encrypted.jwe);
        } catch (error) {
          this.failures = [
            ...this.failures,
            t.encryptedSearchFailed(item.reference, (error as Error).message),
          ];
        }
        done++;
        this.report(t.encryptedSearchProgress(done, total), done % ANNOUNCE_EVERY === 0);
      }
    } catch (error) {
      this.failures = [...this.failures, this.describeError(error)];
    } finally {
      this.running = false;
    }
    return { done, total, capped };
  }

  /** The closing words: shown and said. */
  private finish(text: string) {
    this.report(text, true);
  }

  /** Shows the progress and, now and then, says it in the live region. */
  private report(text: string, aloud: boolean) {
    this.progress = text;
    if (aloud) this.announce(text);
  }

  /** Tells the list which references were found, so that it can mark their rows. */
  private emitFound() {
    this.dispatchEvent(
      new CustomEvent('inbox-encrypted-found', {
        detail: new Set(this.found.map((item) => item.reference)),
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('inbox-encrypted-search', InboxEncryptedSearch);
