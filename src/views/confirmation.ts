/**
 * The confirmation shown after the backend accepted a submission. A lazy part of its own, loaded
 * when the person sends (src/views/fallbacks.ts has the essentials for when it cannot be loaded).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import type { ShownText } from '../i18n/form-text.js';

/** What the confirmation shows and does. */
export interface ConfirmationView {
  /** The reference number the backend gave, if any. */
  reference?: string;
  /** What happens next (`ui:confirmation`), in the current locale. */
  next?: ShownText;
  /** Says a text through the form's live region. */
  announce(text: string): void;
  /** "Fill in the form again". */
  restart(): void;
}

/**
 * The confirmation after the backend accepted the submission: the reference number with "Copy"
 * and "Print", what happens next (`ui:confirmation`), and "Fill in the form again".
 */
export function renderConfirmation(confirmation: ConfirmationView): TemplateResult {
  const { next, restart } = confirmation;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(confirmation.reference ?? '');
      confirmation.announce(msg('The reference number has been copied.'));
    } catch {
      // Without clipboard access the number stays selectable; nothing else to do.
      confirmation.announce(msg('Please select the reference number and copy it.'));
    }
  };
  return html`<section
    class="confirmation"
    part="confirmation"
    aria-labelledby="confirmation-title"
  >
    <h2 class="confirmation-title" id="confirmation-title" tabindex="-1">
      ${msg('Your request has been sent')}
    </h2>
    ${
      confirmation.reference
        ? html`<p>${msg('Your reference number')}</p>
            <p class="reference" part="reference"><strong>${confirmation.reference}</strong></p>
            <p class="confirmation-actions">
              <button type="button" part="button copy" @click=${copy}>
                ${msg('Copy reference number')}
              </button>
              <button type="button" part="button print" @click=${() => window.print()}>
                ${msg('Print this page')}
              </button>
            </p>`
        : nothing
    }
    ${
      next
        ? html`<h3>${msg('What happens next')}</h3>
            <p lang=${next.lang}>${next.text}</p>`
        : nothing
    }
    <p class="confirmation-actions">
      <button type="button" part="button restart" @click=${restart}>
        ${msg('Fill in the form again')}
      </button>
    </p>
  </section>`;
}
