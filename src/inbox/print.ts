/**
 * `<inbox-print>`: one submission laid out for paper (/inbox/print/:reference): the facts, the
 * answers in both languages, the attachment names and the notes, without the inbox's controls.
 * Opening it is a view like the detail page (the server logs it).
 */
import { css, html, nothing } from 'lit';
import { ApiError, type Detail } from './api.js';
import { formatTime } from './i18n.js';
import { renderAnswers, renderAttachments, renderFacts } from './submission-parts.js';
import { baseStyles } from './styles.js';
import { InboxView } from './view.js';

export class InboxPrint extends InboxView {
  static override properties = {
    reference: {},
    detail: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      @media print {
        :host {
          font-size: 11pt;
          color: #000;
        }
        h1 {
          font-size: 16pt;
        }
        h2 {
          font-size: 13pt;
          break-after: avoid;
        }
        section {
          break-inside: avoid-page;
        }
        pre.text {
          break-inside: auto;
        }
        .columns {
          display: block;
        }
      }
    `,
  ];

  declare reference: string;
  declare private detail: Detail | null;
  declare private error: string;

  constructor() {
    super();
    this.reference = '';
    this.detail = null;
    this.error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.detail = await this.api.get<Detail>(
        `/inbox/api/submissions/${encodeURIComponent(this.reference)}`,
      );
    } catch (error) {
      this.error =
        error instanceof ApiError && error.status === 404
          ? this.t.notFound
          : this.describeError(error);
    }
  }

  override render() {
    const t = this.t;
    const d = this.detail;
    return html`
      <p class="no-print row">
        <a href="/inbox/submissions/${encodeURIComponent(this.reference)}" @click=${this.followLink}
          >${t.backToSubmission}</a
        >
        <button type="button" @click=${() => window.print()} ?disabled=${!d}>${t.print}</button>
      </p>
      <h1 tabindex="-1">${t.submissionTitle(d?.reference ?? this.reference)}</h1>
      ${this.error ? this.renderError(this.error) : nothing}
      ${
        d
          ? html`
              <p class="printed">
                ${t.printedBy(this.me?.displayName ?? '', formatTime(new Date().toISOString(), this.locale))}
              </p>
              <section aria-labelledby="facts-heading">
                <h2 id="facts-heading">${t.facts}</h2>
                ${renderFacts(d, t, this.locale)}
              </section>
              <section aria-labelledby="answers-heading">
                <h2 id="answers-heading">${t.answers}</h2>
                ${renderAnswers(d, t, this.locale)}
              </section>
              <section aria-labelledby="attachments-heading">
                <h2 id="attachments-heading">${t.attachments}</h2>
                ${renderAttachments(d, t, this.locale, false)}
              </section>
              ${
                d.notes?.length
                  ? html`<section aria-labelledby="notes-heading">
                      <h2 id="notes-heading">${t.notes}</h2>
                      <ol>
                        ${d.notes.map(
                          (n) =>
                            html`<li>
                              <p>${t.noteBy(n.author, formatTime(n.at, this.locale))}</p>
                              <p class="text">${n.text}</p>
                            </li>`,
                        )}
                      </ol>
                    </section>`
                  : nothing
              }
            `
          : this.error
            ? nothing
            : html`<p>${t.loading}</p>`
      }
    `;
  }
}

customElements.define('inbox-print', InboxPrint);
