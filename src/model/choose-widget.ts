/**
 * Picks the widget for a value: `ui:widget` where given, else from type, format and choices.
 */
import type { SchemaObject, UiSchema } from './types.js';
import { primaryType } from '../core/control-count.js';

// One rule with the command line's count of controls (src/core/control-count.js).
export { primaryType };

/** react-jsonschema-form widget names that mean one of ours. */
export const WIDGET_ALIASES: Readonly<Record<string, string>> = {
  updown: 'number',
  TextWidget: 'text',
  TextareaWidget: 'textarea',
  SelectWidget: 'select',
  RadioWidget: 'radio',
  CheckboxWidget: 'checkbox',
  CheckboxesWidget: 'checkboxes',
  'alt-date': 'date',
  'alt-datetime': 'datetime-local',
  'date-time': 'datetime-local',
  datetime: 'datetime-local',
  uri: 'url',
  phone: 'tel',
  file: 'file',
  files: 'file',
};

/** The widget a string format gets unless `ui:widget` says otherwise. */
export const FORMAT_WIDGETS: Readonly<Record<string, string>> = {
  email: 'email',
  uri: 'url',
  url: 'url',
  date: 'date',
  'date-time': 'datetime-local',
  time: 'time',
  'data-url': 'file',
  color: 'color',
};

/**
 * Chooses a widget name. `registered` tells whether an embedder registered a widget of that name,
 * so `ui:widget` may name a custom one.
 */
export function chooseWidget(
  schema: SchemaObject,
  ui: UiSchema,
  type: string,
  hasChoices: boolean,
  registered: (name: string) => boolean,
): string {
  const requested = typeof ui['ui:widget'] === 'string' ? ui['ui:widget'] : undefined;
  if (requested) {
    const name = WIDGET_ALIASES[requested] ?? requested;
    if (registered(name)) return name;
  }
  if (type === 'boolean') return 'checkbox';
  if (hasChoices) return 'select';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'null') return 'null';
  if (type === 'string' && typeof schema.format === 'string') {
    const byFormat = FORMAT_WIDGETS[schema.format];
    if (byFormat) return byFormat;
  }
  return 'text';
}
