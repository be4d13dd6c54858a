// The outbox of the element when the office refuses a waiting submission for good (413, 415,
// 403, 422) or it waited too long: the entry is kept, the person is told what happened and can
// correct it, retry, download a copy or delete it; the entries behind it still go out. Headers
// are taken when an entry is sent, never from storage; a hidden page made visible again sends.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { IntakeForm, SchemaObject } from '../../src/index.js';
import { buildEnvelope } from '../../src/submit/envelope.js';
import {
  OUTBOX_DAYS,
  pendingSubmissions,
  queueSubmission,
  removeSubmission,
} from '../../src/submit/outbox.js';
import type { TransportRequest, TransportResponse } from '../../src/submit/transport.js';
import { axeViolations } from '../helpers/axe.js';
import { errorText, renderForm, root } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  properties: { email: { type: 'string', title: 'Email' } },
};

/** A stand-in office: answers each address as `answers` says (in order per address). */
function office(answers: Record<string, TransportResponse[]>) {
  const seen: TransportRequest[] = [];
  const transport = async (request: TransportRequest) => {
    seen.push(request);
    const queue = answers[request.url] ?? [];
    return queue.length > 1 ? queue.shift()! : (queue[0] ?? { status: 201, body: {} });
  };
  return { seen, transport };
}

let formId = '';
beforeEach(() => {
  formId = `stuck-${Date.now()}-${Math.random().toString(36).slice(2)}`;
});
afterEach(async () => {
  for (const entry of await pendingSubmissions()) await removeSubmission(entry.key);
});

/** Puts an entry in the outbox as an earlier visit would have. */
async function waiting(key: string, email: string, queuedAt = Date.now() - 60_000) {
  await queueSubmission({
    key,
    formId,
    action: `https://office.example/${key}`,
    envelope: buildEnvelope({ id: formId, version: '1' }, 'en', { email }),
    queuedAt,
    attempts: 1,
  });
}

/** A form of `formId` whose outbox flushes with `transport` (triggered by "online"). */
async function formFlushing(transport: IntakeForm['transport']): Promise<IntakeForm> {
  const el = await renderForm({ id: formId, schema });
  el.transport = transport;
  // The first flush (empty outbox) of the load is done before the entries are put in.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return el;
}

const flushNow = async (el: IntakeForm) => {
  window.dispatchEvent(new Event('online'));
  await waitUntil(() => root(el).querySelector('.outbox-problem'), 'a problem is shown', {
    timeout: 3000,
  });
  await el.updateComplete;
};

