/**
 * The one list of named examples that feeds both the Storybook stories (stories/*.stories.ts)
 * and the accessibility tests (test/a11y/*.test.ts), as in the GOV.UK Design System: a state
 * that is shown to people is a state that is tested, and the other way round.
 *
 * An example is plain data plus an async `setup` that brings a ready form into the state shown,
 * using the element's public API only (`value`, `next()`, `validate()`, `submit()`, `transport`).
 * Nothing here depends on Storybook or on the test runner.
 *
 * The examples live in modules by kind (widget-examples.ts, array-examples.ts,
 * form-examples.ts); example-kit.ts, example-setup.ts and example-mount.ts hold what they share.
 * This module puts them in one list and re-exports what stories and tests use.
 */
import type { FormDefinition } from '../src/index.js';
import { arrayExamples } from './array-examples.js';
import { definition, kebab, type Example } from './example-kit.js';
import { definitionExamples, themingExamples } from './form-examples.js';
import { widgetExamples } from './widget-examples.js';

export { arrayExamples } from './array-examples.js';
export type { Example, ThemeName } from './example-kit.js';
export { applyTheme, mount, prepare } from './example-mount.js';
export { acceptingTransport, offlineTransport } from './example-setup.js';
export {
  definitionExamples,
  KI_ANSWERS,
  SPRACHKURS_ANSWERS,
  themingExamples,
} from './form-examples.js';
export {
  WIDGET_STATE_NAMES,
  WIDGET_STATES,
  WIDGETS,
  widgetExamples,
  type WidgetState,
} from './widget-examples.js';

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
