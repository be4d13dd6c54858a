import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { BaseElement, type ChangedProperties, type PropertyOptions } from './internal/base-element.js';
import { directionOf } from './i18n/direction.js';
import { errorMessage } from './i18n/error-messages.js';
import { FormText } from './i18n/form-text.js';
import { getLocale, useLocale } from './i18n/localization.js';
import { applyDefaults, computeDefaults } from './model/apply-defaults.js';
import { buildFieldTree, updateFieldTree, type TreeContext } from './model/build-field-tree.js';
import { DefinitionError } from './model/definition-error.js';
import type { ArrayField, Field, ObjectField } from './model/field.js';
import { isPointerWithin, parentPointer, setAtPointer } from './model/json-pointer.js';
import { checkDefinition, fetchDefinition, fetchTranslations } from './model/load-definition.js';
import { SchemaResolver } from './model/schema-resolver.js';
import { activeValue } from './model/active-value.js';
import { isPlainObject } from './model/own.js';
import type {
  FieldError,
  FormDefinition,
  JsonValue,
  SchemaObject,
  UiSchema,
} from './model/types.js';
import { intakeFormStyles } from './intake-form.styles.js';
import { computeSteps, stepOf, topLevelName, type Step } from './flow/steps.js';
import { buildEnvelope, newIdempotencyKey } from './submit/envelope.js';
import type { SendResult } from './submit/send-envelope.js';
import { deliver, DEFAULT_RETRY, type RetryPolicy } from './submit/deliver.js';
import { xhrTransport, type Transport } from './submit/transport.js';
import type { ConditionLogic } from './model/condition-logic.js';
import type { DraftKeeper } from './features/draft-keeper.js';
import type { FormHost } from './features/form-host.js';
import type { OutboxHost, OutboxSender } from './features/outbox-sender.js';
import { LazyModule, onModuleArrival } from './internal/lazy-module.js';
import { compileValidator, type FormValidator } from './validation/validator.js';
import { LiveValidation } from './validation/live-validation.js';
import {
  isCompiledDefinition,
  precompiledValidator,
  type CompiledDefinition,
} from './validation/precompiled.js';
import { hasWidget, loadWidgets, widgetsVersion } from './widgets/registry.js';
import type { ArrayHost } from './widgets/render-array.js';
import {
  alternativesModule,
  arrayModule,
  controlId,
  renderField,
  type RenderContext,
} from './widgets/render-field.js';
import { hasMarkdown, markdown, renderText } from './widgets/render-text.js';
import './widgets/input-widgets.js';
import './widgets/choice-widgets.js';
import { fileWidget } from './widgets/lazy-widgets.js';
import { adoptStyles } from './internal/adopt-styles.js';
import { formatNumber } from './i18n/format-number.js';

// Parts most forms never use are chunks of their own, loaded when a form needs them.
const conditionModule = new LazyModule(() => import('./model/condition-logic.js'));
const draftModule = new LazyModule(() => import('./features/draft-keeper.js'));
const outboxModule = new LazyModule(() => import('./features/outbox-sender.js'));
const reviewModule = new LazyModule(() => import('./widgets/render-review.js'));
const rawChecksModule = new LazyModule(() => import('./model/raw-definition-checks.js'));
const confirmationModule = new LazyModule(() => import('./features/confirmation-panel.js'));
const definitionErrorModule = new LazyModule(() => import('./features/definition-error-panel.js'));

/** Every field by its pointer, in the order people read them. */
function indexFields(root: Field): Map<string, Field> {
  const index = new Map<string, Field>();
  const visit = (field: Field) => {
    index.set(field.pointer, field);
    const children =
      field.kind === 'object' ? field.children : field.kind === 'array' ? field.items : [];
    for (const child of children) visit(child);
  };
  visit(root);
  return index;
}

const NO_ERRORS: ReadonlyMap<string, FieldError> = new Map();

/** Runs `task` when the browser has nothing more urgent to do (soon, where it cannot tell). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 50);
}

/** Keywords that make a schema need the condition logic. */
const CONDITION_KEYWORDS = [
  'if',
  'dependentSchemas',
  'dependentRequired',
  'dependencies',
  'oneOf',
  'anyOf',
];

/** Whether a schema has alternatives (`oneOf` / `anyOf`). */
function hasAlternatives(resolver: SchemaResolver): boolean {
  return resolver.uses('oneOf') || resolver.uses('anyOf');
}

/** Keywords that make a schema (probably) have lists. */
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'additionalItems'];

/** Whether a definition's descriptions and help texts (in `translations` too) use Markdown. */
function usesMarkdown(node: unknown, translations: Record<string, string> | undefined): boolean {
  const texts = new Set(['description', 'ui:description', 'ui:help']);
  const walk = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || depth > 64) return false;
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' ? texts.has(key) && hasMarkdown(child) : walk(child, depth + 1))
        return true;
    }
    return false;
  };
  return (
    walk(node, 0) ||
    Object.entries(translations ?? {}).some(
      ([key, text]) =>
        typeof text === 'string' &&
        texts.has(key.slice(key.lastIndexOf('/') + 1)) &&
        hasMarkdown(text),
    )
  );
}

/** An error as `validate()` and `submit()` report it. */
export interface ValidationError {
  pointer: string;
  keyword: string;
  message: string;
}

/** What `validate()` returns. */
export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
}

/** What `submit()` resolves to. */
export type SubmitResult =
  | { ok: true; status: number; reference?: string }
  | { ok: false; reason: 'invalid' | 'queued' | 'rejected' | 'failed'; errors?: ValidationError[] };

