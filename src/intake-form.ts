import { html, type TemplateResult } from 'lit/html.js';
import { BaseElement } from './internal/base-element.js';
import type { ChangedProperties, PropertyOptions } from './internal/base-element.js';
import { adoptStyles } from './internal/adopt-styles.js';
import { emit } from './internal/emit.js';
import { lazyParts } from './internal/lazy-parts.js';
import { onModuleArrival } from './internal/lazy-module.js';
import { whenIdle } from './internal/when-idle.js';
import { DefinitionController } from './controllers/definition-controller.js';
import { DraftController } from './controllers/draft-controller.js';
import { FocusController, summaryTarget } from './controllers/focus-controller.js';
import { LocaleController } from './controllers/locale-controller.js';
import { OutboxController } from './controllers/outbox-controller.js';
import { SubmitController, type SubmitResult } from './controllers/submit-controller.js';
import { FormState, type ValidationResult } from './form/form-state.js';
import { ProgressiveFields } from './form/progressive.js';
import { directionOf } from './i18n/direction.js';
import type { Field, ObjectField } from './model/field.js';
import { cloneJson } from './model/own.js';
import { topLevelName } from './model/json-pointer.js';
import type { FormDefinition, JsonValue, SchemaObject, UiSchema } from './model/types.js';
import { intakeFormStyles } from './intake-form.styles.js';
import {
  DEFAULT_DRAFT_DAYS,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  type RetryPolicy,
} from './submit/defaults.js';
import type { Transport } from './submit/transport.js';
import {
  renderActions,
  renderHeader,
  renderLiveRegion,
  renderLoading,
  renderOutboxNotice,
  renderProgress,
  renderSending,
  renderStepHeading,
  renderUpload,
} from './views/chrome.js';
import { renderErrorSummary } from './views/error-summary.js';
import { confirmationFallback, definitionErrorFallback } from './views/fallbacks.js';
import { hasWidget, widgetsVersion } from './widgets/registry.js';
import { renderContext } from './widgets/render-context.js';
import { renderField, type RenderContext } from './widgets/render-field.js';
import './widgets/input-widgets.js';
import './widgets/choice-widgets.js';
import './widgets/lazy-widgets.js';

export type { ValidationError, ValidationResult } from './form/form-state.js';
export type { SubmitResult } from './controllers/submit-controller.js';

