import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { createStore, del } from 'idb-keyval';
import { deleteDraft } from '../../src/submit/drafts.js';
import { axeViolations } from '../helpers/axe.js';
import { control, root, typeInto, whenReady } from '../helpers/form.js';

function definition(id: string, version = '1'): FormDefinition {
  return {
    id,
    version,
    lang: 'en',
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string', title: 'Name' },
        passport: { type: 'string', title: 'Passport number' },
        file: { type: 'string', format: 'data-url', title: 'Document' },
      },
    },
    ui: { passport: { 'ui:sensitive': true } },
  };
}

async function form(def: FormDefinition, draft = 'local'): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(
    html`<intake-form draft=${draft} locale="en"></intake-form>`,
  );
  const ready = whenReady(el);
  el.definition = def;
  await ready;
  await new Promise((resolve) => setTimeout(resolve, 50));
  await el.updateComplete;
  return el;
}

async function optIn(el: IntakeForm): Promise<void> {
  // On a loaded machine the offer can show a moment after intake-ready (its part is a chunk).
  await waitUntil(() => root(el).querySelector('#draft-opt-in'), 'the draft offer is shown', {
    timeout: 3000,
  });
  root(el).querySelector<HTMLInputElement>('#draft-opt-in')!.click();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await el.updateComplete;
}

/** Answers the offer of a saved draft ("Continue where I left off"), with a passphrase if any. */
async function continueDraft(
  el: IntakeForm,
  passphrase?: string,
  outcome: 'opened' | 'refused' = 'opened',
): Promise<void> {
  await waitUntil(() => root(el).querySelector('.draft-offer'), 'the draft is offered', {
    timeout: 3000,
  });
  if (passphrase !== undefined)
    root(el).querySelector<HTMLInputElement>('#draft-unlock')!.value = passphrase;
  root(el).querySelector<HTMLButtonElement>('[part~="continue-draft"]')!.click();
  // Opening a passphrase draft derives its key (600,000 PBKDF2 rounds): give it time.
  await waitUntil(
    () =>
      outcome === 'opened'
        ? !root(el).querySelector('.draft-offer')
        : root(el).querySelector('#draft-unlock-error'),
    `the draft is ${outcome}`,
    { timeout: 10_000 },
  );
  await el.updateComplete;
}

/** No draft is offered (none saved, deleted or expired). */
async function noOffer(el: IntakeForm): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await el.updateComplete;
  expect(root(el).querySelector('.draft-offer')).to.equal(null);
  expect(el.value).to.deep.equal({});
}

/** Waits for the debounced save. */
const saved = () => new Promise((resolve) => setTimeout(resolve, 700));

/** Everything IndexedDB holds for drafts, as text (ciphertext bytes decoded leniently). */
async function rawDraftStore(): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('intake-elements-drafts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const records = await new Promise<unknown[]>((resolve) => {
    const request = db.transaction('drafts').objectStore('drafts').getAll();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return records
    .map((record) => {
      const { iv, ciphertext, ...rest } = record as { iv: Uint8Array; ciphertext: ArrayBuffer };
      return (
        JSON.stringify(rest) +
        new TextDecoder('latin1').decode(ciphertext) +
        new TextDecoder('latin1').decode(iv)
      );
    })
    .join('\n');
}

let id = '';
beforeEach(() => {
  id = `draft-${Date.now()}-${Math.random().toString(36).slice(2)}`;
});
afterEach(() => deleteDraft(id));

