// The `radio` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Radio buttons', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/radio/empty'));
export const Filled = storyOf(example('widgets/radio/filled'));
export const ErrorShown = storyOf(example('widgets/radio/error'));
export const Disabled = storyOf(example('widgets/radio/disabled'));
export const ReadOnly = storyOf(example('widgets/radio/read-only'));
export const WithHelpText = storyOf(example('widgets/radio/with-help'));
