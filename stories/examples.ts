/**
 * The one list of named examples that feeds both the Storybook stories (stories/*.stories.ts)
 * and the accessibility tests (test/a11y/*.test.ts), as in the GOV.UK Design System: a state
 * that is shown to people is a state that is tested, and the other way round.
 *
 * An example is plain data plus an async `setup` that brings a ready form into the state shown,
 * using the element's public API only (`value`, `next()`, `validate()`, `submit()`, `transport`).
 * Nothing here depends on Storybook or on the test runner.
 */
import '../src/index.js';
import type {
  FormDefinition,
  IntakeForm,
  JsonValue,
  SchemaObject,
  UiSchema,
} from '../src/index.js';

/** The themes shipped in themes/. */
export type ThemeName = 'default' | 'kern';

export interface Example {
  /** Unique, stable id: `group/name` in kebab case (used in test names). */
  id: string;
  /** Storybook title (sidebar path), e.g. `Widgets/Text`. */
  group: string;
  /** Story name, e.g. `Error shown`. */
  name: string;
  /** What the example shows and why it exists. */
  description: string;
  /** An inline definition … */
  definition?: FormDefinition;
  /** … or a URL relative to the page (the example forms in schemas/). */
  src?: string;
  /** Loads `src` under another form id (so that its drafts and outbox stay its own). */
  formId?: string;
  /** `draft="local"`: the person may keep a draft on this device. */
  draft?: 'local';
  /** Locale to show unless a toolbar or test overrides it. */
  locale?: string;
  /** Data to prefill. */
  value?: JsonValue;
  /** A theme from themes/ applied to the page while the example is shown. */
  theme?: ThemeName;
  /** Custom properties set on the element (the theming story). */
  style?: Record<string, string>;
  /**
   * Brings the ready form into the state shown. May replace the form with a new one (a reload,
   * as for a restored draft) and return it.
   */
  setup?: (form: IntakeForm) => Promise<IntakeForm | void>;
}

// ---- helpers ------------------------------------------------------------------------------

type SubmitTransport = (request: { url: string; body: string }) => Promise<{
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}>;

/** A transport that accepts every submission with a reference number, as a backend would. */
export function acceptingTransport(reference: string): SubmitTransport {
  return async () => ({
    status: 201,
    headers: { 'content-type': 'application/json' },
    body: { reference },
  });
}

/** A transport for a device without a connection: no answer ever comes. */
export const offlineTransport: SubmitTransport = async () => {
  throw new TypeError('Network error (offline)');
};

function useTransport(form: IntakeForm, transport: SubmitTransport): void {
  (form as unknown as { transport: SubmitTransport }).transport = transport;
}

async function settle(form: IntakeForm): Promise<void> {
  await form.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await form.updateComplete;
}

/** Moves a multi-step form forward `steps` times; fails loudly if validation stops it. */
async function forward(form: IntakeForm, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (!(await form.next())) {
      throw new Error(`example setup: next() stopped at step ${form.step + 1}`);
    }
  }
}

/** Submits through a transport that accepts, and waits for the confirmation. */
async function confirm(form: IntakeForm, reference: string): Promise<void> {
  form.action = 'https://intake.invalid/submissions';
  useTransport(form, acceptingTransport(reference));
  const result = await form.submit();
  if (!result.ok) throw new Error(`example setup: submit() gave ${JSON.stringify(result)}`);
}

/** Submits while offline, with one attempt only: the submission waits in the outbox. */
async function queue(form: IntakeForm): Promise<void> {
  form.action = 'https://intake.invalid/submissions';
  useTransport(form, offlineTransport);
  (form as unknown as { retryPolicy: object }).retryPolicy = {
    attempts: 1,
    baseDelayMs: 0,
    maxDelayMs: 0,
  };
  const result = await form.submit();
  if (result.ok || result.reason !== 'queued') {
    throw new Error(`example setup: submit() gave ${JSON.stringify(result)}, not queued`);
  }
}

