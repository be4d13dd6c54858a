/**
 * The form's chrome around its questions: title and introduction, "Step 2 of 5", the step's
 * heading, upload progress, the status while sending, the row of buttons and the live region;
 * and what stands in the form's place while it loads.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import { directionOf } from '../i18n/direction.js';
import type { ShownText } from '../i18n/form-text.js';
import { renderText } from '../widgets/render-text.js';

/** The form's title (and, on its first step, its introduction). */
export function renderHeader(
  title: ShownText | undefined,
  description: ShownText | undefined,
): TemplateResult {
  return html`${title ? html`<h2 class="form-title" part="title" lang=${title.lang}>${title.text}</h2>` : nothing}
  ${
    description
      ? html`<div class="form-description" part="description" lang=${description.lang}>
          ${renderText(description.text)}
        </div>`
      : nothing
  }`;
}

/** "Step 2 of 5: Contact". */
export function renderProgress(text: string | undefined): TemplateResult | typeof nothing {
  return text === undefined ? nothing : html`<p class="progress" part="progress">${text}</p>`;
}

/** The heading and introduction of the visible step (focused when the step changes). */
export function renderStepHeading(
  title: ShownText | undefined,
  description: ShownText | undefined,
): TemplateResult {
  return html`${
    title
      ? html`<h3 class="step-title" part="step-title" tabindex="-1" lang=${title.lang}>
          ${title.text}
        </h3>`
      : nothing
  }
  ${description ? html`<div class="hint" part="step-description" lang=${description.lang}>${renderText(description.text)}</div>` : nothing}`;
}

/** Upload progress of a large submission. */
export function renderUpload(
  upload: { loaded: number; total: number } | undefined,
): TemplateResult | typeof nothing {
  if (!upload) return nothing;
  return html`<p class="upload" part="upload">
    <label for="upload-progress">${msg('Sending your files…')}</label>
    <progress id="upload-progress" max=${upload.total} value=${upload.loaded}></progress>
  </p>`;
}

/**
 * "Sending…" while a submission is under way. The "Send" button is disabled meanwhile, which
 * would drop focus to the page's body: focus waits here instead (tabindex -1), where a screen
 * reader also hears it (a status).
 */
export function renderSending(sending: boolean): TemplateResult | typeof nothing {
  if (!sending) return nothing;
  return html`<p class="sending" part="status" role="status" tabindex="-1">${msg('Sending…')}</p>`;
}

/** What the row of buttons shows. */
export interface ActionsView {
  /** Show "Back". */
  back: boolean;
  /** The primary button sends (else it continues). */
  send: boolean;
  /** A submission is under way: "Send" is disabled. */
  sending: boolean;
  onBack(): void;
}

/** "Back" and "Continue" / "Send". */
export function renderActions(view: ActionsView): TemplateResult {
  return html`<div class="actions" part="actions">
    ${
      view.back
        ? html`<button type="button" part="button back" class="back" @click=${view.onBack}>
            ${msg('Back')}
          </button>`
        : nothing
    }
    ${
      view.send
        ? html`<button type="submit" class="primary" part="button submit" ?disabled=${view.sending}>
            ${msg('Send')}
          </button>`
        : html`<button type="submit" class="primary" part="button next">${msg('Continue')}</button>`
    }
  </div>`;
}

/** "Your earlier request has now been sent." */
export function renderOutboxNotice(notice: string | undefined): TemplateResult | typeof nothing {
  return notice ? html`<p class="notice" part="notice">${notice}</p>` : nothing;
}

/** The polite live region that says step changes, edits of lists and the like. */
export function renderLiveRegion(announcement: string): TemplateResult {
  return html`<div class="visually-hidden" role="status" aria-live="polite">${announcement}</div>`;
}

/**
 * What stands in the form's place while its definition loads: it takes the block size the page
 * reserves for the form (`--intake-reserved-block-size`), so that the page below does not jump
 * when the form appears. Styled from the page as `intake-form::part(loading)`.
 */
export function renderLoading(locale: string): TemplateResult {
  return html`<div
    part="loading"
    class="loading"
    role="status"
    aria-busy="true"
    lang=${locale}
    dir=${directionOf(locale)}
  >
    ${msg('Loading form…')}
  </div>`;
}
