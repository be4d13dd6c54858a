// End to end, in Chromium against the real reference receiver on 127.0.0.1: 50 submissions while
// the receiver's fault injector drops connections, answers 500/503/429 or stalls past the
// client's timeout for about 30 % of requests, and the browser is taken offline for about 30 % of
// submissions; the page is reloaded while the outbox holds submissions. Afterwards every
// submission is stored exactly once and none is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startReceiver } from '../../server/index.js';
import { findBrowser, CHROMIUM_ARGS } from '../../scripts/find-browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const SUBMISSIONS = 50;

const definition = {
  id: 'e2e-contact',
  version: '1',
  lang: 'en',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['name', 'n'],
    properties: {
      name: { type: 'string', title: 'Name' },
      n: { type: 'integer', title: 'Number' },
    },
  },
};

/** A small seeded PRNG, so that the offline pattern is the same in every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

test(
  '50 submissions under faults and offline periods arrive exactly once',
  { timeout: 600_000 },
  async (t) => {
    assert.ok(existsSync(join(repo, 'dist', 'intake-elements.js')), 'run `npm run build` first');
    const executablePath = findBrowser();
    assert.ok(executablePath, 'no Chromium found (set CHROME_PATH)');
    const work = await mkdtemp(join(tmpdir(), 'intake-e2e-'));
    const formsDir = join(work, 'forms');
    const pages = join(work, 'pages');
    await mkdir(formsDir);
    await mkdir(pages);
    await writeFile(join(formsDir, 'e2e-contact.json'), JSON.stringify(definition));
    await writeFile(join(pages, 'e2e-contact.json'), JSON.stringify(definition));
    await copyFile(join(here, 'pages', 'index.html'), join(pages, 'index.html'));
    const logLines = [];
    const receiver = await startReceiver({
      port: 0,
      host: '127.0.0.1',
      formsDir,
      dataDir: join(work, 'data'),
      rateLimit: false,
      log: (line) => logLines.push(line),
      faults: {
        seed: 20261125,
        drop: 0.06,
        dropAfterStore: 0.06,
        status500: 0.05,
        status503: 0.05,
        status429: 0.04,
        stall: 0.04,
        stallMs: 1500,
      },
      staticRoots: { dist: join(repo, 'dist'), e2e: pages },
      staticIndex: join(pages, 'index.html'),
    });
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    t.after(async () => {
      await browser.close();
      await receiver.close();
      await rm(work, { recursive: true, force: true });
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const open = async () => {
      await page.goto(`${receiver.url}/`);
      await page.waitForFunction(() =>
        document.querySelector('intake-form')?.shadowRoot?.querySelector('form'),
      );
      // The outbox's code arrives right after the form is shown. Nobody sends within those
      // milliseconds; should someone do so while offline, the form says it could not be sent and
      // keeps what they typed (test/element/delivery.test.ts).
      await page.waitForLoadState('networkidle');
    };
    await open();

    const chance = random(7);
    const outcomes = { ok: 0, queued: 0, other: 0 };
    let offlineRounds = 0;
    let reloaded = false;
    for (let n = 0; n < SUBMISSIONS; n++) {
      const offline = chance() < 0.3;
      if (offline) {
        offlineRounds += 1;
        await context.setOffline(true);
      }
      const result = await page.evaluate(async (n) => {
        const form = document.querySelector('intake-form');
        form.reset();
        form.retryPolicy = { attempts: 4, baseDelayMs: 50, maxDelayMs: 2000 };
        form.timeout = 800;
        form.value = { name: `Person ${n}`, n };
        return form.submit();
      }, n);
      if (result.ok) outcomes.ok += 1;
      else if (result.reason === 'queued') outcomes.queued += 1;
      else outcomes.other += 1;
      if (offline) await context.setOffline(false);
      // Halfway, with submissions waiting in the outbox: the person reloads the page.
      if (!reloaded && n >= SUBMISSIONS / 2 && outcomes.queued > 0) {
        reloaded = true;
        await open();
      }
    }
    assert.equal(outcomes.other, 0, 'no submission failed for good');
    assert.ok(reloaded, 'the page was reloaded with submissions in the outbox');
    t.diagnostic(
      `offline rounds: ${offlineRounds}; accepted at once: ${outcomes.ok}; queued: ${outcomes.queued}`,
    );

    // Back online: the outbox empties itself.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const deadline = Date.now() + 240_000;
    for (;;) {
      const waiting = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const request = indexedDB.open('intake-elements-outbox');
            request.onsuccess = () => {
              const db = request.result;
              const count = db.transaction('submissions').objectStore('submissions').count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
            };
            request.onerror = () => resolve(-1);
          }),
      );
      if (waiting === 0) break;
      assert.ok(Date.now() < deadline, `the outbox still holds ${waiting} submissions`);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }

    const stored = await (await fetch(`${receiver.url}/api/submissions`)).json();
    const list = Array.isArray(stored) ? stored : stored.submissions;
    const numbers = list.map((entry) => (entry.envelope ?? entry).data.n).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: SUBMISSIONS }, (_, i) => i),
      'each submission stored exactly once',
    );
    assert.deepEqual(pageErrors, []);
  },
);
