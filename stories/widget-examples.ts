/**
 * The widget examples: every built-in widget a person can see, each in every state of
 * `WIDGET_STATES` (one Storybook group per widget, `Widgets/<title>`).
 */
import type { JsonValue, SchemaObject, UiSchema } from '../src/index.js';
import { definition, settle, type Example } from './example-kit.js';

/** The states every widget is shown (and tested) in. */
export const WIDGET_STATES = [
  'empty',
  'filled',
  'error',
  'disabled',
  'read-only',
  'with-help',
] as const;
export type WidgetState = (typeof WIDGET_STATES)[number];

export const WIDGET_STATE_NAMES: Record<WidgetState, string> = {
  empty: 'Empty',
  filled: 'Filled',
  error: 'Error shown',
  disabled: 'Disabled',
  'read-only': 'Read-only',
  'with-help': 'With help text',
};

interface WidgetSpec {
  /** Storybook title part. */
  title: string;
  /** The value's schema (its `title` is the label). */
  schema: SchemaObject;
  ui?: UiSchema;
  /** A valid value, for the filled, disabled and read-only states. */
  filled: JsonValue;
  /** An invalid value for the error state; without one the error is "required". */
  invalid?: JsonValue;
  description: string;
  help: string;
}

const PDF =
  'data:application/pdf;name=Bescheid.pdf;base64,JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK';
const PHOTO =
  'data:image/png;name=Pass-Foto.png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const choices = [
  { const: 'email', title: 'Email' },
  { const: 'phone', title: 'Phone' },
  { const: 'post', title: 'Letter' },
];

const topics = [
  { const: 'housing', title: 'Housing' },
  { const: 'work', title: 'Work and training' },
  { const: 'school', title: 'School and childcare' },
  { const: 'health', title: 'Health' },
];

