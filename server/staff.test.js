// What staff see: the list and the German summary (loopback only), and list-submissions.js, on
// SQLite and PostgreSQL.
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

const run = promisify(execFile);
const LIST_SCRIPT = new URL('./list-submissions.js', import.meta.url).pathname;

async function submitted(receiver, data = kontaktData()) {
  const response = await submit(receiver, 'kontakt', envelope(KONTAKT, data));
  assert.equal(response.status, 201);
  return (await response.json()).reference;
}

storageTest('the list and the German summary, from this machine', async (t, env) => {
  const receiver = await env.start({ staffEndpoints: true });
  const first = await submitted(receiver);
  const second = await submitted(receiver, kontaktData({ name: 'Zweite Person' }));

  const list = await fetch(`${receiver.url}/api/submissions`);
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('cache-control'), 'no-store');
  const entries = await list.json();
  assert.deepEqual(entries.map((e) => e.reference).sort(), [first, second].sort());
  const entry = entries.find((e) => e.reference === first);
  assert.equal(entry.formId, 'kontakt');
  assert.equal(entry.locale, 'ar');
  assert.equal(entry.summaryUrl, `/api/submissions/${first}/summary`);
  assert.deepEqual(entry.envelope, envelope(KONTAKT, kontaktData()));

  const filtered = await (await fetch(`${receiver.url}/api/submissions?form=other`)).json();
  assert.deepEqual(filtered, []);
  const limited = await (await fetch(`${receiver.url}/api/submissions?limit=1`)).json();
  assert.equal(limited.length, 1);

  const summary = await fetch(`${receiver.url}${entry.summaryUrl}`);
  assert.equal(summary.status, 200);
  assert.equal(summary.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(summary.headers.get('content-language'), 'de');
  const text = await summary.text();
  for (const line of [
    'Kontaktformular',
    `Aktenzeichen: ${first}`,
    'Ausgefüllt auf: Arabisch (ar)',
    'Name: Zuleika Quaxenbrück',
    'Uhrzeit: 14:30 Uhr',
    'Geburtsdatum: 5. Juni 1987',
    '  Postleitzahl: 50667',
  ]) {
    assert.ok(text.split('\n').includes(line), `missing ${JSON.stringify(line)} in\n${text}`);
  }
  // Lower case is found too; unknown and malformed references are 404.
  assert.equal(
    (await fetch(`${receiver.url}/api/submissions/${first.toLowerCase()}/summary`)).status,
    200,
  );
  for (const wrong of ['KO-2222-2222', 'nonsense', '..', '%E0%A4%A']) {
    const response = await fetch(`${receiver.url}/api/submissions/${wrong}/summary`);
    assert.equal(response.status, 404, wrong);
  }
  assert.equal((await fetch(`${receiver.url}${entry.summaryUrl}`, { method: 'POST' })).status, 405);
});

storageTest('the summary reads the definition the submission was checked with', async (t, env) => {
  const dir = formsDir();
  const receiver = await env.start({ formsDir: dir, staffEndpoints: true });
  const reference = await submitted(receiver);
  // The form changes afterwards: new title, new version.
  const changed = structuredClone(KONTAKT);
  changed.version = '2027-01-01';
  changed.schema.title = 'Neues Kontaktformular';
  changed.schema.properties.name.title = 'Vollständiger Name';
  writeFileSync(join(dir, 'kontakt.json'), JSON.stringify(changed));
  const newer = (await (await submit(receiver, 'kontakt', envelope(changed, kontaktData()))).json())
    .reference;

  const old = await (await fetch(`${receiver.url}/api/submissions/${reference}/summary`)).text();
  assert.match(old, /^Kontaktformular\n/);
  assert.ok(old.includes('\nName: Zuleika Quaxenbrück\n'));
  const fresh = await (await fetch(`${receiver.url}/api/submissions/${newer}/summary`)).text();
  assert.match(fresh, /^Neues Kontaktformular\n/);
  assert.ok(fresh.includes('\nVollständiger Name: Zuleika Quaxenbrück\n'));
});

