/**
 * Walking a form with the keyboard only (test/element/keyboard-walk.test.ts): pressing keys and
 * typing through @web/test-runner-commands, where the focus is and whether it stayed visible
 * inside the form, the tab order, typing a date segment by segment, and what the person sees.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { axeViolations } from './axe.js';
import { focused, root } from './form.js';

export type Key = 'Tab' | 'Shift+Tab' | 'Space' | 'Enter' | 'ArrowDown' | 'ArrowUp';

export async function loadDefinition(name: string): Promise<FormDefinition> {
  return (await fetch(`/schemas/${name}.json`)).json();
}

export function freshBucket(name: string): string {
  return `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
}

export async function requestsIn(
  bucket: string,
): Promise<{ headers: Record<string, string>; body: string }[]> {
  return (await fetch(`/test-api/${bucket}/requests`)).json();
}

/** Lets the element finish what a key started (an update, then focus moved after it). */
export async function settle(el: IntakeForm): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await el.updateComplete;
}

/** The focused element inside the form's shadow root, as an HTMLElement. */
export function current(el: IntakeForm): HTMLElement | null {
  return focused(el) as HTMLElement | null;
}

/** A short description of the focused element, for messages and tab-order checks. */
export function describeFocus(el: IntakeForm): string {
  if (document.activeElement !== el) return `outside the form (${document.activeElement?.tagName})`;
  const node = current(el);
  if (!node) return 'nothing in the shadow root';
  const name = node.getAttribute('name');
  if (name && (node as HTMLInputElement).type === 'radio')
    return `${name}[${node.getAttribute('value')}]`;
  if (name && (node as HTMLInputElement).type === 'checkbox' && node.hasAttribute('value'))
    return `${name}[${node.getAttribute('value')}]`;
  if (name) return name;
  if (node.tagName === 'BUTTON') return `button:${node.textContent!.replace(/\s+/g, ' ').trim()}`;
  if (node.tagName === 'A') return `link:${node.textContent!.replace(/\s+/g, ' ').trim()}`;
  return `${node.tagName.toLowerCase()}.${node.className}`;
}

function isVisible(node: HTMLElement): boolean {
  const box = node.getBoundingClientRect();
  const options = {
    checkOpacity: true,
    checkVisibilityCSS: true,
    opacityProperty: true,
    visibilityProperty: true,
  } as CheckVisibilityOptions;
  return node.checkVisibility(options) && box.width > 0 && box.height > 0;
}

/** Focus is on a visible element inside this form: not lost to the page's body. */
export function expectFocusInForm(el: IntakeForm, after: string): void {
  const where = describeFocus(el);
  expect(document.activeElement, `after ${after}, focus is ${where}`).to.equal(el);
  const node = current(el);
  expect(node, `after ${after}, focus is ${where}`).to.not.equal(null);
  expect(root(el).contains(node), `after ${after}, focus is ${where}`).to.equal(true);
  expect(isVisible(node!), `after ${after}, the focused ${where} is not visible`).to.equal(true);
}

/** Presses a key; after Tab / Shift+Tab checks that focus stayed on a visible element of the form. */
export async function press(el: IntakeForm, key: Key): Promise<void> {
  const before = describeFocus(el);
  await sendKeys({ press: key });
  await settle(el);
  if (key === 'Tab' || key === 'Shift+Tab') expectFocusInForm(el, `${key} from ${before}`);
}

export async function type(el: IntakeForm, text: string): Promise<void> {
  await sendKeys({ type: text });
  await settle(el);
}

/**
 * Presses Tab until `target` (a description as `describeFocus` gives it, or a test) has focus.
 * Returns the stops passed on the way (one entry per element; a date input's segments count once).
 */
export async function tabTo(
  el: IntakeForm,
  target: string | ((node: HTMLElement) => boolean),
  limit = 40,
): Promise<string[]> {
  const reached = () =>
    typeof target === 'string' ? describeFocus(el) === target : target(current(el)!);
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await press(el, 'Tab');
    const here = describeFocus(el);
    if (stops[stops.length - 1] !== here) stops.push(here);
    if (reached()) return stops;
  }
  throw new Error(`Tab never reached ${String(target)}; passed ${stops.join(' → ')}`);
}

/** Tab must land exactly on `expected` (the next stop in the tab order). */
export async function tabExpect(el: IntakeForm, expected: string): Promise<void> {
  await press(el, 'Tab');
  expect(describeFocus(el), 'tab order').to.equal(expected);
}

/** The digits of an ISO date in the order this browser's date input asks for them. */
function dateKeys(iso: string): string {
  const [year, month, day] = iso.split('-');
  const parts = new Intl.DateTimeFormat(navigator.language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(Date.UTC(2000, 0, 2)));
  return parts
    .filter((part) => ['year', 'month', 'day'].includes(part.type))
    .map((part) => ({ year, month, day })[part.type as 'year' | 'month' | 'day'])
    .join('');
}

/** Types a date into the focused date input, segment by segment, as a person would. */
export async function typeDate(el: IntakeForm, iso: string): Promise<void> {
  const input = current(el) as HTMLInputElement;
  expect(input.type, `${describeFocus(el)} is a date input`).to.equal('date');
  await type(el, dateKeys(iso));
  expect(input.value, `typed date into ${input.name}`).to.equal(iso);
}

/** Presses Tab until focus leaves the focused date input (Tab first walks its segments). */
export async function tabOutOfDate(el: IntakeForm): Promise<string> {
  const date = current(el);
  for (let i = 0; i < 4; i++) {
    await press(el, 'Tab');
    if (current(el) !== date) return describeFocus(el);
  }
  throw new Error('Tab did not leave the date input');
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function summaryLinks(el: IntakeForm): string[] {
  return [...root(el).querySelectorAll('.error-summary a')].map((a) => text(a));
}

export function stepTitle(el: IntakeForm): HTMLElement | null {
  return root(el).querySelector<HTMLElement>('.step-title');
}

export function reviewRows(el: IntakeForm): [string, string][] {
  return [...root(el).querySelectorAll('.review-row')].map((row) => [
    text(row.querySelector('dt')),
    text(row.querySelector('dd bdi')),
  ]);
}

/**
 * Checks that describe what the element should do but that the walk can go on without: a failure
 * is recorded (and reported when the walk ends) instead of stopping the walk there.
 */
export class Deferred {
  readonly failures: string[] = [];

  check(assertion: () => void): void {
    try {
      assertion();
    } catch (error) {
      this.failures.push((error as Error).message);
    }
  }

  report(): void {
    expect(this.failures, 'deferred checks that failed').to.deep.equal([]);
  }
}

export async function expectNoAxeViolations(el: IntakeForm, where: string): Promise<void> {
  expect(await axeViolations(el), `axe on ${where}`).to.deep.equal([]);
}

export const primary = (node: HTMLElement) => node.matches('button.primary');
