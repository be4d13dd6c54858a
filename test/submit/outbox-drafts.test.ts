// The outbox and the drafts in IndexedDB (src/submit/outbox.ts, src/submit/drafts.ts), without an
// element: what waits is kept in order per form, and a draft is stored encrypted and expires.
import type { Envelope } from '../../src/submit/envelope.js';
import { expect } from '@open-wc/testing';
import { clear, createStore, get, keys } from 'idb-keyval';
import { deleteDraft, loadDraft, saveDraft } from '../../src/submit/drafts.js';
import { buildEnvelope } from '../../src/submit/envelope.js';
import {
  pendingSubmissions,
  queueSubmission,
  removeSubmission,
  withOutboxLock,
  type OutboxEntry,
} from '../../src/submit/outbox.js';

const entry = (key: string, formId: string, queuedAt: number): OutboxEntry => ({
  key,
  formId,
  action: `/api/forms/${formId}/submissions`,
  headers: { 'X-CSRF-Token': 'abc' },
  envelope: buildEnvelope({ id: formId, version: '1' }, 'uk', { n: key }),
  queuedAt,
  attempts: 1,
});

describe('outbox', () => {
  afterEach(async () => {
    for (const waiting of await pendingSubmissions()) await removeSubmission(waiting.key);
  });

  it('keeps what waits, oldest first, per form, and replaces an entry with the same key', async () => {
    await queueSubmission(entry('k-3', 'a', 300));
    await queueSubmission(entry('k-1', 'a', 100));
    await queueSubmission(entry('k-2', 'b', 200));
    expect((await pendingSubmissions()).map((e) => e.key)).to.deep.equal(['k-1', 'k-2', 'k-3']);
    expect((await pendingSubmissions('a')).map((e) => e.key)).to.deep.equal(['k-1', 'k-3']);

    await queueSubmission({ ...entry('k-1', 'a', 100), attempts: 2 });
    const [first] = await pendingSubmissions('a');
    expect(first).to.deep.equal({
      ...entry('k-1', 'a', 100),
      attempts: 2,
      envelope: first.envelope,
    });
    expect((first.envelope as Envelope).data).to.deep.equal({ n: 'k-1' });

    await removeSubmission('k-1');
    expect((await pendingSubmissions('a')).map((e) => e.key)).to.deep.equal(['k-3']);
  });

  it('lets one flush run at a time: a second one at the same moment does not run', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const runs: string[] = [];
    const first = withOutboxLock(async () => {
      runs.push('first');
      await held;
      return 'first done';
    });
    // Give the first flush time to take the lock.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await withOutboxLock(async () => {
      runs.push('second');
      return 'second done';
    });
    expect(second).to.equal(undefined);
    release();
    expect(await first).to.equal('first done');
    expect(await withOutboxLock(async () => 'later')).to.equal('later');
    expect(runs).to.deep.equal(['first']);
  });
});

describe('drafts', () => {
  const drafts = createStore('intake-elements-drafts', 'drafts');
  const FORM = `draft-test-${Date.now()}`;

  afterEach(() => deleteDraft(FORM));

  it('restores what was saved, and stores it encrypted', async () => {
    const data = { givenName: 'Олена', note: 'geheim-1234' };
    await saveDraft(FORM, '2026-11-01', data);
    const draft = await loadDraft(FORM);
    expect(draft).to.include({ version: '2026-11-01' });
    expect(draft?.data).to.deep.equal(data);
    expect(draft?.savedAt).to.be.closeTo(Date.now(), 5000);

    const stored = await get(FORM, drafts);
    const bytes = new Uint8Array(stored.ciphertext as ArrayBuffer);
    const asText = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    expect(asText).not.to.include('geheim-1234');
    expect(JSON.stringify(stored)).not.to.include('geheim-1234');
    expect(stored.iv).to.have.length(12);
  });

  it('expires after its days, and is deleted then', async () => {
    await saveDraft(FORM, undefined, { a: 1 }, 2);
    expect(await loadDraft(FORM, Date.now() + 1.9 * 86_400_000)).to.not.equal(undefined);
    expect(await loadDraft(FORM, Date.now() + 2.1 * 86_400_000)).to.equal(undefined);
    expect(await keys(drafts)).not.to.include(FORM);
  });

  it('gives nothing for a draft that no longer decrypts (the key was cleared), and deletes it', async () => {
    await saveDraft(FORM, undefined, { a: 1 });
    await clear(createStore('intake-elements-keys', 'keys'));
    expect(await loadDraft(FORM)).to.equal(undefined);
    expect(await keys(drafts)).not.to.include(FORM);
  });

  it('makes one key when two drafts are saved at once', async () => {
    await clear(createStore('intake-elements-keys', 'keys'));
    await Promise.all([saveDraft(FORM, '1', { a: 1 }), saveDraft(`${FORM}-b`, '1', { b: 2 })]);
    expect((await loadDraft(FORM))?.data).to.deep.equal({ a: 1 });
    expect((await loadDraft(`${FORM}-b`))?.data).to.deep.equal({ b: 2 });
    await deleteDraft(`${FORM}-b`);
  });
});
