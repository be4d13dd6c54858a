// Lists (JSON Schema arrays): adding, removing, moving, errors, tuples. From ./examples.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default { title: 'Arrays', component: 'intake-form' } satisfies Meta;

export const Empty = storyOf(example('arrays/empty'));
export const WithEntries = storyOf(example('arrays/entries'));
export const ErrorShown = storyOf(example('arrays/error'));
export const SimpleValues = storyOf(example('arrays/simple-values'));
export const FixedItems = storyOf(example('arrays/fixed-items'));
export const ReadOnly = storyOf(example('arrays/read-only'));
