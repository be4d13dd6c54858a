/**
 * Drafts on this device (`draft="local"`): the opt-in notice, saving shortly after the person
 * stops typing, restoring on the next visit, deleting. A chunk of its own, loaded only for forms
 * with `draft="local"` (storage and encryption: src/submit/drafts.ts).
 */
import { html, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { deleteDraft, loadDraft, saveDraft } from '../submit/drafts.js';
import { draftValue } from '../model/draft-value.js';
import { setAtPointer } from '../model/json-pointer.js';
import type { FormHost } from './form-host.js';

/** How long after the last change the draft is saved. */
const SAVE_DELAY_MS = 400;

export class DraftKeeper {
  /** The person chose to keep a draft on this device. */
  saving = false;
  /** When the draft that was restored had been saved. */
  restoredAt?: number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: FormHost,
    /** Days a draft is kept (the element's `draft-days`). */
    private readonly days: () => number,
  ) {}

  /**
   * Restores a saved draft. Only values whose pointers still exist in this version of the form,
   * and that still validate there, come back.
   */
  async restore(): Promise<void> {
    const { host } = this;
    const definition = host.definition;
    if (!definition) return;
    const draft = await loadDraft(definition.id).catch(() => undefined);
    if (!draft) return;
    host.data = host.withDefaults(draft.data);
    host.data = draftValue(host.tree()!, host.data) ?? {};
    if (draft.version !== definition.version && host.validator) {
      for (const error of host.validator.validate(host.activeData())) {
        if (error.keyword !== 'required' && error.keyword !== 'dependentRequired') {
          host.data = setAtPointer(host.data, error.pointer, undefined) ?? {};
        }
      }
    }
    host.data = host.withDefaults(host.data ?? {});
    this.saving = true;
    this.restoredAt = draft.savedAt;
    host.announce(
      msg(str`We have restored the answers you saved on this device on ${this.savedAt()}.`),
    );
  }

  /** Saves the draft shortly after the person stops typing (when they chose to keep one). */
  scheduleSave(): void {
    if (!this.saving) return;
    this.stop();
    this.timer = setTimeout(() => {
      if (this.saving) void this.saveNow();
    }, SAVE_DELAY_MS);
  }

  /** Stops a save that is scheduled. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Deletes the draft (after sending, on reset); the person opts in again for a new one. */
  async discard(): Promise<void> {
    this.stop();
    this.saving = false;
    this.restoredAt = undefined;
    const definition = this.host.definition;
    if (definition) await deleteDraft(definition.id).catch(() => undefined);
  }

  private async saveNow(): Promise<boolean> {
    const { definition } = this.host;
    const tree = this.host.tree();
    if (!definition || !tree) return false;
    const data = draftValue(tree, this.host.data) ?? {};
    return saveDraft(definition.id, definition.version, data, this.days()).then(
      () => true,
      () => false,
    );
  }

  /** Starts or stops keeping the draft; `false` when it could not be saved. */
  private async setSaving(on: boolean): Promise<boolean> {
    if (on) {
      // Said to be saved only once it is: no notice before the draft exists.
      if (!(await this.saveNow())) return false;
      this.saving = true;
      this.host.announce(msg('Your answers are now saved on this device.'));
    } else {
      await this.discard();
      this.host.announce(msg('The answers saved on this device have been deleted.'));
    }
    return true;
  }

  private savedAt(): string {
    return new Intl.DateTimeFormat(this.host.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(this.restoredAt);
  }

  /** The notice: the opt-in checkbox, or what is saved with the button that deletes it. */
  render(): TemplateResult {
    if (!this.saving) {
      const until = new Intl.DateTimeFormat(this.host.locale, { dateStyle: 'medium' }).format(
        Date.now() + this.days() * 86_400_000,
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
              if (box.checked && !(await this.setSaving(true))) box.checked = false;
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
          this.restoredAt
            ? msg(str`We have restored the answers you saved on this device on ${this.savedAt()}.`)
            : msg('Your answers are saved on this device.')
        }
      </p>
      <button type="button" part="button delete-draft" @click=${() => void this.setSaving(false)}>
        ${msg('Delete the answers saved on this device')}
      </button>
    </div>`;
  }
}
