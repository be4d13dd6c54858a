/**
 * Turns examples (stories/examples.ts) into Storybook stories. Only types come from Storybook,
 * so the accessibility tests can import the story modules too and check that every example has
 * its story.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { examplesIn, mount, type Example, type ThemeName } from './examples.js';

export type ExampleStory = StoryObj & { parameters: { example: string } };

/** The toolbar's choices: `''` keeps the example's own locale and the default theme. */
function globalsOf(context: StoryContext): { locale?: string; theme?: ThemeName } {
  const { locale, theme } = context.globals as { locale?: string; theme?: string };
  return {
    locale: locale || undefined,
    theme: theme === 'default' || theme === 'kern' ? theme : undefined,
  };
}

/** Renders one example: a container whose form is loaded and brought into the example's state. */
export function renderExample(ex: Example, context: StoryContext): HTMLElement {
  const container = document.createElement('div');
  container.className = 'example';
  void mount(container, ex, globalsOf(context)).catch((error: unknown) => {
    // A story whose example cannot be prepared must fail the Storybook check loudly.
    console.error(`Example ${ex.id} could not be prepared:`, error);
  });
  return container;
}

/** The story of one example. */
export function storyOf(ex: Example): ExampleStory {
  return {
    name: ex.name,
    parameters: {
      example: ex.id,
      docs: { description: { story: ex.description } },
    },
    render: (_args, context) => renderExample(ex, context),
  };
}

/** The default export of a story file for one group of examples. */
export function metaOf(group: string, description?: string): Meta {
  return {
    title: group,
    component: 'intake-form',
    parameters: {
      docs: description ? { description: { component: description } } : undefined,
    },
  };
}

/** The stories of a group, keyed by export name, checked against the list of examples. */
export function storiesOf(group: string): Map<string, ExampleStory> {
  const map = new Map<string, ExampleStory>();
  for (const ex of examplesIn(group)) map.set(ex.id, storyOf(ex));
  if (map.size === 0) throw new Error(`no examples in group ${group}`);
  return map;
}
