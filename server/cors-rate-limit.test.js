// CORS allow-lists and the per-client rate limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRateLimiter } from './rate-limit.js';
import {
  KONTAKT,
  envelope,
  kontaktData,
  rawRequest,
  records,
  storageTest,
  submit,
} from './testing/harness.js';

const CORS = {
  kontakt: ['https://www.stadt.example'],
  '*': ['https://portal.example'],
};

storageTest('CORS: allowed origins get the headers, others do not; preflight', async (t, env) => {
  const receiver = await env.start({ cors: CORS });
  const body = envelope(KONTAKT, kontaktData());

  for (const origin of ['https://www.stadt.example', 'https://portal.example']) {
    const response = await submit(receiver, 'kontakt', body, { headers: { Origin: origin } });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), origin);
    assert.equal(
      response.headers.get('access-control-expose-headers'),
      'Retry-After, Idempotent-Replayed',
    );
    assert.match(response.headers.get('vary'), /Origin/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  }
  for (const origin of ['https://evil.example', 'https://www.stadt.example.evil.example', 'null']) {
    const response = await submit(receiver, 'kontakt', body, { headers: { Origin: origin } });
    // CORS is not access control: the request is processed, but the page cannot read the answer.
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
    assert.match(response.headers.get('vary'), /Origin/);
  }
  // The per-form list applies only to its form.
  const alt = await submit(
    receiver,
    'alt-formular',
    { nope: 1 },
    {
      headers: { Origin: 'https://www.stadt.example' },
    },
  );
  assert.equal(alt.headers.get('access-control-allow-origin'), null);
  // Refusals carry the headers too, so the page can read its errors.
  const invalid = await submit(receiver, 'kontakt', envelope(KONTAKT, {}), {
    headers: { Origin: 'https://www.stadt.example' },
  });
  assert.equal(invalid.status, 422);
  assert.equal(invalid.headers.get('access-control-allow-origin'), 'https://www.stadt.example');

  const preflight = (origin, method = 'POST', form = 'kontakt') =>
    fetch(`${receiver.url}/api/forms/${form}/submissions`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': 'content-type, idempotency-key, content-language',
      },
    });
  const allowed = await preflight('https://www.stadt.example');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.stadt.example');
  assert.equal(allowed.headers.get('access-control-allow-methods'), 'POST');
  const allowHeaders = allowed.headers
    .get('access-control-allow-headers')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  for (const header of ['content-type', 'idempotency-key', 'content-language', 'x-csrf-token']) {
    assert.ok(allowHeaders.includes(header), header);
  }
  assert.equal(allowed.headers.get('access-control-max-age'), '600');

  for (const response of [
    await preflight('https://evil.example'),
    await preflight('https://www.stadt.example', 'DELETE'),
    await preflight('https://www.stadt.example', 'POST', 'alt-formular'),
  ]) {
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('access-control-allow-headers'), null);
  }
  assert.equal((await preflight('https://portal.example', 'POST', 'alt-formular')).status, 204);
  assert.equal(
    (await preflight('https://portal.example', 'POST', 'alt-formular')).headers.get(
      'access-control-allow-origin',
    ),
    'https://portal.example',
  );
  // Preflights store nothing; the five accepted submissions above are all there.
  assert.equal((await records(receiver)).length, 5);
});

