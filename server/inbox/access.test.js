// The access rule across every route that reveals a submission, on both storages: a caseworker
// of one town never sees another town's submission — not in the list, the search, the counts,
// the detail, the attachment, the export, and cannot change it (status, notes, unread, delete),
// not even with a reference guessed or typed in lower case. An administrator sees all.
import assert from 'node:assert/strict';
import { KONTAKT, envelope, kontaktData, storageTest, submit } from '../testing/harness.js';
import { addStaff, signIn } from '../testing/inbox-harness.js';
import { TOWNS, seedInbox, seedTeams } from '../testing/seed-inbox.js';

const PDF = 'data:application/pdf;name=befund.pdf;base64,JVBERi0xLjQK';

async function setup(env) {
  const receiver = await env.start({ inbox: true });
  await receiver.ready;
  const storage = receiver.storage;
  await seedTeams(storage);
  const seeded = await seedInbox(storage, {
    count: 10,
    data: (i) => ({
      kommune: TOWNS[i % TOWNS.length],
      name: `Person ${TOWNS[i % TOWNS.length]} ${i}`,
      anliegen: i % 5 === 4 ? 'Geheimnis aus Kamen' : 'Wohnung',
      nachweis: PDF,
    }),
  });
  // A second form, granted whole to a team anna is not in.
  await storage.db
    .insertInto('teams')
    .values({ id: 'kontakt-team', name: 'Kontakt', created_at: new Date().toISOString() })
    .execute();
  await storage.db
    .insertInto('team_forms')
    .values({ team_id: 'kontakt-team', form_id: 'kontakt' })
    .execute();
  const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
  assert.equal(response.status, 201);
  const { reference: kontaktRef } = await response.json();

  await addStaff(storage, { name: 'anna', team: 'bergkamen' });
  await addStaff(storage, { name: 'kai', team: 'kamen' });
  await addStaff(storage, { name: 'nobody', team: 'no-grants' });
  await addStaff(storage, { name: 'root', team: 'admins', isAdmin: true });
  const bergkamen = seeded.filter((s) => s.town === 'Bergkamen').map((s) => s.reference);
  const kamen = seeded.filter((s) => s.town === 'Kamen').map((s) => s.reference);
  const others = [
    ...seeded.filter((s) => s.town !== 'Bergkamen').map((s) => s.reference),
    kontaktRef,
  ];
  return { receiver, storage, seeded, bergkamen, kamen, others, kontaktRef };
}

