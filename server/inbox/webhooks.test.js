// Signed webhooks (server/inbox/webhooks.js) against a real HTTP server on 127.0.0.1 that fails
// the first tries, and the inbox's list and retry of deliveries (server/inbox/deliveries.js),
// on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  caseSystem,
  logEvents,
  routeKontakt,
  until,
  verifySignature,
  WEBHOOK_SECRET as SECRET,
} from '../testing/delivery-harness.js';
import {
  KONTAKT,
  envelope,
  formsDir,
  kontaktData,
  storageTest,
  submit,
} from '../testing/harness.js';
import { addStaff, signIn } from '../testing/inbox-harness.js';

async function startWith(env, hook, options = {}) {
  const receiver = await env.start({
    inbox: true,
    webhooks: {
      hooks: { kontakt: { url: hook.url, secret: SECRET } },
      retryMs: 50,
      timeoutMs: 500,
      ...options,
    },
  });
  await addStaff(receiver.storage, { name: 'admin', team: 'zentrale', isAdmin: true });
  return receiver;
}

storageTest(
  'a webhook that fails twice gets the submission on the third try, signed',
  async (t, env) => {
    const hook = await caseSystem(['fail', 'hang', 'ok']);
    t.after(hook.close);
    const receiver = await startWith(env, hook);

    const started = Date.now();
    const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
    assert.equal(response.status, 201);
    const { reference } = await response.json();
    assert.ok(Date.now() - started < 1500, 'the answer does not wait for the webhook');

    await until(() => hook.received.length >= 3, 'three tries');
    // The faults fired: a 503, then no answer within the timeout, then success.
    assert.deepEqual(
      hook.received.map((r) => r.step),
      ['fail', 'hang', 'ok'],
    );
    for (const { headers, body, signed } of hook.received) {
      assert.ok(signed, 'the signature verifies with the shared secret');
      assert.equal(headers['content-type'], 'application/json');
      assert.equal(headers['x-intake-delivery'], hook.received[0].headers['x-intake-delivery']);
      const sent = JSON.parse(body);
      assert.equal(sent.reference, reference);
      assert.equal(sent.formId, 'kontakt');
      assert.equal(sent.envelope.data.name, 'Zuleika Quaxenbrück');
    }
    // A tampered body does not verify.
    const last = hook.received[2];
    assert.equal(verifySignature(last.headers, last.body.replace('Zuleika', 'Mallory')), false);

    const admin = await signIn(receiver, 'admin');
    const delivered = await until(async () => {
      const list = await (await admin.get('/inbox/api/deliveries')).json();
      return list.items[0]?.state === 'delivered' && list.items[0];
    }, 'the delivery marked delivered');
    assert.equal(delivered.reference, reference);
    assert.equal(delivered.attempts, 3);
    assert.equal(delivered.lastStatus, 204);
    const failed = await (await admin.get('/inbox/api/deliveries?state=failed')).json();
    assert.deepEqual(failed.items, []);
    const logged = logEvents(env).filter((l) => l.event === 'webhook-retry');
    assert.equal(logged.length, 2);
    assert.match(logged[1].error, /no answer within 500 ms/);
    assert.ok(!env.logs.some((line) => line.includes(reference)), 'no reference in the log');
  },
);

