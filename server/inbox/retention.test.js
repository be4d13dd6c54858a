// Retention (server/inbox/retention.js, server/retention.js): what is due after its form's
// period since it was done goes, with its rows, audited without content, by the receiver's
// job and by the command; on SQLite and PostgreSQL with an injected clock.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startReceiver } from '../index.js';
import { main } from '../retention.js';
import { checkRetention, runRetention } from './retention.js';
import {
  ALT,
  KONTAKT,
  envelope,
  formsDir,
  kontaktData,
  storageTest,
  submit,
  tempDir,
} from '../testing/harness.js';

const DAY = 86_400_000;
const NOW = Date.parse('2027-06-01T12:00:00.000Z');

/** Stores a submission and marks it done `doneDaysAgo` before NOW (undefined: not done). */
async function stored(receiver, form, data, doneDaysAgo) {
  const response = await submit(receiver, form.id, envelope(form, data));
  assert.equal(response.status, 201);
  const { reference } = await response.json();
  // What the inbox adds to a submission: a routing row, a read mark, a note.
  const { db } = receiver.storage;
  const at = new Date(NOW - 300 * DAY).toISOString();
  await db
    .insertInto('submission_routing')
    .values({ reference, pointer: '/x', value: 'y' })
    .execute();
  await db
    .insertInto('submission_reads')
    .values({ reference, user_name: 'anna', read_at: at })
    .execute();
  await db
    .insertInto('submission_notes')
    .values({ reference, author: 'anna', body: 'Rückruf vereinbart', created_at: at })
    .execute();
  // Marked done last: a running retention job must not delete the submission
  // before its notes and read marks exist (a race seen in CI on PostgreSQL).
  if (doneDaysAgo !== undefined) {
    const doneAt = new Date(NOW - doneDaysAgo * DAY).toISOString();
    await db
      .updateTable('submissions')
      .set({ status: 'done', done_at: doneAt, status_changed_at: doneAt })
      .where('reference', '=', reference)
      .execute();
  }
  return reference;
}

async function rowsOf(db, reference) {
  const counts = {};
  for (const table of [
    'submissions',
    'submission_routing',
    'submission_reads',
    'submission_notes',
  ]) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('reference', '=', reference)
      .executeTakeFirst();
    counts[table] = Number(row.n);
  }
  return counts;
}

const NONE = { submissions: 0, submission_routing: 0, submission_reads: 0, submission_notes: 0 };
const ALL = { submissions: 1, submission_routing: 1, submission_reads: 1, submission_notes: 1 };

/** The command's environment for this test's storage. */
function commandEnv(env, extra) {
  const { dataDir, databaseUrl, databaseSchema } = env.storageOptions;
  return {
    ...(dataDir && { DATA_DIR: dataDir }),
    ...(databaseUrl && { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: databaseSchema }),
    ...extra,
  };
}

