// The `email` widget in every state: one story per entry of the list in ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Widgets/Email', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('widgets/email/empty'));
export const Filled = storyOf(example('widgets/email/filled'));
export const ErrorShown = storyOf(example('widgets/email/error'));
export const Disabled = storyOf(example('widgets/email/disabled'));
export const ReadOnly = storyOf(example('widgets/email/read-only'));
export const WithHelpText = storyOf(example('widgets/email/with-help'));
