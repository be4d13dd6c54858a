/**
 * Drafts on this device (`draft="local"`), the part that a form without drafts never loads:
 * offering a saved draft on the next visit (it is shown only once the person asks for it, never
 * to whoever opens the page next), saving at every change once they opted in, protecting it with
 * a passphrase, deleting, and the notice about it. Storage and encryption: src/submit/drafts.ts.
 * The draft controller (draft-controller.ts) holds it.
 */
import type { TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import type { FormState } from '../form/form-state.js';
import { errorMessage } from '../i18n/error-messages.js';
import { draftValue } from '../model/draft-value.js';
import {
  deleteDraft,
  draftInfo,
  loadDraft,
  saveDraft,
  unlockDraft,
  type Draft,
  type DraftInfo,
  type DraftPassphraseKey,
} from '../submit/drafts.js';
import { newSalt, passphraseKey, PASSPHRASE_ITERATIONS } from '../submit/sealed.js';
import { renderDraftNotice, restoredMessage } from '../views/draft-notice.js';
import { offerMessage, renderDraftOffer } from '../views/draft-offer.js';

/**
 * How long after a change the draft is saved: short, so that a reload right after typing finds
 * it (and the page saves at once when it is hidden or left, see `saveNow`).
 */
const SAVE_DELAY_MS = 150;

/** The shortest passphrase accepted. */
export const MIN_PASSPHRASE = 4;

/** What keeping drafts needs of the element. */
export interface DraftHost {
  readonly locale: string;
  /** Days a draft is kept. */
  readonly days: number;
  announce(text: string): void;
  /** Renders the element again. */
  update(): void;
}

export class DraftKeeper {
  /**
   * The person chose to keep a draft on this device. Set at once when they tick the box, so that
   * what they type while the first save is under way is saved too (before, such changes were
   * dropped: the draft-across-a-reload test lost its text about one run in four under load).
   */
  #wanted = false;
  /** The draft exists: the notice says it is saved. */
  #saving = false;
  /** When the draft that was restored had been saved. */
  #restoredAt?: number;
  /** A draft from an earlier visit, waiting for the person to continue with it or start anew. */
  #offer?: DraftInfo;
  /** The passphrase did not open the offered draft. */
  #wrongPassphrase = false;
  /** Why the passphrase last offered was refused (too short). */
  #tooShort?: string;
  /** The key of a passphrase-protected draft, in memory only. */
  #passphrase?: DraftPassphraseKey;
  #timer?: ReturnType<typeof setTimeout>;
  /** A save under way: deleting waits for it, or the save would bring the draft back. */
  #pending?: Promise<boolean>;

  constructor(
    private readonly state: FormState,
    private readonly host: DraftHost,
  ) {}

  /**
   * Looks for a saved draft and, if there is one, offers it: nothing of it is shown until the
   * person chooses "Continue" (with their passphrase, where it has one).
   */
  async restore(): Promise<void> {
    const definition = this.state.definition;
    if (!definition) return;
    const info = await draftInfo(definition.id).catch(() => undefined);
    if (!info) return;
    this.#offer = info;
    this.host.announce(offerMessage(info.savedAt, this.host.locale));
    this.host.update();
  }

  /** "Continue where I left off": opens the draft and puts what still fits in the form. */
  async #continue(passphrase: string): Promise<void> {
    const definition = this.state.definition;
    const offer = this.#offer;
    if (!definition || !offer) return;
    let draft: Draft | undefined;
    if (offer.locked) {
      const opened = await unlockDraft(definition.id, passphrase).catch(() => undefined);
      if (!opened) {
        this.#wrongPassphrase = true;
        this.host.announce(msg('This passphrase does not open the saved answers.'));
        this.host.update();
        return;
      }
      draft = opened.draft;
      this.#passphrase = opened.key;
    } else draft = await loadDraft(definition.id).catch(() => undefined);
    this.#offer = undefined;
    this.#wrongPassphrase = false;
    if (!draft) {
      this.host.update();
      return;
    }
    // Only values whose pointers still exist in this version of the form, and that still
    // validate there, come back; never files or `ui:sensitive` answers.
    this.state.restore(draft.data, draft.version === definition.version, draftValue);
    this.#wanted = this.#saving = true;
    this.#restoredAt = draft.savedAt;
    this.host.announce(restoredMessage(draft.savedAt, this.host.locale));
    this.host.update();
  }

  /** "Start new": the saved draft is deleted unopened. */
  async #startNew(): Promise<void> {
    this.#offer = undefined;
    this.#wrongPassphrase = false;
    await this.discard();
    this.host.announce(msg('The answers saved on this device have been deleted.'));
    this.host.update();
  }

  /** Saves the draft shortly after a change (when the person chose to keep one). */
  scheduleSave(): void {
    if (!this.#wanted) return;
    this.stop();
    this.#timer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Saves a scheduled draft at once (the page is being hidden or left). */
  saveNow(): Promise<boolean> {
    this.stop();
    if (!this.#wanted) return Promise.resolve(false);
    // One save after another: a later save must not be overtaken by an earlier, slower one.
    const previous = this.#pending ?? Promise.resolve(true);
    this.#pending = previous.then(() => this.#save());
    return this.#pending;
  }

  /** Whether a save is scheduled (and not yet started). */
  get scheduled(): boolean {
    return this.#timer !== undefined;
  }

  /** Stops a save that is scheduled. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Deletes the draft (after sending, on reset); the person opts in again for a new one. */
  async discard(): Promise<void> {
    this.stop();
    this.#wanted = this.#saving = false;
    this.#restoredAt = undefined;
    this.#passphrase = undefined;
    await this.#pending;
    const definition = this.state.definition;
    if (definition) await deleteDraft(definition.id).catch(() => undefined);
  }

  async #save(): Promise<boolean> {
    const definition = this.state.definition;
    const tree = this.state.tree();
    if (!definition || !tree || !this.#wanted) return false;
    const data = draftValue(tree, this.state.data) ?? {};
    return saveDraft(
      definition.id,
      definition.version,
      data,
      this.host.days,
      this.#passphrase,
    ).then(
      () => true,
      () => false,
    );
  }

  /** Starts or stops keeping the draft; `false` when it could not be saved. */
  async #setSaving(on: boolean): Promise<boolean> {
    if (on) {
      this.#wanted = true;
      // Said to be saved only once it is: no notice before the draft exists.
      if (!(await this.saveNow())) {
        this.#wanted = false;
        return false;
      }
      this.#saving = true;
      this.host.announce(msg('Your answers are now saved on this device.'));
    } else {
      await this.discard();
      this.host.announce(msg('The answers saved on this device have been deleted.'));
    }
    this.host.update();
    return true;
  }

  /** Protects the draft with a passphrase from now on (a fresh salt; the passphrase is not kept). */
  async #protect(passphrase: string): Promise<boolean> {
    // Worded as a text field's minimum length is (one message, one translation).
    this.#tooShort =
      [...passphrase].length < MIN_PASSPHRASE
        ? errorMessage(
            { pointer: '', keyword: 'minLength', params: { limit: MIN_PASSPHRASE } },
            undefined,
            this.host.locale,
          )
        : undefined;
    if (this.#tooShort) {
      this.host.announce(this.#tooShort);
      this.host.update();
      return false;
    }
    const salt = newSalt();
    const key = await passphraseKey(passphrase, salt, PASSPHRASE_ITERATIONS);
    this.#passphrase = { key, salt, iterations: PASSPHRASE_ITERATIONS };
    const saved = await this.saveNow();
    if (saved) this.host.announce(msg('Your saved answers are now protected by your passphrase.'));
    this.host.update();
    return saved;
  }

  /** The offer of an earlier draft, or the notice: the opt-in, or what is saved. */
  render(): TemplateResult {
    if (this.#offer)
      return renderDraftOffer({
        savedAt: this.#offer.savedAt,
        locked: this.#offer.locked,
        wrongPassphrase: this.#wrongPassphrase,
        locale: this.host.locale,
        proceed: (passphrase) => this.#continue(passphrase),
        startNew: () => void this.#startNew(),
      });
    return renderDraftNotice({
      saving: this.#saving,
      protected: Boolean(this.#passphrase),
      restoredAt: this.#restoredAt,
      locale: this.host.locale,
      days: this.host.days,
      minPassphrase: MIN_PASSPHRASE,
      tooShort: this.#tooShort,
      optIn: () => this.#setSaving(true),
      remove: () => void this.#setSaving(false),
      protect: (passphrase) => this.#protect(passphrase),
    });
  }
}
