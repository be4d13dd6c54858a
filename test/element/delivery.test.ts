import type { Envelope } from '../../src/submit/envelope.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { IntakeForm, SchemaObject } from '../../src/index.js';
import type { TransportRequest } from '../../src/submit/transport.js';
import { pendingSubmissions, removeSubmission } from '../../src/submit/outbox.js';
import { renderForm, root } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', format: 'email', title: 'Email' } },
};

let count = 0;
function bucket(): string {
  count += 1;
  return `delivery-${Date.now()}-${count}`;
}

async function requests(
  name: string,
): Promise<{ headers: Record<string, string>; body: string; at: number }[]> {
  return (await fetch(`/test-api/${name}/requests`)).json();
}

/** A form whose retries are quick, so that the tests do not wait for real backoff. */
async function quickForm(id = `form-${Date.now()}-${Math.random()}`): Promise<IntakeForm> {
  const el = await renderForm({ id, schema });
  el.retryPolicy = { attempts: 4, baseDelayMs: 20, maxDelayMs: 2000 };
  el.value = { email: 'amal@example.org' };
  return el;
}

const offline = () => Promise.reject(new TypeError('Failed to fetch'));

afterEach(async () => {
  for (const entry of await pendingSubmissions()) await removeSubmission(entry.key);
});

describe('delivery', () => {
  it('retries 5xx answers with the same Idempotency-Key until the server accepts', async () => {
    const el = await quickForm();
    const name = bucket();
    el.action = `/test-api/${name}/submit?fail=2`;
    const result = await el.submit();
    expect(result).to.deep.equal({ ok: true, status: 201, reference: 'T-0003' });
    const arrived = await requests(name);
    expect(arrived).to.have.length(3);
    expect(new Set(arrived.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('honours Retry-After on 429', async () => {
    const el = await quickForm();
    const name = bucket();
    el.action = `/test-api/${name}/submit?busy=1`;
    const result = await el.submit();
    expect(result.ok).to.equal(true);
    const [first, second] = await requests(name);
    expect(second.at - first.at).to.be.greaterThan(900);
  });

  it('gives up an attempt after the timeout and tries again', async () => {
    const el = await quickForm();
    el.timeout = 300;
    const name = bucket();
    el.action = `/test-api/${name}/submit?stall=1500`;
    const result = await el.submit();
    expect(result.ok).to.equal(true);
    const arrived = await requests(name);
    expect(arrived.length).to.be.greaterThan(1);
    expect(new Set(arrived.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  });

  it('keeps an undeliverable submission in the outbox, tells the person, and sends it when back online', async () => {
    const el = await quickForm();
    const name = bucket();
    el.action = `/test-api/${name}/submit`;
    el.transport = offline;
    const result = await el.submit();
    expect(result).to.deep.equal({ ok: false, reason: 'queued' });
    await el.updateComplete;
    const title = root(el).querySelector<HTMLElement>('.queued-title')!;
    expect(el.shadowRoot!.activeElement).to.equal(title);
    expect(title.textContent!.trim()).to.equal('Your request is saved on this device');
    const [waiting] = await pendingSubmissions();
    expect((waiting.envelope as Envelope).data).to.deep.equal({ email: 'amal@example.org' });
    // The connection is back.
    el.transport = undefined;
    const submitted = oneEvent(el, 'intake-submitted');
    window.dispatchEvent(new Event('online'));
    expect((await submitted).detail.reference).to.equal('T-0001');
    await el.updateComplete;
    expect(root(el).querySelector('.reference')!.textContent).to.equal('T-0001');
    const [arrived] = await requests(name);
    expect(arrived.headers['idempotency-key']).to.equal(waiting.key);
    expect(await pendingSubmissions()).to.have.length(0);
  });

  it('says the form could not be sent, and keeps what was typed, where nothing can wait on this device', async () => {
    const el = await quickForm();
    el.action = `/test-api/${bucket()}/submit`;
    el.transport = offline;
    // IndexedDB refuses (private mode in some browsers, a full disk).
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('No room', 'QuotaExceededError');
    };
    try {
      const error = oneEvent(el, 'intake-error');
      expect(await el.submit()).to.deep.equal({ ok: false, reason: 'failed' });
      expect((await error).detail.message).to.equal(
        'The form could not be sent. Please check your connection and try again.',
      );
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    await el.updateComplete;
    expect(root(el).querySelector('.queued-title')).to.equal(null);
    expect(el.value).to.deep.equal({ email: 'amal@example.org' });
    expect((root(el).querySelector('[name="/email"]') as HTMLInputElement).value).to.equal(
      'amal@example.org',
    );
  });

  it('sends what an earlier visit left in the outbox when the same form loads again', async () => {
    const id = `reload-${Date.now()}`;
    const name = bucket();
    const first = await quickForm(id);
    first.action = `/test-api/${name}/submit`;
    first.transport = offline;
    expect((await first.submit()).ok).to.equal(false);
    const key = (await pendingSubmissions(id))[0].key;
    first.remove(); // the page is closed
    const submitted = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('intake-submitted', (e) => resolve(e as CustomEvent), {
        once: true,
      }),
    );
    const second = await renderForm({ id, schema });
    const event = await submitted;
    expect(event.detail.reference).to.equal('T-0001');
    const arrived = await requests(name);
    expect(arrived).to.have.length(1);
    expect(arrived[0].headers['idempotency-key']).to.equal(key);
    await second.updateComplete;
    expect(root(second).querySelector('.notice')!.textContent).to.contain('T-0001');
  });

  it('lets a custom transport talk to a backend of another shape', async () => {
    const el = await quickForm();
    el.action = 'https://backend.invalid/custom';
    const seen: TransportRequest[] = [];
    el.transport = async (request) => {
      seen.push(request);
      return { status: 202, body: { reference: 'CUSTOM-1' } };
    };
    expect(await el.submit()).to.deep.equal({ ok: true, status: 202, reference: 'CUSTOM-1' });
    expect(seen).to.have.length(1);
    expect(seen[0].headers['Idempotency-Key']).to.match(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(seen[0].body).data).to.deep.equal({ email: 'amal@example.org' });
  });

  it('shows upload progress while a large submission is sent', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: { file: { type: 'string', format: 'data-url', title: 'File' } },
      },
    });
    el.action = `/test-api/${bucket()}/submit`;
    el.value = { file: `data:application/pdf;name=big.pdf;base64,${'A'.repeat(3_000_000)}` };
    let sawProgress = false;
    const observer = new MutationObserver(() => {
      if (el.shadowRoot!.querySelector('progress')) sawProgress = true;
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    const result = await el.submit();
    observer.disconnect();
    expect(result.ok).to.equal(true);
    expect(sawProgress).to.equal(true);
  });
});