storageTest(
  'the job deletes what is due by its form’s period, with its rows, and audits it',
  async (t, env) => {
    let clock = NOW;
    const receiver = await env.start({
      // The job's timer is tested below; here it is run by hand, between the steps.
      retention: false,
    });
    const old = await stored(receiver, KONTAKT, kontaktData(), 200); // default 180: due
    const recent = await stored(receiver, KONTAKT, kontaktData(), 100); // not yet
    const alt = await stored(receiver, ALT, { a: 'x', b: 'y' }, 40); // its form keeps 30 days
    const open = await stored(receiver, KONTAKT, kontaktData()); // never done: stays
    await receiver.storage.db
      .updateTable('submissions')
      .set({ received_at: new Date(NOW - 900 * DAY).toISOString() })
      .where('reference', '=', open)
      .execute();

    // The command's dry run names what is due and deletes nothing.
    const out = [];
    const dryCode = await main(['due'], {
      env: commandEnv(env, { RETENTION_FILE: policyFile({ 'alt-formular': 30 }) }),
      now: () => clock,
      out: (text) => out.push(text),
      err: (text) => out.push(text),
    });
    assert.equal(dryCode, 0, out.join(''));
    assert.match(out.join(''), /^2 submissions due for deletion/);
    assert.ok(out.join('').includes(old) && out.join('').includes(alt));
    assert.deepEqual(await rowsOf(receiver.storage.db, old), ALL);

    // What the receiver's job runs.
    const policy = checkRetention({ forms: { 'alt-formular': 30 } });
    const deleted = (await runRetention(receiver.storage.db, { policy, now: () => clock })).map(
      (entry) => entry.reference,
    );
    assert.deepEqual(deleted.sort(), [old, alt].sort());
    for (const gone of [old, alt]) assert.deepEqual(await rowsOf(receiver.storage.db, gone), NONE);
    for (const kept of [recent, open])
      assert.deepEqual(await rowsOf(receiver.storage.db, kept), ALL);

    const audit = await receiver.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'retention-delete')
      .orderBy('reference')
      .execute();
    assert.deepEqual(
      audit.map((row) => [row.reference, row.actor, row.form_id]),
      [
        [old, 'retention', 'kontakt'],
        [alt, 'retention', 'alt-formular'],
      ].sort(),
    );
    for (const row of audit) {
      assert.equal(new Date(row.at).getTime(), NOW);
      assert.ok(!/Zuleika|Rückruf|JVBERi/.test(JSON.stringify(row)), 'no content in the audit log');
      assert.equal(typeof JSON.parse(row.detail).retentionDays, 'number');
    }

    // 90 days on, the other kontakt request is due too: the command deletes it.
    clock = NOW + 90 * DAY;
    const lines = [];
    const code = await main(['run'], {
      env: commandEnv(env, {}),
      now: () => clock,
      out: (text) => lines.push(text),
      err: (text) => lines.push(text),
    });
    assert.equal(code, 0, lines.join(''));
    assert.equal(lines.join(''), '1 submission deleted\n  kontakt: 1\n');
    assert.deepEqual(await rowsOf(receiver.storage.db, recent), NONE);
    assert.deepEqual(await rowsOf(receiver.storage.db, open), ALL);
  },
);

storageTest('the job runs by itself on its interval', async (t, env) => {
  const receiver = await env.start({
    retention: { days: 1, firstMs: 10, intervalMs: 50, now: () => NOW },
  });
  const reference = await stored(receiver, KONTAKT, kontaktData(), 2);
  for (let i = 0; i < 100; i++) {
    if ((await rowsOf(receiver.storage.db, reference)).submissions === 0) break;
    await sleep(50);
  }
  assert.deepEqual(await rowsOf(receiver.storage.db, reference), NONE);
  assert.ok(env.logs.some((line) => JSON.parse(line).event === 'retention'));
});

storageTest('retention settings are checked', async (t, env) => {
  await assert.rejects(env.start({ retention: { days: 0 } }), /whole number/);
  const err = [];
  const code = await main(['run'], {
    env: commandEnv(env, { RETENTION_DAYS: 'soon' }),
    out: () => {},
    err: (text) => err.push(text),
  });
  assert.equal(code, 2);
  assert.match(err.join(''), /whole number/);
  assert.equal(await main(['everything'], { env: {}, err: () => {} }), 2);
});

function policyFile(forms) {
  const file = join(tempDir('intake-retention-'), 'retention.json');
  writeFileSync(file, JSON.stringify(forms));
  return file;
}

test('SQLite: what retention deletes is gone from the database file, files included', async (t) => {
  const dataDir = tempDir('intake-secure-delete-');
  const secretFile = Buffer.from('%PDF-1.4\n%Geheimnis-Quax-4711\n').toString('base64');
  const data = kontaktData({
    name: 'Wilhelmine Sperrvermerk',
    file: `data:application/pdf;name=akte.pdf;base64,${secretFile}`,
  });
  const file = join(dataDir, 'submissions.sqlite');
  const inFile = () => {
    const bytes = readFileSync(file);
    return {
      name: bytes.includes('Wilhelmine Sperrvermerk'),
      attachment: bytes.includes(secretFile),
    };
  };
  const options = { port: 0, dataDir, formsDir: formsDir(), rateLimit: false, log: () => {} };

  let receiver = await startReceiver({ ...options, retention: false });
  const reference = await stored(receiver, KONTAKT, data, 400);
  await receiver.close(); // the last connection checkpoints the WAL into the file
  assert.deepEqual(inFile(), { name: true, attachment: true }, 'the check sees stored content');

  receiver = await startReceiver({ ...options, retention: false });
  t.after(() => receiver.close());
  const policy = checkRetention({});
  const deleted = await runRetention(receiver.storage.db, { policy, now: () => NOW });
  assert.deepEqual(
    deleted.map((entry) => entry.reference),
    [reference],
  );
  await receiver.close();
  assert.deepEqual(inFile(), { name: false, attachment: false });
});
