// Idempotency-Key: replays, reuse with another body, concurrent duplicates, reference collisions,
// and a second receiver on the same storage, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { KONTAKT, envelope, kontaktData, records, storageTest, submit } from './testing/harness.js';

/**
 * Makes the key lookup slow, so that concurrent requests all look before any of them stores: the
 * race a unique constraint has to settle (in one process SQLite would otherwise serialise them).
 */
function slowLookups(storage) {
  const lookup = storage.findByKey;
  storage.findByKey = async (key) => {
    const found = await lookup(key);
    await sleep(50);
    return found;
  };
}

async function expectCreated(response) {
  assert.equal(response.status, 201);
  return (await response.json()).reference;
}

storageTest(
  'the same key with the same body: the first answer again, nothing new stored',
  async (t, env) => {
    const receiver = await env.start();
    const sent = envelope(KONTAKT, kontaktData());
    const first = await submit(receiver, 'kontakt', sent, { key: 'same-key' });
    const reference = await expectCreated(first);
    assert.equal(first.headers.get('idempotent-replayed'), null);

    const again = await submit(receiver, 'kontakt', sent, { key: 'same-key' });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), { reference });

    // Key order and white space do not make it another body.
    const reordered = JSON.stringify(
      { data: sent.data, submittedAt: sent.submittedAt, locale: sent.locale, form: sent.form },
      null,
      2,
    );
    const third = await submit(receiver, 'kontakt', reordered, { key: 'same-key' });
    assert.equal(third.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await third.json(), { reference });

    const rows = await records(receiver);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].reference, reference);
    assert.equal(
      env.logs.map((l) => JSON.parse(l)).filter((l) => l.replayed).length,
      2,
      'replays are marked in the log',
    );
  },
);

storageTest(
  'the same key with a different body: 422 problem+json, the first submission kept',
  async (t, env) => {
    const receiver = await env.start();
    const sent = envelope(KONTAKT, kontaktData());
    const reference = await expectCreated(await submit(receiver, 'kontakt', sent, { key: 'k' }));

    const changed = envelope(KONTAKT, kontaktData({ name: 'Someone Else' }));
    const response = await submit(receiver, 'kontakt', changed, { key: 'k' });
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(response.headers.get('idempotent-replayed'), null);
    const body = await response.json();
    assert.equal(body.type, 'urn:intake-elements:problem:idempotency-key-reused');
    assert.equal(body.detail, 'Idempotency-Key reused with a different body.');

    // Even when the other body is invalid, or for another form.
    const invalid = await submit(receiver, 'kontakt', envelope(KONTAKT, {}), { key: 'k' });
    assert.equal((await invalid.json()).type, 'urn:intake-elements:problem:idempotency-key-reused');

    const rows = await records(receiver);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].reference, reference);
    assert.deepEqual(JSON.parse(rows[0].envelope), sent);
    // A different key is a different submission.
    await expectCreated(await submit(receiver, 'kontakt', changed, { key: 'k2' }));
    assert.equal((await records(receiver)).length, 2);
  },
);

storageTest(
  'a refused submission does not bind its key: fixed and resent with it, it is accepted',
  async (t, env) => {
    const receiver = await env.start();
    const invalid = await submit(
      receiver,
      'kontakt',
      envelope(KONTAKT, kontaktData({ email: 'x' })),
      {
        key: 'fix-me',
      },
    );
    assert.equal(invalid.status, 422);
    const fixed = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()), {
      key: 'fix-me',
    });
    assert.equal(fixed.status, 201);
    assert.equal(fixed.headers.get('idempotent-replayed'), null);
    assert.equal((await records(receiver)).length, 1);
  },
);

storageTest(
  '20 concurrent requests with one key: one row, one reference, the rest replays',
  async (t, env) => {
    const receiver = await env.start();
    slowLookups(receiver.storage);
    const sent = envelope(KONTAKT, kontaktData());
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => submit(receiver, 'kontakt', sent, { key: 'burst' })),
    );
    const references = new Set();
    let replayed = 0;
    for (const response of responses) {
      assert.equal(response.status, 201);
      references.add((await response.json()).reference);
      if (response.headers.get('idempotent-replayed') === 'true') replayed++;
    }
    assert.equal(references.size, 1);
    assert.equal(replayed, 19);
    const rows = await records(receiver);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].reference, [...references][0]);
  },
);

storageTest(
  'concurrent requests with one key but different bodies: one is stored, the rest refused',
  async (t, env) => {
    const receiver = await env.start();
    slowLookups(receiver.storage);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData({ name: `Person ${i}` })), {
          key: 'contested',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 422, 422, 422, 422, 422]);
    const rows = await records(receiver);
    assert.equal(rows.length, 1);
    const winner = responses.find((r) => r.status === 201);
    assert.equal(rows[0].reference, (await winner.json()).reference);
  },
);

storageTest('two receivers on one storage, racing with one key: still one row', async (t, env) => {
  const a = await env.start();
  const b = await env.start();
  slowLookups(a.storage);
  slowLookups(b.storage);
  const sent = envelope(KONTAKT, kontaktData());
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) => submit(i % 2 ? a : b, 'kontakt', sent, { key: 'shared' })),
  );
  const references = new Set(await Promise.all(responses.map((r) => expectCreated(r))));
  assert.equal(references.size, 1);
  assert.equal((await records(a)).length, 1);
  assert.equal((await records(b)).length, 1);
  // And a replay survives a restart.
  await a.close();
  const c = await env.start();
  const again = await submit(c, 'kontakt', sent, { key: 'shared' });
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(await again.json(), { reference: [...references][0] });
});

storageTest('a reference that is taken already is drawn again', async (t, env) => {
  // The first three draws are the same; the receiver must notice the taken one and draw again.
  const draws = ['KO-2222-2222', 'KO-2222-2222', 'KO-2222-2222', 'KO-3333-3333'];
  const receiver = await env.start({ newReference: () => draws.shift() ?? 'KO-9999-9999' });
  const first = await expectCreated(
    await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()), { key: 'a' }),
  );
  const second = await expectCreated(
    await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData({ name: 'B' })), { key: 'b' }),
  );
  assert.equal(first, 'KO-2222-2222');
  assert.equal(second, 'KO-3333-3333');
  assert.deepEqual((await records(receiver)).map((r) => r.reference).sort(), [first, second]);

  // When every draw is taken, the receiver gives up with a 500 and stores nothing.
  const stuck = await env.start({ newReference: () => 'KO-2222-2222' });
  const response = await submit(stuck, 'kontakt', envelope(KONTAKT, kontaktData({ name: 'C' })));
  assert.equal(response.status, 500);
  assert.equal((await records(receiver)).length, 2);
});
