/**
 * The state of one form, without a DOM: the loaded definition, everything entered, which fields
 * the person left, which errors show, the place in a multi-step form. Every change goes through
 * one of its methods, which then tell the host (`onChange`) to render again. The element and its
 * controllers call these methods; nothing assigns the state from outside.
 */
import { settleDefaults } from './settle-defaults.js';
import { applyDefaults, computeDefaults } from '../model/apply-defaults.js';
import type { ListModel } from '../model/array-model.js';
import type { MapModel } from '../model/map-model.js';
import type { ConditionLogic, withChoices } from '../model/condition-logic.js';
import type { SchemaMatcher } from '../model/apply-conditions.js';
import type { ArrayField, Field } from '../model/field.js';
import { getAtPointer, setAtPointer, topLevelName } from '../model/json-pointer.js';
import type { withNewlyActiveDefaults } from '../model/newly-active-defaults.js';
import { cloneJson } from '../model/own.js';
import { emptyRootValue } from '../model/root-value.js';
import type { SchemaAt, SchemaResolver } from '../model/schema-resolver.js';
import { newValue } from '../model/new-value.js';
import type { FieldError, FormDefinition, JsonValue } from '../model/types.js';
import { LiveValidation } from '../validation/live-validation.js';
import type { FormValidator } from '../validation/validator.js';
import { summaryEntries, type SummaryEntry } from './error-summary.js';
import {
  displayPointer,
  exposedNames,
  firstShownPerField,
  inFormOrder,
  isExposed,
  nothingExposed,
  type Exposure,
} from './error-visibility.js';
import {
  changeFromReview,
  FIRST_STEP,
  nextStep,
  previousStep,
  primaryAction,
  stepShowing,
  visibleStep,
  type StepPosition,
} from './step-flow.js';
import { computeSteps, type Step } from './steps.js';
import { FieldTree } from './field-tree.js';
import { groupSignatures } from './group-signatures.js';
import { Memo } from './memo.js';
import { PendingInput } from './pending-input.js';
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

/** The conditions part (src/internal/chunks/conditions.ts), for schemas that have conditions. */
export interface ConditionParts {
  conditionLogic(matches: SchemaMatcher): ConditionLogic;
  withChoices: typeof withChoices;
  withNewlyActiveDefaults: typeof withNewlyActiveDefaults;
}

/** A definition ready to use, with the parts of the library it needs. */
export interface LoadedForm {
  definition: FormDefinition;
  resolver: SchemaResolver;
  validator: FormValidator;
  /** Where the schema has conditions or alternatives. */
  conditions?: ConditionParts;
  /** Where the schema has lists. */
  lists?: ListModel;
  /** Where the schema has maps. */
  maps?: MapModel;
}

/** What the state needs from the outside world: words, widgets and someone to tell. */
export interface FormStateOptions {
  /** The message of a schema error, in the current language. */
  message(error: FieldError, field: Field | undefined): string;
  /** A field's label, in the current language (for the error summary). */
  label(field: Field): string;
  /** The language of that label where it is a fallback in another (marked in the summary). */
  labelLang?(field: Field): string | undefined;
  /** Whether a widget of that name exists. */
  hasWidget(name: string): boolean;
  /** Changes whenever a widget is registered. */
  widgetsVersion(): number;
  /** Called after every change; `pointer` when it was a value the person edited there. */
  onChange(pointer?: string): void;
}

const NO_ERRORS: ReadonlyMap<string, FieldError> = new Map();

export class FormState {
  definition?: FormDefinition;
  resolver?: SchemaResolver;
  validator?: FormValidator;
  /** The error summary on show, if any. */
  summary?: SummaryEntry[];
  /** Where the person is in a multi-step form. */
  position: StepPosition = FIRST_STEP;

  #data: JsonValue | undefined = undefined;
  /** The errors of the current data, validated as far as they are needed. */
  #live?: LiveValidation;
  #logic?: ConditionLogic;
  #conditions?: ConditionParts;
  #lists?: ListModel;
  #maps?: MapModel;
  #touched = new Set<string>();
  #showAll = false;
  /** Top-level fields whose errors show although untouched (the person tried to leave their step). */
  readonly #shownNames = new Set<string>();
  #localErrors = new Map<string, string>();
  /** Input on its way into the data (a file being read), which sending waits for. */
  readonly pendingInput = new PendingInput();
  #serverErrors = new Map<string, string>();
  /** The object alternative the person picked, per pointer (where no discriminator tells). */
  readonly #chosen = new Map<string, number>();
  /** Typed text that is not (yet) a value, per pointer (see `WidgetContext.rawText`). */
  #rawTexts = new Map<string, string>();

