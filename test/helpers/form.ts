/**
 * Helpers shared by the element tests: create a form, wait for it, find controls, type like a person.
 */
import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';

/** Waits for `intake-ready`; fails with the definition error if `intake-error` comes first. */
export function whenReady(el: IntakeForm): Promise<CustomEvent> {
  return new Promise((resolve, reject) => {
    el.addEventListener('intake-ready', (event) => resolve(event as CustomEvent), { once: true });
    el.addEventListener(
      'intake-error',
      (event) =>
        reject(new Error(`intake-error: ${JSON.stringify((event as CustomEvent).detail)}`)),
      {
        once: true,
      },
    );
  });
}

/** Renders a form from a definition object and waits until it is ready. */
export async function renderForm(
  definition: Partial<FormDefinition> & { schema: FormDefinition['schema'] },
  locale = 'en',
): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(html`<intake-form locale=${locale}></intake-form>`);
  const ready = whenReady(el);
  el.definition = { id: 'test', version: '1', lang: 'en', ...definition } as FormDefinition;
  await ready;
  await el.updateComplete;
  return el;
}

/** The shadow root of a form. */
export function root(el: IntakeForm): ShadowRoot {
  return el.shadowRoot!;
}

/** The control(s) whose `name` is the pointer. */
export function control<T extends HTMLElement = HTMLInputElement>(
  el: IntakeForm,
  pointer: string,
): T {
  const found = root(el).querySelector<T>(`[name="${CSS.escape(pointer)}"]`);
  if (!found) throw new Error(`no control named ${pointer}`);
  return found;
}

export function controls(el: IntakeForm, pointer: string): HTMLInputElement[] {
  return [...root(el).querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(pointer)}"]`)];
}

/** Focuses a control and types text with real key presses. */
export async function typeInto(el: IntakeForm, pointer: string, text: string): Promise<void> {
  control(el, pointer).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Presses Tab (moving focus on, which blurs the current control). */
export async function tab(el: IntakeForm): Promise<void> {
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

/** The text of the error message attached to a control, if any. */
export function errorText(el: IntakeForm, pointer: string): string | undefined {
  const input = control(el, pointer);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const group = input.closest('fieldset[aria-describedby]');
  ids.push(...(group?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  for (const id of ids) {
    const node = root(el).getElementById(id);
    if (node?.classList.contains('error-message'))
      return node.textContent!.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/** The element focused inside the form's shadow root. */
export function focused(el: IntakeForm): Element | null {
  return root(el).activeElement;
}

/** Collects `console.error` calls and uncaught errors while `fn` runs. */
export async function collectErrors(fn: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await fn();
  } finally {
    console.error = original;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}
