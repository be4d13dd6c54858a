/**
 * Turns examples (stories/examples.ts) into Storybook stories. Only types come from Storybook,
 * so the accessibility tests can import the story modules too and check that every example has
 * its story.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { examplesIn, mount, type Example, type ThemeName } from './examples.js';

export type ExampleStory = StoryObj & { parameters: { example: string } };

/** How long a story may take to load its definition and reach the state it shows. */
export const PREPARE_TIMEOUT_MS = 30_000;

/** The preparation still under way in a rendered story, by the element it was started for. */
const preparing = new WeakMap<Element, Promise<unknown>>();

/**
 * Records that `element` (part of a story's render) is being prepared; the story's play
 * function (`play` below) waits for it.
 */
export function whilePreparing<T>(element: Element, work: Promise<T>): Promise<T> {
  preparing.set(element, work);
  return work;
}

/**
 * The play function of every story with a form: waits until each form of the story is loaded and
 * in the state shown, and fails the story if one cannot be prepared. Storybook runs the a11y
 * addon's checks after the play function, so the a11y panel (and the CI check in
 * scripts/test-storybook.js, which waits for the story to finish) see the finished form, never
 * a loading one.
 */
export async function play({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const work = [...canvasElement.querySelectorAll('*')].flatMap((element) => {
    const promise = preparing.get(element);
    return promise ? [promise] : [];
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the story was not ready after ${PREPARE_TIMEOUT_MS / 1000} s`)),
      PREPARE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([Promise.all(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

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
  const work = mount(container, ex, globalsOf(context));
  // A story whose example cannot be prepared must fail the Storybook check loudly.
  work.catch((error: unknown) => console.error(`Example ${ex.id} could not be prepared:`, error));
  void whilePreparing(container, work);
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
    play,
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