/**
 * One intake form, rendered from a JSON Schema form definition.
 *
 * @summary A multilingual, accessible form driven by JSON Schema that posts validated data.
 *
 * @fires intake-ready - `{ id, version, validator }` after the definition is loaded and its first
 *   screen rendered (a long step draws the rest in later tasks; a raw schema is compiled, and the
 *   event fired, once the step is drawn whole); `validator` is `'precompiled'` (a compiled
 *   module), `'compiled'` (a raw schema compiled by ajv now) or `'cached'` (its code kept from an
 *   earlier visit).
 * @fires intake-change - `{ value, pointer }` after the person changes a value.
 * @fires intake-step - `{ index, count }` after the visible step changed (`index` is `-1` on the review).
 * @fires intake-submit - `{ value, envelope }`, cancelable: `preventDefault()` means the host sends the data.
 * @fires intake-submitted - `{ status, reference?, response }` after the backend accepted the submission.
 * @fires intake-error - `{ type, message, errors? }` for definition, validation, network and server problems.
 *
 * @csspart loading - The status shown while the definition loads; it keeps `--intake-reserved-block-size`.
 * @csspart form - The native form element.
 * @csspart title - The form's heading.
 * @csspart description - The form's introduction.
 * @csspart progress - "Step 2 of 5: …" on multi-step forms.
 * @csspart step-title - The heading of the current step.
 * @csspart step-description - The introduction of the current step.
 * @csspart summary - The error summary, with links to the fields.
 * @csspart summary-title - The error summary's heading ("There is a problem").
 * @csspart summary-link - One link of the error summary to a field.
 * @csspart field - One question (label, hint, error and control).
 * @csspart label - A question's label (or the legend of a group of options).
 * @csspart legend - The legend of a group of questions or options.
 * @csspart optional - The "(optional)" marker in a label.
 * @csspart hint - A question's description and help text.
 * @csspart error - A question's error message.
 * @csspart control - A native input, select or textarea (each radio button and checkbox too).
 * @csspart choice-label - The label of one radio button or checkbox.
 * @csspart fieldset - A group of questions (object); also `array` for lists.
 * @csspart array-item - One entry of a list.
 * @csspart array-item-title - The title of a list entry.
 * @csspart array-actions - The "Move up", "Move down" and "Remove" buttons of an entry.
 * @csspart file-list - The files chosen in a file field.
 * @csspart actions - The row of "Back" and "Continue" / "Send".
 * @csspart button - Every button; also `next`, `back`, `submit`, `add`, `remove`, `move-up`, `move-down`, `remove-file`, `change`, `copy`, `print`, `restart`, `retry`, `delete-draft`, `continue-draft`, `discard-draft`, `protect-draft`, `fix`, `download`, `delete`.
 * @csspart review - The "Check your answers" section.
 * @csspart review-title - The review's heading.
 * @csspart review-heading - The heading of one step in the review.
 * @csspart review-list - The list of one step's answers.
 * @csspart review-row - One answer in the review.
 * @csspart review-label - The question in a review row.
 * @csspart review-answer - The answer in a review row.
 * @csspart confirmation - The box shown after the backend accepted the submission.
 * @csspart reference - The reference number on the confirmation.
 * @csspart queued - The box shown when the submission waits on this device.
 * @csspart draft - The notice about answers kept on this device, and the offer of a saved draft.
 * @csspart outbox-problem - A waiting submission the office refused or that waited too long.
 * @csspart notice - Other notices (a queued submission that went out later).
 * @csspart upload - The upload progress of a large submission.
 * @csspart definition-error - The panel shown when the definition cannot be loaded.
 *
 * @cssproperty --intake-color-text - Text. Default `#1b1b1b`; needs 4.5:1.
 * @cssproperty --intake-color-muted - Hints, help, progress, placeholders. Default `#4a4a4a`; needs 4.5:1.
 * @cssproperty --intake-color-background - Inside of controls and secondary buttons. Default `#ffffff`.
 * @cssproperty --intake-color-border - Borders of controls. Default `#5c5c5c`; needs 3:1.
 * @cssproperty --intake-color-border-subtle - Decorative lines (groups, list entries, review rows). Default `#b1b4b6`.
 * @cssproperty --intake-color-accent - Buttons, checkboxes, radio buttons, notices. Default `#0b5fa5`; needs 4.5:1.
 * @cssproperty --intake-color-accent-text - Text on the primary button. Default `#ffffff`.
 * @cssproperty --intake-color-error - Error messages, error bar and summary. Default `#b3261e`; needs 4.5:1.
 * @cssproperty --intake-color-focus - The focus outline. Default `#0b0c0c`; needs 3:1 against the page.
 * @cssproperty --intake-color-focus-halo - Between a focused control and its outline. Default `#ffdd00`.
 * @cssproperty --intake-focus-width - Width of the focus outline (at least 2px). Default `3px`.
 * @cssproperty --intake-focus-offset - Gap between control and focus outline. Default `2px`.
 * @cssproperty --intake-focus-ring - The whole focus `outline` shorthand.
 * @cssproperty --intake-border-width - Borders of controls and buttons. Default `2px`.
 * @cssproperty --intake-error-border-width - Error bar, summary and confirmation borders. Default `4px`.
 * @cssproperty --intake-radius - Corner radius of controls, buttons and list entries. Default `4px`.
 * @cssproperty --intake-space - Base spacing, between questions. Default `1rem`.
 * @cssproperty --intake-space-s - Small spacing, between options and buttons. Default `0.5rem`.
 * @cssproperty --intake-space-xs - Smallest spacing, below labels and hints. Default `0.25rem`.
 * @cssproperty --intake-font-family - Font. Default `inherit`.
 * @cssproperty --intake-font-size - Base text size. Default `1rem`.
 * @cssproperty --intake-font-size-title - The form's title. Default `1.5em`.
 * @cssproperty --intake-font-size-heading - Step, review and summary headings. Default `1.25em`.
 * @cssproperty --intake-font-size-reference - The reference number. Default `2em`.
 * @cssproperty --intake-font-weight-bold - Labels, legends, errors. Default `700`.
 * @cssproperty --intake-line-height - Line height. Default `1.5`.
 * @cssproperty --intake-control-min-height - Smallest height of inputs and buttons. Default `2.75rem`.
 * @cssproperty --intake-choice-size - Checkboxes and radio buttons (never below 24px). Default `1.5rem`.
 * @cssproperty --intake-reserved-block-size - The height the form keeps while its definition loads, so the page below does not jump. Default `100vh`.
 */
