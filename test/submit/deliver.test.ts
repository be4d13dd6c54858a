// Delivery without an element: sending one envelope, reading the answer, and retrying with
// backoff (src/submit/send-envelope.ts, src/submit/deliver.ts). The transport is a function that
// answers as a server would, so every status and failure can be asked for.
import { expect } from '@open-wc/testing';
import {
  backoffDelay,
  DEFAULT_RETRY,
  deliver,
  type RetryPolicy,
} from '../../src/submit/deliver.js';
import { buildEnvelope } from '../../src/submit/envelope.js';
import { parseRetryAfter, sendEnvelope, type SendOptions } from '../../src/submit/send-envelope.js';
import type { TransportRequest, TransportResponse } from '../../src/submit/transport.js';

const envelope = buildEnvelope(
  { id: 'ki-erstberatung', version: '2026-11-01' },
  'ar',
  { email: 'amina@example.org' },
  new Date('2026-11-25T10:00:00.000Z'),
);

/** A transport that gives the answers in turn (the last one again after that) and records every request. */
function scripted(...answers: Array<TransportResponse | Error>) {
  const requests: TransportRequest[] = [];
  const transport = (request: TransportRequest): Promise<TransportResponse> => {
    requests.push(request);
    const answer = answers[Math.min(requests.length, answers.length) - 1];
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { transport, requests };
}

function options(
  transport: SendOptions['transport'],
  extra: Partial<SendOptions> = {},
): SendOptions {
  return {
    action: '/api/forms/ki-erstberatung/submissions',
    envelope,
    idempotencyKey: '7d444840-9dc0-41d5-8e8a-2b5b3c1e9f10',
    transport,
    ...extra,
  };
}

/** Records the waits instead of waiting. */
function waits() {
  const delays: number[] = [];
  const wait = (ms: number) => {
    delays.push(ms);
    return Promise.resolve();
  };
  return { delays, wait };
}

const POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 15_000 };
const accepted: TransportResponse = { status: 201, body: { reference: 'KI-7QX4-M2PA' } };

