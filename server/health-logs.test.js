// GET /healthz, and the structured log: one JSON line per request, no personal data.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  KONTAKT,
  envelope,
  kontaktData,
  requestLines,
  storageTest,
  submit,
} from './testing/harness.js';

storageTest('healthz: 200 while the storage answers, 503 when it does not', async (t, env) => {
  const receiver = await env.start();
  const ok = await fetch(`${receiver.url}/healthz`);
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { status: 'ok' });
  assert.equal(ok.headers.get('cache-control'), 'no-store');
  const head = await fetch(`${receiver.url}/healthz`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');

  // The storage goes away (a database restart, a full disk): health says so, and a submission
  // gets 503 with Retry-After, which the element retries.
  await receiver.storage.close();
  const down = await fetch(`${receiver.url}/healthz`);
  assert.equal(down.status, 503);
  assert.equal(down.headers.get('content-type'), 'application/problem+json');
  const submission = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
  assert.equal(submission.status, 503);
  assert.equal(submission.headers.get('retry-after'), '10');
});

storageTest(
  'a storage that cannot be opened: startReceiver fails with the reason',
  async (t, env) => {
    const options =
      env.backend.kind === 'sqlite'
        ? { dataDir: '/dev/null/not-a-folder' }
        : { databaseUrl: 'postgres://nobody:wrong@127.0.0.1:1/none' };
    await assert.rejects(env.start(options));
  },
);

storageTest(
  'logs: one JSON line per request, without personal data, IP, key or body',
  async (t, env) => {
    const receiver = await env.start({ rateLimit: { perMinute: 5 }, inbox: true });
    const data = kontaktData();
    const key = `key-${randomUUID()}`;
    const sent = envelope(KONTAKT, data);

    const created = await submit(receiver, 'kontakt', sent, {
      key,
      headers: {
        'Content-Language': 'ar',
        'User-Agent': 'Quaxenbrueck-Agent/1.0',
        Cookie: 'sid=geheim',
      },
    });
    assert.equal(created.status, 201);
    const { reference } = await created.json();
    await submit(receiver, 'kontakt', sent, { key }); // replay
    await submit(receiver, 'kontakt', envelope(KONTAKT, { ...data, email: 'kaputt-quaxenbrueck' })); // 422
    await submit(receiver, 'kontakt', { ...sent, locale: 'Quaxenbrück?' }); // 400
    await submit(receiver, 'kontakt', '{"name": "Zuleika Quaxenbrück"'); // not JSON
    await fetch(`${receiver.url}/inbox/api/submissions?form=kontakt&secret=Quaxenbrück`);
    await fetch(`${receiver.url}/inbox/api/submissions/${reference}`);
    await submit(receiver, 'kontakt', sent); // rate limited (6th)
    await fetch(`${receiver.url}/healthz`);
    // Wait for the last line: lines are written when the answer is complete.
    for (let i = 0; i < 100 && requestLines(env.logs).length < 9; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const lines = requestLines(env.logs);
    assert.equal(lines.length, 9);
    for (const line of env.logs) {
      assert.doesNotThrow(() => JSON.parse(line), line);
      assert.ok(!line.includes('\n'));
    }
    assert.deepEqual(
      lines.map((l) => [l.method, l.route, l.status, l.formId, l.replayed ?? false]),
      [
        ['POST', '/api/forms/:id/submissions', 201, 'kontakt', false],
        ['POST', '/api/forms/:id/submissions', 201, 'kontakt', true],
        ['POST', '/api/forms/:id/submissions', 422, 'kontakt', false],
        ['POST', '/api/forms/:id/submissions', 400, 'kontakt', false],
        ['POST', '/api/forms/:id/submissions', 400, 'kontakt', false],
        ['GET', '/inbox/api/submissions', 401, undefined, false],
        ['GET', '/inbox/api/submissions/:reference', 401, undefined, false],
        ['POST', '/api/forms/:id/submissions', 429, undefined, false],
        ['GET', '/healthz', 200, undefined, false],
      ],
    );
    for (const line of lines) {
      assert.ok(!Number.isNaN(Date.parse(line.time)));
      assert.equal(typeof line.durationMs, 'number');
      assert.deepEqual(
        Object.keys(line).filter(
          (k) =>
            !['time', 'method', 'route', 'status', 'durationMs', 'formId', 'replayed'].includes(k),
        ),
        [],
      );
    }

    // No value the person entered, no header value, no address, no key, no query string.
    const everything = env.logs.join('\n');
    const forbidden = [
      ...collectStrings(data),
      'Quaxenbr',
      key,
      'Quaxenbrueck-Agent',
      'geheim',
      'secret',
      '127.0.0.1',
      '::1',
      sent.submittedAt,
    ];
    for (const value of forbidden) {
      assert.ok(!everything.includes(value), `the log contains ${JSON.stringify(value)}`);
    }
    // An unknown form id from the URL is not logged either (anyone can put anything there).
    env.logs.length = 0;
    await submit(receiver, 'Zuleika-Quaxenbrueck', sent);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(!env.logs.join('\n').includes('Zuleika'));
  },
);

/** Every string (and number, as text) in a value, at any depth. */
function collectStrings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) collectStrings(child, out);
  }
  return out.filter((s) => s.length >= 4);
}
