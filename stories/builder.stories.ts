// <intake-form-builder>: the builder, empty and with an example form open, in German and English.
// Stories do not keep work between visits: each starts from what it shows.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../src/builder/intake-form-builder.js';

interface BuilderArgs {
  locale: 'de' | 'en';
  example: '' | 'ki-erstberatung' | 'sprachkurs-anmeldung';
}

export default {
  title: 'Builder/intake-form-builder',
  component: 'intake-form-builder',
  tags: ['autodocs'],
  args: { locale: 'de', example: '' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['de', 'en'] },
    example: { control: 'select', options: ['', 'ki-erstberatung', 'sprachkurs-anmeldung'] },
  },
  render: (args) => {
    localStorage.removeItem(STORAGE_KEY);
    const el = document.createElement('intake-form-builder') as IntakeFormBuilder;
    el.setAttribute('locale', args.locale);
    // Opened by URL, so the translation files and their source hashes are read too: the
    // translation table shows the shipped translations' status as the command line does.
    if (args.example) el.src = `schemas/${args.example}.json`;
    return el;
  },
} satisfies Meta<BuilderArgs>;

type Story = StoryObj<BuilderArgs>;

/** A new, empty form: add the first question. */
export const Empty: Story = {};

/** The course registration (steps, conditions, a reusable block) open for editing. */
export const CourseRegistration: Story = { args: { example: 'sprachkurs-anmeldung' } };

/** The first-contact form, with the builder in English. */
export const FirstContactInEnglish: Story = {
  args: { example: 'ki-erstberatung', locale: 'en' },
};
