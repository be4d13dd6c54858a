#!/usr/bin/env node
// Opens every story of the static Storybook (storybook-static/, from `npm run build-storybook`)
// in headless Chromium and fails on console errors, page errors, stories that never become ready
// and any axe-core violation of the WCAG 2.0/2.1/2.2 A and AA rules.
//
//   node scripts/test-storybook.js [--dir storybook-static] [--filter text] [--concurrency 2]
//                                  [--timeout 45]
//
// Prints one line per story, then `Stories checked: N` and `N passed, N failed`.
/* global document, window, HTMLElement, requestAnimationFrame, indexedDB -- used in functions that run in the page */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

/** The rule tags checked: the same as the a11y addon's (.storybook/preview.ts). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** A static file server for `root` on 127.0.0.1 (a free port). GET and HEAD only. */
export async function serveStatic(root) {
  const base = path.resolve(root);
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      // Chromium asks for a favicon the build does not have; that is no story's fault.
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      let file = path.resolve(base, `.${decodeURIComponent(url.pathname)}`);
      if (file !== base && !file.startsWith(base + path.sep)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => undefined))?.isDirectory())
        file = path.join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        // Hashed bundles are cached by the browser across stories; everything else is fresh.
        'cache-control': url.pathname.startsWith('/assets/') ? 'max-age=3600' : 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}` };
}

/** Stories (not docs pages) of a Storybook index.json. */
export function storiesOf(index) {
  return Object.values(index.entries ?? index.stories ?? {}).filter(
    (entry) => (entry.type ?? 'story') === 'story',
  );
}

/** Marks every `<intake-form>` that fired `intake-ready` (the event bubbles and is composed). */
function markReadyForms() {
  document.addEventListener(
    'intake-ready',
    (event) => {
      const form = event.composedPath()[0];
      if (form instanceof HTMLElement) form.dataset.intakeReady = '';
    },
    true,
  );
}

/**
 * In the page: whether the story has rendered and every form in it is ready. A form made from an
 * example (stories/examples.ts) is ready when its setup has finished (`data-example-state`);
 * another form when it fired `intake-ready`. Forms inside other elements' shadow roots count.
 */
function storyReady() {
  const root = document.querySelector('#storybook-root');
  if (!root || root.childElementCount === 0) return false;
  const forms = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName === 'intake-form') forms.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return forms.every((form) =>
    form.dataset.example !== undefined
      ? form.dataset.exampleState === 'ready' || form.dataset.exampleState === 'failed'
      : form.dataset.intakeReady !== undefined,
  );
}

function describeViolations(violations) {
  return violations.map(
    (v) =>
      `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' >>> '))
        .join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`,
  );
}

/** Opens one story and returns its problems (an empty list when it passes). */
async function checkStory(context, baseUrl, story, axeSource, readyTimeout) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await page.addInitScript(markReadyForms);
    // The a11y addon's own automatic run is switched off (`a11y.manual`): axe runs once, here.
    const url = `${baseUrl}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`;
    await page.goto(url, { waitUntil: 'load', timeout: readyTimeout });
    try {
      await page.waitForFunction(storyReady, undefined, { timeout: readyTimeout, polling: 50 });
    } catch {
      problems.push(`not ready after ${readyTimeout / 1000} s`);
    }
    const failed = await page.evaluate(() =>
      [...document.querySelectorAll('intake-form[data-example-state="failed"]')].map(
        (form) => form.dataset.example,
      ),
    );
    for (const id of failed) problems.push(`example ${id} could not be prepared`);
    // Let focus moves and live-region updates that follow the last render settle.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
    );
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      WCAG_TAGS,
    );
    problems.push(...describeViolations(results.violations));
  } catch (error) {
    problems.push(`could not be checked: ${error.message}`);
  } finally {
    // Each story starts with empty storage (drafts and the outbox live in IndexedDB).
    await page
      .evaluate(async () => {
        localStorage.clear();
        sessionStorage.clear();
        for (const db of await indexedDB.databases())
          if (db.name) indexedDB.deleteDatabase(db.name);
      })
      .catch(() => undefined);
    await page.close();
  }
  return problems;
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'storybook-static' },
      filter: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      // Seconds a story may take to render and prepare its forms (generous for a busy machine).
      timeout: { type: 'string', default: '45' },
    },
  });
  const dir = path.resolve(values.dir);
  let index;
  try {
    index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8'));
  } catch (error) {
    console.error(
      `No Storybook build in ${dir} (${error.message}): run \`npm run build-storybook\`.`,
    );
    console.log('Stories checked: 0');
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  const stories = storiesOf(index).filter((s) => !values.filter || s.id.includes(values.filter));
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROME_PATH.');
  const require = createRequire(import.meta.url);
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  const readyTimeout = (Number(values.timeout) || 45) * 1000;
  const { server, url } = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  try {
    const queue = [...stories];
    const worker = async () => {
      // One browser context per worker: pages share the HTTP cache of the bundles.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      for (let story = queue.shift(); story; story = queue.shift()) {
        const problems = await checkStory(context, url, story, axeSource, readyTimeout);
        if (problems.length === 0) {
          passed++;
          console.log(`ok    ${story.id}`);
        } else {
          failed++;
          console.log(`FAIL  ${story.id}`);
          for (const problem of problems) console.log(`        ${problem}`);
        }
      }
      await context.close();
    };
    const workers = Math.max(1, Number(values.concurrency) || 1);
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  if (stories.length === 0) {
    console.log('FAIL  no stories found in index.json');
    failed++;
  }
  console.log(`Stories checked: ${stories.length}`);
  console.log(
    `(${((Date.now() - started) / 1000).toFixed(1)} s, axe tags ${WCAG_TAGS.join(', ')})`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

/**
 * `node --test scripts/` also picks this file up (its name matches `test-*.js`): there it tests
 * its own helpers instead of needing a Storybook build.
 */
async function selfTest() {
  const { test } = await import('node:test');
  const assert = await import('node:assert/strict');
  const { mkdtemp, writeFile, mkdir, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');

  test('storiesOf keeps stories and leaves docs pages out', () => {
    const index = {
      v: 5,
      entries: {
        'a--one': { type: 'story', id: 'a--one' },
        'a--docs': { type: 'docs', id: 'a--docs' },
        'b--two': { type: 'story', id: 'b--two' },
      },
    };
    assert.deepEqual(
      storiesOf(index).map((s) => s.id),
      ['a--one', 'b--two'],
    );
  });

  test('serveStatic serves the build on 127.0.0.1 and nothing outside it', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sb-static-'));
    await mkdir(path.join(root, 'site'));
    await writeFile(path.join(root, 'site', 'index.json'), '{"entries":{}}');
    await writeFile(path.join(root, 'secret.txt'), 'no');
    const { server, url } = await serveStatic(path.join(root, 'site'));
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await fetch(`${url}/index.json`);
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-type'), /application\/json/);
      assert.equal((await fetch(`${url}/missing.js`)).status, 404);
      assert.notEqual((await fetch(`${url}/%2e%2e/secret.txt`)).status, 200);
      assert.equal((await fetch(`${url}/index.json`, { method: 'POST' })).status, 405);
    } finally {
      server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
}

if (process.env.NODE_TEST_CONTEXT) {
  await selfTest();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  });
}