export class IntakeForm extends BaseElement {
  static override styles = intakeFormStyles;

  static override properties: Record<string, PropertyOptions> = {
    src: { type: String, reflect: true },
    locale: { type: String, reflect: true },
    action: { type: String, reflect: true },
    draft: { type: String, reflect: true },
    definition: { attribute: false },
    schema: { attribute: false },
    ui: { attribute: false },
    translations: { attribute: false },
    headers: { attribute: false },
    transport: { attribute: false },
    timeout: { type: Number },
    draftDays: { type: Number, attribute: 'draft-days' },
  };

  /** URL of a form definition (JSON or compiled ES module). */
  declare src: string | undefined;
  /** BCP 47 tag of the language to show; defaults to the definition's `lang`. */
  declare locale: string | undefined;
  /** URL the submission is POSTed to. */
  declare action: string | undefined;
  /** `local` turns on autosave of unfinished input in this browser. */
  declare draft: string | undefined;
  /** The form definition as an object (instead of `src`). */
  declare definition: FormDefinition | undefined;
  /** The definition's JSON Schema, set separately. */
  declare schema: SchemaObject | undefined;
  /** The definition's uiSchema, set separately. */
  declare ui: UiSchema | undefined;
  /** The definition's translations, set separately. */
  declare translations: FormDefinition['translations'] | undefined;
  /** Extra request headers sent with the submission (e.g. a CSRF token). */
  declare headers: Record<string, string> | undefined;
  /**
   * Replaces the built-in HTTP transport, for backends with another shape: an async function
   * that gets `{ url, method, headers, body, signal }` and resolves `{ status, headers?, body? }`
   * (rejecting when no answer came). Retries, the outbox and the answer handling stay the same.
   */
  declare transport: Transport | undefined;
  /** Milliseconds before one attempt to send is given up (default 30 000). */
  declare timeout: number;
  /** Days a local draft is kept (default 7). */
  declare draftDays: number;
  /** How often and how patiently sending is retried before the outbox takes over. */
  retryPolicy: RetryPolicy = DEFAULT_RETRY;

