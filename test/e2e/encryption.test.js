// End to end, in Chromium against the real receiver: a form with `encryption` sends only a JWE
// (made by the element with WebCrypto) plus its routing answer; the database, the receiver's log
// and the person's browser profile on disk hold none of the typed text or file bytes; jose opens
// the stored JWE with the office's private key file; the caseworker's browser imports that file
// (src/inbox-crypto/), opens the element's JWE and one made by jose, and its profile on disk
// holds none of what it decrypted. Refusals (an expired key, a key of the wrong type, a refused
// ciphertext) are each told to the person, and nothing is lost.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';
import {
  PASSPHRASE,
  joseOpen,
  joseSeal,
  officeKeys,
  openPrivateKeys,
} from '../../server/testing/encryption-helpers.js';
import { REPO, openForm, outboxCount, setUp } from './support.js';

const TYPED = 'Quokkaduldung Xylophantasie';
const FILE_TEXT = 'ZEBRAFILEBYTES-7731-vertraulich';

const FORM = {
  id: 'e2e-sicher',
  version: '1',
  lang: 'en',
  encryption: { routing: ['/kommune'] },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['kommune', 'anliegen'],
    properties: {
      kommune: { type: 'string', title: 'Town', enum: ['Bergkamen', 'Unna', 'Kamen'] },
      anliegen: { type: 'string', title: 'Request', maxLength: 500 },
      nachweis: { type: 'string', format: 'data-url', title: 'Proof' },
    },
  },
};

/** Every file under `dir`, read as latin1 text (LevelDB logs and SQLite pages hold text raw). */
async function bytesUnder(dir) {
  return (await filesUnder(dir)).map(([, text]) => text).join('\n');
}

/** [relative path, latin1 text] of every file under `dir` (walked by hand: Node 20's recursive
 * readdir does not say reliably which folder an entry is in). */
async function filesUnder(dir, base = dir) {
  const parts = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) parts.push(...(await filesUnder(file, base)));
    else if (entry.isFile()) {
      try {
        parts.push([file.slice(base.length), (await readFile(file)).toString('latin1')]);
      } catch {
        // A lock file that vanished.
      }
    }
  }
  return parts;
}

/** Asserts that no file under `dir` holds a secret, naming the files that do. */
async function assertDirHasNoSecrets(dir, where) {
  const files = await filesUnder(dir);
  for (const secret of SECRETS) {
    const holding = files.filter(([, text]) => text.includes(secret)).map(([name]) => name);
    assert.deepEqual(holding, [], `${where}: files holding "${secret}"`);
  }
}

const SECRETS = [TYPED, FILE_TEXT, Buffer.from(FILE_TEXT).toString('base64').slice(0, 24)];

function assertNoSecrets(text, where) {
  for (const secret of SECRETS)
    assert.equal(text.includes(secret), false, `${where} holds "${secret}"`);
}

async function fill(page) {
  const town = page.getByLabel('Town');
  if ((await town.count()) === 1 && (await town.evaluate((el) => el.tagName)) === 'SELECT') {
    await town.selectOption('Bergkamen');
  } else {
    await page.getByLabel('Bergkamen').check();
  }
  await page.getByLabel('Request').fill(TYPED);
  await page.getByLabel('Proof').setInputFiles({
    name: 'nachweis.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(FILE_TEXT),
  });
}

function nextOutcome(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const form = document.querySelector('intake-form');
        form.addEventListener('intake-submitted', (e) => resolve({ submitted: e.detail }), {
          once: true,
        });
        form.addEventListener('intake-error', (e) => resolve({ error: e.detail }), { once: true });
      }),
  );
}