type Status = 'empty' | 'loading' | 'ready' | 'error';

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * One intake form, rendered from a JSON Schema form definition.
 *
 * @summary A multilingual, accessible form driven by JSON Schema that posts validated data.
 *
 * @fires intake-ready - `{ id, version }` after the definition is loaded and first rendered.
 * @fires intake-change - `{ value, pointer }` after the person changes a value.
 * @fires intake-step - `{ index, count }` after the visible step changed (`index` is `-1` on the review).
 * @fires intake-submit - `{ value, envelope }`, cancelable: `preventDefault()` means the host sends the data.
 * @fires intake-submitted - `{ status, reference?, response }` after the backend accepted the submission.
 * @fires intake-error - `{ type, message, errors? }` for definition, validation, network and server problems.
 *
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
 * @csspart button - Every button; also `next`, `back`, `submit`, `add`, `remove`, `move-up`, `move-down`, `remove-file`, `change`, `copy`, `print`, `restart`, `retry`, `delete-draft`.
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
 * @csspart draft - The notice about answers kept on this device.
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
    status: { state: true },
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

  declare private status: Status;

  #resolver?: SchemaResolver;
  #validator?: FormValidator;
  /** The errors of the current data, validated as far as they are needed. */
  #live?: LiveValidation;
  #sourceUrl = '';
  #data: JsonValue | undefined = undefined;
  #touched = new Set<string>();
  #showAll = false;
  /** Top-level fields whose errors show although untouched (the person tried to leave their step). */
  #shownNames = new Set<string>();
  /** Position of the visible step among the active steps. */
  #stepIndex = 0;
  #reviewing = false;
  /** Set when the person came from the review to change an answer: "Continue" goes back there. */
  #returnToReview = false;
  /** After the backend accepted the submission. */
  #confirmation?: { reference?: string };
  /** Upload progress of a large submission. */
  #upload?: { loaded: number; total: number };
  /** Drafts on this device (`draft="local"`), once their code has arrived. */
  #drafts?: DraftKeeper;
  /** The outbox of this form, once its code has arrived (soon after the form is ready). */
  #outbox?: OutboxSender;
  /** Conditions and alternatives of the loaded schema, when it has any. */
  #conditions?: ConditionLogic;
  #stopListening?: () => void;
  #localErrors = new Map<string, string>();
  /** The object alternative the person picked, per pointer (where no discriminator tells). */
  #chosenAlternatives = new Map<string, number>();
  /** Typed text that is not (yet) a value, per pointer (see `WidgetContext.rawText`). */
  #rawTexts = new Map<string, string>();
  #serverErrors = new Map<string, string>();
  #summary: { pointer: string; message: string }[] | undefined;
  #definitionError?: DefinitionError;
  #loadedTranslations = new Map<string, Record<string, string>>();
  #announcement = '';
  #loadToken = 0;
  #submitting?: Promise<SubmitResult>;
  /** Every field of the current tree by its pointer (see `#fieldsByPointer`). */
  #fieldIndex?: { tree: Field; fields: Map<string, Field> };
  #focusAfterUpdate?: () => void;
  #readyFired = false;

  constructor() {
    super();
    this.status = 'empty';
    this.timeout = 30_000;
    this.draftDays = 7;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#outbox?.connect();
    // A part of the library that arrives later (a widget, Markdown) may change what is drawn.
    this.#stopListening = onModuleArrival(() => this.requestUpdate());
    window.addEventListener('online', this.#loadOutboxAgain);
  }

  /**
   * Does, while the person reads the form, the work that would otherwise make their first
   * keystroke slower than the others: the data of the questions that apply, and the validation
   * of the root and of one top-level property (the validator's code is compiled on first use).
   */
  #prepareForChanges(): void {
    if (this.status !== 'ready') return;
    const data = this.#activeData();
    const name = [...this.#fieldsByPointer.keys()].find((pointer) => pointer !== '');
    if (name !== undefined) this.#live?.refresh(data, topLevelName(name));
  }

  /** The outbox's code could not be loaded after the form was ready (offline): try again. */
  readonly #loadOutboxAgain = () => {
    if (this.status === 'ready' && !this.#outbox) void this.#startOutbox();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#outbox?.disconnect();
    this.#drafts?.stop();
    this.#stopListening?.();
    window.removeEventListener('online', this.#loadOutboxAgain);
  }

  // ---- public API -------------------------------------------------------------------------

  /** The current data as a plain JSON copy. Setting it prefills the form (defaults fill gaps). */
  get value(): JsonValue {
    return clone(this.#activeData() ?? {}) as JsonValue;
  }

  set value(value: JsonValue | undefined) {
    const given = clone(value ?? {}) as JsonValue;
    this.#data = this.#resolver ? this.#withDefaults(given) : given;
    this.#localErrors.clear();
    this.#rawTexts.clear();
    this.#revalidate();
    this.requestUpdate();
  }

  /** The languages this form can be shown in: its source language, then its translations. */
  get availableLocales(): string[] {
    const definition = this.#currentDefinition;
    if (!definition) return [];
    const locales = [definition.lang ?? 'en', ...Object.keys(definition.translations ?? {})];
    return [...new Set(locales)];
  }

  /** The language the form is shown in now. */
  get currentLocale(): string {
    return this.#activeLocale;
  }

  /** Index of the visible step (among the active steps), `-1` on the review. */
  get step(): number {
    return this.#reviewing
      ? -1
      : Math.min(this.#stepIndex, Math.max(0, this.#activeSteps().length - 1));
  }

  /** Titles of the active steps, in the current locale. */
  get steps(): string[] {
    if (!this.#hasStepList) return [];
    const text = this.#formText;
    return this.#activeSteps().map((step) => text.get(step.title).text);
  }

  /**
   * Validates the current step and moves to the next active step (or to the review after the
   * last, or back to the review after a change from it). Resolves `false` when it showed errors.
   */
  async next(): Promise<boolean> {
    if (this.status !== 'ready' || this.#reviewing || this.#confirmation) return false;
    const steps = this.#activeSteps();
    const current = steps[this.step];
    if (!current) return false;
    this.#revalidate();
    const names = new Set(current.fields.map((field) => topLevelName(field.pointer)));
    const errors = this.#publicErrors().filter((error) => names.has(topLevelName(error.pointer)));
    if (errors.length > 0) {
      names.forEach((name) => this.#shownNames.add(name));
      this.#summary = this.#summaryEntries(errors);
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return false;
    }
    this.#summary = undefined;
    const last = this.step >= steps.length - 1;
    if (this.#returnToReview || (last && this.#hasReview)) {
      // Loaded after the form was ready; should that have failed, once more now.
      await reviewModule.load().catch(() => undefined);
      this.#returnToReview = false;
      this.#reviewing = true;
    } else if (!last) {
      this.#stepIndex = this.step + 1;
    } else {
      return false;
    }
    await this.#stepChanged();
    return true;
  }

  /** Goes to the previous active step (from the review: to the last step). Never validates. */
  async back(): Promise<boolean> {
    if (this.status !== 'ready' || this.#confirmation) return false;
    if (this.#reviewing) {
      this.#reviewing = false;
      this.#stepIndex = this.#activeSteps().length - 1;
    } else if (this.step > 0) {
      this.#stepIndex = this.step - 1;
    } else {
      return false;
    }
    this.#returnToReview = false;
    this.#summary = undefined;
    await this.#stepChanged();
    return true;
  }

  /** Validates the whole form and shows every error. */
  validate(): ValidationResult {
    this.#showAll = true;
    this.#revalidate();
    const errors = this.#publicErrors();
    this.#summary = errors.length > 0 ? this.#summaryEntries() : undefined;
    this.requestUpdate();
    return { valid: errors.length === 0, errors };
  }

  /** Validates, then sends the submission. A second call while one is under way returns the same promise. */
  submit(): Promise<SubmitResult> {
    if (!this.#submitting) {
      this.#submitting = this.#doSubmit().finally(() => {
        this.#submitting = undefined;
        this.requestUpdate();
      });
      this.requestUpdate();
    }
    return this.#submitting;
  }

  /** Clears data (back to the defaults), errors and shown messages. */
  reset(): void {
    void this.#drafts?.discard();
    // A queued submission stays in the outbox and still goes out; the form starts afresh.
    if (this.#outbox) {
      this.#outbox.forget();
      this.#outbox.notice = undefined;
    }
    this.#touched.clear();
    this.#showAll = false;
    this.#shownNames.clear();
    this.#stepIndex = 0;
    this.#reviewing = false;
    this.#returnToReview = false;
    this.#confirmation = undefined;
    this.#summary = undefined;
    this.#localErrors.clear();
    this.#rawTexts.clear();
    this.#serverErrors.clear();
    this.#data = this.#resolver ? this.#withDefaults({}) : {};
    this.#revalidate();
    this.requestUpdate();
  }

  // ---- loading ----------------------------------------------------------------------------

  protected override willUpdate(changed: ChangedProperties): void {
    if (changed.has('src') && this.src) void this.#loadFromSrc(this.src);
    else if (changed.has('definition') && this.definition)
      void this.#useDefinition(this.definition, document.baseURI);
    else if (
      (changed.has('schema') || changed.has('ui') || changed.has('translations')) &&
      this.schema
    ) {
      const base = this.#currentDefinition;
      void this.#useDefinition(
        {
          ...(base ?? { id: 'form' }),
          schema: this.schema,
          ui: this.ui ?? base?.ui,
          translations: this.translations ?? base?.translations,
        },
        this.#sourceUrl || document.baseURI,
      );
    }
    if (changed.has('locale')) void this.#applyLocale();
  }

  #currentDefinition?: FormDefinition;

  async #loadFromSrc(src: string): Promise<void> {
    const token = ++this.#loadToken;
    this.status = 'loading';
    try {
      const { definition, url } = await fetchDefinition(src, document.baseURI);
      if (token !== this.#loadToken) return;
      await this.#useDefinition(definition, url, token);
    } catch (error) {
      if (token === this.#loadToken) await this.#fail(error);
    }
  }

  async #useDefinition(
    candidate: FormDefinition,
    url: string,
    token = ++this.#loadToken,
  ): Promise<void> {
    this.status = 'loading';
    try {
      const definition = checkDefinition(candidate);
      // A raw definition is checked for size and references here; a compiled one was checked
      // when it was compiled.
      const compiled = isCompiledDefinition(candidate);
      // A compiled module also says where each `$ref` leads (`refs`); a module from before that
      // has the raw-definition chunk work it out.
      const refs = compiled ? (candidate as CompiledDefinition).refs : undefined;
      const checks = compiled && isPlainObject(refs) ? undefined : await rawChecksModule.load();
      if (!compiled) checks?.checkDefinitionLimits(definition);
      const resolver = new SchemaResolver(
        definition.schema,
        checks ? checks.referenceTable(definition.schema) : refs,
      );
      const problem = compiled ? undefined : checks?.checkReferences(resolver);
      if (problem) throw problem;
      // A compiled definition brings its own validators (CSP-safe); only a raw schema needs the
      // ajv compiler, loaded lazily as its own chunk. The parts of the library this form needs
      // load at the same time.
      const [validator] = await Promise.all([
        compiled
          ? this.#precompiled(candidate as CompiledDefinition, resolver)
          : compileValidator(definition.schema),
        this.#loadParts(definition, resolver),
      ]);
      if (token !== this.#loadToken) return;
      this.#currentDefinition = definition;
      this.#sourceUrl = url;
      this.#resolver = resolver;
      this.#validator = validator;
      this.#live = new LiveValidation(validator);
      this.#conditions = conditionModule.module?.conditionLogic(this.#matcher);
      this.#definitionError = undefined;
      this.#loadedTranslations.clear();
      // Keep what was entered where its pointer still exists; fill the rest from defaults.
      this.#data = this.#withDefaults(clone(this.#data ?? {}) as JsonValue);
      await this.#applyLocale();
      if (token !== this.#loadToken) return;
      // Widgets with code of their own (files) that the form shows, before it is shown.
      await loadWidgets([...this.#fieldsByPointer.values()].map((field) => field.widget));
      if (token !== this.#loadToken) return;
      this.#revalidate();
      this.status = 'ready';
      // A saved draft returns before the form counts as ready, so the host sees the final state.
      if (this.draft === 'local' && !this.#readyFired) await this.#restoreDraft();
      await this.updateComplete;
      if (!this.#readyFired) {
        this.#readyFired = true;
        this.#focusAutofocusField();
      }
      // Also after a later definition (a host that swaps forms, an author's preview).
      this.#emit('intake-ready', { id: definition.id, version: definition.version });
      // After the first render: the review's code, and the outbox, which sends a submission
      // left by an earlier visit now.
      if (this.#hasReview) reviewModule.load().catch(() => undefined);
      void this.#startOutbox();
      whenIdle(() => this.#prepareForChanges());
    } catch (error) {
      if (token === this.#loadToken) await this.#fail(error);
    }
  }

  /**
   * The validator of a compiled module. A schema with alternatives needs the filter for their
   * noise, which comes with the condition logic (loaded for such a schema anyway: `#loadParts`).
   */
  async #precompiled(
    definition: CompiledDefinition,
    resolver: SchemaResolver,
  ): Promise<FormValidator> {
    const logic = hasAlternatives(resolver) ? await conditionModule.load() : undefined;
    return precompiledValidator(definition, logic?.alternativeNoise);
  }

  /**
   * Loads the parts of the library that this definition needs before it can be shown: the
   * condition logic, lists, Markdown, drafts. Failing to load one (the connection dropped) fails
   * loading the form, with the usual message.
   */
  async #loadParts(definition: FormDefinition, resolver: SchemaResolver): Promise<void> {
    const parts: Promise<unknown>[] = [];
    if (CONDITION_KEYWORDS.some((keyword) => resolver.uses(keyword)))
      parts.push(conditionModule.load());
    if (hasAlternatives(resolver)) parts.push(alternativesModule.load());
    if (resolver.types.has('array') || ARRAY_KEYWORDS.some((keyword) => resolver.uses(keyword)))
      parts.push(arrayModule.load());
    const inline = definition.translations?.[this.#activeLocale];
    if (
      usesMarkdown(
        { schema: definition.schema, ui: definition.ui },
        typeof inline === 'object' ? inline : undefined,
      )
    )
      parts.push(markdown.load());
    if (this.draft === 'local') parts.push(draftModule.load());
    await Promise.all(parts);
  }

  async #fail(error: unknown): Promise<void> {
    const problem =
      error instanceof DefinitionError
        ? error
        : new DefinitionError('invalid-schema', (error as Error)?.message ?? String(error), {
            detail: String(error),
          });
    // The message is worded in the language asked for, even though the definition never loaded.
    const [panel] = await Promise.all([
      definitionErrorModule.load().catch(() => undefined),
      useLocale(this.#activeLocale),
    ]);
    this.#definitionError = problem;
    this.status = 'error';
    this.#emit('intake-error', {
      type: 'definition',
      message: panel?.definitionMessage(problem) ?? msg('This form cannot be shown'),
      errors: [{ pointer: problem.pointer ?? '', message: problem.message }],
    });
  }

  /** The language shown: `locale`, else the definition's `lang`. */
  get #activeLocale(): string {
    return this.locale || this.#currentDefinition?.lang || 'en';
  }

  async #applyLocale(): Promise<void> {
    const locale = this.#activeLocale;
    const source = this.#currentDefinition?.translations?.[locale];
    if (typeof source === 'string' && !this.#loadedTranslations.has(locale)) {
      try {
        this.#loadedTranslations.set(
          locale,
          await fetchTranslations(source, this.#sourceUrl || document.baseURI),
        );
      } catch {
        // Missing translations fall back to the source text; the form stays usable.
        this.#loadedTranslations.set(locale, {});
      }
    }
    await useLocale(locale);
    this.requestUpdate();
  }

  /** The form's own text in the current locale; the same object until locale or text change. */
  get #formText(): FormText {
    const definition = this.#currentDefinition;
    const locale = this.#activeLocale;
    const inline = definition?.translations?.[locale];
    const translations = typeof inline === 'object' ? inline : this.#loadedTranslations.get(locale);
    const cached = this.#textCache;
    if (
      cached &&
      cached.definition === definition &&
      cached.locale === locale &&
      cached.translations === translations
    )
      return cached.text;
    const text = new FormText(definition?.lang ?? locale, locale, translations);
    this.#textCache = { definition, locale, translations, text };
    return text;
  }

  #textCache?: {
    definition: FormDefinition | undefined;
    locale: string;
    translations: Record<string, string> | undefined;
    text: FormText;
  };

  // ---- state changes ----------------------------------------------------------------------

  #withDefaults(value: JsonValue): JsonValue {
    // The object alternatives the person picked bring their defaults too.
    const logic = this.#conditions;
    const choices =
      logic && conditionModule.module?.withChoices(logic, (at) => this.#chosenAlternatives.get(at));
    return applyDefaults(this.#resolver!, value, choices || logic) ?? {};
  }

  /**
   * After a change: validates at once what a change at `pointer` affects (so that a shown error
   * follows the typing), and keeps a shown error summary in step. Everything else is validated
   * when it is needed (see `LiveValidation`).
   */
  #revalidate(pointer?: string): void {
    // Only the questions that apply are checked: a switched-off branch's data is not submitted.
    if (pointer !== undefined) this.#live?.refresh(this.#activeData(), topLevelName(pointer));
    if (this.#summary) {
      // The summary follows the fixes as they are made, listing only errors already shown.
      const shown = this.#publicErrors().filter((error) => this.#visible(error.pointer));
      this.#summary = shown.length > 0 ? this.#summaryEntries(shown) : undefined;
    }
  }

  // ---- steps ------------------------------------------------------------------------------

  /** Whether the definition has `ui:steps`. */
  get #hasStepList(): boolean {
    return Array.isArray(this.#currentDefinition?.ui?.['ui:steps']);
  }

  /** Multi-step forms always end with a review; one-page forms when `ui:review` is true. */
  get #hasReview(): boolean {
    return this.#hasStepList || this.#currentDefinition?.ui?.['ui:review'] === true;
  }

  /** The steps whose fields are active for the current data. */
  #activeSteps(): Step[] {
    const tree = this.#currentTree();
    return tree ? computeSteps(this.#currentDefinition?.ui ?? {}, tree) : [];
  }

  /** After the visible step changed: focus its heading, announce it, tell the host page. */
  async #stepChanged(): Promise<void> {
    this.requestUpdate();
    const count = this.#activeSteps().length;
    const index = this.step;
    if (this.#hasStepList || this.#reviewing) this.#announce(this.#progressText());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.step-title')?.focus();
    this.#emit('intake-step', { index, count });
  }

  /** "Step 2 of 5: Contact" (or the review's title). */
  #progressText(): string {
    if (this.#reviewing) return msg('Check your answers');
    const steps = this.#activeSteps();
    const step = steps[this.step];
    const position = formatNumber(this.step + 1, this.#activeLocale);
    const total = formatNumber(steps.length, this.#activeLocale);
    const title = step ? this.#formText.get(step.title).text : '';
    return title
      ? msg(str`Step ${position} of ${total}: ${title}`)
      : msg(str`Step ${position} of ${total}`);
  }

  /** Opens the field at `pointer` from the review; "Continue" then returns to the review. */
  #changeFromReview(pointer: string): void {
    const index = stepOf(this.#activeSteps(), pointer);
    this.#reviewing = false;
    this.#returnToReview = true;
    this.#stepIndex = Math.max(0, index);
    void this.#stepChanged().then(() => this.#focusPointer(pointer));
  }

  #setValueAt(pointer: string, value: JsonValue | undefined): void {
    const before = this.#data;
    // Where conditions decide which questions apply, a change may switch some on.
    const activeBefore = this.#conditions ? this.#fieldsByPointer : undefined;
    this.#data = setAtPointer(this.#data ?? {}, pointer, value) ?? {};
    this.#advanceTree(before, pointer);
    if (activeBefore) this.#fillNewlyActive(activeBefore);
    this.#serverErrors.delete(pointer);
    this.#revalidate(pointer);
    this.requestUpdate();
    // The value is copied only when a listener reads it: a form of a thousand fields would
    // otherwise copy all of them on every keystroke.
    const active = this.#activeData() ?? {};
    let copy: JsonValue | undefined;
    this.#emit('intake-change', {
      pointer,
      get value() {
        return (copy ??= clone(active) as JsonValue);
      },
    });
    this.#drafts?.scheduleSave();
  }

  /**
   * After a change that switched questions on (a condition now holds, another alternative was
   * picked): their defaults, as the form would have shown them at load. Only questions that did
   * not apply before the change get them, so that a default the person cleared stays cleared.
   * A change that switched nothing on (most keystrokes) costs one pass over the field index.
   */
  #fillNewlyActive(activeBefore: ReadonlyMap<string, Field>): void {
    let switchedOn = false;
    for (const pointer of this.#fieldsByPointer.keys())
      if (!activeBefore.has(pointer)) {
        switchedOn = true;
        break;
      }
    if (!switchedOn) return;
    const data = this.#data;
    this.#data =
      conditionModule.module?.withNewlyActiveDefaults(
        data,
        this.#withDefaults(data ?? {}),
        activeBefore,
      ) ?? data;
  }

  #touch(pointer: string): void {
    if (this.#touched.has(pointer)) return;
    this.#touched.add(pointer);
    this.requestUpdate();
  }

  #setLocalError(pointer: string, message: string | undefined): void {
    if (message) this.#localErrors.set(pointer, message);
    else this.#localErrors.delete(pointer);
    this.requestUpdate();
  }

  #announce(text: string): void {
    // A changed text is what makes a live region speak; the same text again gets a trailing
    // no-break space so that it is announced twice.
    this.#announcement = text === this.#announcement ? `${text}\u00a0` : text;
    this.requestUpdate();
  }

  /** The value of a new list entry: its schema's defaults. */
  #newItem(field: ArrayField): JsonValue | undefined {
    return field.newItem
      ? computeDefaults(
          this.#resolver!,
          field.newItem,
          undefined,
          undefined,
          field.refTargets,
          true,
          this.#conditions,
        )
      : undefined;
  }

  /** Moves per-pointer state along with list entries (`map` gives `undefined` to drop one). */
  #remapPointers(map: (pointer: string) => string | undefined): void {
    const moved = <T>(entries: Iterable<[string, T]>) =>
      [...entries]
        .map(([pointer, value]) => [map(pointer), value] as const)
        .filter((entry): entry is [string, T] => entry[0] !== undefined);
    this.#touched = new Set(moved([...this.#touched].map((p) => [p, p])).map(([p]) => p));
    this.#rawTexts = new Map(moved(this.#rawTexts));
    this.#localErrors = new Map(moved(this.#localErrors));
  }

  // ---- errors -----------------------------------------------------------------------------

  /** The pointer whose field shows an error at `pointer`: itself, or its nearest rendered ancestor. */
  #displayPointer(pointer: string): string {
    const fields = this.#fieldsByPointer;
    let current = pointer;
    while (current !== '' && !fields.has(current)) current = parentPointer(current);
    return current;
  }

  #messageFor(error: FieldError): string {
    const field = this.#fieldsByPointer.get(error.pointer);
    const custom = field ? this.#customMessage(field, error.keyword) : undefined;
    return custom ?? errorMessage(error, field, this.#activeLocale);
  }

  #customMessage(field: Field, keyword: string): string | undefined {
    const options = field.ui['ui:options'] as
      { errorMessages?: Record<string, unknown> } | undefined;
    const text = options?.errorMessages?.[keyword];
    if (typeof text !== 'string') return undefined;
    return this.#formText.get({
      text,
      key: `${field.uiLocation}/ui:options/errorMessages/${keyword}`,
    }).text;
  }

  /** Every error with its message: local (file, number) problems, server errors, then schema errors. */
  #publicErrors(): ValidationError[] {
    const result: ValidationError[] = [];
    for (const [pointer, message] of this.#localErrors)
      result.push({ pointer, keyword: 'input', message });
    for (const [pointer, message] of this.#serverErrors)
      result.push({ pointer, keyword: 'server', message });
    for (const error of this.#schemaErrors()) {
      if (this.#localErrors.has(error.pointer)) continue;
      result.push({
        pointer: error.pointer,
        keyword: error.keyword,
        message: this.#messageFor(error),
      });
    }
    // People read and fix errors in the order of the form, not in ajv's order of evaluation.
    const order = this.#fieldOrder();
    const rank = (pointer: string) => order.get(this.#displayPointer(pointer)) ?? Infinity;
    return result
      .map((error, index) => ({ error, index }))
      .sort((a, b) => rank(a.error.pointer) - rank(b.error.pointer) || a.index - b.index)
      .map(({ error }) => error);
  }

  #visible(pointer: string): boolean {
    if (this.#showAll || this.#shownNames.has(topLevelName(pointer))) return true;
    for (const touched of this.#touched)
      if (isPointerWithin(touched, pointer) || isPointerWithin(pointer, touched)) return true;
    return false;
  }

  /** The message shown at a field's pointer, if any. */
  #shownError(pointer: string): string | undefined {
    const local = this.#localErrors.get(pointer);
    if (local && this.#visible(pointer)) return local;
    const server = this.#serverErrors.get(pointer);
    if (server) return server;
    const error = this.#shownSchemaErrors().get(pointer);
    return error ? this.#messageFor(error) : undefined;
  }

  /** Every schema error of the data that applies now. */
  #schemaErrors(): FieldError[] {
    return this.#live?.all(this.#activeData()) ?? [];
  }

  /**
   * The first visible schema error per displaying field, computed once per render rather than
   * once per field (a form may have a thousand fields). Validates only the parts whose errors
   * can show: none before the first field is left, then the top-level properties touched.
   */
  #shownSchemaErrors(): ReadonlyMap<string, FieldError> {
    // Nothing shows before a field is left or the form is checked: nothing to validate.
    if (!this.#showAll && this.#shownNames.size === 0 && this.#touched.size === 0) return NO_ERRORS;
    const key = {
      data: this.#activeData(),
      touched: this.#touched.size,
      shown: this.#shownNames.size,
      showAll: this.#showAll,
      tree: this.#treeCache?.tree,
    };
    const cached = this.#shownCache;
    if (
      cached &&
      cached.data === key.data &&
      cached.touched === key.touched &&
      cached.shown === key.shown &&
      cached.showAll === key.showAll &&
      cached.tree === key.tree
    ) {
      return cached.map;
    }
    const map = new Map<string, FieldError>();
    if (this.#live) {
      const errors = key.showAll
        ? this.#live.all(key.data)
        : this.#live.some(key.data, [
            ...this.#shownNames,
            ...[...this.#touched].map((pointer) => topLevelName(pointer)),
          ]);
      for (const error of errors) {
        const at = this.#displayPointer(error.pointer);
        if (!map.has(at) && this.#visible(error.pointer)) map.set(at, error);
      }
    }
    this.#shownCache = { ...key, map };
    return map;
  }

  #shownCache?: {
    data: JsonValue | undefined;
    touched: number;
    shown: number;
    showAll: boolean;
    tree: Field | undefined;
    map: Map<string, FieldError>;
  };

  /**
   * Per top-level property, everything besides its fields that its rendering shows: its shown
   * errors and the text typed into its controls that is not (yet) a value. A group whose fields
   * and signature are unchanged is not rendered again (see `renderField`'s `guard`).
   */
  #groupSignatures(): Map<string, string> {
    const signatures = new Map<string, string>();
    const add = (pointer: string, text: string) => {
      const name = topLevelName(pointer);
      signatures.set(name, `${signatures.get(name) ?? ''}${pointer}\u0001${text}\u0002`);
    };
    for (const [pointer, error] of this.#shownSchemaErrors()) add(pointer, this.#messageFor(error));
    for (const [pointer, message] of this.#localErrors)
      if (this.#visible(pointer)) add(pointer, message);
    for (const [pointer, message] of this.#serverErrors) add(pointer, message);
    for (const [pointer, text] of this.#rawTexts) add(pointer, `raw:${text}`);
    return signatures;
  }

  #summaryEntries(
    errors: ValidationError[] = this.#publicErrors(),
  ): { pointer: string; message: string }[] {
    const seen = new Set<string>();
    const entries: { pointer: string; message: string }[] = [];
    const text = this.#formText;
    for (const error of errors) {
      const pointer = this.#displayPointer(error.pointer);
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      const field = this.#fieldsByPointer.get(pointer);
      // "Name: message", without the label's own closing punctuation ("…einverstanden.:"); a
      // question keeps its question mark and needs no colon ("Which course? Please choose").
      const label =
        field && field.label.text ? text.get(field.label).text.replace(/[\s.:;]+$/, '') : '';
      const separator = /[?!؟]$/.test(label) ? ' ' : ': ';
      entries.push({
        pointer,
        message: label ? `${label}${separator}${error.message}` : error.message,
      });
    }
    return entries;
  }

  // ---- submission -------------------------------------------------------------------------

  async #doSubmit(): Promise<SubmitResult> {
    if (this.status !== 'ready' || !this.#currentDefinition) {
      return { ok: false, reason: 'failed' };
    }
    // The server's earlier objections are checked again by sending; they must not block it.
    this.#serverErrors.clear();
    const result = this.validate();
    if (!result.valid) {
      this.#serverErrors.clear();
      this.#summary = this.#summaryEntries();
      this.#showStepOf(result.errors[0].pointer);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      this.#emit('intake-error', {
        type: 'validation',
        message: msg('The form contains errors.'),
        errors: result.errors,
      });
      return { ok: false, reason: 'invalid', errors: result.errors };
    }
    const definition = this.#currentDefinition;
    const data = this.value;
    const envelope = buildEnvelope(
      { id: definition.id, version: definition.version },
      this.#activeLocale,
      data,
    );
    const proceed = this.#emit('intake-submit', { value: data, envelope }, true);
    if (!proceed) return { ok: true, status: 0 };
    if (!this.action) {
      const message = msg('This form has no address to send it to.');
      this.#emit('intake-error', { type: 'network', message });
      return { ok: false, reason: 'failed' };
    }
    // The confirmation's code (and, should it have failed to load so far, the outbox's) arrive
    // while the submission is under way.
    confirmationModule.load().catch(() => undefined);
    void this.#startOutbox();
    const action = new URL(this.action, document.baseURI).href;
    const idempotencyKey = newIdempotencyKey();
    const headers = { ...(this.headers ?? {}) };
    const outcome = await deliver(
      {
        action,
        envelope,
        idempotencyKey,
        headers,
        timeoutMs: this.timeout,
        transport: this.transport ?? xhrTransport,
        onUploadProgress: (loaded, total) => {
          // Only worth showing for large submissions (files).
          if (total < 200_000) return;
          this.#upload = { loaded, total };
          this.requestUpdate();
        },
      },
      this.retryPolicy,
    );
    this.#upload = undefined;
    if (outcome.kind === 'accepted') return this.#accepted(outcome);
    if (outcome.kind === 'rejected') return this.#rejected(outcome);
    if (outcome.retryable) {
      // Nothing the person entered is lost: the submission waits on this device and goes out
      // by itself, with the same Idempotency-Key, as soon as it can.
      const outbox = await this.#startOutbox();
      const queued = await outbox?.queue({
        key: idempotencyKey,
        formId: definition.id,
        action,
        headers,
        envelope,
        queuedAt: Date.now(),
        attempts: 1,
      });
      if (!queued) {
        // No IndexedDB (private mode in some browsers): the person can still send again.
        const message = msg(
          'The form could not be sent. Please check your connection and try again.',
        );
        this.#emit('intake-error', { type: 'network', message });
        return { ok: false, reason: 'failed' };
      }
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.queued-title')?.focus();
      this.#emit('intake-error', {
        type: 'network',
        message: msg('Your request has been saved on this device and will be sent automatically.'),
        queued: true,
      });
      return { ok: false, reason: 'queued' };
    }
    const message = msg('The form could not be sent. Please try again later.');
    this.#emit('intake-error', { type: 'server', message, status: outcome.status });
    return { ok: false, reason: 'failed' };
  }

  /** The backend accepted: confirmation, event, and the draft is no longer needed. */
  async #accepted(outcome: Extract<SendResult, { kind: 'accepted' }>): Promise<SubmitResult> {
    this.#outbox?.forget();
    await confirmationModule.load().catch(() => undefined);
    this.#confirmation = { reference: outcome.reference };
    await this.#drafts?.discard();
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirmation-title')?.focus();
    // Told after the confirmation is on screen, so that listeners see the final state.
    this.#emit('intake-submitted', {
      status: outcome.status,
      reference: outcome.reference,
      response: outcome.response,
    });
    return { ok: true, status: outcome.status, reference: outcome.reference };
  }

  /** The backend refused the data (problem+json): its messages go on the fields; nothing is retried. */
  async #rejected(outcome: Extract<SendResult, { kind: 'rejected' }>): Promise<SubmitResult> {
    this.#outbox?.forget();
    this.#serverErrors = new Map(
      outcome.errors.map((e) => [e.pointer, e.detail || msg('Please check this entry.')]),
    );
    this.#showAll = true;
    this.#summary = this.#summaryEntries();
    const first = this.#publicErrors().find((e) => e.keyword === 'server');
    if (first) this.#showStepOf(first.pointer);
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    const errors = this.#publicErrors().filter((e) => e.keyword === 'server');
    this.#emit('intake-error', {
      type: 'server',
      message: outcome.title ?? msg('The form contains errors.'),
      errors,
    });
    return { ok: false, reason: 'rejected', errors };
  }

  // ---- drafts and outbox ----------------------------------------------------------------

  /** Restores a draft saved on this device (`draft="local"`), with its code. */
  async #restoreDraft(): Promise<void> {
    const module = await draftModule.load().catch(() => undefined);
    if (!module || !this.#currentDefinition) return;
    this.#drafts ??= new module.DraftKeeper(this.#host, () => this.draftDays);
    await this.#drafts.restore();
    this.#revalidate();
    this.requestUpdate();
  }

  /**
   * Loads the outbox (once the form is ready: it must be there before anyone sends, also when
   * the connection drops later) and sends what an earlier visit left in it.
   */
  async #startOutbox(): Promise<OutboxSender | undefined> {
    if (!this.#outbox) {
      const module = await outboxModule.load().catch(() => undefined);
      if (!module) return undefined;
      if (!this.#outbox) {
        this.#outbox = new module.OutboxSender(this.#host);
        if (this.isConnected) this.#outbox.connect();
        void this.#outbox.flush();
      }
    }
    return this.#outbox;
  }

  /** What the lazily loaded parts may use of this element (see `FormHost`). */
  get #host(): OutboxHost & ArrayHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the accessors below close over it
    const form = this;
    return (this.#hostObject ??= {
      element: this,
      get root() {
        return form.renderRoot;
      },
      get definition() {
        return form.#currentDefinition;
      },
      get locale() {
        return form.#activeLocale;
      },
      get text() {
        return form.#formText;
      },
      get validator() {
        return form.#validator;
      },
      get data() {
        return form.#data;
      },
      set data(value) {
        form.#data = value;
      },
      get transport() {
        return form.transport ?? xhrTransport;
      },
      get timeout() {
        return form.timeout;
      },
      get retryPolicy() {
        return form.retryPolicy;
      },
      tree: () => this.#currentTree(),
      activeData: () => this.#activeData(),
      withDefaults: (value) => this.#withDefaults(value),
      setValue: (pointer, value) => this.#setValueAt(pointer, value),
      newItem: (field) => this.#newItem(field),
      remapPointers: (map) => this.#remapPointers(map),
      announce: (text) => this.#announce(text),
      update: () => {
        this.requestUpdate();
        return this.updateComplete;
      },
      afterUpdate: (action) => {
        this.#focusAfterUpdate = action;
      },
      emit: (type, detail, cancelable) => this.#emit(type, detail, cancelable),
      accepted: (outcome) => this.#accepted(outcome),
      rejected: (outcome) => this.#rejected(outcome),
    });
  }

  #hostObject?: OutboxHost & ArrayHost & FormHost;

  /** Leaves the review for the step that shows `pointer`, so its error can be seen and fixed. */
  #showStepOf(pointer: string): void {
    const index = stepOf(this.#activeSteps(), this.#displayPointer(pointer));
    if (index === -1 || (!this.#hasStepList && !this.#hasReview)) return;
    const moved = this.#reviewing || index !== this.step;
    this.#reviewing = false;
    this.#stepIndex = index;
    if (moved) this.#emit('intake-step', { index, count: this.#activeSteps().length });
  }

  // ---- focus ------------------------------------------------------------------------------

  /** Moves focus to the control of `pointer` (or the first control of its group). */
  #focusPointer(pointer: string): void {
    const direct = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(controlId(pointer))}`);
    if (direct && direct.tagName !== 'FIELDSET') {
      direct.focus();
      return;
    }
    const group = this.renderRoot.querySelector<HTMLElement>(
      `[data-pointer="${CSS.escape(pointer)}"]`,
    );
    // In a radio group, focus the chosen option, as Tab into the group does: focusing another
    // option would make Space or an arrow key change the answer.
    const first =
      group?.querySelector<HTMLElement>('input[type=radio]:checked') ??
      group?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
    (first ?? direct ?? group)?.focus();
  }

  /** `ui:autofocus`: opt-in, since the form usually sits inside someone else's page. */
  #focusAutofocusField(): void {
    for (const field of this.#fieldsByPointer.values()) {
      if (field.ui['ui:autofocus'] === true) {
        this.#focusPointer(field.pointer);
        return;
      }
    }
  }

  protected override updated(): void {
    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = undefined;
    focus?.();
  }

  #emit(type: string, detail: unknown, cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }

  // ---- rendering --------------------------------------------------------------------------

  /** The definition error panel, or (its code could not be loaded: offline) its essentials. */
  #renderDefinitionError(error: DefinitionError): TemplateResult {
    const panel = definitionErrorModule.module;
    if (panel) return panel.renderDefinitionError(error);
    return html`<div class="definition-error" part="definition-error" role="alert">
      <h2>${msg('This form cannot be shown')}</h2>
      <p>${msg('The form could not be loaded. Please check your connection.')}</p>
    </div>`;
  }

  /** The id a summary link points at: the control, or the first option of a group. */
  #summaryTarget(pointer: string): string {
    const field = this.#fieldsByPointer.get(pointer);
    const id = controlId(pointer);
    const grouped =
      field &&
      (field.widget === 'radio' ||
        (field.kind === 'multi-choice' && field.widget === 'checkboxes'));
    return grouped ? `${id}-0` : id;
  }

  /** The confirmation, or (its code could not be loaded) its essentials. */
  #renderConfirmation(confirmation: { reference?: string }): TemplateResult {
    const panel = confirmationModule.module;
    if (panel) return panel.renderConfirmation(this.#host, confirmation, () => this.reset());
    return html`<section class="confirmation" part="confirmation">
      <h2 class="confirmation-title" tabindex="-1">${msg('Your request has been sent')}</h2>
      ${
        confirmation.reference
          ? html`<p>${msg('Your reference number')}</p>
              <p class="reference" part="reference"><strong>${confirmation.reference}</strong></p>`
          : nothing
      }
    </section>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (!this.#summary || this.#summary.length === 0) return nothing;
    return html`<div
      class="error-summary"
      part="summary"
      tabindex="-1"
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" part="summary-title">${msg('There is a problem')}</h2>
      <ul>
        ${this.#summary.map(
          (entry) =>
            html`<li>
              <a
                part="summary-link"
                href="#${this.#summaryTarget(entry.pointer)}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  this.#focusPointer(entry.pointer);
                }}
                >${entry.message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /**
   * The field tree for the current data, rebuilt when data or definition changed; after a change
   * of data, only the fields on the changed path are built again (see `buildFieldTree`).
   */
  #currentTree(): Field | undefined {
    if (!this.#resolver || !this.#currentDefinition) return undefined;
    const cache = this.#treeCache;
    if (this.#treeFits(this.#data)) return cache!.tree;
    const widgets = widgetsVersion();
    const tree = buildFieldTree(
      this.#treeContext(widgets),
      this.#data,
      cache?.resolver === this.#resolver ? cache.tree : undefined,
    );
    this.#setTree(tree, widgets);
    return tree;
  }

  /** Whether the cached tree was built for `data` and nothing else changed since. */
  #treeFits(data: JsonValue | undefined): boolean {
    const cache = this.#treeCache;
    return (
      cache !== undefined &&
      cache.resolver === this.#resolver &&
      !this.#treeStale &&
      cache.data === data &&
      cache.widgets === widgetsVersion()
    );
  }

  /**
   * After one change (the value at `pointer`, from `before`): the tree with only the fields on
   * its path built again, where the tree for `before` is at hand.
   */
  #advanceTree(before: JsonValue | undefined, pointer: string): void {
    if (!this.#treeFits(before)) return;
    const widgets = widgetsVersion();
    this.#setTree(
      updateFieldTree(this.#treeContext(widgets), this.#treeCache!.tree, this.#data, pointer),
      widgets,
    );
  }

  #treeContext(widgets: number): TreeContext {
    return {
      resolver: this.#resolver!,
      ui: this.#currentDefinition!.ui ?? {},
      hasWidget,
      conditions: this.#conditions,
      chosenAlternative: (pointer) => this.#chosenAlternatives.get(pointer),
      widgetsVersion: widgets,
    };
  }

  #setTree(tree: Field, widgets: number): void {
    this.#treeStale = false;
    this.#treeCache = { data: this.#data, resolver: this.#resolver!, widgets, tree };
  }

  #treeCache?: {
    data: JsonValue | undefined;
    resolver: SchemaResolver;
    widgets: number;
    tree: Field;
  };
  /** Set when something besides the data decides the tree (an alternative picked). */
  #treeStale = false;

  /**
   * Every field of the current tree by its pointer, in form order. Indexed when asked for, not
   * on every change: typing does not need it.
   */
  get #fieldsByPointer(): Map<string, Field> {
    const tree = this.#currentTree();
    if (!tree) return new Map();
    if (this.#fieldIndex?.tree !== tree) this.#fieldIndex = { tree, fields: indexFields(tree) };
    return this.#fieldIndex.fields;
  }

  /** Decides conditions and alternatives with the form's validator. */
  readonly #matcher = (at: { location: string }, data: unknown): boolean =>
    this.#validator?.matches(at.location, data) ?? false;

  /** The data of the questions that apply now (see `activeValue`). */
  #activeData(): JsonValue | undefined {
    const tree = this.#currentTree();
    if (!tree) return this.#data;
    // Asked for twice on every change (validation, then the intake-change value): computed once
    // per tree, which is rebuilt whenever the data changes.
    if (this.#activeCache?.tree !== tree)
      this.#activeCache = { tree, value: activeValue(tree, this.#data) };
    return this.#activeCache.value;
  }

  #activeCache?: { tree: Field; value: JsonValue | undefined };

  /** Position of each rendered field in the form (the order people read it in). */
  #fieldOrder(): Map<string, number> {
    const order = new Map<string, number>();
    for (const pointer of this.#fieldsByPointer.keys())
      if (pointer !== '') order.set(pointer, order.size);
    return order;
  }

  get #renderContext(): RenderContext {
    const signatures = this.#groupSignatures();
    return {
      text: this.#formText,
      locale: this.#activeLocale,
      // The library's own strings ("(optional)", error messages) follow the loaded locale.
      stringsLocale: getLocale(),
      groupSignature: (name) => signatures.get(name),
      shownError: (pointer) => this.#shownError(pointer),
      setValue: (pointer, value) => this.#setValueAt(pointer, value),
      touch: (pointer) => this.#touch(pointer),
      setLocalError: (pointer, message) => this.#setLocalError(pointer, message),
      rawText: (pointer) => this.#rawTexts.get(pointer),
      setRawText: (pointer, text) => {
        if (text === undefined) this.#rawTexts.delete(pointer);
        else this.#rawTexts.set(pointer, text);
      },
      chooseAlternative: (pointer, index) => {
        const activeBefore = this.#fieldsByPointer;
        this.#chosenAlternatives.set(pointer, index);
        this.#treeStale = true;
        this.#fillNewlyActive(activeBefore);
        this.#revalidate();
        this.requestUpdate();
      },
      arrays: this.#host,
    };
  }

  /**
   * A control the person leaves is touched: its errors show from now on. One listener for the
   * whole form instead of one per control (the built-in widgets leave it to this; a widget of
   * one's own may also call `touch()`).
   */
  /**
   * When the person enters a control, its top-level property is validated (if it is not
   * already): the work of their first keystroke there, done before they type.
   */
  #handleFocusIn(event: FocusEvent): void {
    const name = (event.target as Element).getAttribute('name');
    if (name !== null && this.#fieldsByPointer.has(name))
      this.#live?.refresh(this.#activeData(), topLevelName(name));
  }

  #handleFocusOut(event: FocusEvent): void {
    const name = (event.target as Element).getAttribute('name');
    if (name !== null && this.#fieldsByPointer.has(name)) this.#touch(name);
  }

  #handleSubmit(event: Event): void {
    event.preventDefault();
    // Enter in a field, or the primary button: move on while there is somewhere to go.
    const last = this.step >= this.#activeSteps().length - 1;
    if (!this.#reviewing && (!last || this.#hasReview)) void this.next();
    else void this.submit();
  }

  protected override render(): TemplateResult {
    // Parts that arrived with their own code bring their own styles.
    for (const part of [arrayModule, reviewModule, fileWidget])
      if (part.module) adoptStyles(this.renderRoot, part.module.styles);
    const locale = this.#activeLocale;
    if (this.status === 'error' && this.#definitionError) {
      return html`<div lang=${locale} dir=${directionOf(locale)}>
        ${this.#renderDefinitionError(this.#definitionError)}
      </div>`;
    }
    if (this.status !== 'ready' || !this.#resolver || !this.#currentDefinition) {
      return html`<p role="status" aria-busy="true" lang=${locale} dir=${directionOf(locale)}>
        ${msg('Loading form…')}
      </p>`;
    }
    const tree = this.#currentTree()!;
    const context = this.#renderContext;
    const title = tree.label.key !== undefined ? context.text.get(tree.label) : undefined;
    const description = tree.description ? context.text.get(tree.description) : undefined;
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">
      ${this.#announcement}
    </div>`;
    if (this.#confirmation) {
      return html`<div lang=${locale} dir=${directionOf(locale)}>
        ${this.#renderConfirmation(this.#confirmation)}${live}
      </div>`;
    }
    if (this.#outbox?.queued) {
      return html`<div lang=${locale} dir=${directionOf(locale)}>
        ${this.#outbox.renderQueued()}${live}
      </div>`;
    }
    const steps = this.#activeSteps();
    const index = this.step;
    const step = steps[index];
    const multiStep = this.#hasStepList;
    const last = index >= steps.length - 1;
    const sending = Boolean(this.#submitting);
    const stepTitle =
      multiStep && step && step.title.text ? context.text.get(step.title) : undefined;
    const stepDescription =
      multiStep && step?.description ? context.text.get(step.description) : undefined;
    const fields = step ? step.fields : [];
    return html`<form
      part="form"
      novalidate
      lang=${locale}
      dir=${directionOf(locale)}
      @submit=${this.#handleSubmit}
      @focusin=${this.#handleFocusIn}
      @focusout=${this.#handleFocusOut}
    >
      ${title ? html`<h2 class="form-title" part="title" lang=${title.lang}>${title.text}</h2>` : nothing}
      ${
        description && index === 0 && !this.#reviewing
          ? html`<div class="form-description" part="description" lang=${description.lang}>
              ${renderText(description.text)}
            </div>`
          : nothing
      }
      ${this.#outbox?.notice ? html`<p class="notice" part="notice">${this.#outbox.notice}</p>` : nothing}
      ${this.draft === 'local' && this.#drafts ? this.#drafts.render() : nothing}
      ${
        multiStep && !this.#reviewing
          ? html`<p class="progress" part="progress">${this.#progressText()}</p>`
          : nothing
      }
      ${this.#renderSummary()}
      ${
        this.#reviewing
          ? reviewModule.module?.renderReview(steps, {
              text: context.text,
              locale,
              change: (pointer) => this.#changeFromReview(pointer),
            })
          : html`${
              stepTitle
                ? html`<h3
                    class="step-title"
                    part="step-title"
                    tabindex="-1"
                    lang=${stepTitle.lang}
                  >
                    ${stepTitle.text}
                  </h3>`
                : nothing
            }
            ${stepDescription ? html`<div class="hint" part="step-description" lang=${stepDescription.lang}>${renderText(stepDescription.text)}</div>` : nothing}
            ${renderField({ ...(tree as ObjectField), kind: 'object', children: fields } as Field, context)}`
      }
      ${
        this.#upload
          ? html`<p class="upload" part="upload">
              <label for="upload-progress">${msg('Sending your files…')}</label>
              <progress
                id="upload-progress"
                max=${this.#upload.total}
                value=${this.#upload.loaded}
              ></progress>
            </p>`
          : nothing
      }
      <div class="actions" part="actions">
        ${
          (multiStep || this.#hasReview) && (index > 0 || this.#reviewing)
            ? html`<button
                type="button"
                part="button back"
                class="back"
                @click=${() => void this.back()}
              >
                ${msg('Back')}
              </button>`
            : nothing
        }
        ${
          this.#reviewing || (last && !this.#hasReview)
            ? html`<button type="submit" class="primary" part="button submit" ?disabled=${sending}>
                ${msg('Send')}
              </button>`
            : html`<button type="submit" class="primary" part="button next">
                ${msg('Continue')}
              </button>`
        }
      </div>
      ${live}
    </form>`;
  }
}
