// The `select` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Select', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/select/empty'));
export const Filled = storyOf(example('widgets/select/filled'));
export const ErrorShown = storyOf(example('widgets/select/error'));
export const Disabled = storyOf(example('widgets/select/disabled'));
export const ReadOnly = storyOf(example('widgets/select/read-only'));
export const WithHelpText = storyOf(example('widgets/select/with-help'));
