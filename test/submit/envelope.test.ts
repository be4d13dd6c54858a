// The envelope and its Idempotency-Key (src/submit/envelope.ts), and the default transport
// (src/submit/transport.ts) against the test receiver, without an element.
import { expect } from '@open-wc/testing';
import { buildEnvelope, newIdempotencyKey } from '../../src/submit/envelope.js';
import { xhrTransport } from '../../src/submit/transport.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('buildEnvelope', () => {
  it('has exactly the shape of API.md, with the time of sending in UTC', () => {
    const data = { email: 'amina@example.org', topics: ['housing'] };
    const envelope = buildEnvelope(
      { id: 'ki-erstberatung', version: '2026-11-01' },
      'fa-IR',
      data,
      new Date(Date.UTC(2026, 10, 25, 10, 0, 0, 7)),
    );
    expect(envelope).to.deep.equal({
      form: { id: 'ki-erstberatung', version: '2026-11-01' },
      locale: 'fa-IR',
      submittedAt: '2026-11-25T10:00:00.007Z',
      data,
    });
    expect(Object.keys(envelope)).to.deep.equal(['form', 'locale', 'submittedAt', 'data']);
  });

  it('takes only the id and version of the form, and leaves a missing version out of the JSON', () => {
    const form = { id: 'x', version: undefined, schema: {} } as unknown as { id: string };
    const envelope = buildEnvelope(form, 'de', {});
    expect(envelope.form).to.deep.equal({ id: 'x', version: undefined });
    expect(JSON.parse(JSON.stringify(envelope)).form).to.deep.equal({ id: 'x' });
    expect(Date.parse(envelope.submittedAt)).to.be.closeTo(Date.now(), 5000);
  });
});

describe('newIdempotencyKey', () => {
  it('is a new random UUID v4 each time', () => {
    const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
    for (const key of keys) expect(key).to.match(UUID_V4);
    expect(new Set(keys).size).to.equal(50);
  });

  it('is a UUID v4 also where crypto.randomUUID is missing (pages served without TLS)', () => {
    const own = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
      for (const key of keys) expect(key).to.match(UUID_V4);
      expect(new Set(keys).size).to.equal(50);
    } finally {
      if (own) Object.defineProperty(crypto, 'randomUUID', own);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.be.a('function');
  });
});

describe('xhrTransport', () => {
  const bucket = () => `transport-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

  it('sends the headers and body, and reads the status, headers and JSON answer', async () => {
    const name = bucket();
    const response = await xhrTransport({
      url: `/test-api/${name}/submit?busy=1`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' },
      body: JSON.stringify({ hello: 'مرحبا' }),
      signal: new AbortController().signal,
    });
    expect(response.status).to.equal(429);
    expect(response.headers?.['retry-after']).to.equal('1');

    const second = await xhrTransport({
      url: `/test-api/${name}/submit`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' },
      body: '{}',
      signal: new AbortController().signal,
    });
    expect(second).to.include({ status: 201 });
    expect(second.body).to.deep.equal({ reference: 'T-0002' });

    const arrived = await (await fetch(`/test-api/${name}/requests`)).json();
    expect(arrived[0].headers['idempotency-key']).to.equal('k-1');
    expect(JSON.parse(arrived[0].body)).to.deep.equal({ hello: 'مرحبا' });
  });

  it('rejects when aborted, so that a timeout is a failure and not an answer', async () => {
    const controller = new AbortController();
    const sent = xhrTransport({
      url: `/test-api/${bucket()}/submit?stall=2000`,
      method: 'POST',
      headers: {},
      body: '{}',
      signal: controller.signal,
    });
    controller.abort();
    let error: unknown;
    try {
      await sent;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
