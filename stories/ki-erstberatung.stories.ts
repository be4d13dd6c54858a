// schemas/ki-erstberatung.json: a one-page form, in each state from ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default {
  title: 'Example forms/KI-Erstberatung',
  component: 'intake-form',
} satisfies Meta;

export const Empty = storyOf(example('ki-erstberatung/empty'));
export const Filled = storyOf(example('ki-erstberatung/filled'));
export const ErrorsShown = storyOf(example('ki-erstberatung/errors'));
export const Arabic = storyOf(example('ki-erstberatung/arabic'));
export const QueuedOffline = storyOf(example('ki-erstberatung/queued-offline'));
export const DraftRestored = storyOf(example('ki-erstberatung/draft-restored'));
export const Confirmation = storyOf(example('ki-erstberatung/confirmation'));
