// schemas/sprachkurs-anmeldung.json: every step, the review, the notices and the confirmation
// (./examples.ts).
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default {
  title: 'Example forms/Sprachkurs-Anmeldung',
  component: 'intake-form',
} satisfies Meta;

export const Step1 = storyOf(example('sprachkurs-anmeldung/step-1'));
export const Step1WithErrors = storyOf(example('sprachkurs-anmeldung/step-1-errors'));
export const Step2 = storyOf(example('sprachkurs-anmeldung/step-2'));
export const Step3 = storyOf(example('sprachkurs-anmeldung/step-3'));
export const Step4 = storyOf(example('sprachkurs-anmeldung/step-4'));
export const Step5 = storyOf(example('sprachkurs-anmeldung/step-5'));
export const Review = storyOf(example('sprachkurs-anmeldung/review'));
export const QueuedOffline = storyOf(example('sprachkurs-anmeldung/queued-offline'));
export const DraftRestored = storyOf(example('sprachkurs-anmeldung/draft-restored'));
export const Confirmation = storyOf(example('sprachkurs-anmeldung/confirmation'));
