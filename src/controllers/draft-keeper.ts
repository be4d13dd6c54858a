/**
 * Drafts on this device (`draft="local"`), the part that a form without drafts never loads:
 * restoring on the next visit, saving shortly after the person stops typing once they opted in,
 * deleting, and the notice about it. Storage and encryption: src/submit/drafts.ts. The draft
 * controller (draft-controller.ts) holds it.
 */
import type { TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import type { FormState } from '../form/form-state.js';
import { draftValue } from '../model/draft-value.js';
import { deleteDraft, loadDraft, saveDraft } from '../submit/drafts.js';
import { renderDraftNotice, restoredMessage } from '../views/draft-notice.js';

/** How long after the last change the draft is saved. */
const SAVE_DELAY_MS = 400;

/** What keeping drafts needs of the element. */
export interface DraftHost {
  readonly locale: string;
  /** Days a draft is kept. */
  readonly days: number;
  announce(text: string): void;
}

export class DraftKeeper {
  /** The person chose to keep a draft on this device. */
  #saving = false;
  /** When the draft that was restored had been saved. */
  #restoredAt?: number;
  #timer?: ReturnType<typeof setTimeout>;
  /** A save under way: deleting waits for it, or the save would bring the draft back. */
  #pending?: Promise<boolean>;

  constructor(
    private readonly state: FormState,
    private readonly host: DraftHost,
  ) {}

  /**
   * Restores a saved draft. Only values whose pointers still exist in this version of the form,
   * and that still validate there, come back; never files or `ui:sensitive` answers.
   */
  async restore(): Promise<void> {
    const definition = this.state.definition;
    if (!definition) return;
    const draft = await loadDraft(definition.id).catch(() => undefined);
    if (!draft) return;
    this.state.restore(draft.data, draft.version === definition.version, draftValue);
    this.#saving = true;
    this.#restoredAt = draft.savedAt;
    this.host.announce(restoredMessage(draft.savedAt, this.host.locale));
  }

  /** Saves the draft shortly after the person stops typing (when they chose to keep one). */
  scheduleSave(): void {
    if (!this.#saving) return;
    this.stop();
    this.#timer = setTimeout(() => {
      if (this.#saving) void this.#saveNow();
    }, SAVE_DELAY_MS);
  }

  /** Stops a save that is scheduled. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Deletes the draft (after sending, on reset); the person opts in again for a new one. */
  async discard(): Promise<void> {
    this.stop();
    this.#saving = false;
    this.#restoredAt = undefined;
    await this.#pending;
    const definition = this.state.definition;
    if (definition) await deleteDraft(definition.id).catch(() => undefined);
  }

  #saveNow(): Promise<boolean> {
    this.#pending = this.#save();
    return this.#pending;
  }

  async #save(): Promise<boolean> {
    const definition = this.state.definition;
    const tree = this.state.tree();
    if (!definition || !tree) return false;
    const data = draftValue(tree, this.state.data) ?? {};
    return saveDraft(definition.id, definition.version, data, this.host.days).then(
      () => true,
      () => false,
    );
  }

  /** Starts or stops keeping the draft; `false` when it could not be saved. */
  async #setSaving(on: boolean): Promise<boolean> {
    if (on) {
      // Said to be saved only once it is: no notice before the draft exists.
      if (!(await this.#saveNow())) return false;
      this.#saving = true;
      this.host.announce(msg('Your answers are now saved on this device.'));
    } else {
      await this.discard();
      this.host.announce(msg('The answers saved on this device have been deleted.'));
    }
    return true;
  }

  /** The notice: the opt-in checkbox, or what is saved with the button that deletes it. */
  render(): TemplateResult {
    return renderDraftNotice({
      saving: this.#saving,
      restoredAt: this.#restoredAt,
      locale: this.host.locale,
      days: this.host.days,
      optIn: () => this.#setSaving(true),
      remove: () => void this.#setSaving(false),
    });
  }
}
