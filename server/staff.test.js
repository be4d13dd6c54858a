// What staff see: the list and the German summary (in the inbox, signed in), the end of the old
// loopback endpoints, and list-submissions.js, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  KONTAKT,
  envelope,
  formsDir,
  kontaktData,
  rawRequest,
  storageTest,
  submit,
} from './testing/harness.js';
import { addStaff, signIn } from './testing/inbox-harness.js';

const run = promisify(execFile);
const LIST_SCRIPT = new URL('./list-submissions.js', import.meta.url).pathname;

async function submitted(receiver, data = kontaktData()) {
  const response = await submit(receiver, 'kontakt', envelope(KONTAKT, data));
  assert.equal(response.status, 201);
  return (await response.json()).reference;
}

storageTest(
  'the list and the German summary, in the inbox for a signed-in person',
  async (t, env) => {
    const receiver = await env.start({ inbox: true });
    await addStaff(receiver.storage, { name: 'root', team: 'admins', isAdmin: true });
    const root = await signIn(receiver, 'root');
    const first = await submitted(receiver);
    const second = await submitted(receiver, kontaktData({ name: 'Zweite Person' }));

    const list = await root.get('/inbox/api/submissions');
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('cache-control'), 'no-store');
    const { items } = await list.json();
    assert.deepEqual(items.map((e) => e.reference).sort(), [first, second].sort());
    const entry = items.find((e) => e.reference === first);
    assert.deepEqual(
      [entry.formId, entry.locale, entry.formTitle],
      ['kontakt', 'ar', 'Kontaktformular'],
    );
    assert.deepEqual(
      (await (await root.get('/inbox/api/submissions?form=other')).json()).items,
      [],
    );
    assert.equal((await (await root.get('/inbox/api/submissions?limit=1')).json()).items.length, 1);

    const detail = await root.get(`/inbox/api/submissions/${first}`);
    assert.equal(detail.status, 200);
    const { summary } = await detail.json();
    for (const line of [
      'Kontaktformular',
      `Aktenzeichen: ${first}`,
      'Ausgefüllt auf: Arabisch (ar)',
      'Name: Zuleika Quaxenbrück',
      'Uhrzeit: 14:30 Uhr',
      'Geburtsdatum: 5. Juni 1987',
      '  Postleitzahl: 50667',
    ]) {
      assert.ok(
        summary.split('\n').includes(line),
        `missing ${JSON.stringify(line)} in\n${summary}`,
      );
    }
    // Lower case is found too; unknown and malformed references are 404.
    assert.equal((await root.get(`/inbox/api/submissions/${first.toLowerCase()}`)).status, 200);
    for (const wrong of ['KO-2222-2222', 'nonsense', '..', '%E0%A4%A']) {
      const response = await root.get(`/inbox/api/submissions/${wrong}`);
      assert.equal(response.status, 404, wrong);
    }
  },
);

storageTest('the summary reads the definition the submission was checked with', async (t, env) => {
  const dir = formsDir();
  const receiver = await env.start({ formsDir: dir, inbox: true });
  await addStaff(receiver.storage, { name: 'root', team: 'admins', isAdmin: true });
  const root = await signIn(receiver, 'root');
  const reference = await submitted(receiver);
  // The form changes afterwards: new title, new version.
  const changed = structuredClone(KONTAKT);
  changed.version = '2027-01-01';
  changed.schema.title = 'Neues Kontaktformular';
  changed.schema.properties.name.title = 'Vollständiger Name';
  writeFileSync(join(dir, 'kontakt.json'), JSON.stringify(changed));
  const newer = (await (await submit(receiver, 'kontakt', envelope(changed, kontaktData()))).json())
    .reference;

  const summary = async (ref) =>
    (await (await root.get(`/inbox/api/submissions/${ref}`)).json()).summary;
  const old = await summary(reference);
  assert.match(old, /^Kontaktformular\n/);
  assert.ok(old.includes('\nName: Zuleika Quaxenbrück\n'));
  const fresh = await summary(newer);
  assert.match(fresh, /^Neues Kontaktformular\n/);
  assert.ok(fresh.includes('\nVollständiger Name: Zuleika Quaxenbrück\n'));
});