describe('local drafts', () => {
  it('are off unless the page turns them on, and then the person chooses', async () => {
    const off = await form(definition(id), '');
    expect(root(off).querySelector('#draft-opt-in')).to.equal(null);
    const on = await form(definition(id));
    const box = root(on).querySelector<HTMLInputElement>('#draft-opt-in')!;
    expect(box.checked).to.equal(false);
    expect(box.labels![0].textContent).to.contain('Save my answers on this device');
  });

  it('are encrypted at rest: IndexedDB never holds the typed text', async () => {
    const el = await form(definition(id));
    await optIn(el);
    await typeInto(el, '/name', 'Zainab Rahimi-Unique');
    await saved();
    const raw = await rawDraftStore();
    expect(raw.length).to.be.greaterThan(0);
    expect(raw).not.to.contain('Zainab');
    expect(raw).not.to.contain('Rahimi');
  });

  it('come back on the next visit, announced; sensitive fields and files are never stored', async () => {
    const el = await form(definition(id));
    await optIn(el);
    el.value = {
      name: 'Zainab',
      passport: 'P1234567',
      file: 'data:text/plain;name=a.txt;base64,aGk=',
    };
    await typeInto(el, '/name', '!');
    await saved();
    el.remove();
    const again = await form(definition(id));
    // Nothing is shown to whoever opens the page next until they ask for it.
    expect(again.value).to.deep.equal({});
    expect(root(again).textContent).not.to.contain('Zainab');
    expect(root(again).querySelector('.draft-offer')!.textContent).to.contain(
      'Continue where you left off?',
    );
    await continueDraft(again);
    expect(again.value).to.deep.equal({ name: 'Zainab!' });
    expect(control(again, '/name').value).to.equal('Zainab!');
    expect(root(again).querySelector('.draft')!.textContent).to.contain(
      'We have restored the answers you saved on this device',
    );
    expect(root(again).querySelector('[role="status"][aria-live]')!.textContent).to.contain(
      'We have restored',
    );
  });

  it('can be deleted by the person, and are deleted by reset() and by a successful submission', async () => {
    const el = await form(definition(id));
    await optIn(el);
    await typeInto(el, '/name', 'Ali');
    await saved();
    root(el).querySelector<HTMLButtonElement>('[part~="delete-draft"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await noOffer(await form(definition(id)));

    const second = await form(definition(id));
    await optIn(second);
    await typeInto(second, '/name', 'Ali');
    await saved();
    second.reset();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await noOffer(await form(definition(id)));

    const third = await form(definition(id));
    await optIn(third);
    await typeInto(third, '/name', 'Ali');
    await saved();
    third.transport = async () => ({ status: 201, body: { reference: 'R-1' } });
    third.action = '/nowhere';
    expect((await third.submit()).ok).to.equal(true);
    await noOffer(await form(definition(id)));
  });

  it('expire', async () => {
    const el = await form(definition(id));
    el.draftDays = 0.2 / 86_400; // a fifth of a second
    await optIn(el);
    await typeInto(el, '/name', 'Ali');
    await saved();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await noOffer(await form(definition(id)));
  });

  it('from an older version restore the values that still fit and drop the rest', async () => {
    const v1: FormDefinition = {
      ...definition(id, '1'),
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string', title: 'Name' },
          city: { type: 'string', title: 'City' },
          gone: { type: 'string', title: 'A question version two dropped' },
        },
      },
    };
    const old = await form(v1);
    await optIn(old);
    old.value = { name: 'A name far too long for version two', city: 'Graz', gone: 'x' };
    await typeInto(old, '/city', '!');
    await saved();
    const next: FormDefinition = {
      ...definition(id, '2'),
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string', title: 'Name', maxLength: 10 },
          city: { type: 'string', title: 'City' },
        },
      },
    };
    const restored = await form(next);
    await continueDraft(restored);
    // The city still fits and comes back; the name is too long now and the question is gone.
    expect(restored.value).to.deep.equal({ city: 'Graz!' });
    expect(control(restored, '/city').value).to.equal('Graz!');
  });

  it('"Start new" deletes the saved draft unopened', async () => {
    const el = await form(definition(id));
    await optIn(el);
    await typeInto(el, '/name', 'Ali');
    await saved();
    const again = await form(definition(id));
    await waitUntil(() => root(again).querySelector('.draft-offer'), 'offered');
    root(again).querySelector<HTMLButtonElement>('[part~="discard-draft"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(again.value).to.deep.equal({});
    await noOffer(await form(definition(id)));
  });

  it('keeps what is typed while the first save is under way (the draft-across-a-reload race)', async () => {
    const el = await form(definition(id));
    await waitUntil(() => root(el).querySelector('#draft-opt-in'), 'offered', { timeout: 3000 });
    root(el).querySelector<HTMLInputElement>('#draft-opt-in')!.click();
    // No wait: typed at once, while the opt-in's save is still running.
    await typeInto(el, '/name', 'Amal');
    await saved();
    const again = await form(definition(id));
    await continueDraft(again);
    expect(again.value).to.deep.equal({ name: 'Amal' });
  });

  it('saves at once when the page is hidden, without waiting for the delay', async () => {
    const el = await form(definition(id));
    await optIn(el);
    await typeInto(el, '/name', 'Noor');
    window.dispatchEvent(new Event('pagehide'));
    const { loadDraft } = await import('../../src/submit/drafts.js');
    await waitUntil(async () => (await loadDraft(id))?.data, 'saved', { timeout: 100 }).catch(
      () => undefined,
    );
    expect((await loadDraft(id))?.data).to.deep.equal({ name: 'Noor' });
  });

  it('with a passphrase: offered without it, opened only with it', async () => {
    const el = await form(definition(id));
    await optIn(el);
    await typeInto(el, '/name', 'Hevin');
    await saved();
    expect(await axeViolations(el), 'axe on the passphrase field').to.deep.equal([]);
    const input = root(el).querySelector<HTMLInputElement>('#draft-passphrase')!;
    input.value = 'Apf';
    root(el).querySelector<HTMLButtonElement>('[part~="protect-draft"]')!.click();
    await waitUntil(() => root(el).querySelector('#draft-passphrase-error'), 'too short');
    expect(root(el).querySelector('#draft-passphrase-error')!.textContent).to.contain(
      'at least 4 characters',
    );
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    input.value = 'Apfelbaum';
    root(el).querySelector<HTMLButtonElement>('[part~="protect-draft"]')!.click();
    await waitUntil(
      () => root(el).querySelector('.draft')!.textContent!.includes('protected by your passphrase'),
      'protected',
      { timeout: 10_000 },
    );
    const again = await form(definition(id));
    await waitUntil(() => root(again).querySelector('#draft-unlock'), 'asks for the passphrase');
    expect(await axeViolations(again), 'axe on the offer').to.deep.equal([]);
    await continueDraft(again, 'Birnbaum', 'refused');
    expect(await axeViolations(again), 'axe with the wrong passphrase').to.deep.equal([]);
    expect(root(again).querySelector('#draft-unlock-error')!.textContent).to.contain(
      'does not open',
    );
    expect(again.value).to.deep.equal({});
    await continueDraft(again, 'Apfelbaum');
    expect(again.value).to.deep.equal({ name: 'Hevin' });
    // Saving goes on with the passphrase's key: the device key alone does not open it.
    await typeInto(again, '/name', '!');
    await saved();
    const { loadDraft, unlockDraft } = await import('../../src/submit/drafts.js');
    expect(await loadDraft(id)).to.equal(undefined);
    expect((await unlockDraft(id, 'Apfelbaum'))?.draft.data).to.deep.equal({ name: 'Hevin!' });
  });
});

