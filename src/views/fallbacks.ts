/**
 * The essentials of two panels whose full version is a lazy part (confirmation.ts,
 * definition-error.ts), for when that part cannot be loaded (the connection dropped): the person
 * still learns what happened.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';

/** "This form cannot be shown", without the reason's details. */
export function definitionErrorFallback(): TemplateResult {
  return html`<div class="definition-error" part="definition-error" role="alert">
    <h2>${msg('This form cannot be shown')}</h2>
    <p>${msg('The form could not be loaded. Please check your connection.')}</p>
  </div>`;
}

/** "Your request has been sent", with the reference number. */
export function confirmationFallback(reference: string | undefined): TemplateResult {
  return html`<section class="confirmation" part="confirmation">
    <h2 class="confirmation-title" tabindex="-1">${msg('Your request has been sent')}</h2>
    ${
      reference
        ? html`<p>${msg('Your reference number')}</p>
            <p class="reference" part="reference"><strong>${reference}</strong></p>`
        : nothing
    }
  </section>`;
}