storageTest(
  'the old loopback endpoints are gone; the inbox answers to its own host names only',
  async (t, env) => {
    // Listening on every address of both families: IPv4 clients arrive as ::ffff:a.b.c.d.
    // Behind a trusted proxy, so that forwarding headers are read where the receiver reads them.
    const receiver = await env.start({ host: '::', inbox: true, trustProxy: true });
    await addStaff(receiver.storage, { name: 'root', team: 'admins', isAdmin: true });
    const port = new URL(receiver.url).port;
    const root = await signIn({ url: `http://127.0.0.1:${port}` }, 'root');
    const reference = await submitted(receiver);

    // Even from this machine, the old routes reveal nothing.
    for (const path of ['/api/submissions', `/api/submissions/${reference}/summary`]) {
      const answer = await rawRequest(`${receiver.url}${path}`);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /Zuleika|KO-/, path);
    }

    const path = `/inbox/api/submissions/${reference}`;
    const get = (host, via = '127.0.0.1') =>
      rawRequest(`http://${via}:${port}${path}`, {
        headers: { Host: host ?? `${via}:${port}`, Cookie: root.cookie },
      });
    // Allowed: this machine by its own names, IPv4 (seen as ::ffff:127.0.0.1) and IPv6.
    assert.equal((await get()).status, 200);
    assert.equal((await get(`localhost:${port}`)).status, 200);
    assert.equal((await get('LOCALHOST')).status, 200);
    assert.equal((await get(undefined, '[::1]')).status, 200);
    // DNS rebinding: another site's name, resolved to this machine, from the person's browser.
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `localhost.evil.example:${port}`,
      `127.0.0.1.evil.example`,
      `localhost.:${port}`,
      `127.0.0.2:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `[::ffff:7f00:1]:${port}`,
      `2130706433:${port}`,
    ]) {
      const answer = await get(host);
      assert.equal(answer.status, 421, host);
      assert.doesNotMatch(answer.body, /Zuleika|KO-/, host);
    }
    // Forwarding headers do not turn another site's name into this machine's: a page of
    // evil.example cannot set them, but a proxy that passes them on unchecked would.
    for (const forwarded of [
      { 'X-Forwarded-Host': `localhost:${port}` },
      { Forwarded: `host=localhost:${port}` },
      { 'X-Forwarded-Host': `localhost:${port}`, 'X-Forwarded-For': '127.0.0.1' },
    ]) {
      const answer = await rawRequest(`http://127.0.0.1:${port}${path}`, {
        headers: { Host: `evil.example:${port}`, Cookie: root.cookie, ...forwarded },
      });
      assert.equal(answer.status, 421, JSON.stringify(forwarded));
      assert.doesNotMatch(answer.body, /Zuleika|KO-/);
    }
    // HTTP/1.0 without a Host header at all.
    const bare = await new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end(`GET ${path} HTTP/1.0\r\nCookie: ${root.cookie}\r\n\r\n`),
      );
      const chunks = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    assert.match(bare, /^HTTP\/1\.[01] 421 /, 'without Host');
  },
);

storageTest('node server/list-submissions.js prints what arrived', async (t, env) => {
  const receiver = await env.start();
  const first = await submitted(receiver);
  const second = await submitted(receiver, kontaktData({ name: 'Zweite Person' }));
  const childEnv = {
    PATH: process.env.PATH,
    ...(env.storageOptions.dataDir && { DATA_DIR: env.storageOptions.dataDir }),
    ...(env.storageOptions.databaseUrl && {
      DATABASE_URL: env.storageOptions.databaseUrl,
      DATABASE_SCHEMA: env.storageOptions.databaseSchema,
    }),
  };
  const list = await run(process.execPath, [LIST_SCRIPT], { env: childEnv });
  const lines = list.stdout.trim().split('\n');
  assert.match(lines[0], /^received \(UTC\)\s+reference\s+form, version\s+language$/);
  assert.equal(lines.length, 4);
  assert.ok(
    lines.some((l) => l.includes(first) && l.includes('kontakt 2026-01-01') && l.endsWith('ar')),
  );
  assert.ok(lines.some((l) => l.includes(second)));
  assert.doesNotMatch(list.stdout, /Zuleika/, 'the overview shows no answers');

  const one = await run(process.execPath, [LIST_SCRIPT, first.toLowerCase()], { env: childEnv });
  assert.match(one.stdout, new RegExp(`Aktenzeichen: ${first}\\n`));
  assert.match(one.stdout, /\nName: Zuleika Quaxenbrück\n/);

  const json = JSON.parse(
    (await run(process.execPath, [LIST_SCRIPT, '--json', '--limit', '1'], { env: childEnv }))
      .stdout,
  );
  assert.equal(json.length, 1);
  assert.equal(json[0].envelope.form.id, 'kontakt');

  await assert.rejects(
    run(process.execPath, [LIST_SCRIPT, 'KO-2222-2222'], { env: childEnv }),
    (error) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /No submission with the reference KO-2222-2222/);
      return true;
    },
  );
});
