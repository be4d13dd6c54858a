/**
 * The pieces every example module shares (stories/examples.ts lists the examples): what an
 * example is, a small inline definition, and waiting for a form to be ready and drawn.
 */
import '../src/index.js';
import type {
  FormDefinition,
  IntakeForm,
  JsonValue,
  SchemaObject,
  UiSchema,
} from '../src/index.js';

/** The themes shipped in themes/. */
export type ThemeName = 'default' | 'kern';

export interface Example {
  /** Unique, stable id: `group/name` in kebab case (used in test names). */
  id: string;
  /** Storybook title (sidebar path), e.g. `Widgets/Text`. */
  group: string;
  /** Story name, e.g. `Error shown`. */
  name: string;
  /** What the example shows and why it exists. */
  description: string;
  /** An inline definition … */
  definition?: FormDefinition;
  /** … or a URL relative to the page (the example forms in schemas/). */
  src?: string;
  /** Loads `src` under another form id (so that its drafts and outbox stay its own). */
  formId?: string;
  /** `draft="local"`: the person may keep a draft on this device. */
  draft?: 'local';
  /** Locale to show unless a toolbar or test overrides it. */
  locale?: string;
  /** Data to prefill. */
  value?: JsonValue;
  /** A theme from themes/ applied to the page while the example is shown. */
  theme?: ThemeName;
  /** Custom properties set on the element (the theming story). */
  style?: Record<string, string>;
  /**
   * Brings the ready form into the state shown. May replace the form with a new one (a reload,
   * as for a restored draft) and return it.
   */
  setup?: (form: IntakeForm) => Promise<IntakeForm | void>;
}

/** Waits until the form has drawn its last change (one animation frame included). */
export async function settle(form: IntakeForm): Promise<void> {
  await form.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await form.updateComplete;
}

/** Waits for `intake-ready`; rejects with the definition error if `intake-error` comes first. */
export function whenReady(form: IntakeForm): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReady = () => {
      form.removeEventListener('intake-error', onError);
      resolve();
    };
    const onError = (event: Event) => {
      const detail = (event as CustomEvent).detail as { type?: string };
      if (detail?.type !== 'definition') return;
      form.removeEventListener('intake-ready', onReady);
      reject(new Error(`intake-error: ${JSON.stringify(detail)}`));
    };
    form.addEventListener('intake-ready', onReady, { once: true });
    form.addEventListener('intake-error', onError);
  });
}

/** `Error shown` → `error-shown`: the ids of examples and the story export names. */
export const kebab = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A small inline definition with one schema and its UI schema. */
export function definition(
  id: string,
  schema: SchemaObject,
  ui: UiSchema = {},
  lang = 'en',
): FormDefinition {
  return { id, version: '1', lang, schema, ui } as FormDefinition;
}