  readonly #trees = new FieldTree(() =>
    this.resolver && this.definition
      ? {
          resolver: this.resolver,
          ui: this.definition.ui ?? {},
          conditions: this.#logic,
          lists: this.#lists,
          maps: this.#maps,
          chosenAlternative: (pointer) => this.#chosen.get(pointer),
          hasWidget: this.options.hasWidget,
          widgetsVersion: this.options.widgetsVersion,
        }
      : undefined,
  );

  constructor(private readonly options: FormStateOptions) {}

  /** Everything entered, including answers to questions that do not apply now. */
  get data(): JsonValue | undefined {
    return this.#data;
  }
  /** The root's empty value: `{}`, `[]` for a root list, nothing for a root answer. */
  get emptyValue(): JsonValue | undefined {
    return emptyRootValue(this.resolver);
  }

  /** Takes a loaded definition; what was entered stays where its pointer still exists. */
  load(loaded: LoadedForm): void {
    this.definition = loaded.definition;
    this.resolver = loaded.resolver;
    this.validator = loaded.validator;
    this.#live = new LiveValidation(loaded.validator);
    this.#conditions = loaded.conditions;
    this.#lists = loaded.lists;
    this.#maps = loaded.maps;
    const validator = loaded.validator;
    this.#logic = loaded.conditions?.conditionLogic((at, data) =>
      validator.matches(at.location, data),
    );
    this.#data = this.withDefaults(cloneJson(this.#data ?? this.emptyValue) as JsonValue);
  }

  // ---- edits ------------------------------------------------------------------------------

  /** Sets the value at `pointer`, as the person entering it. */
  setValue(pointer: string, value: JsonValue | undefined): void {
    const before = this.#data;
    // Where conditions decide which questions apply, a change may switch some on.
    const activeBefore = this.#logic ? this.fields : undefined;
    this.#data = setAtPointer(this.#data ?? this.emptyValue, pointer, value);
    this.#trees.advance(before, this.#data, pointer);
    if (activeBefore) this.#fillNewlyActive(activeBefore);
    this.#serverErrors.delete(pointer);
    this.#revalidate(pointer);
    this.options.onChange(pointer);
  }

  /** Replaces all data (the `value` property): defaults fill the gaps. */
  replace(value: JsonValue | undefined): void {
    const given = cloneJson(value ?? this.emptyValue) as JsonValue;
    this.#data = this.resolver ? this.withDefaults(given) : given;
    this.#localErrors.clear();
    this.#rawTexts.clear();
    this.#revalidate();
    this.options.onChange();
  }

  /** The person picked alternative `index` for the object at `pointer`. */
  chooseAlternative(pointer: string, index: number): void {
    const activeBefore = this.fields;
    this.#chosen.set(pointer, index);
    this.#trees.invalidate();
    this.#fillNewlyActive(activeBefore);
    this.#revalidate();
    this.options.onChange();
  }

  /** The person left the control of `pointer`: its errors show from now on. */
  touch(pointer: string): void {
    if (this.#touched.has(pointer)) return;
    this.#touched.add(pointer);
    this.options.onChange();
  }

  /** A problem a widget found itself (a file too large, text that is no number), or none. */
  setLocalError(pointer: string, message: string | undefined): void {
    if (message) this.#localErrors.set(pointer, message);
    else this.#localErrors.delete(pointer);
    this.options.onChange();
  }

  /** Typed text at `pointer` that is not (yet) a value. */
  rawText(pointer: string): string | undefined {
    return this.#rawTexts.get(pointer);
  }

  setRawText(pointer: string, text: string | undefined): void {
    if (text === undefined) this.#rawTexts.delete(pointer);
    else this.#rawTexts.set(pointer, text);
  }

  // Lists exist only where the schema has them, and then the model of lists is loaded.

  /** Appends an entry with its schema's defaults to a list; returns its index. */
  addItem(field: ArrayField): number {
    const list = this.#items(field);
    this.setValue(field.pointer, this.#lists!.withItemAdded(list, this.#newItem(field)));
    return list.length;
  }

  /** Takes entry `index` out of a list; returns how many remain. */
  removeItem(field: ArrayField, index: number): number {
    const lists = this.#lists!;
    const remaining = lists.withoutItem(this.#items(field), index);
    this.#remapPointers((pointer) => lists.shiftedPointer(pointer, field.pointer, index));
    this.setValue(field.pointer, remaining);
    return remaining.length;
  }

  /** Moves entry `from` of a list to `to`; `false` when `to` is outside the list. */
  moveItem(field: ArrayField, from: number, to: number): boolean {
    const moved = this.#lists!.withItemMoved(this.#items(field), from, to);
    if (!moved) return false;
    this.setValue(field.pointer, moved);
    return true;
  }

  /**
   * Restores a saved draft: what `keep` keeps of it (a draft's rule: src/model/draft-value.ts) for
   * the questions that exist in this version of the form; from another version, only the values
   * that still validate there.
   */
  restore(
    saved: JsonValue,
    sameVersion: boolean,
    keep: (tree: Field, data: JsonValue) => JsonValue | undefined,
  ): void {
    this.#data = this.withDefaults(saved);
    this.#data = keep(this.tree()!, this.#data ?? saved) ?? this.emptyValue;
    if (!sameVersion && this.validator) {
      for (const error of this.validator.validate(this.activeData()))
        if (error.keyword !== 'required' && error.keyword !== 'dependentRequired')
          this.#data = setAtPointer(this.#data, error.pointer, undefined);
    }
    this.#data = this.withDefaults(this.#data ?? this.emptyValue);
    this.#revalidate();
    this.options.onChange();
  }

  /** Back to the defaults, the first step, no errors shown. */
  reset(): void {
    this.#touched.clear();
    this.#showAll = false;
    this.#shownNames.clear();
    this.position = FIRST_STEP;
    this.summary = undefined;
    this.#localErrors.clear();
    this.#rawTexts.clear();
    this.#serverErrors.clear();
    this.#data = this.resolver ? this.withDefaults(this.emptyValue) : {};
    this.#revalidate();
    this.options.onChange();
  }

  /** `value` with the schema's defaults (and those of the alternatives picked) where it has nothing. */
  withDefaults(value: JsonValue | undefined): JsonValue | undefined {
    const logic = this.#logic;
    const choices = logic && this.#conditions?.withChoices(logic, (at) => this.#chosen.get(at));
    return settleDefaults(
      (data) => applyDefaults(this.resolver!, data, choices || logic, this.#lists),
      value,
      logic !== undefined,
    );
  }

  #items(field: ArrayField): JsonValue[] {
    const current = getAtPointer(this.#data, field.pointer);
    return Array.isArray(current) ? (current as JsonValue[]) : [];
  }

  /** The value a part starts with when the person asks for it (see new-value.ts). */
  newValue(at: SchemaAt): JsonValue {
    return newValue(this.resolver!, at, this.#logic, this.#lists);
  }

  /** The value of a new list entry: its schema's defaults. */
  #newItem(field: ArrayField): JsonValue | undefined {
    if (!field.newItem) return undefined;
    return computeDefaults(
      this.resolver!,
      field.newItem,
      undefined,
      undefined,
      field.refTargets,
      true,
      this.#logic,
      this.#lists,
    );
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

  /**
   * After a change that switched questions on (a condition now holds, another alternative was
   * picked): their defaults, as the form would have shown them at load. Only questions that did
   * not apply before the change get them, so that a default the person cleared stays cleared.
   * A change that switched nothing on (most keystrokes) costs one pass over the field index.
   */
  #fillNewlyActive(activeBefore: ReadonlyMap<string, Field>): void {
    let switchedOn = false;
    for (const pointer of this.fields.keys())
      if (!activeBefore.has(pointer)) {
        switchedOn = true;
        break;
      }
    if (!switchedOn || !this.#conditions) return;
    const data = this.#data;
    this.#data = this.#conditions.withNewlyActiveDefaults(
      data,
      this.withDefaults(data ?? this.emptyValue),
      activeBefore,
    );
  }

  // ---- validation and errors ----------------------------------------------------------------

  get #exposure(): Exposure {
    return { showAll: this.#showAll, shownNames: this.#shownNames, touched: this.#touched };
  }

  /**
   * After a change: validates at once what a change at `pointer` affects (so that a shown error
   * follows the typing), and keeps a shown error summary in step. Everything else is validated
   * when it is needed (see `LiveValidation`).
   */
  #revalidate(pointer?: string): void {
    // Only the questions that apply are checked: a switched-off branch's data is not submitted.
    if (pointer !== undefined) this.#live?.refresh(this.activeData(), topLevelName(pointer));
    if (this.summary) {
      // The summary follows the fixes as they are made, listing only errors already shown.
      const exposure = this.#exposure;
      const shown = this.errors().filter((error) => isExposed(error.pointer, exposure));
      this.summary = shown.length > 0 ? this.#summaryOf(shown) : undefined;
    }
  }

  /** Keeps a shown error summary in step with the data and the language. */
  revalidate(): void {
    this.#revalidate();
  }

  /**
   * The work that would otherwise make the first keystroke in the top-level property `name`
   * slower than the others: its validation (the validator's code is compiled on first use).
   */
  prepare(name: string): void {
    this.#live?.refresh(this.activeData(), name);
  }

  #summaryOf(errors: ValidationError[] = this.errors()): SummaryEntry[] {
    return summaryEntries(errors, this.fields, this.options.label, this.options.labelLang);
  }

  #messageFor(error: FieldError): string {
    return this.options.message(error, this.fields.get(error.pointer));
  }

  /** Every error with its message: local (file, number) problems, server errors, then schema errors, in form order. */
  errors(): ValidationError[] {
    const result: ValidationError[] = [];
    for (const [pointer, message] of this.#localErrors)
      result.push({ pointer, keyword: 'input', message });
    for (const [pointer, message] of this.#serverErrors)
      result.push({ pointer, keyword: 'server', message });
    for (const error of this.#live?.all(this.activeData()) ?? []) {
      if (this.#localErrors.has(error.pointer)) continue;
      result.push({
        pointer: error.pointer,
        keyword: error.keyword,
        message: this.#messageFor(error),
      });
    }
    // People read and fix errors in the order of the form, not in ajv's order of evaluation.
    return inFormOrder(result, this.fields);
  }

  /** Validates the whole form and shows every error. */
  validateAll(): ValidationResult {
    this.#showAll = true;
    this.#revalidate();
    const errors = this.errors();
    this.summary = errors.length > 0 ? this.#summaryOf() : undefined;
    this.options.onChange();
    return { valid: errors.length === 0, errors };
  }

  /** The server's objections (problem+json): on their fields, in the summary. */
  setServerErrors(errors: readonly [pointer: string, message: string][]): void {
    this.#serverErrors = new Map(errors);
    this.#showAll = true;
    this.summary = this.#summaryOf();
    this.options.onChange();
  }

  /** Forgets the server's objections (they are checked again by sending). */
  clearServerErrors(): void {
    this.#serverErrors.clear();
  }

  /** The message shown at a field's pointer, if any. */
  shownError(pointer: string): string | undefined {
    const local = this.#localErrors.get(pointer);
    if (local && isExposed(pointer, this.#exposure)) return local;
    const server = this.#serverErrors.get(pointer);
    if (server) return server;
    const error = this.#shownSchemaErrors().get(pointer);
    return error ? this.#messageFor(error) : undefined;
  }

  /**
   * The first visible schema error per displaying field, computed once per render rather than
   * once per field (a form may have a thousand fields). Validates only the parts whose errors
   * can show: none before the first field is left, then the top-level properties touched.
   */
  #shownSchemaErrors(): ReadonlyMap<string, FieldError> {
    const exposure = this.#exposure;
    if (nothingExposed(exposure)) return NO_ERRORS;
    const data = this.activeData();
    const showAll = this.#showAll;
    const inputs = [data, this.#touched.size, this.#shownNames.size, showAll, this.#trees.current];
    return this.#shownCache.get(inputs, () => {
      const live = this.#live;
      const errors = !live
        ? []
        : showAll
          ? live.all(data)
          : live.some(data, exposedNames(exposure));
      return firstShownPerField(errors, exposure, this.fields);
    });
  }

  readonly #shownCache = new Memo<ReadonlyMap<string, FieldError>>();

  /** Per top-level property, what its rendering shows besides its fields (see `groupSignatures`). */
  groupSignatures(): Map<string, string> {
    const exposure = this.#exposure;
    const shown = [...this.#shownSchemaErrors()].map(([p, e]) => [p, this.#messageFor(e)] as const);
    const local = [...this.#localErrors].filter(([pointer]) => isExposed(pointer, exposure));
    const raw = [...this.#rawTexts].map(([pointer, text]) => [pointer, `raw:${text}`] as const);
    return groupSignatures(shown, local, this.#serverErrors, raw);
  }

  /** The pointer of the field that shows an error at `pointer`. */
  displayPointer(pointer: string): string {
    return displayPointer(pointer, this.fields);
  }

  // ---- steps --------------------------------------------------------------------------------

  /** Whether the definition has `ui:steps`. */
  get hasStepList(): boolean {
    return Array.isArray(this.definition?.ui?.['ui:steps']);
  }

  /** Multi-step forms always end with a review; one-page forms when `ui:review` is true. */
  get hasReview(): boolean {
    return this.hasStepList || this.definition?.ui?.['ui:review'] === true;
  }

  /** The steps whose fields are active for the current data. */
  steps(): Step[] {
    const tree = this.tree();
    return tree ? computeSteps(this.definition?.ui ?? {}, tree) : [];
  }

  /** Index of the visible step among the active steps, `-1` on the review. */
  get step(): number {
    return visibleStep(this.position, this.steps().length);
  }

  /**
   * Checks the visible step before "Continue": its errors (which then show, with the summary),
   * or `undefined` when there is no step to leave.
   */
  checkStep(): ValidationError[] | undefined {
    const current = this.steps()[this.step];
    if (!current || this.position.reviewing) return undefined;
    this.#revalidate();
    const names = new Set(current.fields.map((field) => topLevelName(field.pointer)));
    const errors = this.errors().filter((error) => names.has(topLevelName(error.pointer)));
    if (errors.length > 0) {
      names.forEach((name) => this.#shownNames.add(name));
      this.summary = this.#summaryOf(errors);
      this.options.onChange();
    } else {
      this.summary = undefined;
    }
    return errors;
  }

  /** Where "Continue" leads from here (after `checkStep` passed), if anywhere. */
  following(): StepPosition | undefined {
    return nextStep(this.position, this.steps().length, this.hasReview);
  }

  /** Goes where "Back" leads; `false` when there is nowhere to go. */
  back(): boolean {
    const target = previousStep(this.position, this.steps().length);
    if (!target) return false;
    this.summary = undefined;
    return this.goTo(target);
  }

  /** Goes to `position`. */
  goTo(position: StepPosition): boolean {
    this.position = position;
    this.options.onChange();
    return true;
  }

  /** Goes to active step `index` without checking it (a preview); `false` when there is none. */
  showStep(index: number): boolean {
    if (!this.steps()[index]) return false;
    this.summary = undefined;
    return this.goTo({ index, reviewing: false, returnToReview: false });
  }

  /** "Change" on the review: the step of `pointer`; "Continue" then returns to the review. */
  changeFromReview(pointer: string): void {
    this.goTo(changeFromReview(this.steps(), pointer));
  }

  /** Leaves the review for the step that shows `pointer`; `true` when the visible step changed. */
  showStepOf(pointer: string): boolean {
    const target = stepShowing(this.position, this.steps(), this.displayPointer(pointer));
    if (!target || (!this.hasStepList && !this.hasReview)) return false;
    const moved = this.position.reviewing || target.index !== this.step;
    this.position = target;
    return moved;
  }

  /** What Enter (or the primary button) does on the visible step. */
  primaryAction(): 'next' | 'submit' {
    return primaryAction(this.position, this.steps().length, this.hasReview);
  }

  // ---- the field tree ---------------------------------------------------------------------

  /** The field tree for the current data (see `FieldTree`). */
  tree(): Field | undefined {
    return this.#trees.tree(this.#data);
  }

  /** Every field of the current tree by its pointer, in form order. */
  get fields(): Map<string, Field> {
    return this.#trees.fields(this.#data);
  }

  /** The data of the questions that apply now (see `activeValue`). */
  activeData(): JsonValue | undefined {
    return this.#trees.activeData(this.#data);
  }
}
