// The `time` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Time', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/time/empty'));
export const Filled = storyOf(example('widgets/time/filled'));
export const ErrorShown = storyOf(example('widgets/time/error'));
export const Disabled = storyOf(example('widgets/time/disabled'));
export const ReadOnly = storyOf(example('widgets/time/read-only'));
export const WithHelpText = storyOf(example('widgets/time/with-help'));
