// Fault injection: each fault behaves like the real failure, stores what a real server would have
// stored, and a seeded run is repeatable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createFaults, parseFaults } from './faults.js';
import { optionsFromEnv } from './config.js';
import {
  KONTAKT,
  envelope,
  kontaktData,
  records,
  requestLines,
  storageTest,
  submit,
} from './testing/harness.js';

test('FAULTS is parsed strictly, and off unless set', () => {
  assert.equal(parseFaults(undefined), undefined);
  assert.equal(parseFaults(''), undefined);
  assert.deepEqual(parseFaults('seed=7, dropAfterStore=0.25,status503=0.5'), {
    seed: 7,
    dropAfterStore: 0.25,
    status503: 0.5,
  });
  assert.deepEqual(parseFaults('{"drop":1,"stallMs":50}'), { drop: 1, stallMs: 50 });
  assert.throws(() => parseFaults('dorp=0.1'), /unknown fault dorp/);
  assert.throws(() => parseFaults('drop=2'), /between 0 and 1/);
  assert.throws(() => parseFaults('drop=0.6,status500=0.6'), /more than 1/);
  assert.equal(optionsFromEnv({}).faults, undefined);
  assert.equal(createFaults(undefined), undefined);
  assert.equal(createFaults({ seed: 3 }), undefined);
});

test('a seed gives the same faults in the same order; another seed others', () => {
  const options = { drop: 0.2, status503: 0.2, dropAfterStore: 0.2 };
  const sequence = (seed) => {
    const faults = createFaults({ ...options, seed });
    return Array.from({ length: 200 }, () => faults.pick() ?? 'none');
  };
  const a = sequence(42);
  assert.deepEqual(sequence(42), a);
  assert.notDeepEqual(sequence(43), a);
  // Roughly the asked-for shares (200 draws; wide bounds).
  for (const kind of ['drop', 'status503', 'dropAfterStore', 'none']) {
    const share = a.filter((k) => k === kind).length / a.length;
    const expected = kind === 'none' ? 0.4 : 0.2;
    assert.ok(Math.abs(share - expected) < 0.1, `${kind}: ${share}`);
  }
  const always = createFaults({ status500: 1 });
  for (let i = 0; i < 20; i++) assert.equal(always.pick(), 'status500');
});

storageTest('drop: the connection is cut before anything is stored', async (t, env) => {
  const receiver = await env.start({ faults: { drop: 1 } });
  await assert.rejects(submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData())));
  assert.equal((await records(receiver)).length, 0);
});

storageTest(
  'dropAfterStore: stored, the answer lost; the retry with the same key replays',
  async (t, env) => {
    // First request: stored and dropped. Second: no fault.
    const receiver = await env.start({
      faults: { dropAfterStore: 0.5, seed: seedFor(['dropAfterStore', undefined]) },
    });
    const sent = envelope(KONTAKT, kontaktData());
    await assert.rejects(submit(receiver, 'kontakt', sent, { key: 'lost-answer' }));
    const stored = await records(receiver);
    assert.equal(stored.length, 1);

    const retry = await submit(receiver, 'kontakt', sent, { key: 'lost-answer' });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), { reference: stored[0].reference });
    assert.equal((await records(receiver)).length, 1);
  },
);

storageTest('status500, status503 and status429: answered, nothing stored', async (t, env) => {
  for (const [fault, status, retryAfter] of [
    ['status500', 500, null],
    ['status503', 503, '1'],
    ['status429', 429, '1'],
  ]) {
    const receiver = await env.start({ faults: { [fault]: 1 } });
    const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
    assert.equal(response.status, status, fault);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(response.headers.get('retry-after'), retryAfter, fault);
    assert.equal((await records(receiver)).length, 0, fault);
    const line = requestLines(env.logs).at(-1);
    assert.equal(line.fault, fault);
  }
});

storageTest(
  'stall: a client that gives up and retries gets one submission, not two',
  async (t, env) => {
    const receiver = await env.start({
      faults: { stall: 0.5, stallMs: 3000, seed: seedFor([undefined, 'stall', undefined]) },
    });
    // A first, ordinary submission gets the form compiled, so the timing below is about the stall.
    assert.equal(
      (await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData({ name: 'W' })))).status,
      201,
    );
    const sent = envelope(KONTAKT, kontaktData());
    const first = submit(receiver, 'kontakt', sent, { key: 'slow' });
    // The client times out and retries while the first request is still stalled.
    await sleep(300);
    const retry = await submit(receiver, 'kontakt', sent, { key: 'slow' });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), null);
    const { reference } = await retry.json();
    // The stalled request finishes as a real one would: it finds the stored submission.
    const late = await first;
    assert.equal(late.status, 201);
    assert.equal(late.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await late.json(), { reference });
    assert.equal((await records(receiver)).length, 2, 'the warm-up and this one');
    const stalled = requestLines(env.logs).find((l) => l.fault === 'stall');
    assert.ok(stalled.durationMs >= 2900, `${stalled.durationMs} ms`);
  },
);

storageTest('close() ends stalled requests instead of waiting for them', async (t, env) => {
  const receiver = await env.start({ faults: { stall: 1, stallMs: 600_000 } });
  const pending = submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
  await sleep(200);
  const started = Date.now();
  await receiver.close();
  assert.ok(Date.now() - started < 5000);
  await assert.rejects(pending);
});

/** A seed whose first draws (with probability 0.5 for the one fault) give `wanted`. */
function seedFor(wanted) {
  for (let seed = 1; seed < 10_000; seed++) {
    const kind = wanted.find((k) => k !== undefined);
    const faults = createFaults({ [kind]: 0.5, seed });
    if (wanted.every((w) => faults.pick() === w)) return seed;
  }
  throw new Error('no seed found');
}
