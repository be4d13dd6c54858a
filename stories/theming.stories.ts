// The shipped themes (themes/*.css) and custom properties set by a host page (./examples.ts).
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default {
  title: 'Theming',
  component: 'intake-form',
  parameters: {
    docs: {
      description: {
        component:
          'Link `themes/default.css` or `themes/kern.css`, or set the `--intake-…` custom properties on `intake-form` yourself; see docs/theming.md for every property and part.',
      },
    },
  },
} satisfies Meta;

export const DefaultTheme = storyOf(example('theming/default'));
export const KernTheme = storyOf(example('theming/kern'));
export const CustomProperties = storyOf(example('theming/custom-properties'));
