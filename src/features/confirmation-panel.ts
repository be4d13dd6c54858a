/**
 * The confirmation shown after the backend accepted a submission. A chunk of its own, loaded when
 * the person sends (the element keeps the essentials for when it cannot be loaded).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import type { FormHost } from './form-host.js';

/**
 * The confirmation after the backend accepted the submission: the reference number with "Copy"
 * and "Print", what happens next (`ui:confirmation`), and "Fill in the form again".
 */
export function renderConfirmation(
  host: FormHost,
  confirmation: { reference?: string },
  restart: () => void,
): TemplateResult {
  const ui = host.definition?.ui ?? {};
  const next =
    typeof ui['ui:confirmation'] === 'string'
      ? host.text.get({ text: ui['ui:confirmation'], key: '/ui/ui:confirmation' })
      : undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(confirmation.reference ?? '');
      host.announce(msg('The reference number has been copied.'));
    } catch {
      // Without clipboard access the number stays selectable; nothing else to do.
      host.announce(msg('Please select the reference number and copy it.'));
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
