// The `url` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/URL', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/url/empty'));
export const Filled = storyOf(example('widgets/url/filled'));
export const ErrorShown = storyOf(example('widgets/url/error'));
export const Disabled = storyOf(example('widgets/url/disabled'));
export const ReadOnly = storyOf(example('widgets/url/read-only'));
export const WithHelpText = storyOf(example('widgets/url/with-help'));