describe('saving a draft', () => {
  /** Deletes the key, as on a browser that never saved a draft. */
  const freshBrowser = () => del('draft-key', createStore('intake-elements-keys', 'keys'));

  it('is created once when two drafts are saved at the same moment, so both stay readable', async () => {
    await freshBrowser();
    const { loadDraft, saveDraft } = await import('../../src/submit/drafts.js');
    const other = `${id}-other`;
    await Promise.all([saveDraft(id, '1', { a: 1 }), saveDraft(other, '1', { b: 2 })]);
    expect((await loadDraft(id))?.data).to.deep.equal({ a: 1 });
    expect((await loadDraft(other))?.data).to.deep.equal({ b: 2 });
    await deleteDraft(other);
  });

  it('the notice says "saved" only once the draft is stored', async () => {
    const el = await form(definition(id));
    const { loadDraft } = await import('../../src/submit/drafts.js');
    root(el).querySelector<HTMLInputElement>('#draft-opt-in')!.click();
    // Whenever the delete button shows, the draft is already there to delete.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = async () => {
        // Anything may render the form meanwhile (typing elsewhere, a language switch).
        el.requestUpdate();
        await el.updateComplete;
        if (root(el).querySelector('[part~="delete-draft"]')) {
          if (await loadDraft(id)) resolve();
          else reject(new Error('"saved" shown before the draft was stored'));
        } else if (Date.now() - started > 3000) reject(new Error('never shown as saved'));
        else requestAnimationFrame(() => void poll());
      };
      void poll();
    });
  });
});
