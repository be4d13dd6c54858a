// What the inbox's decryption e2e tests share: a real receiver with the inbox on, the office's
// keys, one encrypting form routed to Bergkamen's team with caseworker "ayse", and Chromium.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startReceiver } from '../../server/index.js';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';
import { addStaff } from '../../server/testing/inbox-harness.js';
import { officeKeys } from '../../server/testing/encryption-helpers.js';
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
