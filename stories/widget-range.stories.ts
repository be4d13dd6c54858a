// The `range` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Range', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/range/empty'));
export const Filled = storyOf(example('widgets/range/filled'));
export const ErrorShown = storyOf(example('widgets/range/error'));
export const Disabled = storyOf(example('widgets/range/disabled'));
export const ReadOnly = storyOf(example('widgets/range/read-only'));
export const WithHelpText = storyOf(example('widgets/range/with-help'));
