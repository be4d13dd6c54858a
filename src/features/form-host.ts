/**
 * What the lazily loaded parts of `<intake-form>` (drafts, outbox, arrays, …) may use of the
 * element. The element hands each part one object implementing this, so that its internals stay
 * private and each part states what it depends on.
 */
import type { FormText } from '../i18n/form-text.js';
import type { Field } from '../model/field.js';
import type { FormDefinition, JsonValue } from '../model/types.js';
import type { FormValidator } from '../validation/validator.js';

export interface FormHost {
  /** The element: events are dispatched on it. */
  readonly element: HTMLElement;
  /** Its shadow root, which holds every control. */
  readonly root: ParentNode;
  /** The loaded definition. */
  readonly definition: FormDefinition | undefined;
  /** The language shown now. */
  readonly locale: string;
  /** The form's own text in that language. */
  readonly text: FormText;
  /** The validator of the loaded definition. */
  readonly validator: FormValidator | undefined;
  /** Everything entered, including answers to questions that do not apply now. */
  data: JsonValue | undefined;
  /** The field tree for the current data. */
  tree(): Field | undefined;
  /** The data of the questions that apply now. */
  activeData(): JsonValue | undefined;
  /** `value` with the schema's defaults filled in where it has nothing. */
  withDefaults(value: JsonValue): JsonValue;
  /** Sets the value at `pointer` as if the person had entered it (events, validation, draft). */
  setValue(pointer: string, value: JsonValue | undefined): void;
  /** Says `text` through the form's live region. */
  announce(text: string): void;
  /** Renders the element again (soon); resolves when that is done. */
  update(): Promise<unknown>;
  /** Runs `action` (focus, mostly) once the next rendering is done. */
  afterUpdate(action: () => void): void;
  /** Dispatches a bubbling, composed event; `false` when it was cancelable and cancelled. */
  emit(type: string, detail: unknown, cancelable?: boolean): boolean;
}