storageTest(
  'CORS: extra allowed request headers, and nothing without configuration',
  async (t, env) => {
    const configured = await env.start({ cors: CORS, corsAllowHeaders: ['X-Gemeinde-Token'] });
    const response = await fetch(`${configured.url}/api/forms/kontakt/submissions`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.match(response.headers.get('access-control-allow-headers'), /X-Gemeinde-Token/);

    const closed = await env.start();
    const plain = await submit(closed, 'kontakt', envelope(KONTAKT, kontaktData()), {
      headers: { Origin: 'https://portal.example' },
    });
    assert.equal(plain.status, 201);
    assert.equal(plain.headers.get('access-control-allow-origin'), null);
  },
);

storageTest(
  'rate limit: 429 with Retry-After once a client has used its tokens',
  async (t, env) => {
    const receiver = await env.start({ rateLimit: { perMinute: 3 }, cors: CORS });
    const body = envelope(KONTAKT, kontaktData());
    for (let i = 0; i < 3; i++) {
      assert.equal((await submit(receiver, 'kontakt', body, { key: `r${i}` })).status, 201);
    }
    const limited = await submit(receiver, 'kontakt', body, {
      key: 'r3',
      headers: { Origin: 'https://portal.example' },
    });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('content-type'), 'application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    // One token every 20 s.
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 20, `${retryAfter}`);
    // The page may read Retry-After cross-origin.
    assert.equal(limited.headers.get('access-control-allow-origin'), 'https://portal.example');
    assert.match(limited.headers.get('access-control-expose-headers'), /Retry-After/);
    assert.equal((await records(receiver)).length, 3);

    // Preflights and health checks do not count; another client has its own bucket.
    const preflight = await fetch(`${receiver.url}/api/forms/kontakt/submissions`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal((await fetch(`${receiver.url}/healthz`)).status, 200);
    const other = await rawRequest(`${receiver.url}/api/forms/kontakt/submissions`, {
      method: 'POST',
      localAddress: '127.0.0.2',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'other-client' },
      body: JSON.stringify(body),
    });
    assert.equal(other.status, 201);
    // X-Forwarded-For is ignored unless the receiver is told it sits behind a proxy.
    const spoofed = await submit(receiver, 'kontakt', body, {
      key: 'spoof',
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    assert.equal(spoofed.status, 429);
  },
);

storageTest(
  'rate limit behind a trusted proxy: by the address the proxy appended',
  async (t, env) => {
    const receiver = await env.start({ rateLimit: { perMinute: 1 }, trustProxy: true });
    const body = envelope(KONTAKT, kontaktData());
    const from = (address, key, chain = '') =>
      submit(receiver, 'kontakt', body, {
        key,
        headers: { 'X-Forwarded-For': `${chain}${address}` },
      });
    assert.equal((await from('203.0.113.1', 'p1')).status, 201);
    assert.equal((await from('203.0.113.1', 'p2')).status, 429);
    assert.equal((await from('203.0.113.2', 'p3')).status, 201);
    // A client cannot pick its bucket by sending its own X-Forwarded-For: the proxy appends.
    assert.equal((await from('203.0.113.1', 'p4', '198.51.100.7, ')).status, 429);
  },
);

test('the token bucket refills evenly and says when to come back', () => {
  let now = 0;
  const limiter = createRateLimiter({ perMinute: 30, burst: 5, now: () => now });
  for (let i = 0; i < 5; i++) assert.deepEqual(limiter.take('a'), { ok: true });
  assert.deepEqual(limiter.take('a'), { ok: false, retryAfter: 2 });
  assert.deepEqual(limiter.take('b'), { ok: true });
  now += 1999;
  assert.equal(limiter.take('a').ok, false);
  now += 1;
  assert.deepEqual(limiter.take('a'), { ok: true });
  assert.equal(limiter.take('a').ok, false);
  now += 60_000;
  for (let i = 0; i < 5; i++) assert.equal(limiter.take('a').ok, true, `token ${i}`);
  assert.equal(limiter.take('a').ok, false);

  const off = createRateLimiter({ perMinute: 0 });
  for (let i = 0; i < 1000; i++) assert.equal(off.take('a').ok, true);
});

test('the token bucket forgets idle clients instead of growing without bound', () => {
  let now = 0;
  const limiter = createRateLimiter({ perMinute: 60, now: () => now });
  for (let i = 0; i < 10_000; i++) limiter.take(`client-${i}`);
  assert.equal(limiter.size(), 10_000);
  now += 120_000;
  limiter.take('newcomer');
  assert.equal(limiter.size(), 1);
});
