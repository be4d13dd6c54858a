/**
 * What the hostile-text tests (hostile-text.test.ts, hostile-long-text.test.ts) share: the hostile
 * strings as P / Q / X slots, a `Watch` for anything that runs or gets injected, a form watched
 * from its first render, entering text as the browser does, and the definition with hostile text
 * in every slot.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { FormDefinition, IntakeForm, SchemaObject } from '../../src/index.js';
import { escapeToken } from '../../src/model/json-pointer.js';
import { control, controls, root, whenReady } from '../helpers/form.js';
import { HOSTILE, isInjected, wellFormed } from './hostile-strings.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

export const P = HOSTILE.map((h) => h.text);
export const N = P.length;
/** What the hostile translation says for the text that is `P[k]` in the source. */
export const Q = (k: number) => P[(k + 1) % N];
/** The text of the `i`th slot of the last step (told apart from the steps' own texts). */
export const X = (i: number) => `${P[i]} (extra ${i})`;
/** The name of the property named by `P[k]` (lone surrogates replaced: see `wellFormed`). */
export const NAME = (k: number) => wellFormed(P[k]);

/** Whitespace-insensitive form, for text that passes through templates and Markdown paragraphs. */
export const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export const pointer = (name: string) => `/${escapeToken(name)}`;

/** The text of a label or legend without its "(optional)" mark (localized). */
export function labelText(element: Element | null | undefined): string {
  const copy = element!.cloneNode(true) as Element;
  copy.querySelectorAll('.optional').forEach((mark) => mark.remove());
  return norm(copy.textContent);
}

/** `object[key] = value` that defines the property even where `key` is `__proto__`. */
export function define(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

// ---- watching for anything that runs or gets injected ------------------------------------------

/**
 * Hooks `alert` / `confirm` / `prompt`, and watches the document and each form's shadow root for
 * elements that no template of the form would create (see `isInjected`).
 */
export class Watch {
  readonly problems: string[] = [];
  readonly dialogs: string[] = [];
  private readonly observers: MutationObserver[] = [];
  private readonly saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

  constructor() {
    delete window.__pwned;
    window.alert = (text?: unknown) => void this.dialogs.push(`alert ${String(text)}`);
    window.confirm = (text?: string) => (this.dialogs.push(`confirm ${text}`), false);
    window.prompt = (text?: string) => (this.dialogs.push(`prompt ${text}`), null);
    this.observe(document);
  }

  observe(node: Node): void {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') this.check(record.target as Element);
        for (const added of record.addedNodes) {
          if (!(added instanceof Element)) continue;
          this.check(added);
          added.querySelectorAll('*').forEach((inner) => this.check(inner));
        }
      }
    });
    observer.observe(node, { subtree: true, childList: true, attributes: true });
    this.observers.push(observer);
  }

  private check(element: Element): void {
    const problem = isInjected(element);
    if (problem) this.problems.push(problem);
  }

  /** Waits for late payloads (image errors, timers), then asserts that all stayed silent. */
  async finish(el?: IntakeForm): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (el)
      root(el)
        .querySelectorAll('*')
        .forEach((element) => this.check(element));
    this.observers.forEach((observer) => observer.disconnect());
    Object.assign(window, this.saved);
    expect(this.problems, 'injected elements').to.deep.equal([]);
    expect(this.dialogs, 'alert / confirm / prompt').to.deep.equal([]);
    expect(window.__pwned, 'window.__pwned').to.equal(undefined);
  }
}

/** Creates a form, watches its shadow root from the start, and waits until it is ready. */
export async function watchedForm(
  watch: Watch,
  definition: FormDefinition,
  locale: string,
  attributes: Record<string, string> = {},
): Promise<IntakeForm> {
  const el = document.createElement('intake-form') as IntakeForm;
  el.setAttribute('locale', locale);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  watch.observe(root(el));
  const ready = whenReady(el);
  el.definition = definition;
  await ready;
  await el.updateComplete;
  return el;
}

/**
 * The control whose `name` is `at`, compared as a string: `CSS.escape` (which `control` uses)
 * turns U+0000 into U+FFFD, so no selector finds a name that holds one.
 */
export function byName(el: IntakeForm, at: string): HTMLInputElement {
  const found = [...root(el).querySelectorAll<HTMLInputElement>('[name]')].find(
    (element) => element.getAttribute('name') === at,
  );
  if (!found) throw new Error(`no control named ${at}`);
  return found;
}