storageTest(
  'a caseworker of one town sees no other town’s submission by any route',
  async (t, env) => {
    const { receiver, storage, bergkamen, kamen, others } = await setup(env);
    const anna = await signIn(receiver, 'anna');
    const json = async (path) => {
      const response = await anna.get(path);
      assert.equal(response.status, 200, path);
      return response.json();
    };

    // List and counts.
    const list = await json('/inbox/api/submissions');
    assert.deepEqual(list.items.map((i) => i.reference).sort(), [...bergkamen].sort());
    assert.equal(list.total, bergkamen.length);
    // Filters cannot widen it.
    for (const query of [
      'route=/kommune&value=Kamen',
      'form=kontakt',
      'status=new&form=hilfe&route=/kommune&value=Bönen',
    ]) {
      const filteredList = await json(`/inbox/api/submissions?${query}`);
      assert.ok(
        filteredList.items.every((i) => bergkamen.includes(i.reference)),
        query,
      );
      assert.equal(filteredList.total, filteredList.items.length, query);
    }
    // Search: another town's words, names and references find nothing.
    for (const q of ['Geheimnis', 'Kamen', kamen[0], 'Quaxenbrück']) {
      const found = await json(`/inbox/api/submissions?q=${encodeURIComponent(q)}`);
      assert.deepEqual(found.items, [], q);
      assert.equal(found.total, 0, q);
    }
    // Forms: only the granted one, with only its own town as a filter value.
    assert.deepEqual((await json('/inbox/api/forms')).forms, [
      {
        id: 'hilfe',
        title: 'Hilfe im Alltag',
        encrypted: false,
        routes: [{ pointer: '/kommune', title: 'Kommune', values: ['Bergkamen'] }],
      },
    ]);

    // Exports hold none of the others.
    for (const format of ['csv', 'json', 'xlsx']) {
      const response = await anna.get(`/inbox/api/export?format=${format}`);
      assert.equal(response.status, 200, format);
      const bytes = Buffer.from(await response.arrayBuffer()).toString('latin1');
      for (const reference of others)
        assert.ok(!bytes.includes(reference), `${format} leaks ${reference}`);
    }
    const exported = await json('/inbox/api/export?format=json');
    assert.deepEqual(exported.items.map((i) => i.reference).sort(), [...bergkamen].sort());

    // Detail, attachment, and every change: exactly the answer of a reference that does not exist.
    const missing = await (await anna.get('/inbox/api/submissions/HI-ZZZZ-ZZZZ')).json();
    assert.equal(missing.status, 404);
    const statusBefore = await storage.db
      .selectFrom('submissions')
      .select(['reference', 'status'])
      .execute();
    for (const reference of [
      ...others,
      others[0].toLowerCase(),
      'HI-2222-ZZZZ',
      'XX-2345-6789',
      '../../etc',
      'HI-2222-2222%00',
    ]) {
      const path = `/inbox/api/submissions/${encodeURIComponent(reference)}`;
      const attempts = [
        anna.get(path),
        anna.get(`${path}/attachments/0`),
        anna.send('PATCH', path, { status: 'done' }),
        anna.send('POST', `${path}/notes`, { text: 'Ich war hier' }),
        anna.send('POST', `${path}/unread`),
        anna.send('DELETE', path),
      ];
      for (const response of await Promise.all(attempts)) {
        assert.equal(response.status, 404, `${response.url} ${reference}`);
        assert.deepEqual(await response.json(), missing);
      }
    }
    const statusAfter = await storage.db
      .selectFrom('submissions')
      .select(['reference', 'status'])
      .execute();
    assert.deepEqual(statusAfter, statusBefore, 'nothing changed, nothing deleted');
    assert.equal((await storage.db.selectFrom('submission_notes').selectAll().execute()).length, 0);
    const views = await storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor', '=', 'anna')
      // Her own sign-in is logged too; what matters is what she did to submissions.
      .where('action', 'not in', ['sign-in', 'sign-in-failed', 'sign-out'])
      .execute();
    assert.ok(
      views.every((v) => v.action === 'export'),
      'no view of anything invisible was logged',
    );

    // A routing answer counts only for the form its rule names: another form's submission with
    // the same answer (here written by hand) stays invisible.
    await storage.db
      .insertInto('submission_routing')
      .values({ reference: others.at(-1), pointer: '/kommune', value: 'Bergkamen' })
      .execute();
    assert.equal((await anna.get(`/inbox/api/submissions/${others.at(-1)}`)).status, 404);
    assert.equal((await json('/inbox/api/submissions')).total, bergkamen.length);

    // Her own town: all of it works.
    const own = bergkamen[0];
    assert.equal((await anna.get(`/inbox/api/submissions/${own.toLowerCase()}`)).status, 200);
    assert.equal((await anna.get(`/inbox/api/submissions/${own}/attachments/0`)).status, 200);

    // The audit log is for administrators.
    const audit = await anna.get('/inbox/api/audit');
    assert.equal(audit.status, 403);
  },
);

storageTest(
  'an administrator sees every submission; a person without grants sees none',
  async (t, env) => {
    const { receiver, seeded, kontaktRef } = await setup(env);
    const root = await signIn(receiver, 'root');
    const all = await (await root.get('/inbox/api/submissions?limit=200')).json();
    assert.equal(all.total, seeded.length + 1);
    assert.ok(all.items.some((i) => i.reference === kontaktRef));
    assert.equal((await root.get(`/inbox/api/submissions/${kontaktRef}`)).status, 200);
    const found = await (await root.get('/inbox/api/submissions?q=Geheimnis')).json();
    assert.equal(found.total, 2);

    const kai = await signIn(receiver, 'kai');
    const kamen = await (await kai.get('/inbox/api/submissions')).json();
    assert.deepEqual(new Set(kamen.items.map((i) => i.routing['/kommune'])), new Set(['Kamen']));

    const nobody = await signIn(receiver, 'nobody');
    const none = await (await nobody.get('/inbox/api/submissions')).json();
    assert.deepEqual({ items: none.items, total: none.total }, { items: [], total: 0 });
    assert.deepEqual((await (await nobody.get('/inbox/api/forms')).json()).forms, []);
    assert.equal((await nobody.get(`/inbox/api/submissions/${seeded[0].reference}`)).status, 404);
  },
);

storageTest('without a session every data route answers 401 signed-out', async (t, env) => {
  const { receiver, seeded } = await setup(env);
  const reference = seeded[0].reference;
  for (const [method, path] of [
    ['GET', '/inbox/api/submissions'],
    ['GET', '/inbox/api/forms'],
    ['GET', `/inbox/api/submissions/${reference}`],
    ['GET', `/inbox/api/submissions/${reference}/attachments/0`],
    ['GET', '/inbox/api/export?format=csv'],
    ['GET', '/inbox/api/audit'],
    ['DELETE', `/inbox/api/submissions/${reference}`],
  ]) {
    const response = await fetch(`${receiver.url}${path}`, { method });
    assert.equal(response.status, 401, `${method} ${path}`);
    assert.equal((await response.json()).type, 'urn:intake-elements:problem:signed-out');
  }
});