describe('sendEnvelope', () => {
  it('posts the envelope as JSON with the headers of API.md, the caller’s headers beside them', async () => {
    const { transport, requests } = scripted(accepted);
    const result = await sendEnvelope(
      options(transport, { headers: { 'X-CSRF-Token': 'abc', 'Content-Type': 'text/plain' } }),
    );
    expect(result).to.deep.equal({
      kind: 'accepted',
      status: 201,
      reference: 'KI-7QX4-M2PA',
      response: { reference: 'KI-7QX4-M2PA' },
    });
    const [request] = requests;
    expect(request.method).to.equal('POST');
    expect(request.url).to.equal('/api/forms/ki-erstberatung/submissions');
    expect(request.headers).to.deep.equal({
      'X-CSRF-Token': 'abc',
      // The caller cannot change what the body is.
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
      'Idempotency-Key': '7d444840-9dc0-41d5-8e8a-2b5b3c1e9f10',
      'Content-Language': 'ar',
    });
    expect(JSON.parse(request.body)).to.deep.equal({
      form: { id: 'ki-erstberatung', version: '2026-11-01' },
      locale: 'ar',
      submittedAt: '2026-11-25T10:00:00.000Z',
      data: { email: 'amina@example.org' },
    });
  });

  it('accepts any 2xx; a reference is read only where it is a string', async () => {
    for (const [answer, reference] of [
      [{ status: 200, body: { reference: 'A-1' } }, 'A-1'],
      [{ status: 202, body: { reference: 42 } }, undefined],
      [{ status: 204 }, undefined],
    ] as const) {
      const result = await sendEnvelope(options(scripted(answer).transport));
      expect(result).to.include({ kind: 'accepted', status: answer.status, reference });
    }
  });

  it('reads 400 and 422 problem details as field errors, never retryable', async () => {
    for (const status of [400, 422]) {
      const { transport } = scripted({
        status,
        body: {
          title: 'Die Angaben sind nicht gültig.',
          errors: [
            { pointer: '/email', detail: 'Must be a valid email.' },
            { pointer: 7, detail: null },
            'not an object',
          ],
        },
      });
      expect(await sendEnvelope(options(transport))).to.deep.equal({
        kind: 'rejected',
        status,
        title: 'Die Angaben sind nicht gültig.',
        errors: [
          { pointer: '/email', detail: 'Must be a valid email.' },
          { pointer: '', detail: '' },
        ],
      });
    }
  });

  it('counts 408, 429 and 5xx as worth retrying, other failures not', async () => {
    const retryable = [408, 429, 500, 502, 503, 504];
    const final = [401, 403, 404, 409, 413];
    for (const status of [...retryable, ...final]) {
      const result = await sendEnvelope(options(scripted({ status }).transport));
      expect(result, String(status)).to.include({
        kind: 'failed',
        status,
        message: `HTTP ${status}`,
        retryable: retryable.includes(status),
      });
    }
    // A 400 without problem details is no field error either: it fails for good.
    const bare = await sendEnvelope(options(scripted({ status: 400, body: 'Bad' }).transport));
    expect(bare).to.include({ kind: 'failed', status: 400, retryable: false });
  });

  it('reads Retry-After, in seconds or as an HTTP date', async () => {
    const seconds = await sendEnvelope(
      options(scripted({ status: 429, headers: { 'retry-after': '3' } }).transport),
    );
    expect(seconds).to.include({ kind: 'failed', retryAfterMs: 3000 });
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', Date.UTC(2026, 10, 25, 10))).to.equal(
      30_000,
    );
    // A date in the past means now; nonsense means nothing was said.
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', Date.UTC(2026, 10, 25, 10))).to.equal(
      0,
    );
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(undefined)).to.equal(undefined);
  });

  it('turns a network failure and a timeout into a retryable failure', async () => {
    const offline = await sendEnvelope(
      options(scripted(new TypeError('Failed to fetch')).transport),
    );
    expect(offline).to.deep.equal({
      kind: 'failed',
      status: 0,
      message: 'Failed to fetch',
      retryable: true,
    });

    // A transport that only ever answers when it is aborted, as XMLHttpRequest does.
    let signal: AbortSignal | undefined;
    const hanging = (request: TransportRequest) =>
      new Promise<TransportResponse>((_resolve, reject) => {
        signal = request.signal;
        request.signal.addEventListener('abort', () => reject(new DOMException('', 'AbortError')));
      });
    const started = performance.now();
    const timedOut = await sendEnvelope(options(hanging, { timeoutMs: 30 }));
    expect(timedOut).to.deep.equal({
      kind: 'failed',
      status: 0,
      message: 'timeout',
      retryable: true,
    });
    expect(signal?.aborted).to.equal(true);
    expect(performance.now() - started).to.be.below(2000);
  });
});

describe('backoffDelay', () => {
  it('waits anywhere from 0 up to a ceiling that doubles per attempt and stops at the maximum', () => {
    const ceilings = [1000, 2000, 4000, 8000, 15_000, 15_000];
    ceilings.forEach((ceiling, attempt) => {
      expect(backoffDelay(attempt, POLICY, () => 0)).to.equal(0);
      expect(backoffDelay(attempt, POLICY, () => 0.5)).to.equal(ceiling / 2);
      expect(backoffDelay(attempt, POLICY, () => 0.999_999)).to.equal(ceiling);
    });
  });

  it('spreads the waits over the whole range with the real random numbers (full jitter)', () => {
    const delays = Array.from({ length: 400 }, () => backoffDelay(2, POLICY));
    expect(Math.min(...delays)).to.be.at.least(0);
    expect(Math.max(...delays)).to.be.at.most(4000);
    // Not all the same, and both halves of the range are used.
    expect(delays.some((d) => d < 2000)).to.equal(true);
    expect(delays.some((d) => d >= 2000)).to.equal(true);
  });
});