/** Every built-in widget a person can see, keyed by its registry name. */
export const WIDGETS: Record<string, WidgetSpec> = {
  text: {
    title: 'Text',
    schema: { type: 'string', title: 'Full name', minLength: 2, maxLength: 100 },
    ui: { 'ui:autocomplete': 'name' },
    filled: 'Amal Haddad',
    invalid: 'A',
    description: 'As written in your passport or residence document.',
    help: 'Write your family name last.',
  },
  email: {
    title: 'Email',
    schema: { type: 'string', format: 'email', title: 'Email address' },
    ui: { 'ui:autocomplete': 'email' },
    filled: 'amal@example.org',
    invalid: 'amal@',
    description: 'We only use it to answer your request.',
    help: 'For example name@example.org.',
  },
  tel: {
    title: 'Telephone',
    schema: { type: 'string', title: 'Phone number', pattern: '^\\+?[0-9 ()/-]{6,30}$' },
    ui: { 'ui:widget': 'tel', 'ui:autocomplete': 'tel' },
    filled: '0221 1234567',
    invalid: 'call me',
    description: 'A mobile number is fine.',
    help: 'Digits, spaces, +, /, ( ) and - only.',
  },
  url: {
    title: 'URL',
    schema: { type: 'string', format: 'uri', title: 'Website of your employer' },
    filled: 'https://example.org',
    invalid: 'example',
    description: 'If you have one.',
    help: 'Starting with https://.',
  },
  password: {
    title: 'Password',
    schema: { type: 'string', title: 'Password for your account', minLength: 8 },
    ui: { 'ui:widget': 'password', 'ui:autocomplete': 'new-password' },
    filled: 'correct horse battery',
    invalid: 'abc',
    description: 'You need it to see the state of your request.',
    help: 'At least 8 characters.',
  },
  color: {
    title: 'Colour',
    schema: { type: 'string', format: 'color', title: 'Colour of your front door' },
    filled: '#0b5fa5',
    description: 'It helps the courier find you.',
    help: 'Pick the closest colour.',
  },
  number: {
    title: 'Number',
    schema: { type: 'integer', title: 'Number of children', minimum: 0, maximum: 15 },
    filled: 2,
    invalid: 42,
    description: 'Children under 18 who live with you.',
    help: 'Write 0 if none.',
  },
  range: {
    title: 'Range',
    schema: { type: 'integer', title: 'How urgent is your request?', minimum: 1, maximum: 5 },
    ui: { 'ui:widget': 'range' },
    filled: 4,
    description: '1 means "whenever you have time", 5 "as soon as possible".',
    help: 'Use the arrow keys to change the value.',
  },
  date: {
    title: 'Date',
    schema: { type: 'string', format: 'date', title: 'Date of birth' },
    ui: { 'ui:autocomplete': 'bday' },
    filled: '1990-03-04',
    description: 'As written in your passport.',
    help: 'If you do not know the exact day, use the one in your documents.',
  },
  time: {
    title: 'Time',
    schema: { type: 'string', format: 'time', title: 'Best time to call' },
    filled: '09:30',
    description: 'On weekdays.',
    help: 'We call between 8:00 and 16:00.',
  },
  'datetime-local': {
    title: 'Date and time',
    schema: { type: 'string', format: 'date-time', title: 'Appointment' },
    filled: '2026-11-03T09:30:00.000Z',
    description: 'When you would like to come.',
    help: 'Your local time.',
  },
  textarea: {
    title: 'Textarea',
    schema: { type: 'string', title: 'Your message', maxLength: 80 },
    ui: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
    filled: 'I am looking for a flat and a language course.',
    invalid:
      'I am looking for a flat, a language course, a school for my daughter and help with my papers.',
    description: 'Tell us briefly how we can help.',
    help: 'At most 80 characters.',
  },
  select: {
    title: 'Select',
    schema: { type: 'string', title: 'How should we contact you?', oneOf: choices },
    filled: 'phone',
    description: 'We answer within a week.',
    help: 'Choose one.',
  },
  radio: {
    title: 'Radio buttons',
    schema: { type: 'string', title: 'How should we contact you?', oneOf: choices },
    ui: { 'ui:widget': 'radio' },
    filled: 'email',
    description: 'We answer within a week.',
    help: 'Choose one.',
  },
  checkboxes: {
    title: 'Checkboxes',
    schema: {
      type: 'array',
      title: 'What would you like advice on?',
      uniqueItems: true,
      minItems: 1,
      items: { type: 'string', oneOf: topics },
    },
    ui: { 'ui:widget': 'checkboxes' },
    filled: ['housing', 'school'],
    invalid: [],
    description: 'One conversation can cover several topics.',
    help: 'Choose all that apply.',
  },
  checkbox: {
    title: 'Checkbox',
    schema: {
      type: 'boolean',
      const: true,
      title: 'I agree that my answers are processed to handle my request.',
    },
    filled: true,
    description: 'You can withdraw your consent at any time.',
    help: 'Without it we cannot answer.',
  },
  'multi-select': {
    title: 'Multiple select',
    schema: {
      type: 'array',
      title: 'Languages you speak',
      uniqueItems: true,
      minItems: 1,
      items: {
        type: 'string',
        oneOf: [
          { const: 'ar', title: 'Arabic' },
          { const: 'fa', title: 'Persian' },
          { const: 'uk', title: 'Ukrainian' },
          { const: 'de', title: 'German' },
        ],
      },
    },
    ui: { 'ui:widget': 'select' },
    filled: ['ar', 'de'],
    invalid: [],
    description: 'So that we can find an interpreter if needed.',
    help: 'Hold Ctrl (or Cmd) to choose several.',
  },
  file: {
    title: 'File',
    schema: { type: 'string', format: 'data-url', title: 'Your residence permit' },
    ui: { 'ui:options': { accept: '.pdf,image/*', maxSize: 2_000_000 } },
    filled: PDF,
    description: 'A scan or a photo of both sides.',
    help: 'PDF, JPEG or PNG.',
  },
  files: {
    title: 'Files',
    schema: {
      type: 'array',
      title: 'Certificates',
      minItems: 1,
      items: { type: 'string', format: 'data-url' },
    },
    ui: { 'ui:widget': 'files', 'ui:options': { accept: '.pdf,image/*' } },
    filled: [PDF, PHOTO],
    invalid: [],
    description: 'School, vocational or university certificates.',
    help: 'You can choose several files at once.',
  },
};

function widgetExample(widget: string, state: WidgetState): Example {
  const spec = WIDGETS[widget];
  const fieldUi: UiSchema = { ...(spec.ui ?? {}) };
  if (state === 'disabled') fieldUi['ui:disabled'] = true;
  if (state === 'read-only') fieldUi['ui:readonly'] = true;
  const schema: SchemaObject = { ...spec.schema };
  if (state === 'with-help') {
    schema.description = spec.description;
    fieldUi['ui:help'] = spec.help;
  }
  const prefilled = state === 'filled' || state === 'disabled' || state === 'read-only';
  const value =
    prefilled || (state === 'error' && spec.invalid !== undefined)
      ? { answer: state === 'error' ? spec.invalid! : spec.filled }
      : undefined;
  return {
    id: `widgets/${widget}/${state}`,
    group: `Widgets/${spec.title}`,
    name: WIDGET_STATE_NAMES[state],
    description: `The \`${widget}\` widget, ${WIDGET_STATE_NAMES[state].toLowerCase()}.`,
    definition: definition(
      `widget-${widget}`,
      { type: 'object', required: ['answer'], properties: { answer: schema } },
      { answer: fieldUi },
    ),
    value,
    setup:
      state === 'error'
        ? async (form) => {
            form.validate();
            await settle(form);
          }
        : undefined,
  };
}

export const widgetExamples: Example[] = Object.keys(WIDGETS).flatMap((widget) =>
  WIDGET_STATES.map((state) => widgetExample(widget, state)),
);
