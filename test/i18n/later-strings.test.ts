/**
 * The strings only parts loaded after a form is usable show (the outbox, the review, the
 * confirmation, the panel of a definition that cannot be used) are a catalogue of their own per
 * language (tools/split-locale-strings.js, issue 21): each of those parts arrives with them, so
 * that it is never shown in English in a form in another language.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { IntakeForm, SchemaObject } from '../../src/index.js';
import { pendingSubmissions, removeSubmission } from '../../src/submit/outbox.js';
import { renderForm, root } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  properties: { email: { type: 'string', title: 'Email' } },
};

/** A German form with an answer. */
async function germanForm(ui: Record<string, unknown> = {}): Promise<IntakeForm> {
  const el = await renderForm({ id: `later-${Date.now()}-${Math.random()}`, schema, ui }, 'de');
  el.retryPolicy = { attempts: 1, baseDelayMs: 20, maxDelayMs: 100 };
  el.value = { email: 'amal@example.org' };
  return el;
}

const text = (el: IntakeForm, selector: string) =>
  root(el).querySelector(selector)?.textContent?.trim();

afterEach(async () => {
  for (const entry of await pendingSubmissions()) await removeSubmission(entry.key);
});

describe('strings shown after the form is usable', () => {
  it('the review is German', async () => {
    const el = await germanForm({ 'ui:review': true });
    await el.next();
    await el.updateComplete;
    expect(root(el).textContent).to.include('Ihre Angaben prüfen');
  });

  it('the confirmation is German', async () => {
    const el = await germanForm();
    el.action = `/test-api/later-${Date.now()}/submit`;
    expect((await el.submit()).ok).to.equal(true);
    await el.updateComplete;
    expect(text(el, '.confirmation-title')).to.equal('Ihre Anfrage wurde gesendet');
  });

  it("the outbox's panel is German", async () => {
    const el = await germanForm();
    el.action = `/test-api/later-${Date.now()}/submit`;
    el.transport = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await el.submit()).to.deep.equal({ ok: false, reason: 'queued' });
    await el.updateComplete;
    expect(text(el, '.queued-title')).to.equal('Ihre Anfrage ist auf diesem Gerät gespeichert');
  });

  it('the panel of a definition that cannot be loaded is German', async () => {
    const el = await fixture<IntakeForm>(html`<intake-form locale="de"></intake-form>`);
    const failed = new Promise((resolve) =>
      el.addEventListener('intake-error', resolve, { once: true }),
    );
    el.src = '/test/fixtures/definitions/does-not-exist.json';
    await failed;
    // The panel's code (and its strings) may arrive after the event.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')?.textContent).to.include(
      'Das Formular konnte nicht geladen werden (HTTP 404)',
    );
  });
});