storageTest(
  'a delivery that keeps failing is listed as failed for those who see it, and staff retry it',
  async (t, env) => {
    const hook = await caseSystem(['fail']);
    t.after(hook.close);
    const receiver = await startWith(env, hook, { attempts: 3 });
    const { db } = receiver.storage;
    await addStaff(receiver.storage, { name: 'bergkamen', team: 'bergkamen' });
    await addStaff(receiver.storage, { name: 'unna', team: 'unna' });
    await routeKontakt(db, { bergkamen: 'Bergkamen', unna: 'Unna' });

    const data = kontaktData({ address: { postalCode: '59192', city: 'Bergkamen' } });
    const { reference } = await (await submit(receiver, 'kontakt', envelope(KONTAKT, data))).json();
    const admin = await signIn(receiver, 'admin');
    const failed = await until(async () => {
      const list = await (await admin.get('/inbox/api/deliveries?state=failed')).json();
      return list.items[0];
    }, 'the delivery to fail');
    assert.equal(hook.received.length, 3, 'three tries, then it gave up');
    assert.equal(failed.reference, reference);
    assert.equal(failed.attempts, 3);
    assert.equal(failed.lastStatus, 503);
    assert.equal(failed.nextAttemptAt, null);
    assert.equal(failed.kind, 'webhook');
    assert.equal(failed.target, new URL(hook.url).host, 'the target by its host only');
    assert.equal(failed.url, undefined, 'a URL may carry a token: it is not shown');

    // Bergkamen's caseworker sees it; Unna's does not, not even by its id.
    const bergkamen = await signIn(receiver, 'bergkamen');
    const unna = await signIn(receiver, 'unna');
    const theirs = await (await bergkamen.get('/inbox/api/deliveries?state=failed')).json();
    assert.deepEqual(
      theirs.items.map((d) => d.id),
      [failed.id],
    );
    const others = await (await unna.get('/inbox/api/deliveries?state=failed')).json();
    assert.deepEqual(others.items, []);
    const refused = await unna.send('POST', `/inbox/api/deliveries/${failed.id}/retry`);
    assert.equal(refused.status, 404);
    assert.equal((await bergkamen.send('POST', '/inbox/api/deliveries/999999/retry')).status, 404);
    assert.equal(hook.received.length, 3);

    // Signed out: 401; without the CSRF token: 403.
    const anonymous = await fetch(`${receiver.url}/inbox/api/deliveries`);
    assert.equal(anonymous.status, 401);
    const forged = await fetch(`${receiver.url}/inbox/api/deliveries/${failed.id}/retry`, {
      method: 'POST',
      headers: { Cookie: bergkamen.cookie },
    });
    assert.equal(forged.status, 403);

    // The system is back: the caseworker's retry delivers it at once.
    hook.script.splice(0, hook.script.length, 'ok');
    const retried = await bergkamen.send('POST', `/inbox/api/deliveries/${failed.id}/retry`);
    assert.equal(retried.status, 200);
    const after = await retried.json();
    assert.equal(after.state, 'delivered');
    assert.equal(after.attempts, 1);
    assert.equal(hook.received.length, 4);
    assert.ok(hook.received[3].signed);
    const again = await bergkamen.send('POST', `/inbox/api/deliveries/${failed.id}/retry`);
    assert.equal(again.status, 409);
  },
);

storageTest('webhook settings are checked when the receiver starts', async (t, env) => {
  await assert.rejects(
    env.start({ webhooks: { kontakt: { url: 'http://cms.example/intake', secret: SECRET } } }),
    /must be https/,
  );
  await assert.rejects(
    env.start({ webhooks: { kontakt: { url: 'https://cms.example/intake', secret: 'short' } } }),
    /at least 32 characters/,
  );
});

storageTest(
  'deliveries left pending by a stopped receiver are sent once by the receivers that sweep',
  async (t, env) => {
    const hook = await caseSystem(['fail', 'fail', 'fail', 'ok']);
    t.after(hook.close);
    const forms = formsDir();
    const first = await env.start({
      formsDir: forms,
      // The next tries are due in 5–15 s: the receiver stops long before.
      webhooks: { hooks: { kontakt: { url: hook.url, secret: SECRET } }, retryMs: 10_000 },
    });
    for (let i = 0; i < 3; i++) {
      const response = await submit(first, 'kontakt', envelope(KONTAKT, kontaktData()));
      assert.equal(response.status, 201);
    }
    await until(() => hook.received.length === 3, 'the first tries (all refused)');
    await sleep(100); // their rows are written back as pending
    await first.close(); // its retry timers go with it

    // Two receivers on the same storage, their clocks 20 s on (the tries are due), both
    // sweeping often: each delivery arrives once.
    const options = {
      formsDir: forms,
      webhooks: {
        hooks: { kontakt: { url: hook.url, secret: SECRET } },
        sweepMs: 25,
        now: () => Date.now() + 20_000,
      },
    };
    const [second] = await Promise.all([env.start(options), env.start(options)]);
    const delivered = async () =>
      Number(
        (
          await second.storage.db
            .selectFrom('webhook_deliveries')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('state', '=', 'delivered')
            .executeTakeFirst()
        ).n,
      );
    await until(async () => (await delivered()) === 3, 'three deliveries after the restart');
    await sleep(300);
    const ids = hook.received
      .filter((r) => r.step === 'ok')
      .map((r) => r.headers['x-intake-delivery']);
    assert.equal(ids.length, 3, 'each delivery sent once after the restart');
    assert.equal(new Set(ids).size, 3);
    assert.ok(hook.received.every((r) => r.signed));
  },
);
