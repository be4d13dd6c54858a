// The `number` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Number', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/number/empty'));
export const Filled = storyOf(example('widgets/number/filled'));
export const ErrorShown = storyOf(example('widgets/number/error'));
export const Disabled = storyOf(example('widgets/number/disabled'));
export const ReadOnly = storyOf(example('widgets/number/read-only'));
export const WithHelpText = storyOf(example('widgets/number/with-help'));
