// The builder's "Export compiled module" in Chromium against the demo server: signed out it says
// to sign in first; signed in to the inbox it downloads the module the receiver compiled, with
// the translation files the builder read inlined, and the module validates as the form does.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { findBrowser, CHROMIUM_ARGS } from '../../scripts/find-browser.js';
import { startDemoServer } from '../../scripts/serve-demo.js';
import { openStorage } from '../../server/storage/index.js';
import { tempDir } from '../../server/testing/harness.js';
import { TEST_PASSWORD, addStaff } from '../../server/testing/inbox-harness.js';

test(
  'the builder exports the compiled module through the receiver',
  { timeout: 120_000 },
  async (t) => {
    const dataDir = tempDir('intake-builder-');
    const server = startDemoServer({ port: 0, dataDir, log: () => undefined });
    await once(server, 'listening');
    t.after(() => server.close());
    // The demo's storage is a SQLite file: the account is added beside the running server.
    const storage = await openStorage({ dataDir });
    await addStaff(storage, { name: 'olga', team: 'zentrale' });
    await storage.close();

    const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
    t.after(() => browser.close());
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const origin = `http://127.0.0.1:${server.address().port}`;
    await page.goto(`${origin}/builder/?example=ki-erstberatung`);
    const builder = page.locator('intake-form-builder');
    await builder.getByRole('tab', { name: 'Fragen' }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('intake-form-builder')?.definition?.id === 'ki-erstberatung',
    );
    const button = builder.getByRole('button', { name: 'Kompiliertes Modul exportieren' });
    const status = builder.getByRole('status').first();

    await button.click();
    await assert.doesNotReject(
      status.filter({ hasText: 'Bitte zuerst im Posteingang (/inbox/) anmelden.' }).waitFor(),
    );

    const signIn = await page.request.post(`${origin}/inbox/api/session`, {
      data: { name: 'olga', password: TEST_PASSWORD },
    });
    assert.equal(signIn.status(), 200);

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.equal(download.suggestedFilename(), 'ki-erstberatung.js');
    await status.filter({ hasText: 'Das kompilierte Modul wurde heruntergeladen.' }).waitFor();
    const source = readFileSync(await download.path(), 'utf8');
    const file = join(tempDir('intake-compiled-'), 'ki-erstberatung.js');
    writeFileSync(file, source);
    const { default: compiled } = await import(pathToFileURL(file).href);
    assert.equal(compiled.id, 'ki-erstberatung');
    // The Arabic texts came from the translation file the builder had read.
    const arabic = JSON.parse(
      readFileSync(new URL('../../schemas/translations/ki-erstberatung.ar.json', import.meta.url)),
    );
    assert.equal(typeof compiled.translations.ar, 'object');
    const [pointer, text] = Object.entries(arabic).find(([, value]) => typeof value === 'string');
    assert.equal(compiled.translations.ar[pointer], text);
    assert.ok(Object.keys(compiled.validators).length > 1, 'precompiled validators');
  },
);