describe('a waiting submission the office refuses for good', () => {
  for (const status of [413, 415, 403]) {
    it(`is kept after ${status}, the person is told, and the entry behind it still goes out`, async () => {
      const { seen, transport } = office({
        'https://office.example/first': [{ status }],
        'https://office.example/second': [{ status: 201, body: { reference: 'R-2' } }],
      });
      const el = await formFlushing(transport);
      await waiting('first', 'first@example.org', Date.now() - 120_000);
      await waiting('second', 'second@example.org');
      const kept = oneEvent(el, 'intake-error');
      const sent = oneEvent(el, 'intake-submitted');
      await flushNow(el);
      expect((await kept).detail).to.include({ status, kept: true });
      expect((await sent).detail.reference).to.equal('R-2');
      expect(seen.map((r) => r.url)).to.deep.equal([
        'https://office.example/first',
        'https://office.example/second',
      ]);
      const left = await pendingSubmissions(formId);
      expect(left.map((e) => e.key)).to.deep.equal(['first']);
      expect(left[0].problem).to.include({ reason: 'refused', status });
      const panel = root(el).querySelector('.outbox-problem')!;
      expect(panel.textContent).to.contain('could not be delivered');
      expect(panel.textContent).to.contain(
        { 413: 'too large', 415: 'kind of file', 403: 'refused it' }[status]!,
      );
      for (const part of ['fix', 'retry', 'download', 'delete'])
        expect(panel.querySelector(`[part~="${part}"]`), part).to.not.equal(null);
      // It is not sent again by itself.
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.filter((r) => r.url.endsWith('/first'))).to.have.length(1);
    });
  }

  it('tells the person in the language of the form (German here), with its buttons', async () => {
    const { transport } = office({ 'https://office.example/de': [{ status: 413 }] });
    const el = await renderForm({ id: formId, lang: 'de', schema }, 'de');
    el.transport = transport;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await waiting('de', 'de@example.org');
    await flushNow(el);
    const panel = root(el).querySelector('.outbox-problem')!;
    expect(panel.textContent).to.contain('zu groß, als dass die Behörde ihn annehmen könnte');
    expect(panel.textContent).to.not.contain('too large');
    expect(panel.querySelector('[part~="download"]')!.textContent).to.not.contain('Download');
  });

  it('after 422: "Correct it in the form" brings the answers back with the errors on their fields', async () => {
    const { transport } = office({
      'https://office.example/refused': [
        {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
          body: { title: 'Invalid', errors: [{ pointer: '/email', detail: 'Address blocked.' }] },
        },
      ],
    });
    const el = await formFlushing(transport);
    await waiting('refused', 'blocked@example.org');
    await flushNow(el);
    expect(root(el).querySelector('.outbox-problem')!.textContent).to.contain(
      'correct some answers',
    );
    root(el).querySelector<HTMLButtonElement>('.outbox-problem [part~="fix"]')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ email: 'blocked@example.org' });
    await waitUntil(() => errorText(el, '/email'), 'the error is on its field');
    expect(errorText(el, '/email')).to.contain('Address blocked.');
    expect(root(el).querySelector('.outbox-problem')).to.equal(null);
    // Still kept until the corrected request is accepted; then it leaves the outbox.
    expect(await pendingSubmissions(formId)).to.have.length(1);
    el.value = { email: 'ok@example.org' };
    el.action = 'https://office.example/new';
    expect((await el.submit()).ok).to.equal(true);
    expect(await pendingSubmissions(formId)).to.have.length(0);
  });

  it('"Try again" sends it again; "Delete" removes it; "Download" gives the answers as a file', async () => {
    const { seen, transport } = office({
      'https://office.example/again': [
        { status: 403 },
        { status: 201, body: { reference: 'R-9' } },
      ],
      'https://office.example/gone': [{ status: 415 }],
    });
    const el = await formFlushing(transport);
    await waiting('again', 'again@example.org', Date.now() - 120_000);
    await waiting('gone', 'gone@example.org');
    await flushNow(el);
    await waitUntil(() => root(el).querySelectorAll('.outbox-problem').length === 2, 'both shown');
    expect(await axeViolations(el), 'axe with two refused entries').to.deep.equal([]);

    // Download: a JSON file with the answers, to bring to the office.
    const create = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return create.call(URL, b);
    };
    try {
      root(el).querySelectorAll<HTMLButtonElement>('[part~="download"]')[1].click();
    } finally {
      URL.createObjectURL = create;
    }
    const copy = JSON.parse(await blob!.text());
    expect(copy.answers).to.deep.equal({ email: 'gone@example.org' });
    expect(copy.problem).to.include({ status: 415 });

    const sent = oneEvent(el, 'intake-submitted');
    root(el).querySelectorAll<HTMLButtonElement>('[part~="retry"]')[0].click();
    expect((await sent).detail.reference).to.equal('R-9');
    expect(seen.filter((r) => r.url.endsWith('/again'))).to.have.length(2);

    await waitUntil(() => root(el).querySelectorAll('.outbox-problem').length === 1, 'one left');
    root(el).querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
    await waitUntil(() => !root(el).querySelector('.outbox-problem'), 'deleted');
    expect(await pendingSubmissions(formId)).to.have.length(0);
  });

  it('an encrypted entry (ciphertext only) is not offered for correction; its copy is the JWE', async () => {
    const { transport } = office({ 'https://office.example/sealed': [{ status: 413 }] });
    const el = await formFlushing(transport);
    const jwe = 'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.a2V5.aXY.Y2lwaGVy.dGFn';
    await queueSubmission({
      key: 'sealed',
      formId,
      action: 'https://office.example/sealed',
      envelope: {
        form: { id: formId, version: '1' },
        submittedAt: new Date().toISOString(),
        encrypted: jwe,
        routing: { '/kommune': 'Kamen' },
      },
      queuedAt: Date.now() - 60_000,
      attempts: 1,
    });
    await flushNow(el);
    const panel = root(el).querySelector('.outbox-problem')!;
    expect(panel.querySelector('[part~="fix"]'), 'no "Correct it in the form"').to.equal(null);
    for (const part of ['retry', 'download', 'delete'])
      expect(panel.querySelector(`[part~="${part}"]`), part).to.exist;
    expect(await axeViolations(el), 'axe with an encrypted refused entry').to.deep.equal([]);

    const create = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return create.call(URL, b);
    };
    try {
      panel.querySelector<HTMLButtonElement>('[part~="download"]')!.click();
    } finally {
      URL.createObjectURL = create;
    }
    const copy = JSON.parse(await blob!.text());
    expect(copy.encrypted).to.equal(jwe);
    expect(copy.routing).to.deep.equal({ '/kommune': 'Kamen' });
    expect(copy).not.to.have.property('answers');
    expect(copy.problem).to.include({ status: 413 });
  });
});

describe('the outbox', () => {
  it(`no longer sends an entry after ${OUTBOX_DAYS} days, and tells the person`, async () => {
    const { seen, transport } = office({});
    const el = await formFlushing(transport);
    await waiting('old', 'old@example.org', Date.now() - (OUTBOX_DAYS + 1) * 86_400_000);
    await flushNow(el);
    expect(seen).to.have.length(0);
    expect(root(el).querySelector('.outbox-problem')!.textContent).to.contain(
      `within ${OUTBOX_DAYS} days`,
    );
    expect((await pendingSubmissions(formId))[0].problem).to.deep.equal({ reason: 'expired' });
  });

  it("sends with the element's headers of the moment (none are stored), when the page becomes visible", async () => {
    const { seen, transport } = office({});
    const el = await formFlushing(transport);
    el.headers = { 'X-CSRF-Token': 'token-of-now' };
    await waiting('visible', 'v@example.org');
    const sent = oneEvent(el, 'intake-submitted');
    // The page was hidden and is visible again (the state is "visible" in the test browser).
    document.dispatchEvent(new Event('visibilitychange'));
    await sent;
    expect(seen).to.have.length(1);
    expect(seen[0].headers['X-CSRF-Token']).to.equal('token-of-now');
    expect(seen[0].headers['Idempotency-Key']).to.equal('visible');
  });
});