storageTest(
  'off unless configured; then from loopback only, without forwarding headers, for allowed hosts only',
  async (t, env) => {
    // Listening on every address of both families: IPv4 clients arrive as ::ffff:a.b.c.d.
    const receiver = await env.start({ host: '::', staffEndpoints: true });
    const reference = await submitted(receiver);
    const port = new URL(receiver.url).port;
    const paths = ['/api/submissions', `/api/submissions/${reference}/summary`];
    const get = (path, { host, headers = {}, localAddress, via = '127.0.0.1' } = {}) =>
      rawRequest(`http://${via}:${port}${path}`, {
        headers: { Host: host ?? `${via}:${port}`, ...headers },
        localAddress,
      });
    const refused = async (answer, label) => {
      assert.equal(answer.status, 403, label);
      assert.equal(answer.headers['content-type'], 'application/problem+json', label);
      assert.doesNotMatch(answer.body, /Zuleika|KO-/, label);
    };

    for (const path of paths) {
      // Allowed: this machine by its own names, IPv4 (seen as ::ffff:127.0.0.1) and IPv6.
      assert.equal((await get(path)).status, 200, path);
      assert.equal((await get(path, { host: `localhost:${port}` })).status, 200, path);
      assert.equal((await get(path, { host: 'LOCALHOST' })).status, 200, path);
      assert.equal((await get(path, { via: '[::1]' })).status, 200, path);

      // DNS rebinding: another site's name, resolved to this machine, from the person's browser.
      for (const host of [
        `evil.example:${port}`,
        'evil.example',
        `localhost.evil.example:${port}`,
        `127.0.0.1.evil.example`,
        `localhost.:${port}`,
        // Other spellings of loopback that are not on the list.
        `127.0.0.2:${port}`,
        `[::ffff:127.0.0.1]:${port}`,
        `[::ffff:7f00:1]:${port}`,
        `2130706433:${port}`,
      ]) {
        await refused(await get(path, { host }), `${path} Host: ${host}`);
      }

      // Through a proxy on this machine: every request would look local.
      for (const [header, value] of [
        ['X-Forwarded-For', '192.0.2.60'],
        ['X-Forwarded-For', '127.0.0.1'],
        ['Forwarded', 'for=192.0.2.60'],
        ['Forwarded', 'for=127.0.0.1;host=localhost'],
        ['X-Forwarded-Host', 'localhost'],
        ['X-Real-IP', '127.0.0.1'],
      ]) {
        await refused(await get(path, { headers: { [header]: value } }), `${path} ${header}`);
      }

      // HTTP/1.0 without a Host header at all.
      const bare = await new Promise((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.end(`GET ${path} HTTP/1.0\r\n\r\n`),
        );
        const chunks = [];
        socket.on('data', (c) => chunks.push(c));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      assert.match(bare, /^HTTP\/1\.[01] 403 /, `${path} without Host`);

      // 127.0.0.2 is on the loopback interface, but not an address staff use.
      await refused(await get(path, { localAddress: '127.0.0.2' }), `${path} from 127.0.0.2`);
    }

    // Off by default, and off when switched off.
    for (const options of [{}, { staffEndpoints: false }]) {
      const off = await env.start(options);
      for (const path of paths) {
        await refused(await rawRequest(`${off.url}${path}`), `${JSON.stringify(options)} ${path}`);
      }
    }

    // Other names when configured, e.g. an SSH tunnel's.
    const named = await env.start({ staffEndpoints: true, staffHosts: ['intake.internal:8443'] });
    const namedPort = new URL(named.url).port;
    const at = (host) =>
      rawRequest(`${named.url}/api/submissions`, { headers: { Host: host } }).then((r) => r.status);
    assert.equal(await at('intake.internal:8443'), 200);
    assert.equal(await at(`intake.internal:${namedPort}`), 403);
    assert.equal(await at(`localhost:${namedPort}`), 403);
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