/** Puts text into a control as the browser does on input (for text no keyboard can type). */
export async function enter(el: IntakeForm, at: string, text: string): Promise<void> {
  const input = byName(el, at);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function choose(el: IntakeForm, at: string, index: number): Promise<void> {
  const radios = controls(el, at).filter((c) => c.type === 'radio');
  if (radios.length > 0) radios[index].click();
  else {
    const select = control<HTMLSelectElement>(el, at);
    select.value = String(index);
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

// ---- the definition with hostile text in every slot --------------------------------------------

/**
 * Step `k` holds `t<k>` (title, description, help and placeholder are `P[k]`), a property named
 * `P[k]` (no title, so its name is its label) and `c<k>` (a choice whose first option's title is
 * `P[k]`); the step's title and description are `P[k]` too. A last step holds an object, an array,
 * a checkbox group, a checkbox and a required field with a custom error message. Translations
 * into `de` replace every source text `P[k]` with `Q(k)`.
 */
export function hostileDefinition(id: string): FormDefinition {
  const properties: Record<string, SchemaObject> = {};
  const ui: Record<string, unknown> = {};
  const de: Record<string, string> = {
    '/schema/title': Q(N - 1),
    '/schema/description': Q(N - 2),
  };
  const steps = P.map((text, k) => {
    properties[`t${k}`] = { type: 'string', title: text, description: text };
    ui[`t${k}`] = { 'ui:help': text, 'ui:placeholder': text };
    define(properties, NAME(k), { type: 'string', description: text });
    properties[`c${k}`] = {
      type: 'string',
      oneOf: [
        { const: 'a', title: text },
        { const: 'b', title: 'B' },
      ],
    };
    if (k % 2 === 0) ui[`c${k}`] = { 'ui:widget': 'radio' };
    for (const key of [
      `/schema/properties/t${k}/title`,
      `/schema/properties/t${k}/description`,
      `/ui/t${k}/ui:help`,
      `/ui/t${k}/ui:placeholder`,
      `/schema/properties/${escapeToken(NAME(k))}/description`,
      `/schema/properties/c${k}/oneOf/0/title`,
      `/ui/ui:steps/${k}/title`,
      `/ui/ui:steps/${k}/description`,
    ])
      de[key] = Q(k);
    return { title: text, description: text, fields: [`t${k}`, NAME(k), `c${k}`] };
  });
  properties.group = {
    type: 'object',
    title: X(1),
    description: X(2),
    properties: { inner: { type: 'string', title: X(3) } },
  };
  properties.list = { type: 'array', title: X(4), items: { type: 'string', title: X(5) } };
  properties.multi = {
    type: 'array',
    uniqueItems: true,
    items: { type: 'string', enum: ['a', 'b'] },
  };
  properties.consent = { type: 'boolean', title: X(8) };
  properties.needed = { type: 'string', title: 'Needed' };
  ui.multi = { 'ui:widget': 'checkboxes', items: { 'ui:enumNames': [X(6), X(7)] } };
  ui.needed = { 'ui:options': { errorMessages: { required: X(9) } } };
  ui['ui:confirmation'] = X(10);
  steps.push({
    title: X(11),
    description: X(12),
    fields: ['group', 'list', 'multi', 'consent', 'needed'],
  });
  ui['ui:steps'] = steps;
  return {
    id,
    version: '1',
    lang: 'en',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: P[0],
      description: P.join(' '),
      required: ['needed'],
      properties,
    },
    ui,
    translations: { de },
  };
}

/** What the person enters on step `k`. */
export function answers(k: number): Record<string, string> {
  return { [`t${k}`]: P[k], [NAME(k)]: P[k], [`c${k}`]: 'a' };
}

// Object.fromEntries and spreads define properties (`__proto__` is one of the names); `=` and
// Object.assign would set the prototype instead.
export const expectedValue = () => ({
  ...Object.fromEntries(P.flatMap((_text, k) => Object.entries(answers(k)))),
  group: { inner: X(3) },
  list: [X(5)],
  multi: ['a', 'b'],
  consent: true,
  needed: X(9),
});

/** Resolves after the next frame has been rendered (layout and paint included). */
export const frame = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

export const rounded = (timings: Record<string, number>) =>
  JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));

let bucketCount = 0;
/** A fresh bucket of the test receiver (test/server/test-receiver.js) for one submission. */
export const bucket = () => `hostile-${Date.now()}-${(bucketCount += 1)}`;
