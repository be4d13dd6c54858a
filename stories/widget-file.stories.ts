// The `file` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/File', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/file/empty'));
export const Filled = storyOf(example('widgets/file/filled'));
export const ErrorShown = storyOf(example('widgets/file/error'));
export const Disabled = storyOf(example('widgets/file/disabled'));
export const ReadOnly = storyOf(example('widgets/file/read-only'));
export const WithHelpText = storyOf(example('widgets/file/with-help'));
