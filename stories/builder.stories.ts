// <intake-form-builder>: the builder, empty and with an example form open, in German and English.
// Stories do not keep work between visits: each starts from what it shows.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../src/builder/intake-form-builder.js';

interface BuilderArgs {
  locale: 'de' | 'en';
  example: '' | 'ki-erstberatung' | 'sprachkurs-anmeldung';
  /** Open the example by URL (`src`) rather than as an object (`definition`). */
  byUrl: boolean;
}

export default {
  title: 'Builder/intake-form-builder',
  component: 'intake-form-builder',
  tags: ['autodocs'],
  args: { locale: 'de', example: '', byUrl: false },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    example: { control: 'select', options: ['', 'ki-erstberatung', 'sprachkurs-anmeldung'] },
    byUrl: { control: 'boolean' },
  },
  loaders: [
    async ({ args }) => ({
      definition:
        args.example && !args.byUrl
          ? await (await fetch(`schemas/${args.example}.json`)).json()
          : undefined,
    }),
  ],
  render: (args, { loaded }) => {
    localStorage.removeItem(STORAGE_KEY);
    const el = document.createElement('intake-form-builder') as IntakeFormBuilder;
    el.setAttribute('locale', args.locale);
    // Opened by URL, the translation files and their source hashes (.meta.json) are read too:
    // the translation table shows the shipped translations' status as the command line does.
    if (args.example && args.byUrl) el.src = `schemas/${args.example}.json`;
    else if (loaded.definition) el.definition = loaded.definition;
    return el;
  },
} satisfies Meta<BuilderArgs>;

type Story = StoryObj<BuilderArgs>;

/** A new, empty form: add the first question. */
export const Empty: Story = {};

/** The course registration (steps, conditions, a reusable block) open for editing. */
export const CourseRegistration: Story = { args: { example: 'sprachkurs-anmeldung' } };

/** The first-contact form opened by URL (its translation files and their status read too), in English. */
export const FirstContactInEnglish: Story = {
  args: { example: 'ki-erstberatung', locale: 'en', byUrl: true },
};
