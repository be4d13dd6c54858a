/**
 * What the person sees when an encrypted submission could not be delivered for a reason of
 * encryption (a key the office refused, a key the browser cannot use): what happened, that the
 * answers are still here, and, when the ciphertext exists, a download of the encrypted copy that
 * only the office can open (to send by other means).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** The notice's content (SubmitController.notice). */
export interface EncryptionNotice {
  message: string;
  /** The encrypted submission as JSON, offered for download. */
  copy?: { text: string; name: string };
}

const urls = new WeakMap<object, string>();

/** Renders the notice; nothing without one. */
export function renderEncryptionNotice(
  notice: EncryptionNotice | undefined,
): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  let url: string | undefined;
  if (notice.copy) {
    url = urls.get(notice.copy);
    if (!url) {
      url = URL.createObjectURL(new Blob([notice.copy.text], { type: 'application/json' }));
      urls.set(notice.copy, url);
    }
  }
  return html`<div class="error-summary encryption-notice" part="encryption-notice" role="alert">
    <p class="encryption-notice-text" tabindex="-1">${notice.message}</p>
    <p>${msg('Your answers are still in this form: you can try again.')}</p>
    ${
      url && notice.copy
        ? html`<p>
            <a href=${url} download=${notice.copy.name}
              >${msg('Download an encrypted copy (only the office can open it)')}</a
            >
          </p>`
        : nothing
    }
  </div>`;
}
