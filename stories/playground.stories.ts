// The author's playground: paste a definition and preview it (example `playground/author`).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { example } from './examples.js';
import './playground.js';
import type { IntakePlayground } from './playground.js';
import { play, whilePreparing } from './story-helpers.js';

export default {
  title: "Author's playground",
  parameters: {
    docs: {
      description: {
        component:
          'Paste a form definition (or a bare JSON Schema) and press "Show preview". Problems in the definition show as the form would show them on a live page.',
      },
    },
  },
} satisfies Meta;

export const Playground: StoryObj = {
  parameters: { example: example('playground/author').id },
  render: (_args, context) => {
    const element = document.createElement('intake-playground') as IntakePlayground;
    const { locale, theme } = context.globals as { locale?: string; theme?: string };
    element.locale = locale || undefined;
    element.theme = theme === 'kern' || theme === 'default' ? theme : undefined;
    element.prepared.catch((error: unknown) =>
      console.error('The playground could not be prepared:', error),
    );
    void whilePreparing(element, element.prepared);
    return element;
  },
  play,
};