  readonly #state: FormState = new FormState({
    message: (error, field) => this.#locale.errorMessage(error, field),
    label: (field) => this.#locale.text.get(field.label).text,
    labelLang: (field) => {
      const { lang } = this.#locale.text.get(field.label);
      return lang === this.#locale.locale ? undefined : lang;
    },
    hasWidget,
    widgetsVersion,
    onChange: (pointer) => this.#changed(pointer),
  });
  readonly #focus = new FocusController(this);
  // A long step is drawn a part at a time, so that loading it is no long task (issue 19).
  readonly #progressive = new ProgressiveFields(() => {
    this.requestUpdate();
    return this.updateComplete;
  });
  readonly #locale: LocaleController = new LocaleController(
    this,
    this.#state,
    () => this.#loader.sourceUrl || document.baseURI,
  );
  readonly #drafts = new DraftController(this, this.#state, this.#locale, this.#focus);
  readonly #submitter: SubmitController = new SubmitController(this, this.#state, {
    locale: this.#locale,
    focus: this.#focus,
    drafts: this.#drafts,
    outbox: () => this.#outbox,
    ready: () => this.#loader.status === 'ready',
    stepShown: () => this.#emitStep(),
  });
  readonly #outbox: OutboxController = new OutboxController(this, this.#state, {
    accepted: (outcome) => this.#submitter.accepted(outcome),
    rejected: (outcome) => this.#submitter.rejected(outcome),
    announce: (text) => this.#focus.announce(text),
  });
  readonly #loader: DefinitionController = new DefinitionController(
    this,
    this.#state,
    this.#locale,
    {
      beforeFirstReady: () => this.#drafts.restore(),
      drawn: () => this.#progressive.drawn(),
      shown: (first) => {
        if (first) this.#focus.focusAutofocusField(this.#state.fields.values());
        if (this.#state.hasReview) lazyParts.review.load().catch(() => undefined);
        // Sending and the outbox (and what an earlier visit left in it) once the form is usable:
        // the first screen needs neither, and sending asks for both should this be too late.
        whenIdle(() => {
          lazyParts.delivery.load().catch(() => undefined);
          void this.#outbox.start();
        });
        whenIdle(() => this.#loader.contain(() => this.#prepareForChanges()));
      },
    },
  );
  #stopListening?: () => void;

  constructor() {
    super();
    this.timeout = DEFAULT_TIMEOUT_MS;
    this.draftDays = DEFAULT_DRAFT_DAYS;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A part of the library that arrives later (a widget, Markdown) may change what is drawn.
    this.#stopListening = onModuleArrival(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
  }

  // ---- public API -------------------------------------------------------------------------

  /** The current data as a plain JSON copy. Setting it prefills the form (defaults fill gaps). */
  get value(): JsonValue | undefined {
    const data = this.#state.activeData() ?? this.#state.emptyValue;
    return data === undefined ? undefined : (cloneJson(data) as JsonValue);
  }

  set value(value: JsonValue | undefined) {
    this.#loader.contain(() => this.#state.replace(value));
  }

  /** The languages this form can be shown in: its source language, then its translations. */
  get availableLocales(): string[] {
    return this.#locale.available;
  }

  /** The language the form is shown in now. */
  get currentLocale(): string {
    return this.#locale.locale;
  }

  /** Index of the visible step (among the active steps), `-1` on the review. */
  get step(): number {
    return this.#state.step;
  }

  /** Titles of the active steps, in the current locale. */
  get steps(): string[] {
    if (!this.#state.hasStepList) return [];
    const text = this.#locale.text;
    return this.#state.steps().map((step) => text.get(step.title).text);
  }

  /**
   * Validates the current step and moves to the next active step (or to the review after the
   * last, or back to the review after a change from it). Resolves `false` when it showed errors.
   */
  async next(): Promise<boolean> {
    if (this.#loader.status !== 'ready' || this.#submitter.confirmation) return false;
    const errors = this.#state.checkStep();
    if (errors === undefined) return false;
    if (errors.length > 0) {
      this.requestUpdate();
      await this.updateComplete;
      this.#focus.focus('.error-summary');
      return false;
    }
    const target = this.#state.following();
    if (!target) return false;
    // Loaded after the form was ready; should that have failed, once more now.
    if (target.reviewing) await lazyParts.review.load().catch(() => undefined);
    this.#state.goTo(target);
    await this.#stepChanged();
    return true;
  }

  /** Goes to the previous active step (from the review: to the last step). Never validates. */
  async back(): Promise<boolean> {
    if (this.#loader.status !== 'ready' || this.#submitter.confirmation) return false;
    if (!this.#state.back()) return false;
    await this.#stepChanged();
    return true;
  }

  /** Shows active step `index` without validating (a builder's preview). `false` if there is none. */
  async showStep(index: number): Promise<boolean> {
    if (this.#loader.status !== 'ready' || this.#submitter.confirmation) return false;
    if (!this.#state.showStep(index)) return false;
    await this.#stepChanged();
    return true;
  }

  /** Validates the whole form and shows every error. */
  validate(): ValidationResult {
    return this.#loader.contain(() => this.#state.validateAll()) ?? { valid: false, errors: [] };
  }

  /** Validates, then sends the submission. A second call while one is under way returns the same promise. */
  submit(): Promise<SubmitResult> {
    return this.#submitter.submit();
  }

  /** Clears data (back to the defaults), errors and shown messages. */
  reset(): void {
    void this.#drafts.discard();
    // A queued submission stays in the outbox and still goes out; the form starts afresh.
    this.#outbox.reset();
    this.#submitter.reset();
    this.#state.reset();
  }

  // ---- wiring -----------------------------------------------------------------------------

  protected override willUpdate(changed: ChangedProperties): void {
    this.#loader.propertiesChanged(changed);
    if (changed.has('locale')) void this.#locale.apply();
  }

  /** After every change of the form state; `pointer` where the person edited a value. */
  #changed(pointer: string | undefined): void {
    this.requestUpdate();
    if (pointer === undefined) return;
    // The value is copied only when a listener reads it: a form of a thousand fields would
    // otherwise copy all of them on every keystroke.
    const active = this.#state.activeData() ?? this.#state.emptyValue;
    let copy: JsonValue | undefined;
    emit(this, 'intake-change', {
      pointer,
      get value() {
        return (copy ??= cloneJson(active));
      },
    });
    this.#drafts.scheduleSave();
  }

  /**
   * Does, while the person reads the form, the work that would otherwise make their first
   * keystroke slower than the others: the data of the questions that apply, and the validation
   * of the root and of one top-level property (the validator's code is compiled on first use).
   */
  #prepareForChanges(): void {
    if (this.#loader.status !== 'ready') return;
    const name = [...this.#state.fields.keys()].find((pointer) => pointer !== '');
    if (name !== undefined) this.#state.prepare(topLevelName(name));
  }

  #emitStep(): void {
    emit(this, 'intake-step', { index: this.#state.step, count: this.#state.steps().length });
  }

  /** After the visible step changed: focus its heading, announce it, tell the host page. */
  async #stepChanged(): Promise<void> {
    this.requestUpdate();
    if (this.#state.hasStepList || this.#state.position.reviewing)
      this.#focus.announce(this.#locale.progressText());
    await this.updateComplete;
    this.#focus.focus('.step-title');
    this.#emitStep();
  }

  /** Opens the field at `pointer` from the review; "Continue" then returns to the review. */
  #changeFromReview(pointer: string): void {
    this.#state.changeFromReview(pointer);
    this.#progressive.drawAll();
    void this.#stepChanged().then(() => this.#focus.focusPointer(pointer));
  }

  /**
   * When the person enters a control, its top-level property is validated (if it is not
   * already): the work of their first keystroke there, done before they type.
   */
  #handleFocusIn(event: FocusEvent): void {
    const name = (event.target as Element).getAttribute('name');
    if (name !== null && this.#state.fields.has(name))
      this.#loader.contain(() => this.#state.prepare(topLevelName(name)));
  }

  /** A control left is touched: its errors show from now on (widgets may also call `touch()`). */
  #handleFocusOut(event: FocusEvent): void {
    const name = (event.target as Element).getAttribute('name');
    if (name !== null && this.#state.fields.has(name))
      this.#loader.contain(() => this.#state.touch(name));
  }

  #handleSubmit(event: Event): void {
    event.preventDefault();
    // Enter in a field, or the primary button: move on while there is somewhere to go.
    if (this.#state.primaryAction() === 'next') void this.next();
    else void this.submit();
  }

  get #renderContext(): RenderContext {
    return renderContext({
      state: this.#state,
      focus: this.#focus,
      text: this.#locale.text,
      locale: this.#locale.locale,
      root: this.renderRoot,
      contain: (action) => this.#loader.contain(action),
    });
  }

  // ---- rendering --------------------------------------------------------------------------

  /** The panels shown instead of the form: definition error, confirmation, queued. */
  #renderPanel(live: TemplateResult): TemplateResult | undefined {
    const { status, error } = this.#loader;
    if (status === 'error' && error) {
      const panel = lazyParts.definitionError.module;
      return panel ? panel.renderDefinitionError(error) : definitionErrorFallback();
    }
    const confirmation = this.#submitter.confirmation;
    if (status !== 'ready') return undefined;
    if (confirmation) {
      const panel = lazyParts.confirmation.module;
      const next = this.#state.definition?.ui?.['ui:confirmation'];
      return html`${
        panel
          ? panel.renderConfirmation({
              reference: confirmation.reference,
              next:
                typeof next === 'string'
                  ? this.#locale.text.get({ text: next, key: '/ui/ui:confirmation' })
                  : undefined,
              announce: (text) => this.#focus.announce(text),
              restart: () => this.reset(),
            })
          : confirmationFallback(confirmation.reference)
      }${live}`;
    }
    if (this.#outbox.queued) return html`${this.#outbox.renderQueued()}${live}`;
    return undefined;
  }

  /** Whatever a definition or a value makes an update throw becomes the definition error. */
  protected override updateFailed(error: unknown): boolean {
    this.#loader.fail(error);
    return true;
  }

  protected override render(): TemplateResult {
    // Whatever a definition or a value makes the rendering throw becomes the definition error.
    const content = this.#loader.contain(() => this.#renderContent());
    return content ?? renderLoading(this.#locale.locale);
  }

  #renderContent(): TemplateResult {
    // Parts that arrived with their own code bring their own styles.
    for (const part of [lazyParts.lists, lazyParts.review, lazyParts.fileWidget])
      if (part.module) adoptStyles(this.renderRoot, part.module.styles);
    const locale = this.#locale.locale;
    const state = this.#state;
    const live = renderLiveRegion(this.#focus.announcement);
    const panel = this.#renderPanel(live);
    if (panel) return html`<div lang=${locale} dir=${directionOf(locale)}>${panel}</div>`;
    if (this.#loader.status !== 'ready' || !state.tree()) return renderLoading(locale);
    const tree = state.tree()!;
    const context = this.#renderContext;
    const { reviewing } = state.position;
    const steps = state.steps();
    const index = state.step;
    const step = steps[index];
    const multiStep = state.hasStepList;
    const title = tree.label.key !== undefined ? context.text.get(tree.label) : undefined;
    const description =
      tree.description && index === 0 && !reviewing
        ? context.text.get(tree.description)
        : undefined;
    const stepTitle = multiStep && step?.title.text ? context.text.get(step.title) : undefined;
    const stepDescription =
      multiStep && step?.description ? context.text.get(step.description) : undefined;
    const children = step
      ? this.#progressive.visible([state.definition, index], step.fields, !!state.summary)
      : [];
    const fields = { ...(tree as ObjectField), kind: 'object', children };
    return html`<form
      part="form"
      novalidate
      autocomplete=${
        // An encrypting form keeps its answers out of the browser's autocomplete history,
        // which the profile stores in clear (test/e2e/encryption.test.js reads it).
        state.definition?.encryption ? 'off' : 'on'
      }
      lang=${locale}
      dir=${directionOf(locale)}
      @submit=${this.#handleSubmit}
      @focusin=${this.#handleFocusIn}
      @focusout=${this.#handleFocusOut}
    >
      ${renderHeader(title, description)} ${renderOutboxNotice(this.#outbox.notice)}
      ${this.#outbox.renderProblems(locale)} ${this.#drafts.render()}
      ${renderProgress(multiStep && !reviewing ? this.#locale.progressText() : undefined)}
      ${renderErrorSummary(
        state.summary,
        (pointer) => summaryTarget(state.fields.get(pointer), pointer),
        (pointer) => this.#focus.focusPointer(pointer),
      )}
      ${
        reviewing
          ? lazyParts.review.module?.renderReview(steps, {
              text: context.text,
              locale,
              change: (pointer) => this.#changeFromReview(pointer),
            })
          : html`${renderStepHeading(stepTitle, stepDescription)}
            ${renderField(fields as Field, context)}`
      }
      ${renderUpload(this.#submitter.upload)} ${renderSending(this.#submitter.delivering)}
      ${lazyParts.encryption.module?.renderEncryptionNotice(this.#submitter.notice)}
      ${renderActions({
        back: (multiStep || state.hasReview) && (index > 0 || reviewing),
        send: state.primaryAction() === 'submit',
        sending: this.#submitter.sending,
        onBack: () => void this.back(),
      })}
      ${live}
    </form>`;
  }
}
