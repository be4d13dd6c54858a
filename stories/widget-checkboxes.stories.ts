// The `checkboxes` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Checkboxes', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/checkboxes/empty'));
export const Filled = storyOf(example('widgets/checkboxes/filled'));
export const ErrorShown = storyOf(example('widgets/checkboxes/error'));
export const Disabled = storyOf(example('widgets/checkboxes/disabled'));
export const ReadOnly = storyOf(example('widgets/checkboxes/read-only'));
export const WithHelpText = storyOf(example('widgets/checkboxes/with-help'));
