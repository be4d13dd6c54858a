// Shared setup of the end-to-end tests: the real reference receiver on 127.0.0.1 serving the
// built element (dist/) and a page per test, Chromium driven by Playwright, and what the tests
// read back: the receiver's stored rows and log, and the outbox's entries in IndexedDB.
//
// Only the element's public behaviour (API.md, README) and IndexedDB contents are relied on:
// its internals are free to change.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startReceiver } from '../../server/index.js';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = join(here, '..', '..');

/**
 * Starts a receiver that knows `serverDefinition` and serves a page with an `<intake-form>` that
 * loads `pageDefinition` (the same one unless given: a page may hold an older version), and a
 * Chromium. Everything is closed after the test.
 *
 * @returns {Promise<{ receiver: object, browser: import('playwright').Browser, logs: string[],
 *   pageUrl: string, rows: () => Promise<object[]> }>}
 */
export async function setUp(
  t,
  {
    serverDefinition,
    pageDefinition = serverDefinition,
    receiverOptions = {},
    // More attributes of the page's <intake-form>, e.g. `draft="local"`.
    formAttributes = '',
  },
) {
  assert.ok(existsSync(join(REPO, 'dist', 'intake-elements.js')), 'run `npm run build` first');
  const executablePath = findBrowser();
  assert.ok(executablePath, 'no Chromium found (set CHROME_PATH)');
  const work = await mkdtemp(join(tmpdir(), 'intake-e2e-'));
  const formsDir = join(work, 'forms');
  const pages = join(work, 'pages');
  await mkdir(formsDir);
  await mkdir(pages);
  const id = serverDefinition.id;
  await writeFile(join(formsDir, `${id}.json`), JSON.stringify(serverDefinition));
  await writeFile(join(pages, `${id}.json`), JSON.stringify(pageDefinition));
  await writeFile(
    join(pages, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>intake-elements end-to-end page</title>
    <script type="module" src="/dist/intake-elements.js"></script>
  </head>
  <body>
    <main>
      <h1>End-to-end</h1>
      <intake-form id="form" locale="en" src="/e2e/${id}.json"
        action="/api/forms/${id}/submissions" ${formAttributes}></intake-form>
    </main>
  </body>
</html>
`,
  );
  const logs = [];
  const receiver = await startReceiver({
    port: 0,
    host: '127.0.0.1',
    formsDir,
    dataDir: join(work, 'data'),
    rateLimit: false,
    log: (line) => logs.push(line),
    staticRoots: { dist: join(REPO, 'dist'), e2e: pages },
    staticIndex: join(pages, 'index.html'),
    ...receiverOptions,
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  t.after(async () => {
    await browser.close();
    await receiver.close();
    await rm(work, { recursive: true, force: true });
  });
  return {
    receiver,
    browser,
    logs,
    /** The receiver's data folder (the SQLite files). */
    dataDir: join(work, 'data'),
    pageUrl: `${receiver.url}/`,
    /** A scratch folder removed after the test (for a browser profile). */
    work,
    /** The rows in the receiver's database. */
    rows: () => receiver.storage.list({ limit: 10_000 }),
  };
}

/** Opens the page and waits until the form is shown and the page is idle. */
export async function openForm(page, url) {
  await page.goto(url);
  await page.waitForFunction(() =>
    document.querySelector('intake-form')?.shadowRoot?.querySelector('form'),
  );
  // The outbox's code arrives right after the form is shown. Nobody sends within those
  // milliseconds; should someone do so while offline, the form says it could not be sent and
  // keeps what they typed (test/element/delivery.test.ts).
  await page.waitForLoadState('networkidle');
}

/**
 * How many entries the outbox holds: every record of every object store of each IndexedDB
 * database of this origin whose name says "outbox" (so the count survives a renamed store).
 */
export function outboxCount(page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases())
      .map((db) => db.name)
      .filter((name) => /outbox/i.test(name ?? ''));
    let total = 0;
    for (const name of names) {
      total += await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const stores = [...db.objectStoreNames];
          if (stores.length === 0) {
            db.close();
            resolve(0);
            return;
          }
          const tx = db.transaction(stores, 'readonly');
          let sum = 0;
          for (const store of stores) {
            const count = tx.objectStore(store).count();
            count.onsuccess = () => {
              sum += count.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(sum);
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
    return total;
  });
}

/** The parsed request lines of the receiver's log (one per request). */
export function requestLines(logs) {
  return logs.map((line) => JSON.parse(line)).filter((entry) => entry.method !== undefined);
}
