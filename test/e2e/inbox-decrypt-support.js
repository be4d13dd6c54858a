// What the inbox's decryption e2e tests share: a real receiver with the inbox on, the office's
// keys, one encrypting form routed to Bergkamen's team with caseworker "ayse", and Chromium;
// encrypted submissions posted as any standard backend would (jose), signing in as "ayse", and
// importing the office's key file in the detail view.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startReceiver } from '../../server/index.js';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';
import { addStaff, TEST_PASSWORD } from '../../server/testing/inbox-harness.js';
import { joseSeal, officeKeys, PASSPHRASE } from '../../server/testing/encryption-helpers.js';
import { REPO } from './support.js';

/**
 * Starts everything for `form` (closed after the test `t`).
 *
 * @returns {Promise<{ receiver: object, browser: import('playwright').Browser, keys: object,
 *   work: string }>}
 */
export async function decryptSetUp(t, form) {
  assert.ok(existsSync(join(REPO, 'dist/inbox/intake-inbox.js')), 'run `npm run build` first');
  const work = await mkdtemp(join(tmpdir(), 'intake-e2e-inbox-decrypt-'));
  const formsDir = join(work, 'forms');
  await mkdir(formsDir);
  await writeFile(join(formsDir, `${form.id}.json`), JSON.stringify(form));
  const keys = await officeKeys();
  const receiver = await startReceiver({
    port: 0,
    host: '127.0.0.1',
    formsDir,
    dataDir: join(work, 'data'),
    rateLimit: false,
    inbox: true,
    keysDir: keys.keysDir,
    log: () => {},
  });
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  t.after(async () => {
    await browser.close();
    await receiver.close();
    await rm(work, { recursive: true, force: true });
  });

  await addStaff(receiver.storage, { name: 'ayse', team: 'bergkamen' });
  await receiver.storage.db
    .insertInto('team_forms')
    .values({
      team_id: 'bergkamen',
      form_id: form.id,
      route_pointer: '/kommune',
      route_value: 'Bergkamen',
    })
    .execute();
  return { receiver, browser, keys, work };
}

/**
 * Posts an encrypted submission of `form` with these answers (routed to Bergkamen, in Turkish)
 * through the real POST /api/forms/<id>/submissions and returns its reference. `change` alters
 * the sealed JWE before it is sent (a submission damaged at rest or on the way).
 */
export async function postEncrypted(
  { receiver, keys },
  form,
  data,
  { change = (jwe) => jwe, submittedAt = new Date().toISOString() } = {},
) {
  const inner = {
    form: { id: form.id, version: '1' },
    locale: 'tr',
    submittedAt,
    data: { kommune: 'Bergkamen', ...data },
  };
  const response = await fetch(`${receiver.url}/api/forms/${form.id}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      form: inner.form,
      submittedAt: inner.submittedAt,
      encrypted: change(await joseSeal(inner, keys.pairs[0].publicKey)),
      routing: { '/kommune': 'Bergkamen' },
    }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).reference;
}

/** Signs in to the inbox as caseworker "ayse" and waits until the page offers to sign out. */
export async function signInAsAyse(page, receiver) {
  await page.goto(`${receiver.url}/inbox/`);
  await page.getByLabel('Name').fill('ayse');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** In a submission's detail view: imports the office's key file into this browser. */
export async function importOfficeKey(page, keys) {
  const area = page.locator('inbox-decrypt');
  await page.getByLabel('Office key file').setInputFiles({
    name: 'office-keys.private.json',
    mimeType: 'application/json',
    buffer: Buffer.from(keys.privateText),
  });
  await page.getByLabel('Passphrase of the key file').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Import key into this browser' }).click();
  await area.getByText('1 key imported.').waitFor();
}
