// The `files` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Files', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/files/empty'));
export const Filled = storyOf(example('widgets/files/filled'));
export const ErrorShown = storyOf(example('widgets/files/error'));
export const Disabled = storyOf(example('widgets/files/disabled'));
export const ReadOnly = storyOf(example('widgets/files/read-only'));
export const WithHelpText = storyOf(example('widgets/files/with-help'));
