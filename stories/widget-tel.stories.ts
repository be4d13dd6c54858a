// The `tel` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Telephone', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/tel/empty'));
export const Filled = storyOf(example('widgets/tel/filled'));
export const ErrorShown = storyOf(example('widgets/tel/error'));
export const Disabled = storyOf(example('widgets/tel/disabled'));
export const ReadOnly = storyOf(example('widgets/tel/read-only'));
export const WithHelpText = storyOf(example('widgets/tel/with-help'));
