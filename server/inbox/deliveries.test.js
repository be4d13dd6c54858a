// The inbox's deliveries API (server/inbox/deliveries.js) for the new-request e-mails
// (`kind=email`): a notice the SMTP server could not take is listed as failed for those who see
// its submission, by the team address's domain only, counted for the list page's hint, and
// sent when a caseworker retries it after the SMTP server is back; paging and the reference
// filter of webhook deliveries, whose URL shows by its host only; on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import {
  caseSystem,
  logEvents,
  mailbox,
  routeKontakt,
  smtpDown,
  until,
  WEBHOOK_SECRET,
} from '../testing/delivery-harness.js';
import { KONTAKT, envelope, kontaktData, storageTest, submit } from '../testing/harness.js';
import { addStaff, signIn } from '../testing/inbox-harness.js';

storageTest(
  'a failed e-mail notice is listed by domain for those who see it, and a retry sends it',
  async (t, env) => {
    // The SMTP server is down: its port is taken and closed again, nothing listens there.
    const down = await smtpDown();
    const receiver = await env.start({
      inbox: true,
      notify: {
        smtpUrl: down.url,
        from: 'posteingang@kreis.example',
        retryMs: 20,
        attempts: 2,
      },
    });
    const { storage } = receiver;
    await addStaff(storage, { name: 'admin', team: 'zentrale', isAdmin: true });
    await addStaff(storage, { name: 'bergkamen', team: 'bergkamen' });
    await addStaff(storage, { name: 'unna', team: 'unna' });
    for (const town of ['bergkamen', 'unna']) {
      await storage.db
        .updateTable('teams')
        .set({ email: `${town}.sachbearbeitung@kreis.example` })
        .where('id', '=', town)
        .execute();
    }
    await routeKontakt(storage.db, { bergkamen: 'Bergkamen', unna: 'Unna' });

    const data = kontaktData({ address: { postalCode: '59192', city: 'Bergkamen' } });
    const response = await submit(receiver, 'kontakt', envelope(KONTAKT, data));
    assert.equal(response.status, 201);
    const { reference } = await response.json();

    const admin = await signIn(receiver, 'admin');
    const failed = await until(async () => {
      const list = await (await admin.get('/inbox/api/deliveries?kind=email&state=failed')).json();
      return list.items[0];
    }, 'the notice to fail');
    // The fault fired: both tries could not reach the SMTP server.
    const tries = logEvents(env).filter((l) => /^notice-/.test(l.event));
    assert.deepEqual(
      tries.map((l) => [l.event, l.error]),
      [
        ['notice-retry', 'ESOCKET'],
        ['notice-failed', 'ESOCKET'],
      ],
    );
    assert.equal(failed.kind, 'email');
    assert.equal(failed.reference, reference);
    assert.equal(failed.formId, 'kontakt');
    assert.equal(failed.target, 'kreis.example', 'the team address by its domain only');
    assert.equal(failed.state, 'failed');
    assert.equal(failed.attempts, 2);
    assert.equal(failed.lastError, 'ESOCKET');
    assert.equal(failed.nextAttemptAt, null);
    assert.ok(!JSON.stringify(failed).includes('sachbearbeitung'), 'no address in the answer');
    // The kinds are apart: no webhook is configured, so there is no webhook delivery.
    const hooks = await (await admin.get('/inbox/api/deliveries?state=failed')).json();
    assert.deepEqual(hooks.items, []);
    assert.equal((await admin.get('/inbox/api/deliveries?kind=fax')).status, 400);

    // Bergkamen's caseworker sees it; Unna's does not, neither in the list nor the count nor by
    // its id (404, as for a delivery that does not exist).
    const bergkamen = await signIn(receiver, 'bergkamen');
    const unna = await signIn(receiver, 'unna');
    const theirs = await (await bergkamen.get('/inbox/api/deliveries?kind=email')).json();
    assert.deepEqual(
      theirs.items.map((d) => d.id),
      [failed.id],
    );
    const others = await (await unna.get('/inbox/api/deliveries?kind=email')).json();
    assert.deepEqual(others.items, []);
    const count = (client) => client.get('/inbox/api/deliveries/count').then((r) => r.json());
    assert.deepEqual(await count(admin), { state: 'failed', webhook: 0, email: 1 });
    assert.deepEqual(await count(bergkamen), { state: 'failed', webhook: 0, email: 1 });
    assert.deepEqual(await count(unna), { state: 'failed', webhook: 0, email: 0 });
    const retryPath = `/inbox/api/deliveries/${failed.id}/retry?kind=email`;
    assert.equal((await unna.send('POST', retryPath)).status, 404);
    assert.equal(
      (await bergkamen.send('POST', `/inbox/api/deliveries/${failed.id}/retry`)).status,
      404,
      'the id is an e-mail’s, not a webhook delivery’s',
    );
    assert.equal((await fetch(`${receiver.url}/inbox/api/deliveries/count`)).status, 401);
    const forged = await fetch(`${receiver.url}${retryPath}`, {
      method: 'POST',
      headers: { Cookie: bergkamen.cookie },
    });
    assert.equal(forged.status, 403, 'no retry without the CSRF token');

    // The SMTP server is back where it was: the caseworker's retry sends the notice at once.
    const smtp = await mailbox({ port: down.port });
    t.after(smtp.close);
    const retried = await bergkamen.send('POST', retryPath);
    assert.equal(retried.status, 200);
    const after = await retried.json();
    assert.equal(after.state, 'delivered');
    assert.equal(after.attempts, 1);
    assert.equal(smtp.messages.length, 1);
    assert.deepEqual(smtp.messages[0].to, ['bergkamen.sachbearbeitung@kreis.example']);
    assert.match(smtp.messages[0].raw, new RegExp(`Aktenzeichen: ${reference}`));
    assert.equal((await bergkamen.send('POST', retryPath)).status, 409);
    assert.deepEqual(await count(bergkamen), { state: 'failed', webhook: 0, email: 0 });
    const delivered = await (
      await bergkamen.get('/inbox/api/deliveries?kind=email&state=delivered')
    ).json();
    assert.deepEqual(
      delivered.items.map((d) => d.id),
      [failed.id],
    );
  },
);