/** src/inbox-crypto bundled for a plain page of the receiver's origin. */
async function inboxCryptoPage(dir) {
  await build({
    entryPoints: [join(REPO, 'src/inbox-crypto/index.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(dir, 'inbox-crypto.js'),
    target: 'es2022',
    logLevel: 'silent',
  });
  await writeFile(
    join(dir, 'inbox.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>inbox crypto</title>
<script type="module">import * as crypto from '/inbox-test/inbox-crypto.js'; window.inboxCrypto = crypto;</script>
</head><body></body></html>`,
  );
}

test('encrypted from the form to the caseworker: only ciphertext on the server and on disk', async (t) => {
  const keys = await officeKeys({ count: 2 }); // the second is current: one rotation behind us
  const work = await mkdtemp(join(tmpdir(), 'intake-e2e-crypto-'));
  if (!process.env.KEEP_PROFILES) t.after(() => rm(work, { recursive: true, force: true }));
  else t.diagnostic(`profiles kept in ${work}`);
  const { receiver, browser, logs, pageUrl, rows, dataDir } = await setUp(t, {
    serverDefinition: FORM,
    receiverOptions: { keysDir: keys.keysDir },
  });
  const executablePath = findBrowser();

  // The person, with a browser profile on disk. First the office cannot be reached: the
  // submission waits in the outbox, encrypted.
  const personProfile = join(work, 'person');
  const person = await chromium.launchPersistentContext(personProfile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = person.pages()[0] ?? (await person.newPage());
  await openForm(page, pageUrl);
  await fill(page);
  await page.route('**/submissions', (route) =>
    route.fulfill({ status: 503, headers: { 'Retry-After': '3600' }, body: '' }),
  );
  let outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  assert.equal((await outcome).error?.queued, true, 'queued while the office is away');
  assert.equal(await outboxCount(page), 1);
  const queued = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => /outbox/i.test(n));
    return new Promise((resolve) => {
      const request = indexedDB.open(names[0]);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction([...db.objectStoreNames], 'readonly');
        const all = tx.objectStore(db.objectStoreNames[0]).getAll();
        all.onsuccess = () => resolve(JSON.stringify(all.result));
      };
    });
  });
  assertNoSecrets(queued, 'the outbox (as IndexedDB holds it)');
  // What waits is sealed with the outbox's device key (src/submit/sealed.ts) around the JWE:
  // only what orders it is in clear. (The JWE inside is checked when the office refuses one,
  // below: its downloadable copy is that JWE.)
  const [entry] = JSON.parse(queued);
  assert.equal(entry.formId, FORM.id);
  assert.ok('ciphertext' in entry && !('envelope' in entry), 'the outbox entry is sealed');
  // Closed while the office is still away (the entry stays queued), then read from disk.
  await person.close();
  const indexedDb = await bytesUnder(join(personProfile, 'Default', 'IndexedDB'));
  assert.ok(
    indexedDb.includes(FORM.id),
    'the profile’s IndexedDB holds the queued entry (control)',
  );
  await assertDirHasNoSecrets(personProfile, 'the person’s browser profile on disk');

  // Now sent for real, from the form.
  const second = await browser.newPage();
  await openForm(second, pageUrl);
  await fill(second);
  outcome = nextOutcome(second);
  await second.getByRole('button', { name: 'Send' }).click();
  const accepted = await outcome;
  assert.ok(accepted.submitted?.reference, JSON.stringify(accepted));

  // The server: one row, ciphertext and the town only; nothing typed in its files or log.
  const [row] = await rows();
  const stored = JSON.parse(row.envelope);
  assert.deepEqual(stored.routing, { '/kommune': 'Bergkamen' });
  assert.equal(row.locale, 'und');
  const database = await bytesUnder(dataDir);
  assert.ok(database.includes(row.reference), 'the database files were read (control)');
  await assertDirHasNoSecrets(dataDir, 'the database files');
  assertNoSecrets(logs.join('\n'), 'the receiver log');

  // jose (any standard backend) opens it with the office's private key file.
  const privateKeys = await openPrivateKeys(keys.privateText);
  const opened = await joseOpen(stored.encrypted, privateKeys);
  assert.equal(opened.data.anliegen, TYPED);
  assert.equal(opened.locale, 'en');
  assert.match(opened.data.nachweis, new RegExp(Buffer.from(FILE_TEXT).toString('base64')));

  // A submission jose made to the OLD key (still within its grace period) is taken too.
  const fromJose = {
    form: { id: FORM.id, version: '1' },
    submittedAt: new Date().toISOString(),
    encrypted: await joseSeal(
      {
        form: { id: FORM.id, version: '1' },
        locale: 'de',
        submittedAt: new Date().toISOString(),
        data: { kommune: 'Unna', anliegen: `${TYPED} jose` },
      },
      keys.pairs[0].publicKey,
    ),
    routing: { '/kommune': 'Unna' },
  };
  const response = await fetch(`${receiver.url}/api/forms/${FORM.id}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(fromJose),
  });
  assert.equal(response.status, 201);

  // The caseworker: imports the key file once, opens both submissions in the browser.
  const pages = join(work, 'inbox-pages');
  await mkdir(pages);
  await inboxCryptoPage(pages);
  const caseworkerProfile = join(work, 'caseworker');
  const caseworker = await chromium.launchPersistentContext(caseworkerProfile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const inbox = caseworker.pages()[0] ?? (await caseworker.newPage());
  // The test page and bundle, answered on the receiver's origin (as the inbox pages will be).
  await inbox.route('**/inbox-test/**', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({
      body: await readFile(join(pages, name)),
      contentType: name.endsWith('.js') ? 'text/javascript' : 'text/html',
    });
  });
  await inbox.goto(`${pageUrl}inbox-test/inbox.html`);
  await inbox.waitForFunction(() => window.inboxCrypto);
  const all = (await rows()).map((r) => JSON.parse(r.envelope).encrypted);
  const results = await inbox.evaluate(
    async ({ file, passphrase, jwes, definition }) => {
      const imported = await window.inboxCrypto.importKeyFile(file, passphrase);
      const opened = [];
      for (const jwe of jwes) {
        const result = await window.inboxCrypto.openSubmission(jwe, definition, {
          formId: definition.id,
        });
        opened.push({ kid: result.kid, data: result.data, problems: result.problems });
      }
      return { imported, opened };
    },
    { file: keys.privateText, passphrase: PASSPHRASE, jwes: all, definition: FORM },
  );
  assert.equal(results.imported.imported.length, 2);
  assert.deepEqual(results.opened.map((o) => o.data.anliegen).sort(), [TYPED, `${TYPED} jose`]);
  assert.deepEqual(
    new Set(results.opened.map((o) => o.kid)),
    new Set(keys.pairs.map((p) => p.kid)),
  );
  assert.ok(results.opened.every((o) => o.problems.length === 0));
  await caseworker.close();
  const caseworkerBytes = await bytesUnder(caseworkerProfile);
  assert.ok(
    caseworkerBytes.includes(keys.pairs[1].kid),
    'the profile holds the imported key (control)',
  );
  await assertDirHasNoSecrets(caseworkerProfile, 'the caseworker’s browser profile on disk');
  assert.equal(caseworkerBytes.includes(PASSPHRASE), false, 'the passphrase is not kept');
});

test('refusals are told, nothing is lost: an expired key, a key of the wrong type, a refused ciphertext', async (t) => {
  const keys = await officeKeys({ count: 2, expired: [0] });
  const { browser, pageUrl, rows } = await setUp(t, {
    serverDefinition: FORM,
    // The page still has the key from before the rotation, which has expired since.
    pageDefinition: { ...FORM, encryption: { ...FORM.encryption, key: keys.pairs[0].publicKey } },
    receiverOptions: { keysDir: keys.keysDir },
  });
  const page = await browser.newPage();
  const posts = [];
  page.on('response', async (response) => {
    if (response.request().method() === 'POST') {
      posts.push({
        status: response.status(),
        type: (await response.json().catch(() => ({}))).type,
      });
    }
  });

  // 1. Expired key: the office refuses it, the element fetches the current key and sends again.
  await openForm(page, pageUrl);
  await fill(page);
  let outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  assert.ok((await outcome).submitted?.reference);
  // The answers' bodies are read in the background: wait for both.
  for (let i = 0; i < 50 && posts.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(posts, [
    { status: 400, type: 'urn:intake-elements:problem:encryption-key' },
    { status: 201, type: undefined },
  ]);
  const [row] = await rows();
  assert.equal(
    JSON.parse(Buffer.from(JSON.parse(row.envelope).encrypted.split('.')[0], 'base64url')).kid,
    keys.pairs[1].kid,
  );

  // 2. A key of the wrong type in the definition: nothing goes out, the person is told.
  posts.length = 0;
  await page.route('**/e2e/e2e-sicher.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ...FORM,
        encryption: { key: { kty: 'EC', crv: 'P-256', kid: 'ec-1', x: 'AA', y: 'AA' } },
      }),
    }),
  );
  await openForm(page, pageUrl);
  await fill(page);
  outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  assert.equal((await outcome).error?.type, 'encryption');
  const notice = page.locator('intake-form .encryption-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /cannot be sent securely/);
  assert.match(await notice.innerText(), /still in this form/);
  assert.deepEqual(posts, [], 'nothing was sent, in clear or otherwise');
  assert.equal(await page.getByLabel('Request').inputValue(), TYPED, 'the answers are kept');
  await page.unroute('**/e2e/e2e-sicher.json');

  // 3. The office refuses the ciphertext itself: told, offered the encrypted copy, can retry.
  await openForm(page, pageUrl);
  await fill(page);
  await page.route('**/submissions', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:intake-elements:problem:invalid-jwe',
        title: 'Bad Request',
        detail: 'The JWE header member "zip" is not supported.',
      }),
    }),
  );
  outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  assert.equal((await outcome).error?.type, 'encryption');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not accept the encrypted form/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download an encrypted copy/ }).click();
  const download = await downloading;
  const copy = await readFile(await download.path(), 'utf8');
  assertNoSecrets(copy, 'the encrypted copy');
  const parsed = JSON.parse(copy);
  assert.equal(parsed.form.id, FORM.id);
  assert.match(parsed.encrypted, /^ey[^.]+\.[^.]+\.[^.]+\.[^.]+\.[^.]+$/);
  await page.unroute('**/submissions');
  outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  assert.ok((await outcome).submitted?.reference, 'sent on the second try');
  assert.equal((await rows()).length, 2);

  // 4. A submission waiting in the outbox whose key the office refuses by the time it goes out:
  // kept (it cannot be encrypted again without the answers), offered as a copy, never dropped.
  await openForm(page, pageUrl);
  await fill(page);
  await page.route('**/submissions', (route) =>
    route.fulfill({ status: 503, headers: { 'Retry-After': '3600' }, body: '' }),
  );
  outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  assert.equal((await outcome).error?.queued, true);
  await page.unroute('**/submissions');
  await page.route('**/submissions', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:intake-elements:problem:encryption-key',
        title: 'Bad Request',
        detail: 'The data is encrypted to a key that has expired.',
      }),
    }),
  );
  outcome = nextOutcome(page);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const refused = (await outcome).error;
  assert.equal(refused?.type, 'encryption');
  assert.match(JSON.parse(refused.copy).encrypted, /^ey/);
  assertNoSecrets(refused.copy, 'the offered copy');
  assert.equal(await outboxCount(page), 1, 'the refused submission stays in the outbox');
  // The page's key (from the definition) is the expired one, so the real office refuses it too;
  // once the office extends that key's time (keys.json), it goes out on the next try.
  await page.unroute('**/submissions');
  await writeFile(
    join(keys.keysDir, 'keys.json'),
    JSON.stringify({ ...keys.set, keys: keys.set.keys.map((k) => ({ ...k, expiresAt: null })) }),
  );
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  for (let i = 0; i < 100 && (await outboxCount(page)) > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(await outboxCount(page), 0);
  assert.equal((await rows()).length, 3);
});
