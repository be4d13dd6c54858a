// The `color` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Colour', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/color/empty'));
export const Filled = storyOf(example('widgets/color/filled'));
export const ErrorShown = storyOf(example('widgets/color/error'));
export const Disabled = storyOf(example('widgets/color/disabled'));
export const ReadOnly = storyOf(example('widgets/color/read-only'));
export const WithHelpText = storyOf(example('widgets/color/with-help'));
