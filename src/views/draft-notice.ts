/**
 * The notice about drafts on this device (`draft="local"`): the opt-in checkbox, or what is
 * saved with the button that deletes it and the choice of a passphrase. It says plainly what the
 * encryption does not do (docs/security.md). Part of the drafts chunk (src/internal/chunks/drafts.ts).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';

/** What the notice shows and does. */
export interface DraftNoticeView {
  /** The person chose to keep a draft on this device. */
  saving: boolean;
  /** The draft is protected by a passphrase. */
  protected: boolean;
  /** When the draft that was restored had been saved. */
  restoredAt?: number;
  locale: string;
  /** Days a draft is kept. */
  days: number;
  /** The shortest passphrase accepted. */
  minPassphrase: number;
  /** Why the passphrase last offered was refused (too short), if it was. */
  tooShort?: string;
  /** The person ticked the box: resolves `false` when nothing could be stored. */
  optIn(): Promise<boolean>;
  /** "Delete the answers saved on this device". */
  remove(): void;
  /** "Protect with this passphrase": resolves `false` when it could not be done. */
  protect(passphrase: string): Promise<boolean>;
}

/** "We have restored the answers you saved on this device on …". */
export function restoredMessage(restoredAt: number | undefined, locale: string): string {
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(restoredAt);
  return msg(str`We have restored the answers you saved on this device on ${when}.`);
}

/** The passphrase field and its button, for a draft that is saved but not yet protected. */
function renderProtect(view: DraftNoticeView): TemplateResult {
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLElement)
      .closest('.draft')
      ?.querySelector<HTMLInputElement>('#draft-passphrase');
    if (input && (await view.protect(input.value))) input.value = '';
  };
  return html`<div class="draft-passphrase">
    <label part="label" for="draft-passphrase"
      >${msg('Passphrase for this device (optional, for shared or family devices)')}</label
    >
    <p class="hint" id="draft-passphrase-hint">
      ${msg(str`At least ${view.minPassphrase} characters. It is not saved anywhere: without it, nobody can open the saved answers, not even you.`)}
    </p>
    <input
      id="draft-passphrase"
      class="control"
      part="control"
      type="password"
      autocomplete="new-password"
      minlength=${view.minPassphrase}
      aria-invalid=${view.tooShort ? 'true' : 'false'}
      aria-describedby=${view.tooShort ? 'draft-passphrase-hint draft-passphrase-error' : 'draft-passphrase-hint'}
      @keydown=${(e: KeyboardEvent) => {
        // Enter here protects the draft; it must not send the form.
        if (e.key === 'Enter') void submit(e);
      }}
    />
    ${
      view.tooShort
        ? html`<p class="error" id="draft-passphrase-error">${view.tooShort}</p>`
        : nothing
    }
    <p class="confirmation-actions">
      <button type="button" part="button protect-draft" @click=${submit}>
        ${msg('Protect with this passphrase')}
      </button>
    </p>
  </div>`;
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
        ${msg(str`Kept in this browser only, until ${until} at the latest, and deleted when the form is sent. Files and confidential answers are not saved.`)}
        ${msg('The answers are encrypted, but someone who can use this device or read its files could still open them. On a shared device, choose a passphrase after ticking the box.')}
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
      ${view.protected ? msg('They are protected by your passphrase.') : nothing}
    </p>
    ${view.protected ? nothing : renderProtect(view)}
    <button type="button" part="button delete-draft" @click=${view.remove}>
      ${msg('Delete the answers saved on this device')}
    </button>
  </div>`;
}
