/**
 * The example forms of schemas/ (KI-Erstberatung, Sprachkurs-Anmeldung) on their way from empty
 * to submitted, and the same forms in the shipped themes (group `Theming`).
 */
import { KI_ANSWERS, SPRACHKURS_ANSWERS } from '../test/helpers/example-answers.js';
import { settle, type Example } from './example-kit.js';
import { confirm, forward, queue, saveDraftAndReload } from './example-setup.js';

export const KI = 'schemas/ki-erstberatung.json';
export const SPRACHKURS = 'schemas/sprachkurs-anmeldung.json';

export { KI_ANSWERS, SPRACHKURS_ANSWERS };

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
