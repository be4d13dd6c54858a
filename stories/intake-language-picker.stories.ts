// API reference of <intake-language-picker>, from the custom-elements manifest.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { play, whilePreparing } from './story-helpers.js';

export default {
  title: 'API/intake-language-picker',
  component: 'intake-language-picker',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A language menu bound to a form (`for` names its id): it offers the languages the form has, each in its own language and script, and sets the form’s `locale`.',
      },
    },
  },
} satisfies Meta;

/** The picker above the KI-Erstberatung form (German, Arabic, Persian, Russian, Turkish, Ukrainian). */
export const Overview: StoryObj = {
  render: () => {
    const container = document.createElement('div');
    const picker = document.createElement('intake-language-picker');
    picker.setAttribute('for', 'language-picker-overview');
    const form = document.createElement('intake-form');
    form.id = 'language-picker-overview';
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
