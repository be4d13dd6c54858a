// API reference of <intake-form> and <intake-language-picker>, from the custom-elements manifest
// (custom-elements.json, built by `npm run analyze` from the elements' JSDoc).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
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

/** `<intake-language-picker>` bound to a form: it offers the form's languages by their own names. */
export const WithLanguagePicker: StoryObj = {
  render: () =>
    html`<intake-language-picker for="picker-demo"></intake-language-picker>
      <intake-form id="picker-demo" src="schemas/ki-erstberatung.json"></intake-form>`,
};
