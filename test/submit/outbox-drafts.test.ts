// The outbox and the drafts in IndexedDB (src/submit/outbox.ts, src/submit/drafts.ts), without an
// element: what waits is kept in order per form, and a draft is stored encrypted and expires.
import type { Envelope } from '../../src/submit/envelope.js';
import { expect } from '@open-wc/testing';
import { clear, createStore, del, entries, get, keys, set } from 'idb-keyval';
import {
  deleteDraft,
  draftInfo,
  loadDraft,
  saveDraft,
  unlockDraft,
} from '../../src/submit/drafts.js';
import { newSalt, passphraseKey, PASSPHRASE_ITERATIONS } from '../../src/submit/sealed.js';
import { buildEnvelope } from '../../src/submit/envelope.js';
import {
  expired,
  OUTBOX_DAYS,
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

  it('stores the envelope and a refusal sealed: the raw records hold neither typed text nor headers', async () => {
    const typed = 'Passnummer-P7731-unique';
    await queueSubmission({
      ...entry('k-raw', 'a', 100),
      envelope: buildEnvelope({ id: 'a', version: '1' }, 'de', { passport: typed }),
      problem: {
        reason: 'refused',
        status: 422,
        errors: [{ pointer: '/passport', detail: typed }],
      },
      // A caller handing over more than an OutboxEntry (as the element once did): not stored.
      ...({ headers: { 'X-CSRF-Token': 'csrf-secret-9' } } as object),
    });
    const raw = await get('k-raw', createStore('intake-elements-outbox', 'submissions'));
    const text =
      JSON.stringify({ ...raw, iv: undefined, ciphertext: undefined }) +
      new TextDecoder('latin1').decode(raw.ciphertext as ArrayBuffer);
    expect(text).not.to.include('Passnummer');
    expect(text).not.to.include('P7731');
    expect(text).not.to.include('csrf-secret-9');
    expect(text).not.to.include('/submissions');
    expect(Object.keys(raw).sort()).to.deep.equal(
      ['attempts', 'ciphertext', 'formId', 'iv', 'key', 'queuedAt'].sort(),
    );
    const [back] = await pendingSubmissions('a');
    expect((back.envelope as Envelope).data).to.deep.equal({ passport: typed });
    expect(back.problem?.errors?.[0].detail).to.equal(typed);
    expect('headers' in back).to.equal(false);
  });

  it('seals an entry an earlier version stored in the clear, drops its headers, and still sends it', async () => {
    const store = createStore('intake-elements-outbox', 'submissions');
    const old = entry('k-old', 'a', 50);
    await set('k-old', { ...old, headers: { 'X-CSRF-Token': 'old-token' } }, store);
    const [back] = await pendingSubmissions('a');
    expect(back).to.deep.equal(old);
    const raw = await get('k-old', store);
    expect(raw.ciphertext).to.be.instanceOf(ArrayBuffer);
    expect(JSON.stringify(raw)).not.to.include('old-token');
    expect(raw.envelope).to.equal(undefined);
  });

  it('counts an entry as expired after OUTBOX_DAYS', () => {
    const now = Date.now();
    const at = (days: number) => entry('k', 'a', now - days * 86_400_000);
    expect(expired(at(OUTBOX_DAYS - 0.1), now)).to.equal(false);
    expect(expired(at(OUTBOX_DAYS + 0.1), now)).to.equal(true);
  });

  it('removes an entry that no longer opens (its key was cleared with the site data)', async () => {
    await queueSubmission(entry('k-lost', 'a', 100));
    await del('outbox-key', createStore('intake-elements-keys', 'keys'));
    expect(await pendingSubmissions('a')).to.deep.equal([]);
    expect(await keys(createStore('intake-elements-outbox', 'submissions'))).not.to.include(
      'k-lost',
    );
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

  it('with a passphrase: only the passphrase opens it, and neither it nor the key is stored', async () => {
    const salt = newSalt();
    const key = await passphraseKey('Linde 7', salt);
    await saveDraft(FORM, '1', { note: 'familie-geheim' }, 7, {
      key,
      salt,
      iterations: PASSPHRASE_ITERATIONS,
    });
    expect(PASSPHRASE_ITERATIONS).to.be.at.least(600_000);
    expect(await draftInfo(FORM)).to.include({ locked: true });
    // The device key does not open it, and the wrong passphrase does not either.
    expect(await loadDraft(FORM)).to.equal(undefined);
    expect(await unlockDraft(FORM, 'linde 7')).to.equal(undefined);
    const opened = await unlockDraft(FORM, 'Linde 7');
    expect(opened?.draft.data).to.deep.equal({ note: 'familie-geheim' });
    // Still there after a wrong passphrase; nothing of the passphrase in any store.
    const stored = await get(FORM, drafts);
    expect(stored.lock.iterations).to.equal(PASSPHRASE_ITERATIONS);
    const everything = JSON.stringify([
      await entries(drafts),
      await entries(createStore('intake-elements-keys', 'keys')),
    ]);
    expect(everything).not.to.include('Linde');
  });

  it('makes one key when two drafts are saved at once', async () => {
    await clear(createStore('intake-elements-keys', 'keys'));
    await Promise.all([saveDraft(FORM, '1', { a: 1 }), saveDraft(`${FORM}-b`, '1', { b: 2 })]);
    expect((await loadDraft(FORM))?.data).to.deep.equal({ a: 1 });
    expect((await loadDraft(`${FORM}-b`))?.data).to.deep.equal({ b: 2 });
    await deleteDraft(`${FORM}-b`);
  });
});
