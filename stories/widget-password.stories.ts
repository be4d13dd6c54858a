// The `password` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Password', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/password/empty'));
export const Filled = storyOf(example('widgets/password/filled'));
export const ErrorShown = storyOf(example('widgets/password/error'));
export const Disabled = storyOf(example('widgets/password/disabled'));
export const ReadOnly = storyOf(example('widgets/password/read-only'));
export const WithHelpText = storyOf(example('widgets/password/with-help'));
