// A receiver asked to stop (SIGTERM on a restart) lets a submission under way finish: the person
// gets their reference instead of a cut connection, and the row is stored once before the
// storage closes. New connections are refused at once; what outlasts the grace period is cut.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { KONTAKT, envelope, kontaktData, storageTest } from './testing/harness.js';

/** Starts a POST whose body arrives in two halves; `rest()` sends the second. */
function halfSent(receiver, body) {
  const url = new URL(`${receiver.url}/api/forms/${KONTAKT.id}/submissions`);
  const bytes = Buffer.from(body);
  const req = request(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': bytes.length,
      'Idempotency-Key': randomUUID(),
    },
  });
  const answer = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(bytes.length / 2);
  req.write(bytes.subarray(0, half));
  return { answer, rest: () => req.end(bytes.subarray(half)) };
}

storageTest(
  'a submission under way when the receiver stops is answered and stored',
  async (t, env) => {
    const receiver = await env.start();
    const body = JSON.stringify(envelope(KONTAKT, kontaktData()));
    const pending = halfSent(receiver, body);
    await sleep(200); // the request is in the handler, reading its body
    let closed = false;
    const closing = receiver.close({ graceMs: 10_000 }).then(() => (closed = true));
    await sleep(200);
    assert.equal(closed, false, 'close waits for the request under way');
    // A new connection is refused while the receiver stops.
    await assert.rejects(fetch(`${receiver.url}/healthz`));
    pending.rest();
    const answer = await pending.answer;
    assert.equal(answer.status, 201, answer.body);
    const { reference } = JSON.parse(answer.body);
    await closing;
    const reopened = await env.start();
    const rows = await reopened.storage.list({ limit: 10 });
    assert.deepEqual(
      rows.map((row) => row.reference),
      [reference],
    );
    assert.equal(
      env.logs.filter((line) => JSON.parse(line).level === 'error').length,
      0,
      env.logs.join('\n'),
    );
  },
);

storageTest(
  'what outlasts the grace period is cut, and nothing half-stored remains',
  async (t, env) => {
    const receiver = await env.start();
    const body = JSON.stringify(envelope(KONTAKT, kontaktData()));
    const pending = halfSent(receiver, body);
    await sleep(200);
    const started = Date.now();
    await receiver.close({ graceMs: 500 });
    assert.ok(Date.now() - started >= 400, 'close waited for the grace period');
    await assert.rejects(pending.answer, 'the connection was cut');
    const reopened = await env.start();
    assert.deepEqual(await reopened.storage.list({ limit: 10 }), []);
  },
);
