/**
 * The notice about drafts on this device (`draft="local"`): the opt-in checkbox, or what is
 * saved with the button that deletes it. Part of the drafts chunk (src/internal/chunks/drafts.ts).
 */
import { html, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';

/** What the notice shows and does. */
export interface DraftNoticeView {
  /** The person chose to keep a draft on this device. */
  saving: boolean;
  /** When the draft that was restored had been saved. */
  restoredAt?: number;
  locale: string;
  /** Days a draft is kept. */
  days: number;
  /** The person ticked the box: resolves `false` when nothing could be stored. */
  optIn(): Promise<boolean>;
  /** "Delete the answers saved on this device". */
  remove(): void;
}

/** "We have restored the answers you saved on this device on …". */
export function restoredMessage(restoredAt: number | undefined, locale: string): string {
  const savedAt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(restoredAt);
  return msg(str`We have restored the answers you saved on this device on ${savedAt}.`);
}

/** The notice: the opt-in checkbox, or what is saved with the button that deletes it. */
export function renderDraftNotice(view: DraftNoticeView): TemplateResult {
  if (!view.saving) {
    const until = new Intl.DateTimeFormat(view.locale, { dateStyle: 'medium' }).format(
      Date.now() + view.days * 86_400_000,
    );
    return html`<div class="notice draft" part="draft">
      <div class="choice">
        <input
          type="checkbox"
          part="control"
          id="draft-opt-in"
          @change=${async (e: Event) => {
            const box = e.target as HTMLInputElement;
            // Where nothing can be stored (no IndexedDB), the box does not stay ticked.
            if (box.checked && !(await view.optIn())) box.checked = false;
          }}
        />
        <label part="choice-label" for="draft-opt-in"
          >${msg('Save my answers on this device, so that I can continue later')}</label
        >
      </div>
      <p class="hint">
        ${msg(str`Saved encrypted in this browser only, until ${until} at the latest, and deleted when the form is sent. Files and confidential answers are not saved.`)}
      </p>
    </div>`;
  }
  return html`<div class="notice draft" part="draft">
    <p>
      ${
        view.restoredAt
          ? restoredMessage(view.restoredAt, view.locale)
          : msg('Your answers are saved on this device.')
      }
    </p>
    <button type="button" part="button delete-draft" @click=${view.remove}>
      ${msg('Delete the answers saved on this device')}
    </button>
  </div>`;
}
