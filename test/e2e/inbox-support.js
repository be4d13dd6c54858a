// Shared setup of the staff inbox's end-to-end tests: the real receiver with `inbox: true` on
// SQLite, the HILFE form of server/testing/seed-inbox.js, stored submissions (seeded, and one
// sent through the real POST /api/forms/hilfe/submissions), accounts, and a Chromium on it.
// Helpers for keyboard-only use and for axe-core run inside the page.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright';
import { startReceiver } from '../../server/index.js';
import { BACKENDS, PG_MISSING, PG_URL, dropPgSchema } from '../../server/testing/harness.js';
import { addStaff } from '../../server/testing/inbox-harness.js';
import { HILFE, seedInbox, seedTeams } from '../../server/testing/seed-inbox.js';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';
import { REPO } from './support.js';

export { TEST_PASSWORD } from '../../server/testing/inbox-harness.js';

/** Answers no page may ever turn into markup. */
export const HOSTILE = {
  name: '<img src=x onerror="window.__pwned=1">Olena',
  anliegen: '<script>window.__pwned=2</script>"\'&amp; </pre><b>fett</b>',
};
const PDF = 'data:application/pdf;name=befund.pdf;base64,JVBERi0xLjQK';

/**
 * Starts the receiver with the inbox and Chromium; closes both after the test. `inbox`: the
 * receiver's inbox options (session timeouts, lock-out, TOTP key, OIDC), default `true`;
 * `backend`: `sqlite` (default) or `postgres` (a fresh schema, dropped after the test);
 * `receiverOptions`: more options of startReceiver() (webhooks, notify).
 *
 * @returns {Promise<{ receiver: object, storage: object, browser: import('playwright').Browser,
 *   url: string, hostileRef: string, kamenRef: string }>}
 */
export async function inboxSetUp(
  t,
  { seeded = 52, inbox = true, backend = 'sqlite', receiverOptions = {} } = {},
) {
  assert.ok(existsSync(join(REPO, 'dist', 'inbox', 'intake-inbox.js')), 'run `npm run build`');
  const executablePath = findBrowser();
  assert.ok(executablePath, 'no Chromium found (set CHROME_PATH)');
  const work = await mkdtemp(join(tmpdir(), 'intake-inbox-e2e-'));
  await writeFile(join(work, 'hilfe.json'), JSON.stringify(HILFE));
  const storageOptions =
    backend === 'postgres'
      ? { databaseUrl: PG_URL, databaseSchema: `intake_e2e_${randomBytes(6).toString('hex')}` }
      : { dataDir: join(work, 'data') };
  const receiver = await startReceiver({
    port: 0,
    host: '127.0.0.1',
    formsDir: work,
    ...storageOptions,
    rateLimit: false,
    inbox,
    log: () => undefined,
    ...receiverOptions,
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  t.after(async () => {
    await browser.close();
    await receiver.close();
    await rm(work, { recursive: true, force: true });
    if (storageOptions.databaseSchema) await dropPgSchema(storageOptions.databaseSchema);
  });
  const storage = receiver.storage;
  await seedTeams(storage);
  // Bergkamen's caseworkers see `seeded` stored ones plus the one sent below: more than a page.
  if (seeded > 0) await seedInbox(storage, { count: seeded, towns: ['Bergkamen'] });
  const send = async (data) => {
    const response = await fetch(`${receiver.url}/api/forms/hilfe/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({
        form: { id: HILFE.id, version: HILFE.version },
        locale: 'ar',
        submittedAt: new Date().toISOString(),
        data,
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()).reference;
  };
  const kamenRef = await send({ kommune: 'Kamen', name: 'Nur in Kamen', anliegen: 'Kamen' });
  const hostileRef = await send({ kommune: 'Bergkamen', ...HOSTILE, nachweis: PDF });
  await addStaff(storage, { name: 'anna', team: 'bergkamen' });
  await addStaff(storage, { name: 'root', team: 'admins', isAdmin: true });
  return { receiver, storage, browser, url: `${receiver.url}/inbox/`, hostileRef, kamenRef };
}

/**
 * Registers `fn(t, backend)` once per storage: `SQLite: <name>` and `PostgreSQL: <name>` (the
 * latter skipped, saying why, when no PostgreSQL is configured), as storageTest() does for
 * the server's tests.
 */
export function backendTest(name, fn) {
  for (const backend of BACKENDS) {
    test(`${backend.name}: ${name}`, async (t) => {
      if (!backend.available) {
        t.diagnostic(PG_MISSING);
        t.skip(PG_MISSING);
        return;
      }
      await fn(t, backend.kind);
    });
  }
}

/**
 * A page in a fresh context (`locale` sets the browser's language), with every console error,
 * page error and CSP violation collected in `problems`.
 */
export async function openPage(browser, { locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ locale, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 401 before sign-in and the like are answers the page expects, not problems.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** The element that has the focus, through shadow roots: tag, text, and whether a ring shows. */
export function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return null;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').trim().replace(/\s+/g, ' '),
      id: element.id,
      href: element.getAttribute('href'),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element matches, and checks that each
 * element on the way shows a focus ring.
 */
export async function tabTo(page, matches, { back = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now && now.tag !== 'body') {
      assert.ok(now.ring, `no visible focus on ${now.tag}#${now.id} "${now.text.slice(0, 40)}"`);
    }
    if (now && matches(now)) return now;
  }
  throw new Error('Tab never reached the element');
}

let axeSource;
/** axe-core's WCAG 2.x A/AA violations on the whole page (shadow roots included). */
export async function axeViolations(page) {
  axeSource ??= await readFile(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      // axe looks for a skip link's target in the document, but the inbox's is inside its
      // shadow root; the tests press the skip link and check where the focus goes instead.
      rules: { 'skip-link': { enabled: false } },
    });
    return results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}

/** The level-1 heading's text, once it has the focus (after a navigation). */
export async function headingFocused(page, text) {
  await page.waitForFunction((wanted) => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.tagName === 'H1' && element.textContent.trim() === wanted;
  }, text);
}
