/**
 * The offer of a draft from an earlier visit: "Continue where you left off?" or "Start new".
 * Nothing of the draft shows before the person continues (a shared device's next user sees only
 * that answers were saved, and when). A protected draft asks for its passphrase. Part of the
 * drafts chunk (src/internal/chunks/drafts.ts).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';

/** What the offer shows and does. */
export interface DraftOfferView {
  savedAt: number;
  /** The draft needs a passphrase. */
  locked: boolean;
  /** The last passphrase tried did not open it. */
  wrongPassphrase: boolean;
  locale: string;
  /** "Continue where I left off" (with the passphrase typed, if any). */
  proceed(passphrase: string): Promise<void>;
  /** "Start new": deletes the saved answers. */
  startNew(): void;
}

/** "Answers were saved on this device on …. Continue where you left off?" */
export function offerMessage(savedAt: number, locale: string): string {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    savedAt,
  );
  return msg(str`Answers were saved on this device on ${when}. Continue where you left off?`);
}

export function renderDraftOffer(view: DraftOfferView): TemplateResult {
  const proceed = (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLElement)
      .closest('.draft')
      ?.querySelector<HTMLInputElement>('#draft-unlock');
    void view.proceed(input?.value ?? '');
  };
  return html`<div
    class="notice draft draft-offer"
    part="draft"
    role="group"
    aria-labelledby="draft-offer-text"
  >
    <p id="draft-offer-text">${offerMessage(view.savedAt, view.locale)}</p>
    ${
      view.locked
        ? html`<label part="label" for="draft-unlock">${msg('Passphrase')}</label>
            <input
              id="draft-unlock"
              class="control"
              part="control"
              type="password"
              autocomplete="current-password"
              aria-invalid=${view.wrongPassphrase ? 'true' : 'false'}
              aria-describedby=${view.wrongPassphrase ? 'draft-unlock-error' : nothing}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') proceed(e);
              }}
            />
            ${
              view.wrongPassphrase
                ? html`<p class="error" id="draft-unlock-error">
                    ${msg('This passphrase does not open the saved answers.')}
                  </p>`
                : nothing
            }`
        : nothing
    }
    <p class="confirmation-actions">
      <button type="button" part="button continue-draft" @click=${proceed}>
        ${msg('Continue where I left off')}
      </button>
      <button type="button" part="button discard-draft" @click=${view.startNew}>
        ${msg('Start new (deletes the saved answers)')}
      </button>
    </p>
  </div>`;
}
