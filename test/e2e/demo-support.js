// The demo page in Chromium for the end-to-end tests of the demo: the demo server on a free port
// and a phone-sized page on it, both closed after the test.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { findBrowser, CHROMIUM_ARGS } from '../../scripts/find-browser.js';
import { startDemoServer } from '../../scripts/serve-demo.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts the demo server and a phone-sized page on it; everything closes after the test. */
export async function demo(t) {
  assert.ok(existsSync(join(repo, 'dist', 'forms', 'ki-erstberatung.js')), 'run `npm run build`');
  const server = startDemoServer({ port: 0, log: () => undefined });
  await once(server, 'listening');
  t.after(() => server.close());
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const open = async () => {
    await page.goto(url);
    await page.locator('#erstberatung form').waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('intake-language-picker')?.shadowRoot?.querySelector('select')
          ?.options.length > 1,
    );
  };
  await open();
  return { page, open };
}
