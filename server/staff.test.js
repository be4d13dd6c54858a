// What staff see: the list and the German summary (loopback only), and list-submissions.js, on
// SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
  const receiver = await env.start();
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
  const receiver = await env.start({ formsDir: dir });
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

storageTest('from anywhere but loopback, through a proxy, or switched off: 403', async (t, env) => {
  const receiver = await env.start({ host: '0.0.0.0' });
  const reference = await submitted(receiver);
  const port = new URL(receiver.url).port;
  const paths = ['/api/submissions', `/api/submissions/${reference}/summary`];

  for (const path of paths) {
    // 127.0.0.2 is on the loopback interface, but not one of the addresses staff use.
    const other = await rawRequest(`http://127.0.0.1:${port}${path}`, {
      localAddress: '127.0.0.2',
    });
    assert.equal(other.status, 403, path);
    assert.equal(other.headers['content-type'], 'application/problem+json');
    assert.doesNotMatch(other.body, /Zuleika/);

    for (const header of ['X-Forwarded-For', 'Forwarded', 'X-Real-IP']) {
      const proxied = await rawRequest(`http://127.0.0.1:${port}${path}`, {
        headers: { [header]: header === 'Forwarded' ? 'for=192.0.2.60' : '192.0.2.60' },
      });
      assert.equal(proxied.status, 403, `${path} with ${header}`);
    }
    const direct = await rawRequest(`http://127.0.0.1:${port}${path}`);
    assert.equal(direct.status, 200, path);
  }

  const off = await env.start({ staffEndpoints: false });
  for (const path of paths) {
    assert.equal((await fetch(`${off.url}${path}`)).status, 403, path);
  }
});

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