async function until(test: () => unknown, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`example setup: ${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Loads the form again as a new element in its place, as a person coming back would. */
async function reload(form: IntakeForm): Promise<IntakeForm> {
  const again = document.createElement('intake-form');
  again.draft = 'local';
  if (form.locale) again.locale = form.locale;
  again.dataset.example = form.dataset.example;
  again.dataset.exampleState = 'loading';
  const ready = whenReady(again);
  if (form.src) again.src = form.src;
  else again.definition = form.definition;
  form.replaceWith(again);
  await ready;
  await settle(again);
  return again;
}

const restored = (form: IntakeForm) =>
  form.shadowRoot!.querySelector('[part~="delete-draft"]') !== null;

/**
 * The person ticks "Save my answers on this device", then comes back later: the page is loaded
 * again (a new element), the draft is offered and they continue with it. Returns the new element.
 *
 * The element shows "Your answers are saved on this device" (with the `delete-draft` button) a
 * moment before the draft is written when it first makes the device's key, and it tells no event
 * when the draft is stored; so the form is loaded again until the draft comes back (a few
 * times at most), as a person reloading the page would see it.
 */
async function saveDraftAndReload(form: IntakeForm): Promise<IntakeForm> {
  // A draft kept by an earlier visit (same page, same form id) was restored already.
  if (restored(form)) return form;
  // The documented parts only (the element's ids and classes are internal). The drafts part
  // loads lazily, so its opt-in (or the offer of a draft an earlier visit kept) comes a moment
  // after the form.
  const optInSelector = '[part~="draft"] input[type="checkbox"][part~="control"]';
  const offerSelector = '[part~="continue-draft"]';
  try {
    await until(
      () => form.shadowRoot!.querySelector(`${optInSelector}, ${offerSelector}`) !== null,
      'the drafts part',
    );
  } catch {
    throw new Error('example setup: no draft opt-in (is draft="local" set?)');
  }
  const offered = form.shadowRoot!.querySelector<HTMLButtonElement>(offerSelector);
  if (offered) {
    offered.click();
    await until(() => restored(form), 'continuing with the saved draft');
    return form;
  }
  const optIn = form.shadowRoot!.querySelector<HTMLInputElement>(optInSelector)!;
  optIn.click();
  await until(() => restored(form), 'saving the draft');
  for (let attempt = 1; ; attempt++) {
    form = await reload(form);
    // The saved draft is offered first ("Continue where you left off?"): the person continues.
    const again = form;
    const proceed = again.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-draft"]');
    if (proceed) {
      proceed.click();
      await until(() => restored(again), 'continuing with the saved draft');
    }
    if (restored(form)) return form;
    if (attempt === 10) throw new Error('example setup: the saved draft did not come back');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const kebab = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function definition(
  id: string,
  schema: SchemaObject,
  ui: UiSchema = {},
  lang = 'en',
): FormDefinition {
  return { id, version: '1', lang, schema, ui } as FormDefinition;
}

// ---- widgets ------------------------------------------------------------------------------

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

// ---- arrays -------------------------------------------------------------------------------

const household: SchemaObject = {
  type: 'array',
  title: 'Other people in your household',
  description: 'For example your partner and your children.',
  maxItems: 6,
  items: {
    type: 'object',
    title: 'Person',
    required: ['givenName'],
    properties: {
      givenName: { type: 'string', title: 'Given name', minLength: 1 },
      birthYear: { type: 'integer', title: 'Year of birth', minimum: 1900, maximum: 2026 },
    },
  },
};

function arrayDefinition(array: SchemaObject, ui: UiSchema = {}, required = false) {
  return definition(
    'arrays',
    { type: 'object', required: required ? ['list'] : [], properties: { list: array } },
    { list: ui },
  );
}

export const arrayExamples: Example[] = [
  {
    id: 'arrays/empty',
    group: 'Arrays',
    name: 'Empty',
    description: 'A list without entries: only the "Add entry" button.',
    definition: arrayDefinition(household),
  },
  {
    id: 'arrays/entries',
    group: 'Arrays',
    name: 'With entries',
    description: 'Entries with "Move up", "Move down" and "Remove".',
    definition: arrayDefinition(household),
    value: {
      list: [
        { givenName: 'Samir', birthYear: 2015 },
        { givenName: 'Lina', birthYear: 2018 },
        { givenName: 'Omar', birthYear: 2021 },
      ],
    },
  },
  {
    id: 'arrays/error',
    group: 'Arrays',
    name: 'Error shown',
    description: 'Too few entries, and an entry with a missing required value.',
    definition: arrayDefinition({ ...household, minItems: 2 }, {}, true),
    value: { list: [{ birthYear: 2015 }] },
    setup: async (form) => {
      form.validate();
      await settle(form);
    },
  },
  {
    id: 'arrays/simple-values',
    group: 'Arrays',
    name: 'Simple values',
    description: 'A list of strings: each entry is one text field.',
    definition: arrayDefinition({
      type: 'array',
      title: 'Previous addresses',
      items: { type: 'string', title: 'Address' },
    }),
    value: { list: ['Hauptstraße 1, 50667 Köln', 'Am Markt 3, 53111 Bonn'] },
  },
  {
    id: 'arrays/fixed-items',
    group: 'Arrays',
    name: 'Fixed items',
    description: 'A tuple (`prefixItems`): the fixed entries cannot be moved or removed.',
    definition: arrayDefinition({
      type: 'array',
      title: 'Emergency contacts',
      prefixItems: [
        { type: 'string', title: 'First contact' },
        { type: 'string', title: 'Second contact' },
      ],
      minItems: 2,
      items: { type: 'string', title: 'Further contact' },
    }),
    value: { list: ['Fatima Haddad', 'Youssef Haddad', 'Nadia Karimi'] },
  },
  {
    id: 'arrays/read-only',
    group: 'Arrays',
    name: 'Read-only',
    description: 'A read-only list: no buttons, values shown.',
    definition: arrayDefinition(household, { 'ui:readonly': true }),
    value: { list: [{ givenName: 'Samir', birthYear: 2015 }] },
  },
];

// ---- the example definitions --------------------------------------------------------------

const KI = 'schemas/ki-erstberatung.json';
const SPRACHKURS = 'schemas/sprachkurs-anmeldung.json';

/** Complete, valid answers to schemas/sprachkurs-anmeldung.json (the keyboard walk's). */
export const SPRACHKURS_ANSWERS: JsonValue = {
  givenName: 'Olena',
  familyName: 'Kovalenko',
  birthDate: '1990-03-04',
  email: 'olena@example.org',
  phone: '0221 1234567',
  address: { street: 'Hauptstraße 1', postalCode: '50667', city: 'Köln' },
  residenceStatus: 'aufenthaltserlaubnis',
  permitParagraph: '§ 25 Abs. 2 AufenthG',
  permitExpiry: '2027-06-30',
  courseEntitlement: 'entitled',
  courseType: 'intensive',
  germanLevel: 'A2',
  preferredTimes: ['morning', 'evening'],
  childcareNeeded: true,
  childrenCount: 1,
  children: [{ age: 3 }],
  attendedCourseBefore: true,
  previousCourseType: 'integration',
  previousCourseYear: 2023,
  message: 'Ich kann nur vormittags.',
  consent: true,
};

/** Complete, valid answers to schemas/ki-erstberatung.json. */
export const KI_ANSWERS: JsonValue = {
  person: { givenName: 'Amal', familyName: 'Haddad', countryOfOrigin: 'Syrien' },
  email: 'amal@example.org',
  phone: '0221 555123',
  contactPreference: 'phone',
  topics: ['residence-law', 'orientation'],
  interpreterNeeded: true,
  interpreterLanguage: 'ar',
  householdMembers: [{ givenName: 'Samir', birthYear: 2015 }],
  message: 'Ich suche eine Wohnung.',
  consent: true,
};

const SPRACHKURS_STEPS = [
  'Zu Ihrer Person',
  'Aufenthalt',
  'Kurswunsch',
  'Bisherige Kurse',
  'Nachricht und Einwilligung',
];

export const definitionExamples: Example[] = [
  {
    id: 'ki-erstberatung/empty',
    group: 'Example forms/KI-Erstberatung',
    name: 'Empty',
    description: 'The one-page form for a first advice meeting, as a person first sees it.',
    src: KI,
  },
  {
    id: 'ki-erstberatung/filled',
    group: 'Example forms/KI-Erstberatung',
    name: 'Filled',
    description: 'Every question answered, with one household member.',
    src: KI,
    value: KI_ANSWERS,
  },
  {
    id: 'ki-erstberatung/errors',
    group: 'Example forms/KI-Erstberatung',
    name: 'Errors shown',
    description: 'Sent empty: the error summary and every message.',
    src: KI,
    setup: async (form) => {
      form.validate();
      await settle(form);
    },
  },
  {
    id: 'ki-erstberatung/arabic',
    group: 'Example forms/KI-Erstberatung',
    name: 'Arabic (right to left)',
    description: 'The translated form in Arabic, laid out right to left.',
    src: KI,
    locale: 'ar',
    value: KI_ANSWERS,
  },
  {
    id: 'ki-erstberatung/queued-offline',
    group: 'Example forms/KI-Erstberatung',
    name: 'Queued offline',
    description:
      'Sent without a connection: the request waits on this device and goes out by itself later.',
    src: KI,
    formId: 'ki-erstberatung-outbox-example',
    value: KI_ANSWERS,
    setup: queue,
  },
  {
    id: 'ki-erstberatung/draft-restored',
    group: 'Example forms/KI-Erstberatung',
    name: 'Draft restored',
    description:
      'The person kept a draft on this device (draft="local") and came back: the answers return.',
    src: KI,
    formId: 'ki-erstberatung-draft-example',
    draft: 'local',
    value: { person: { givenName: 'Amal', familyName: 'Haddad' }, email: 'amal@example.org' },
    setup: saveDraftAndReload,
  },
  {
    id: 'ki-erstberatung/confirmation',
    group: 'Example forms/KI-Erstberatung',
    name: 'Confirmation',
    description: 'After the backend accepted the submission: the reference number.',
    src: KI,
    value: KI_ANSWERS,
    setup: (form) => confirm(form, 'KI-2026-004711'),
  },
  ...SPRACHKURS_STEPS.map((title, index): Example => ({
    id: `sprachkurs-anmeldung/step-${index + 1}`,
    group: 'Example forms/Sprachkurs-Anmeldung',
    name: `Step ${index + 1}: ${title}`,
    description: `Step ${index + 1} of 5, with every earlier step answered.`,
    src: SPRACHKURS,
    value: SPRACHKURS_ANSWERS,
    setup: (form) => forward(form, index),
  })),
  {
    id: 'sprachkurs-anmeldung/step-1-errors',
    group: 'Example forms/Sprachkurs-Anmeldung',
    name: 'Step 1 with errors',
    description: '"Continue" on the empty first step: the summary lists what is missing.',
    src: SPRACHKURS,
    setup: async (form) => {
      await form.next();
      await settle(form);
    },
  },
  {
    id: 'sprachkurs-anmeldung/review',
    group: 'Example forms/Sprachkurs-Anmeldung',
    name: 'Review',
    description: 'Check your answers, with a "Change" button per answer.',
    src: SPRACHKURS,
    value: SPRACHKURS_ANSWERS,
    setup: (form) => forward(form, SPRACHKURS_STEPS.length),
  },
  {
    id: 'sprachkurs-anmeldung/draft-restored',
    group: 'Example forms/Sprachkurs-Anmeldung',
    name: 'Draft restored',
    description: 'A draft kept on this device, restored when the person comes back.',
    src: SPRACHKURS,
    formId: 'sprachkurs-anmeldung-draft-example',
    draft: 'local',
    value: SPRACHKURS_ANSWERS,
    setup: saveDraftAndReload,
  },
  {
    id: 'sprachkurs-anmeldung/queued-offline',
    group: 'Example forms/Sprachkurs-Anmeldung',
    name: 'Queued offline',
    description: 'Sent from the review without a connection: the request waits in the outbox.',
    src: SPRACHKURS,
    formId: 'sprachkurs-anmeldung-outbox-example',
    value: SPRACHKURS_ANSWERS,
    setup: async (form) => {
      await forward(form, SPRACHKURS_STEPS.length);
      await queue(form);
    },
  },
  {
    id: 'sprachkurs-anmeldung/confirmation',
    group: 'Example forms/Sprachkurs-Anmeldung',
    name: 'Confirmation',
    description: 'After sending from the review: reference number and what happens next.',
    src: SPRACHKURS,
    value: SPRACHKURS_ANSWERS,
    setup: async (form) => {
      await forward(form, SPRACHKURS_STEPS.length);
      await confirm(form, 'SK-2026-000815');
    },
  },
];

// ---- theming ------------------------------------------------------------------------------

export const themingExamples: Example[] = [
  {
    id: 'theming/default',
    group: 'Theming',
    name: 'Default theme',
    description: 'themes/default.css: the neutral default, written out.',
    src: SPRACHKURS,
    theme: 'default',
    setup: async (form) => {
      await form.next();
      await settle(form);
    },
  },
  {
    id: 'theming/kern',
    group: 'Theming',
    name: 'KERN theme',
    description: 'themes/kern.css: in the style of the KERN UX standard, no external fonts.',
    src: SPRACHKURS,
    theme: 'kern',
    setup: async (form) => {
      await form.next();
      await settle(form);
    },
  },
  {
    id: 'theming/custom-properties',
    group: 'Theming',
    name: 'Custom properties',
    description: 'A host page that sets a few custom properties on the element itself.',
    src: KI,
    style: {
      '--intake-color-accent': '#00594f',
      '--intake-color-error': '#a4161a',
      '--intake-color-focus': '#00594f',
      '--intake-color-focus-halo': '#ffffff',
      '--intake-radius': '0',
      '--intake-space': '1.25rem',
      '--intake-font-size-title': '2em',
    },
    setup: async (form) => {
      form.validate();
      await settle(form);
    },
  },
];

// ---- playground ---------------------------------------------------------------------------

/** The definition the playground starts with. */
export const PLAYGROUND_DEFINITION: FormDefinition = definition(
  'playground',
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Appointment request',
    description: 'Paste your own definition above and press "Show preview".',
    type: 'object',
    required: ['name', 'email', 'topic'],
    properties: {
      name: { type: 'string', title: 'Your name', minLength: 1 },
      email: { type: 'string', format: 'email', title: 'Email address' },
      topic: {
        type: 'string',
        title: 'Topic',
        oneOf: [
          { const: 'residence', title: 'Residence' },
          { const: 'work', title: 'Work' },
          { const: 'other', title: 'Something else' },
        ],
      },
      details: { type: 'string', title: 'Details', maxLength: 500 },
    },
  },
  {
    'ui:order': ['name', 'email', 'topic', 'details'],
    topic: { 'ui:widget': 'radio' },
    details: { 'ui:widget': 'textarea' },
  },
);

export const playgroundExample: Example = {
  id: 'playground/author',
  group: "Author's playground",
  name: 'Playground',
  description: 'Paste a definition and preview it.',
  definition: PLAYGROUND_DEFINITION,
};

// ---- all ----------------------------------------------------------------------------------

/** Every example, in the order of the Storybook sidebar. */
export const examples: Example[] = [
  ...widgetExamples,
  ...arrayExamples,
  ...definitionExamples,
  ...themingExamples,
  playgroundExample,
];

/** The example with `id`; throws for an unknown one, so a typo fails loudly. */
export function example(id: string): Example {
  const found = examples.find((e) => e.id === id);
  if (!found) throw new Error(`no example ${id}`);
  return found;
}

/** The examples of one Storybook group, in order. */
export function examplesIn(group: string): Example[] {
  return examples.filter((e) => e.group === group);
}

/** A story export name for an example name: `Error shown` → `ErrorShown`. */
export function exportName(name: string): string {
  return kebab(name)
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

// ---- mounting -----------------------------------------------------------------------------

const themeText = new Map<ThemeName, Promise<string>>();

/**
 * Applies a theme from themes/ to the page (or removes any, with `undefined`). The CSS is fetched
 * relative to the page and inlined, so the theme is in force before the caller goes on.
 */
export async function applyTheme(theme: ThemeName | undefined, base = document.baseURI) {
  document.querySelectorAll('style[data-intake-theme]').forEach((node) => node.remove());
  if (!theme) return;
  if (!themeText.has(theme)) {
    themeText.set(
      theme,
      fetch(new URL(`themes/${theme}.css`, base)).then((response) => {
        if (!response.ok) throw new Error(`theme ${theme}: HTTP ${response.status}`);
        return response.text();
      }),
    );
  }
  const style = document.createElement('style');
  style.dataset.intakeTheme = theme;
  style.textContent = await themeText.get(theme)!;
  document.head.append(style);
}

/** Waits for `intake-ready`; rejects with the definition error if `intake-error` comes first. */
function whenReady(form: IntakeForm): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReady = () => {
      form.removeEventListener('intake-error', onError);
      resolve();
    };
    const onError = (event: Event) => {
      const detail = (event as CustomEvent).detail as { type?: string };
      if (detail?.type !== 'definition') return;
      form.removeEventListener('intake-ready', onReady);
      reject(new Error(`intake-error: ${JSON.stringify(detail)}`));
    };
    form.addEventListener('intake-ready', onReady, { once: true });
    form.addEventListener('intake-error', onError);
  });
}

/**
 * Loads an example into a connected `<intake-form>` and brings it into the state shown. Sets
 * `data-example-state` to `ready` (or `failed`) when done, which the Storybook check waits for.
 * Resolves with the form shown at the end (a setup may have replaced the first one).
 */
export async function prepare(
  form: IntakeForm,
  ex: Example,
  options: { locale?: string; theme?: ThemeName } = {},
): Promise<IntakeForm> {
  form.dataset.example = ex.id;
  form.dataset.exampleState = 'loading';
  try {
    await applyTheme(options.theme ?? ex.theme);
    for (const [name, value] of Object.entries(ex.style ?? {})) form.style.setProperty(name, value);
    const locale = options.locale || ex.locale;
    if (locale) form.locale = locale;
    if (ex.draft) form.draft = ex.draft;
    const ready = whenReady(form);
    if (ex.src && ex.formId) form.definition = await loadUnderId(ex.src, ex.formId);
    else if (ex.src) form.src = new URL(ex.src, document.baseURI).href;
    else if (ex.definition) form.definition = structuredClone(ex.definition);
    await ready;
    if (ex.value !== undefined) form.value = structuredClone(ex.value);
    await settle(form);
    const replacement = await ex.setup?.(form);
    if (replacement) form = replacement;
    await settle(form);
    form.dataset.exampleState = 'ready';
    return form;
  } catch (error) {
    form.dataset.exampleState = 'failed';
    throw error;
  }
}

/**
 * Loads a definition from `src` and gives it another id. Translations given as URLs are made
 * absolute, as they are relative to the definition's own URL.
 */
async function loadUnderId(src: string, id: string): Promise<FormDefinition> {
  const url = new URL(src, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const loaded = (await response.json()) as FormDefinition;
  const translations = Object.fromEntries(
    Object.entries(loaded.translations ?? {}).map(([locale, value]) => [
      locale,
      typeof value === 'string' ? new URL(value, url).href : value,
    ]),
  );
  return { ...loaded, id, translations } as FormDefinition;
}

/** Creates an `<intake-form>` for an example inside `container` and prepares it. */
export async function mount(
  container: HTMLElement,
  ex: Example,
  options: { locale?: string; theme?: ThemeName } = {},
): Promise<IntakeForm> {
  const form = document.createElement('intake-form');
  container.append(form);
  return prepare(form, ex, options);
}
