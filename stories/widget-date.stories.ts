// The `date` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Date', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/date/empty'));
export const Filled = storyOf(example('widgets/date/filled'));
export const ErrorShown = storyOf(example('widgets/date/error'));
export const Disabled = storyOf(example('widgets/date/disabled'));
export const ReadOnly = storyOf(example('widgets/date/read-only'));
export const WithHelpText = storyOf(example('widgets/date/with-help'));
