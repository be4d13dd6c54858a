// Two receiver processes (`node server/index.js`, real child processes) on one PostgreSQL schema,
// with no sticky routing in front: a submission sent to both at once with one Idempotency-Key is
// stored once, and the rate limit counts a client's requests across both.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import {
  KONTAKT,
  PG_MISSING,
  PG_URL,
  envelope,
  formsDir,
  kontaktData,
  submit,
} from './testing/harness.js';
import { receiverProcess as startProcess } from './testing/receiver-process.js';

/** `node server/index.js` on PostgreSQL (a receiver that says otherwise fails the test). */
async function receiverProcess(env) {
  const receiver = await startProcess(env);
  if (receiver.storage !== 'postgres') {
    await receiver.stop();
    throw new Error(`the receiver uses ${receiver.storage}, not postgres`);
  }
  return receiver;
}

/** Two receivers on a fresh schema; both stopped and the schema dropped after the test. */
async function twoReceivers(t, env = {}) {
  const schema = `intake_two_${randomBytes(6).toString('hex')}`;
  const common = { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema, FORMS_DIR: formsDir(), ...env };
  // Started together: the migrations' advisory lock lets one apply them while the other waits.
  const receivers = await Promise.all([receiverProcess(common), receiverProcess(common)]);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  t.after(async () => {
    await Promise.all(receivers.map((r) => r.stop()));
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  const count = async () =>
    Number((await admin.query(`SELECT count(*) AS n FROM "${schema}".submissions`)).rows[0].n);
  return { receivers, count, admin, schema };
}

function pgTest(name, fn) {
  test(name, { timeout: 120_000 }, async (t) => {
    if (!PG_URL) {
      t.diagnostic(PG_MISSING);
      t.skip(PG_MISSING);
      return;
    }
    await fn(t);
  });
}

pgTest('the same Idempotency-Key sent to both receivers at once is stored once', async (t) => {
  const { receivers, count } = await twoReceivers(t, { RATE_LIMIT: '0' });
  const [a, b] = receivers;
  const rounds = 25;
  for (let i = 0; i < rounds; i++) {
    const key = randomUUID();
    const body = envelope(KONTAKT, kontaktData({ name: `Person ${i}` }));
    const answers = await Promise.all([
      submit(a, 'kontakt', body, { key }),
      submit(b, 'kontakt', body, { key }),
    ]);
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201],
    );
    const [first, second] = await Promise.all(answers.map((r) => r.json()));
    assert.equal(first.reference, second.reference, 'both answers name the one stored submission');
    assert.equal(
      answers.filter((r) => r.headers.get('idempotent-replayed') === 'true').length,
      1,
      'one of them is the replay',
    );
  }
  assert.equal(await count(), rounds);
});

pgTest('the rate limit holds across both receivers', async (t) => {
  const { receivers, count, admin, schema } = await twoReceivers(t, { RATE_LIMIT: '6' });
  const statuses = [];
  for (let i = 0; i < 12; i++) {
    const receiver = receivers[i % 2];
    const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
    statuses.push([i % 2, response.status]);
    if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) >= 1);
    await response.arrayBuffer();
  }
  // Six for the client in all, not six per process: each process granted three and refused three.
  const granted = statuses.filter(([, status]) => status === 201);
  assert.equal(granted.length, 6, JSON.stringify(statuses));
  assert.deepEqual(
    statuses.map(([, status]) => status),
    [...Array(6).fill(201), ...Array(6).fill(429)],
  );
  assert.equal(await count(), 6);
  const buckets = await admin.query(`SELECT client_key FROM "${schema}".rate_limits`);
  assert.deepEqual(
    buckets.rows.map((row) => row.client_key),
    ['127.0.0.1'],
  );
});
