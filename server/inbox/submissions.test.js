// The inbox's list, detail and changes against the real receiver on both storages: paging that
// stays stable while new submissions arrive, filters, full-text search, unread marks, the
// detail's summary, original-language labels, validation and attachments, status, notes,
// deletion, and the audit entries each writes.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formsDir, storageTest, submit, tempDir } from '../testing/harness.js';
import { addStaff, signIn } from '../testing/inbox-harness.js';
import { HILFE, seedInbox, seedTeams } from '../testing/seed-inbox.js';

const FILE_NAME = 'Befund März "neu";.pdf';
const PDF = `data:application/pdf;name=${encodeURIComponent(FILE_NAME)};base64,${Buffer.from('%PDF-1.4\n<script>alert(1)</script>').toString('base64')}`;

async function start(env, count = 0, seedOptions = {}) {
  const receiver = await env.start({ inbox: true, formsDir: formsDir({ 'hilfe.json': HILFE }) });
  await receiver.ready;
  const seeded = count ? await seedInbox(receiver.storage, { count, ...seedOptions }) : [];
  await addStaff(receiver.storage, { name: 'root', team: 'admins', isAdmin: true });
  return { receiver, seeded, root: await signIn(receiver, 'root') };
}

async function all(client, query, cursor = null) {
  const pages = [];
  do {
    const response = await client.get(
      `/inbox/api/submissions?${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    assert.equal(response.status, 200);
    const body = await response.json();
    pages.push(body);
    cursor = body.next;
  } while (cursor && pages.length < 100);
  return pages;
}

storageTest(
  'pages are newest first, complete and stable while new submissions arrive',
  async (t, env) => {
    // 23 submissions, three to an instant: the reference breaks the ties.
    const { receiver, seeded, root } = await start(env, 23, { sameTime: 3 });
    await seedTeams(receiver.storage);
    const first = await (await root.get('/inbox/api/submissions?limit=5')).json();
    assert.equal(first.total, 23);
    assert.equal(first.items.length, 5);
    // A new submission arrives between two pages: the pages after the first do not shift.
    const response = await submit(receiver, 'hilfe', {
      form: { id: 'hilfe', version: '1' },
      locale: 'de',
      submittedAt: new Date().toISOString(),
      data: { kommune: 'Kamen', name: 'Neu Angekommen' },
    });
    assert.equal(response.status, 201);
    const rest = await all(root, 'limit=5', first.next);
    const seen = [...first.items, ...rest.flatMap((p) => p.items)].map((i) => i.reference);
    const expected = [...seeded]
      .sort((a, b) =>
        a.receivedAt === b.receivedAt
          ? a.reference < b.reference
            ? 1
            : -1
          : a.receivedAt < b.receivedAt
            ? 1
            : -1,
      )
      .map((s) => s.reference);
    assert.deepEqual(seen, expected);
    assert.equal(new Set(seen).size, 23, 'no submission twice');
    const fresh = await (await root.get('/inbox/api/submissions?limit=1')).json();
    assert.equal(fresh.total, 24);
    // A rule names /kommune for this form (seedTeams): ingest wrote the routing row.
    assert.deepEqual(fresh.items[0].routing, { '/kommune': 'Kamen' });
    assert.equal((await root.get('/inbox/api/submissions?cursor=not-ours')).status, 400);
  },
);

storageTest(
  'filters: form, status, town, dates, unread; search finds words and prefixes',
  async (t, env) => {
    const { receiver, seeded, root } = await start(env, 30);
    await seedTeams(receiver.storage);
    const references = (pages) => pages.flatMap((p) => p.items.map((i) => i.reference));
    const bergkamen = seeded.filter((s) => s.town === 'Bergkamen').map((s) => s.reference);
    assert.deepEqual(
      references(await all(root, 'route=/kommune&value=Bergkamen')).sort(),
      bergkamen.sort(),
    );

    // Dates: `to` includes its whole day.
    const day = seeded[10].receivedAt.slice(0, 10);
    const sameDay = seeded.filter((s) => s.receivedAt.startsWith(day)).map((s) => s.reference);
    assert.deepEqual(references(await all(root, `from=${day}&to=${day}`)).sort(), sameDay.sort());
    const since = seeded[4].receivedAt;
    assert.deepEqual(
      references(await all(root, `from=${encodeURIComponent(since)}`)),
      seeded.slice(0, 5).map((s) => s.reference),
    );
    assert.equal((await root.get('/inbox/api/submissions?from=yesterday')).status, 400);
    assert.equal((await root.get('/inbox/api/submissions?status=archived')).status, 400);

    // Status and unread.
    const target = seeded[3].reference;
    assert.equal(
      (await root.send('PATCH', `/inbox/api/submissions/${target}`, { status: 'waiting' })).status,
      200,
    );
    assert.deepEqual(references(await all(root, 'status=waiting')), [target]);
    assert.equal((await all(root, 'unread=1'))[0].total, 30);
    await root.get(`/inbox/api/submissions/${target}`);
    const unread = await all(root, 'unread=1');
    assert.equal(unread[0].total, 29);
    assert.ok(!references(unread).includes(target));
    assert.equal((await root.send('POST', `/inbox/api/submissions/${target}/unread`)).status, 204);
    assert.equal((await all(root, 'unread=1'))[0].total, 30);

    // Search: whole words, prefixes, several words (all must occur), references, form filter.
    const named = seeded[7];
    const [given, family] = named.name.split(' ');
    const byName = references(
      await all(root, `q=${encodeURIComponent(`${given.slice(0, 3)} ${family}`)}`),
    );
    assert.ok(byName.includes(named.reference));
    for (const reference of byName) {
      const s = seeded.find((x) => x.reference === reference);
      assert.ok(s.name.includes(given) && s.name.includes(family), reference);
    }
    assert.deepEqual(references(await all(root, `q=${named.reference}`)), [named.reference]);
    assert.deepEqual(
      references(await all(root, 'q=%22%29%28*%3A%26%7C')),
      [],
      'operators are not a query',
    );
    assert.deepEqual(references(await all(root, 'q=Fall%2017')), [seeded[17].reference]);
    assert.equal((await all(root, 'q=Fall&form=kontakt'))[0].total, 0);
  },
);

storageTest(
  'the detail: summary, original labels, validation, attachments, notes, status, audit',
  async (t, env) => {
    const { receiver, root } = await start(env);
    await seedTeams(receiver.storage);
    const response = await submit(receiver, 'hilfe', {
      form: { id: 'hilfe', version: '1' },
      locale: 'ar',
      submittedAt: '2026-12-01T09:00:00.000Z',
      data: {
        kommune: 'Bönen',
        name: 'مريم حداد',
        anliegen: '=HYPERLINK("http://evil.example")',
        nachweis: PDF,
      },
    });
    assert.equal(response.status, 201);
    const { reference } = await response.json();
    // Ingest wrote the routing row the town's rule needs, and the search text.
    await addStaff(receiver.storage, { name: 'bea', team: 'boenen' });
    const bea = await signIn(receiver, 'bea');
    const detail = await (await bea.get(`/inbox/api/submissions/${reference}`)).json();
    assert.equal(detail.reference, reference);
    assert.equal(detail.formTitle, 'Hilfe im Alltag');
    assert.equal(detail.localeName, 'Arabisch (ar)');
    assert.match(detail.summary, /^Hilfe im Alltag\n/);
    assert.match(detail.summary, /Kommune: Bönen/);
    assert.match(detail.original, /البلدية: Bönen/);
    assert.deepEqual(detail.answers[0], {
      pointer: '/kommune',
      label: 'Kommune',
      value: 'Bönen',
      originalLabel: 'البلدية',
    });
    assert.deepEqual(detail.validation, { valid: true, errors: [] });
    assert.deepEqual(detail.routing, { '/kommune': 'Bönen' });
    assert.equal(detail.status, 'new');
    assert.deepEqual(detail.attachments, [
      {
        index: 0,
        pointer: '/nachweis',
        name: FILE_NAME,
        type: 'application/pdf',
        size: 34,
        url: `/inbox/api/submissions/${reference}/attachments/0`,
      },
    ]);
    const list = await (await bea.get('/inbox/api/submissions')).json();
    assert.equal(list.items[0].unread, false, 'viewing marked it read');

    // The attachment: a download, never rendered.
    const file = await bea.get(detail.attachments[0].url);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/octet-stream');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(file.headers.get('content-security-policy'), 'sandbox');
    assert.equal(
      file.headers.get('content-disposition'),
      `attachment; filename="Befund Marz _neu__.pdf"; filename*=UTF-8''Befund%20M%C3%A4rz%20%22neu%22%3B.pdf`,
    );
    assert.equal(
      Buffer.from(await file.arrayBuffer()).toString(),
      '%PDF-1.4\n<script>alert(1)</script>',
    );
    assert.equal((await bea.get(`/inbox/api/submissions/${reference}/attachments/1`)).status, 404);

    // Status: done sets done_at; back to in progress clears it.
    const done = await (
      await bea.send('PATCH', `/inbox/api/submissions/${reference}`, { status: 'done' })
    ).json();
    assert.equal(done.status, 'done');
    assert.ok(done.doneAt && done.statusChangedAt);
    const again = await (
      await bea.send('PATCH', `/inbox/api/submissions/${reference}`, { status: 'in_progress' })
    ).json();
    assert.equal(again.doneAt, null);
    assert.equal(
      (await bea.send('PATCH', `/inbox/api/submissions/${reference}`, { status: 'gone' })).status,
      400,
    );
    const forged = await bea.send(
      'PATCH',
      `/inbox/api/submissions/${reference}`,
      { status: 'done' },
      { 'X-CSRF-Token': 'x' },
    );
    assert.equal(forged.status, 403);

    // Notes.
    const note = await bea.send('POST', `/inbox/api/submissions/${reference}/notes`, {
      text: 'Rückruf am Montag',
    });
    assert.equal(note.status, 201);
    const written = await note.json();
    assert.deepEqual(
      { author: written.author, text: written.text },
      { author: 'bea', text: 'Rückruf am Montag' },
    );
    assert.equal(
      (await bea.send('POST', `/inbox/api/submissions/${reference}/notes`, { text: ' ' })).status,
      400,
    );
    const withNote = await (await bea.get(`/inbox/api/submissions/${reference}`)).json();
    assert.deepEqual(withNote.notes, [written]);

    // Delete: gone for everybody, files and search text with it.
    assert.equal((await bea.send('DELETE', `/inbox/api/submissions/${reference}`)).status, 204);
    assert.equal((await root.get(`/inbox/api/submissions/${reference}`)).status, 404);
    assert.equal((await root.get(detail.attachments[0].url)).status, 404);
    assert.equal((await (await root.get('/inbox/api/submissions?q=Bönen')).json()).total, 0);
    for (const table of [
      'submissions',
      'submission_search',
      'submission_routing',
      'submission_notes',
      'submission_reads',
    ]) {
      const rows = await receiver.storage.db
        .selectFrom(table)
        .selectAll()
        .where('reference', '=', reference)
        .execute();
      assert.equal(rows.length, 0, table);
    }

    // The audit log: every step, no content.
    const audit = await (await root.get(`/inbox/api/audit?reference=${reference}`)).json();
    assert.deepEqual(audit.items.map((e) => [e.actor, e.action, e.detail]).reverse(), [
      ['bea', 'view', null],
      ['bea', 'view', { attachment: 0 }],
      ['bea', 'status', { from: 'new', to: 'done' }],
      ['bea', 'status', { from: 'done', to: 'in_progress' }],
      ['bea', 'note', { note: written.id }],
      ['bea', 'view', null],
      ['bea', 'delete', null],
    ]);
    const everything = JSON.stringify(
      await receiver.storage.db.selectFrom('audit_log').selectAll().execute(),
    );
    for (const content of ['Rückruf', 'مريم', 'Bönen', 'HYPERLINK'])
      assert.ok(!everything.includes(content), content);
  },
);

storageTest(
  'the audit log pages, filters by actor and is for administrators only',
  async (t, env) => {
    const { receiver, seeded, root } = await start(env, 3);
    await seedTeams(receiver.storage);
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
    const anna = await signIn(receiver, 'anna');
    for (let i = 0; i < 5; i++) await root.get(`/inbox/api/submissions/${seeded[i % 3].reference}`);
    await anna.get(`/inbox/api/submissions/${seeded[0].reference}`);
    assert.equal((await anna.get('/inbox/api/audit')).status, 403);
    const first = await (await root.get('/inbox/api/audit?limit=4')).json();
    assert.equal(first.items.length, 4);
    const second = await (await root.get(`/inbox/api/audit?limit=4&cursor=${first.next}`)).json();
    assert.equal(second.items.length, 2);
    assert.equal(second.next, null);
    assert.deepEqual(
      (await (await root.get('/inbox/api/audit?actor=anna')).json()).items.map((e) => e.reference),
      [seeded[0].reference],
    );
  },
);

storageTest(
  'original labels come from a translation file beside the definition, never from outside the forms folder',
  async (t, env) => {
    const form = structuredClone(HILFE);
    // A valid table outside the forms folder, named by a relative path: never read.
    const outside = join(tempDir(), 'hilfe.ru.json');
    writeFileSync(outside, JSON.stringify({ '/schema/properties/name/title': 'Имя' }));
    const dir = formsDir();
    form.translations = { uk: 'translations/hilfe.uk.json', ru: relative(dir, outside) };
    writeFileSync(join(dir, 'hilfe.json'), JSON.stringify(form));
    mkdirSync(join(dir, 'translations'));
    writeFileSync(
      join(dir, 'translations', 'hilfe.uk.json'),
      JSON.stringify({ '/schema/properties/name/title': "Ім'я" }),
    );
    const receiver = await env.start({ inbox: true, formsDir: dir });
    await receiver.ready;
    await addStaff(receiver.storage, { name: 'root', team: 'admins', isAdmin: true });
    const root = await signIn(receiver, 'root');
    const send = async (locale) => {
      const response = await submit(receiver, 'hilfe', {
        form: { id: 'hilfe', version: '1' },
        locale,
        submittedAt: '2026-12-01T09:00:00.000Z',
        data: { kommune: 'Kamen', name: 'Oksana' },
      });
      const { reference } = await response.json();
      return (await root.get(`/inbox/api/submissions/${reference}`)).json();
    };
    const uk = await send('uk-UA');
    assert.equal(uk.answers.find((a) => a.pointer === '/name').originalLabel, "Ім'я");
    assert.match(uk.original, /^Ім'я: Oksana$/m);
    const ru = await send('ru');
    assert.equal(ru.original, null);
    assert.ok(ru.answers.every((a) => a.originalLabel === undefined));
    const de = await send('de');
    assert.equal(de.original, null);
  },
);
