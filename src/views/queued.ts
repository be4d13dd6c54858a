/**
 * The panel shown while the person's submission waits on this device. Part of the outbox chunk
 * (src/controllers/outbox-sender.ts), which is there whenever something waits.
 */
import { html, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';

/** The panel shown while the person's submission waits on this device, with "Try to send now". */
export function renderQueued(retry: () => void): TemplateResult {
  return html`<section class="confirmation queued" part="queued" aria-labelledby="queued-title">
    <h2 class="queued-title" id="queued-title" tabindex="-1">
      ${msg('Your request is saved on this device')}
    </h2>
    <p>
      ${msg('There is no connection to the office at the moment. Your request will be sent automatically as soon as there is one, also if you come back to this page later.')}
    </p>
    <p>${msg('You do not need to fill in the form again.')}</p>
    <p class="confirmation-actions">
      <button type="button" part="button retry" @click=${retry}>${msg('Try to send now')}</button>
    </p>
  </section>`;
}
