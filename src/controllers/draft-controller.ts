/**
 * Drafts on this device (`draft="local"`): a lazy part (draft-keeper.ts) that this controller
 * loads for forms that keep drafts, restores before the form counts as ready, tells of every
 * change, and stops when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nothing, type TemplateResult } from 'lit/html.js';
import type { FormState } from '../form/form-state.js';
import { lazyParts } from '../internal/lazy-parts.js';
import type { DraftKeeper } from './draft-keeper.js';
import type { FocusController } from './focus-controller.js';
import type { LocaleController } from './locale-controller.js';

/** The element the controller serves. */
export type DraftElement = ReactiveControllerHost & {
  readonly draft: string | undefined;
  readonly draftDays: number;
};

export class DraftController implements ReactiveController {
  #keeper?: DraftKeeper;

  constructor(
    private readonly host: DraftElement,
    private readonly state: FormState,
    private readonly locale: LocaleController,
    private readonly focus: FocusController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#saveNow);
    document.addEventListener('visibilitychange', this.#saveNow);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.#saveNow);
    document.removeEventListener('visibilitychange', this.#saveNow);
    this.#keeper?.stop();
  }

  /** The page is hidden or left: a scheduled save happens now, not after the page is gone. */
  readonly #saveNow = () => {
    if (this.#keeper?.scheduled) void this.#keeper.saveNow();
  };

  /** Loads the drafts' code and offers a draft saved on this device (shown once asked for). */
  async restore(): Promise<void> {
    const module = await lazyParts.drafts.load().catch(() => undefined);
    if (!module || !this.state.definition) return;
    await this.#keeperOf(module).restore();
  }

  #keeperOf(module: NonNullable<typeof lazyParts.drafts.module>): DraftKeeper {
    const { host, locale, focus } = this;
    this.#keeper ??= new module.DraftKeeper(this.state, {
      get locale() {
        return locale.locale;
      },
      get days() {
        return host.draftDays;
      },
      announce: (text) => focus.announce(text),
      update: () => host.requestUpdate(),
    });
    return this.#keeper;
  }

  /** After a change: the draft is saved at once after it (when the person chose to keep one). */
  scheduleSave(): void {
    this.#keeper?.scheduleSave();
  }

  /** Deletes the draft (after sending, on reset). */
  async discard(): Promise<void> {
    await this.#keeper?.discard();
  }

  /** The notice about drafts, where the form keeps them. */
  render(): TemplateResult | typeof nothing {
    if (this.host.draft !== 'local') return nothing;
    // Drawn from the form's first frame (the drafts part loads with the form's other parts), not
    // a moment later once the saved draft was looked for: it would push the questions down.
    const module = lazyParts.drafts.module;
    const keeper = this.#keeper ?? (module && this.state.definition && this.#keeperOf(module));
    return keeper ? keeper.render() : nothing;
  }
}
