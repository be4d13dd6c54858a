// What a person typed never lies in the clear in the browser's files: a draft saved on the device
// and a submission waiting in the outbox (with a CSRF header set by the page) are typed in Chromium
// with a profile on disk; the browser is closed, and the profile's IndexedDB files (LevelDB logs,
// tables and blobs) are searched byte for byte for the typed text, in Latin-1 and UTF-16 as V8
// serialises strings. The form's id, stored in the clear beside the sealed data, is found there:
// the search does see what IndexedDB wrote. Needs `npm run build`.
//
// This does not show that the device key protects against the disk: it does not (docs/security.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';
import { outboxCount, setUp } from './support.js';

const definition = {
  id: 'e2e-at-rest-form',
  version: '1',
  lang: 'en',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', title: 'Name' },
      note: { type: 'string', title: 'Note' },
    },
  },
};

/** Every file under `dir`, recursively. */
async function files(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await files(path)));
    else found.push(path);
  }
  return found;
}

/** The files that hold `text` as Latin-1/UTF-8 or UTF-16LE bytes. */
async function holding(paths, text) {
  const needles = [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')];
  const hits = [];
  for (const path of paths) {
    const bytes = await readFile(path);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return hits;
}

test(
  'the profile on disk holds no typed text of drafts or of the outbox',
  { timeout: 120_000 },
  async (t) => {
    const { pageUrl, work } = await setUp(t, {
      serverDefinition: definition,
      formAttributes: 'draft="local"',
    });
    const profile = join(work, 'profile');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findBrowser(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    let closed = false;
    t.after(() => (closed ? undefined : context.close()));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pageUrl);
    const form = page.locator('#form');
    // A click, not `check()`: once the draft is saved the box gives way to the saved notice, and
    // `check()`, which reads the box's state after its click, then waited for a box that is gone.
    await form.locator('#draft-opt-in').click();
    await form.locator('[part~="delete-draft"]').waitFor();
    await form.locator('[name="/name"]').fill('Quokkafinch Draftname');
    await form.locator('[name="/note"]').fill('Notizgeheimnis im Entwurf');
    await form.locator('[name="/note"]').blur();
    await page.waitForTimeout(1000);

    // Offline: the submission waits in the outbox, with the page's CSRF header set.
    await page.evaluate(() => {
      document.querySelector('#form').headers = { 'X-CSRF-Token': 'CsrfTokenNeverStored77' };
    });
    await form.locator('[name="/name"]').fill('Quokkafinch Outboxname');
    await page.waitForTimeout(500);
    await context.setOffline(true);
    await form.locator('button[type="submit"]').click();
    await form.locator('.queued-title').waitFor();
    assert.equal(await outboxCount(page), 1, 'the submission waits in the outbox');
    await context.close();
    closed = true;

    const stored = await files(join(profile, 'Default', 'IndexedDB'));
    assert.ok(stored.length > 0, 'IndexedDB wrote files');
    assert.notDeepEqual(
      await holding(stored, definition.id),
      [],
      'the search finds what IndexedDB stores in the clear (the form id)',
    );
    for (const secret of [
      'Quokkafinch',
      'Draftname',
      'Outboxname',
      'Notizgeheimnis',
      'CsrfTokenNeverStored77',
    ])
      assert.deepEqual(await holding(stored, secret), [], `"${secret}" is not on disk`);
  },
);
