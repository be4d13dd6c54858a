/**
 * intake-elements: importing this module registers `<intake-form>`.
 * Importing it twice, or next to another copy, does not throw.
 */
import { IntakeForm } from './intake-form.js';
import { IntakeLanguagePicker } from './intake-language-picker.js';

if (!customElements.get('intake-form')) customElements.define('intake-form', IntakeForm);
if (!customElements.get('intake-language-picker')) {
  customElements.define('intake-language-picker', IntakeLanguagePicker);
}

declare global {
  interface HTMLElementTagNameMap {
    'intake-form': IntakeForm;
    'intake-language-picker': IntakeLanguagePicker;
  }
}

export { IntakeForm, IntakeLanguagePicker };
export type { ValidationError, ValidationResult, SubmitResult } from './intake-form.js';
export { registerWidget } from './widgets/registry.js';
export type { WidgetContext, WidgetRender, WidgetOptions } from './widgets/registry.js';
export type { Field, Choice, Text } from './model/field.js';
export type {
  FormDefinition,
  JsonValue,
  SchemaObject,
  UiSchema,
  StepDefinition,
} from './model/types.js';
export { DefinitionError } from './model/definition-error.js';
