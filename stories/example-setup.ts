/**
 * What an example's `setup` does to a ready form, as a person would: moving through the steps,
 * submitting (accepted, or queued while offline) and keeping a draft and coming back to it.
 * Only the element's public API and its documented parts are used.
 */
import type { IntakeForm } from '../src/index.js';
import { settle, whenReady } from './example-kit.js';

type SubmitTransport = (request: { url: string; body: string }) => Promise<{
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}>;

/** A transport that accepts every submission with a reference number, as a backend would. */
export function acceptingTransport(reference: string): SubmitTransport {
  return async () => ({
    status: 201,
    headers: { 'content-type': 'application/json' },
    body: { reference },
  });
}

/** A transport for a device without a connection: no answer ever comes. */
export const offlineTransport: SubmitTransport = async () => {
  throw new TypeError('Network error (offline)');
};

function useTransport(form: IntakeForm, transport: SubmitTransport): void {
  (form as unknown as { transport: SubmitTransport }).transport = transport;
}

/** Moves a multi-step form forward `steps` times; fails loudly if validation stops it. */
export async function forward(form: IntakeForm, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (!(await form.next())) {
      throw new Error(`example setup: next() stopped at step ${form.step + 1}`);
    }
  }
}

/** Submits through a transport that accepts, and waits for the confirmation. */
export async function confirm(form: IntakeForm, reference: string): Promise<void> {
  form.action = 'https://intake.invalid/submissions';
  useTransport(form, acceptingTransport(reference));
  const result = await form.submit();
  if (!result.ok) throw new Error(`example setup: submit() gave ${JSON.stringify(result)}`);
}

/** Submits while offline, with one attempt only: the submission waits in the outbox. */
export async function queue(form: IntakeForm): Promise<void> {
  form.action = 'https://intake.invalid/submissions';
  useTransport(form, offlineTransport);
  (form as unknown as { retryPolicy: object }).retryPolicy = {
    attempts: 1,
    baseDelayMs: 0,
    maxDelayMs: 0,
  };
  const result = await form.submit();
  if (result.ok || result.reason !== 'queued') {
    throw new Error(`example setup: submit() gave ${JSON.stringify(result)}, not queued`);
  }
}

async function until(test: () => unknown, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`example setup: ${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Loads the form again as a new element in its place, as a person coming back would. */
async function reload(form: IntakeForm): Promise<IntakeForm> {
  const again = document.createElement('intake-form');
  again.draft = 'local';
  if (form.locale) again.locale = form.locale;
  again.dataset.example = form.dataset.example;
  again.dataset.exampleState = 'loading';
  const ready = whenReady(again);
  if (form.src) again.src = form.src;
  else again.definition = form.definition;
  form.replaceWith(again);
  await ready;
  await settle(again);
  return again;
}

const restored = (form: IntakeForm) =>
  form.shadowRoot!.querySelector('[part~="delete-draft"]') !== null;

/**
 * The person ticks "Save my answers on this device", then comes back later: the page is loaded
 * again (a new element), the draft is offered and they continue with it. Returns the new element.
 *
 * The element shows "Your answers are saved on this device" (with the `delete-draft` button) a
 * moment before the draft is written when it first makes the device's key, and it tells no event
 * when the draft is stored; so the form is loaded again until the draft comes back (a few
 * times at most), as a person reloading the page would see it.
 */
export async function saveDraftAndReload(form: IntakeForm): Promise<IntakeForm> {
  // A draft kept by an earlier visit (same page, same form id) was restored already.
  if (restored(form)) return form;
  // The documented parts only (the element's ids and classes are internal). The drafts part
  // loads lazily, so its opt-in (or the offer of a draft an earlier visit kept) comes a moment
  // after the form.
  const optInSelector = '[part~="draft"] input[type="checkbox"][part~="control"]';
  const offerSelector = '[part~="continue-draft"]';
  try {
    await until(
      () => form.shadowRoot!.querySelector(`${optInSelector}, ${offerSelector}`) !== null,
      'the drafts part',
    );
  } catch {
    throw new Error('example setup: no draft opt-in (is draft="local" set?)');
  }
  const offered = form.shadowRoot!.querySelector<HTMLButtonElement>(offerSelector);
  if (offered) {
    offered.click();
    await until(() => restored(form), 'continuing with the saved draft');
    return form;
  }
  const optIn = form.shadowRoot!.querySelector<HTMLInputElement>(optInSelector)!;
  optIn.click();
  await until(() => restored(form), 'saving the draft');
  for (let attempt = 1; ; attempt++) {
    form = await reload(form);
    // The saved draft is offered first ("Continue where you left off?"): the person continues.
    const again = form;
    const proceed = again.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-draft"]');
    if (proceed) {
      proceed.click();
      await until(() => restored(again), 'continuing with the saved draft');
    }
    if (restored(form)) return form;
    if (attempt === 10) throw new Error('example setup: the saved draft did not come back');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
