// The `text` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Text', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/text/empty'));
export const Filled = storyOf(example('widgets/text/filled'));
export const ErrorShown = storyOf(example('widgets/text/error'));
export const Disabled = storyOf(example('widgets/text/disabled'));
export const ReadOnly = storyOf(example('widgets/text/read-only'));
export const WithHelpText = storyOf(example('widgets/text/with-help'));
