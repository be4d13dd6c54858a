// The `checkbox` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Checkbox', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/checkbox/empty'));
export const Filled = storyOf(example('widgets/checkbox/filled'));
export const ErrorShown = storyOf(example('widgets/checkbox/error'));
export const Disabled = storyOf(example('widgets/checkbox/disabled'));
export const ReadOnly = storyOf(example('widgets/checkbox/read-only'));
export const WithHelpText = storyOf(example('widgets/checkbox/with-help'));
