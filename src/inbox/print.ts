/**
 * `<inbox-print>`: one submission laid out for paper (/inbox/print/:reference): the facts, the
 * answers in both languages, the attachment names and the notes, without the inbox's controls.
 * Opening it is a view like the detail page (the server logs it).
 */
import { css, html, nothing } from 'lit';
import { formatTime } from './i18n.js';
import * as parts from './submission-parts.js';
import { InboxSubmissionView } from './submission-view.js';
import { baseStyles } from './styles.js';

export class InboxPrint extends InboxSubmissionView {
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

  override render() {
    const t = this.t;
    const locale = this.locale;
    return this.renderFrame(
      html`<p class="no-print row">
        <a href="/inbox/submissions/${encodeURIComponent(this.reference)}" @click=${this.followLink}
          >${t.backToSubmission}</a
        >
        <button type="button" @click=${() => window.print()} ?disabled=${!this.detail}>
          ${t.print}
        </button>
      </p>`,
      (d) => html`
        <p class="printed">
          ${t.printedBy(this.me?.displayName ?? '', formatTime(new Date().toISOString(), locale))}
        </p>
        ${parts.renderSection('facts', t.facts, parts.renderFacts(d, t, locale))}
        ${parts.renderSection('answers', t.answers, parts.renderAnswers(d, t, locale))}
        ${parts.renderSection('attachments', t.attachments, parts.renderAttachments(d, t, locale, false))}
        ${d.notes?.length ? parts.renderSection('notes', t.notes, parts.renderNotes(d.notes, t, locale)) : nothing}
      `,
    );
  }
}

customElements.define('inbox-print', InboxPrint);
