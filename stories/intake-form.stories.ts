// API reference of <intake-form> and <intake-language-picker>, from the custom-elements manifest
// (custom-elements.json, built by `npm run analyze` from the elements' JSDoc).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { example } from './examples.js';
import { play, storyOf, whilePreparing } from './story-helpers.js';

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
  render: () => {
    const container = document.createElement('div');
    const picker = document.createElement('intake-language-picker');
    picker.setAttribute('for', 'picker-demo');
    const form = document.createElement('intake-form');
    form.id = 'picker-demo';
    const ready = new Promise<void>((resolve, reject) => {
      form.addEventListener('intake-ready', () => resolve(), { once: true });
      form.addEventListener('intake-error', (event) => {
        const detail = (event as CustomEvent<{ type?: string; message?: string }>).detail;
        if (detail?.type === 'definition') reject(new Error(`intake-error: ${detail.message}`));
      });
    });
    ready.catch((error: unknown) => console.error('The form could not be loaded:', error));
    void whilePreparing(container, ready);
    form.src = 'schemas/ki-erstberatung.json';
    container.append(picker, form);
    return container;
  },
  play,
};
