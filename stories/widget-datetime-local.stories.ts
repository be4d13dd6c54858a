// The `datetime-local` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Date and time', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/datetime-local/empty'));
export const Filled = storyOf(example('widgets/datetime-local/filled'));
export const ErrorShown = storyOf(example('widgets/datetime-local/error'));
export const Disabled = storyOf(example('widgets/datetime-local/disabled'));
export const ReadOnly = storyOf(example('widgets/datetime-local/read-only'));
export const WithHelpText = storyOf(example('widgets/datetime-local/with-help'));