describe('deliver', () => {
  it('retries 408, 429 and 5xx with the same Idempotency-Key and body until accepted', async () => {
    const { transport, requests } = scripted(
      { status: 503 },
      { status: 408 },
      { status: 429 },
      accepted,
    );
    const { delays, wait } = waits();
    const result = await deliver(options(transport), POLICY, wait);
    expect(result).to.include({ kind: 'accepted', reference: 'KI-7QX4-M2PA' });
    expect(requests).to.have.length(4);
    expect(new Set(requests.map((r) => r.headers['Idempotency-Key']))).to.deep.equal(
      new Set(['7d444840-9dc0-41d5-8e8a-2b5b3c1e9f10']),
    );
    expect(new Set(requests.map((r) => r.body)).size).to.equal(1);
    // Full jitter: each wait within its doubling ceiling.
    expect(delays).to.have.length(3);
    delays.forEach((delay, i) => {
      expect(delay, `wait ${i + 1}`).to.be.within(0, POLICY.baseDelayMs * 2 ** i);
    });
  });

  it('honours Retry-After instead of its own backoff', async () => {
    const { transport, requests } = scripted(
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 503, headers: { 'retry-after': '0' } },
      accepted,
    );
    const { delays, wait } = waits();
    const result = await deliver(options(transport), POLICY, wait);
    expect(result.kind).to.equal('accepted');
    expect(requests).to.have.length(3);
    expect(delays).to.deep.equal([2000, 0]);
  });

  it('gives up at once when Retry-After asks for longer than the longest wait (the outbox takes over)', async () => {
    const { transport, requests } = scripted({ status: 503, headers: { 'retry-after': '60' } });
    const { delays, wait } = waits();
    const result = await deliver(options(transport), POLICY, wait);
    expect(result).to.include({ kind: 'failed', status: 503, retryAfterMs: 60_000 });
    expect(requests).to.have.length(1);
    expect(delays).to.deep.equal([]);
  });

  it('never retries 400, 422 or a final failure', async () => {
    for (const answer of [
      { status: 400, body: { errors: [] } },
      { status: 422, body: { errors: [{ pointer: '/email', detail: 'x' }] } },
      { status: 404 },
    ]) {
      const { transport, requests } = scripted(answer);
      const { delays, wait } = waits();
      const result = await deliver(options(transport), POLICY, wait);
      expect(result.status).to.equal(answer.status);
      expect(requests, String(answer.status)).to.have.length(1);
      expect(delays).to.deep.equal([]);
    }
  });

  it('stops after the policy’s attempts, with the last failure', async () => {
    const { transport, requests } = scripted(
      { status: 500 },
      { status: 502 },
      new TypeError('Failed to fetch'),
      { status: 503 },
      accepted,
    );
    const { delays, wait } = waits();
    const result = await deliver(options(transport), POLICY, wait);
    expect(result).to.include({ kind: 'failed', status: 503, retryable: true });
    expect(requests).to.have.length(POLICY.attempts);
    expect(delays).to.have.length(POLICY.attempts - 1);
  });

  it('does not retry while the browser is offline (the outbox sends it when it is back)', async () => {
    const { transport, requests } = scripted(new TypeError('Failed to fetch'), accepted);
    const { delays, wait } = waits();
    Object.defineProperty(navigator, 'onLine', { get: () => false, configurable: true });
    try {
      const result = await deliver(options(transport), POLICY, wait);
      expect(result).to.include({ kind: 'failed', status: 0, retryable: true });
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    expect(navigator.onLine).to.equal(true);
    expect(requests).to.have.length(1);
    expect(delays).to.deep.equal([]);
  });

  it('sends once when the policy allows one attempt, and by default up to four', async () => {
    const once = scripted({ status: 503 });
    await deliver(options(once.transport), { ...POLICY, attempts: 1 }, waits().wait);
    expect(once.requests).to.have.length(1);

    expect(DEFAULT_RETRY).to.deep.equal({ attempts: 4, baseDelayMs: 1000, maxDelayMs: 15_000 });
    const often = scripted({ status: 503 });
    await deliver(options(often.transport), undefined, waits().wait);
    expect(often.requests).to.have.length(4);
  });
});