storageTest('deliveries come newest first, page by page, and by reference', async (t, env) => {
  const hook = await caseSystem(['ok']);
  t.after(hook.close);
  const url = `${hook.url}?token=not-for-the-inbox`;
  const receiver = await env.start({
    inbox: true,
    webhooks: { kontakt: { url, secret: WEBHOOK_SECRET } },
  });
  await addStaff(receiver.storage, { name: 'admin', team: 'zentrale', isAdmin: true });
  const references = [];
  for (let i = 0; i < 3; i++) {
    const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
    references.push((await response.json()).reference);
  }
  await until(() => hook.received.length === 3, 'three deliveries');
  const admin = await signIn(receiver, 'admin');
  const list = (query) => admin.get(`/inbox/api/deliveries?${query}`).then((r) => r.json());
  await until(
    async () => (await list('state=delivered')).items.length === 3,
    'all three marked delivered',
  );
  const first = await list('limit=2');
  assert.equal(first.items.length, 2);
  assert.equal(first.next, first.items[1].id);
  const second = await list(`limit=2&before=${first.next}`);
  assert.equal(second.items.length, 1);
  assert.equal(second.next, null);
  const ids = [...first.items, ...second.items].map((d) => d.id);
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => b - a),
    'newest first',
  );
  assert.equal(new Set(ids).size, 3, 'no delivery twice');
  assert.ok(!JSON.stringify([first, second]).includes('token'), 'the URL’s query is not shown');
  const one = await list(`reference=${references[1].toLowerCase()}`);
  assert.deepEqual(
    one.items.map((d) => d.reference),
    [references[1]],
  );
  // A notice left failed from when SMTP was configured: listed, but without SMTP now nothing
  // can send it, and the answer says so (409, its own problem type).
  assert.deepEqual((await list('kind=email')).items, []);
  const [notice] = await receiver.storage.db
    .insertInto('notice_deliveries')
    .values({
      reference: references[0],
      form_id: 'kontakt',
      form_title: 'Kontaktformular',
      recipient: 'team.unna@kreis.example',
      teams: '["unna"]',
      state: 'failed',
      attempts: 5,
      last_error: 'Mailbox unavailable: <team.unna@kreis.example>',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .execute();
  const [listed] = (await list('kind=email&state=failed')).items;
  assert.equal(listed.target, 'kreis.example');
  assert.equal(listed.lastError, 'Mailbox unavailable: <…@kreis.example>', 'no address');
  const refused = await admin.send('POST', `/inbox/api/deliveries/${notice.id}/retry?kind=email`);
  assert.equal(refused.status, 409);
  assert.equal((await refused.json()).type, 'urn:intake-elements:problem:no-sender');
});
