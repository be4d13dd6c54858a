/**
 * Picks the widget for a value: `ui:widget` where given, else from type, format and choices.
 */
import type { SchemaObject, UiSchema } from './types.js';

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

/** The type a schema's value has (first non-null entry of a type list). */
export function primaryType(schema: SchemaObject): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? type[0];
  if (schema.properties) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if ('const' in schema && schema.const !== null)
    return typeof schema.const === 'object' ? undefined : (typeof schema.const as string);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const first = schema.enum.find((v) => v !== null);
    if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean')
      return typeof first;
  }
  return undefined;
}

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
