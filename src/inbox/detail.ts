/**
 * `<inbox-detail>`: one submission: its facts, the German staff summary beside the person's
 * own language, attachments, the status (with a select to change it), internal notes, and
 * links to the print view and back to the list. Opening it marks it read (the server does).
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { Detail, Note } from './api.js';
import { STATUSES } from './i18n.js';
import {
  renderAnswers,
  renderAttachments,
  renderFacts,
  renderNotes,
  renderSection,
} from './submission-parts.js';
import { InboxSubmissionView } from './submission-view.js';
import { memory } from './memory.js';
import './decrypt-area.js';

export class InboxDetail extends InboxSubmissionView {
  static override properties: PropertyDeclarations = {
    noteError: { state: true },
    busy: { state: true },
    confirming: { state: true },
  };

  declare private noteError: string;
  declare private busy: boolean;
  declare private confirming: boolean;

  constructor() {
    super();
    this.noteError = '';
    this.busy = false;
    this.confirming = false;
  }

  override render() {
    return this.renderFrame(
      html`<p class="no-print">
        <a href="/inbox/" @click=${this.followLink}>${this.t.backToList}</a>
      </p>`,
      (d) => this.renderSubmission(d),
    );
  }

  private renderSubmission(d: Detail) {
    const t = this.t;
    return html`
      ${renderSection('facts', t.facts, renderFacts(d, t, this.locale))}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">${t.changeStatus}</h2>
        <form class="row" @submit=${this.saveStatus}>
          <div>
            <label for="status">${t.status}</label>
            <select id="status" name="status">
              ${STATUSES.map(
                (s) =>
                  html`<option value=${s} ?selected=${s === d.status}>${t.statuses[s]}</option>`,
              )}
            </select>
          </div>
          <button type="submit" ?disabled=${this.busy}>${t.saveStatus}</button>
        </form>
        <p class="row">
          <a
            class="button secondary"
            href="/inbox/print/${encodeURIComponent(d.reference)}"
            @click=${this.followLink}
            >${t.printView}</a
          >
          <button type="button" class="secondary" @click=${this.markUnread}>${t.markUnread}</button>
          <button type="button" class="secondary" id="delete" @click=${this.askDelete}>
            ${t.deleteSubmission}
          </button>
        </p>
        ${
          this.confirming
            ? html`<div class="notice" role="group" aria-labelledby="delete-ask">
                <p id="delete-ask" tabindex="-1">${t.deleteAsk(d.reference)}</p>
                <p class="row">
                  <button type="button" @click=${this.delete} ?disabled=${this.busy}>
                    ${t.deleteConfirm}
                  </button>
                  <button type="button" class="secondary" @click=${this.cancelDelete}>
                    ${t.cancel}
                  </button>
                </p>
              </div>`
            : nothing
        }
      </section>
      ${renderSection(
        'answers',
        t.answers,
        html`${renderAnswers(d, t, this.locale)}
        ${
          d.encrypted
            ? html`<inbox-decrypt
                .api=${this.api}
                .me=${this.me}
                locale=${this.locale}
                .detail=${d}
              ></inbox-decrypt>`
            : nothing
        }`,
      )}
      ${renderSection('attachments', t.attachments, renderAttachments(d, t, this.locale))}
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">${t.notes}</h2>
        ${this.renderNotes(d.notes ?? [])}
        <form novalidate @submit=${this.addNote}>
          ${
            this.noteError
              ? html`<div class="error-summary" tabindex="-1" aria-labelledby="note-error-heading">
                  <h3 id="note-error-heading">${t.errorSummary}</h3>
                  <ul>
                    <li><a href="#note" @click=${this.focusNote}>${this.noteError}</a></li>
                  </ul>
                </div>`
              : nothing
          }
          <label for="note">${t.newNote}</label>
          <span class="hint" id="note-hint">${t.noteHint}</span>
          ${
            this.noteError
              ? html`<span class="field-error" id="note-error">${this.noteError}</span>`
              : nothing
          }
          <textarea
            id="note"
            name="text"
            maxlength="10000"
            aria-invalid=${this.noteError ? 'true' : 'false'}
            aria-describedby=${this.noteError ? 'note-hint note-error' : 'note-hint'}
          ></textarea>
          <p><button type="submit" ?disabled=${this.busy}>${t.addNote}</button></p>
        </form>
      </section>
    `;
  }

  private renderNotes(notes: Note[]) {
    if (notes.length === 0) return html`<p>${this.t.noNotes}</p>`;
    return renderNotes(notes, this.t, this.locale);
  }

  private focusNote(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#note')?.focus();
  }

  private async saveStatus(event: Event) {
    event.preventDefault();
    const status = String(new FormData(event.currentTarget as HTMLFormElement).get('status'));
    this.busy = true;
    this.error = '';
    try {
      const updated = await this.api.request<Detail>('PATCH', this.path(), { status });
      // The answer is the whole submission again; keep the notes shown if it leaves them out.
      this.detail = { ...this.detail!, ...updated };
      this.announce(this.t.statusSaved(this.t.statuses[status] ?? status));
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async markUnread() {
    this.error = '';
    try {
      await this.api.request<void>('POST', this.path('/unread'));
      this.announce(this.t.markedUnread);
    } catch (error) {
      this.error = this.describeError(error);
    }
  }

  private async askDelete() {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#delete-ask')?.focus();
  }

  private async cancelDelete() {
    this.confirming = false;
    await this.updateComplete;
    // Back to the button that asked.
    this.renderRoot.querySelector<HTMLElement>('#delete')?.focus();
  }

  private async delete() {
    this.busy = true;
    this.error = '';
    try {
      await this.api.request<void>('DELETE', this.path());
      const reference = this.detail?.reference ?? this.reference;
      memory.flash = this.t.deleted(reference);
      this.navigate('/inbox/');
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async addNote(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const text = String(new FormData(form).get('text') ?? '').trim();
    if (!text) {
      this.noteError = this.t.noteMissing;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.noteError = '';
    this.busy = true;
    try {
      const note = await this.api.request<Note>('POST', this.path('/notes'), { text });
      this.detail = { ...this.detail!, notes: [...(this.detail!.notes ?? []), note] };
      form.reset();
      this.announce(this.t.noteAdded);
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('inbox-detail', InboxDetail);
