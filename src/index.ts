/**
 * intake-elements: importing this module registers `<intake-form>`.
 * Importing it twice, or next to another copy, does not throw.
 */
import { IntakeForm } from './intake-form.js';

if (!customElements.get('intake-form')) customElements.define('intake-form', IntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'intake-form': IntakeForm;
  }
}

export { IntakeForm };
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
