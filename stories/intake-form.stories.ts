// API reference of <intake-form>, from the custom-elements manifest
// (custom-elements.json, built by `npm run analyze` from the element's JSDoc). The language picker:
// ./intake-language-picker.stories.ts.
import type { Meta } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { storyOf } from './story-helpers.js';

export default {
  title: 'API/intake-form',
  component: 'intake-form',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Properties, events, CSS parts and custom properties of `<intake-form>`, generated from its JSDoc. Theming: docs/theming.md; accessibility: docs/accessibility.md.',
      },
    },
  },
} satisfies Meta;

export const Overview = storyOf(example('ki-erstberatung/empty'));
