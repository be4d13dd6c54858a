// The `textarea` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Textarea', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/textarea/empty'));
export const Filled = storyOf(example('widgets/textarea/filled'));
export const ErrorShown = storyOf(example('widgets/textarea/error'));
export const Disabled = storyOf(example('widgets/textarea/disabled'));
export const ReadOnly = storyOf(example('widgets/textarea/read-only'));
export const WithHelpText = storyOf(example('widgets/textarea/with-help'));
