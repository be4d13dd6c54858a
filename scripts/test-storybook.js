#!/usr/bin/env node
// Opens every story of the static Storybook (storybook-static/, from `npm run build-storybook`)
// in headless Chromium and fails on console errors, page errors, stories that throw or never
// finish, forms that cannot be prepared and any axe-core violation of the WCAG 2.0/2.1/2.2 A and
// AA rules (.storybook/wcag-tags.json, the tags the a11y panel checks too).
//
//   node scripts/test-storybook.js [--dir storybook-static] [--filter text] [--concurrency 2]
//                                  [--timeout 45]
//
// One browser; each worker keeps one page with the Storybook preview loaded and moves from story
// to story the way the Storybook UI does (the preview's `setCurrentStory`), so the bundles and
// axe are loaded once per worker, not once per story. A story finishes when its play function
// has waited for its forms (stories/story-helpers.ts). After a failure the worker starts afresh
// on a new page, and the failed story is opened once more there, alone, to tell whether it
// fails by itself or only after the story before it.
//
// Docs pages are opened too: no errors, and an `API/<tag>` page must name every attribute,
// property, method, event, custom property and part of <tag> in custom-elements.json.
//
// Prints one line per story and docs page, then `Stories checked: N …` and
// `Storybook: N passed, N failed` (which scripts/summarize-test-log.js counts).
/* global document, window, requestAnimationFrame -- used in functions that run in the page */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

/** The rule tags checked: the same as the a11y addon's (.storybook/preview.ts). */
export const WCAG_TAGS = JSON.parse(
  readFileSync(new URL('../.storybook/wcag-tags.json', import.meta.url), 'utf8'),
);

/** The prefix of the closing line, which scripts/summarize-test-log.js looks for. */
export const SUMMARY_PREFIX = 'Storybook:';

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
        // Hashed bundles are cached by the browser across pages; everything else is fresh.
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

/** Docs pages of a Storybook index.json. */
export function docsOf(index) {
  return Object.values(index.entries ?? {}).filter((entry) => entry.type === 'docs');
}

/**
 * The names an `API/<tag>` docs page must show: every public attribute, property, method, event,
 * custom property and part of <tag> in the custom-elements manifest.
 */
export function apiNames(manifest, tagName) {
  const declaration = (manifest?.modules ?? [])
    .flatMap((module) => module.declarations ?? [])
    .find((d) => d.tagName === tagName);
  if (!declaration) return undefined;
  const names = [
    ...(declaration.attributes ?? []),
    ...(declaration.members ?? []).filter((m) => !m.static && m.privacy !== 'private'),
    ...(declaration.events ?? []),
    ...(declaration.slots ?? []),
    ...(declaration.cssProperties ?? []),
    ...(declaration.cssParts ?? []),
  ].map((item) => item.name);
  return [...new Set(names.filter(Boolean))];
}

/**
 * What the issue asks of the example definitions in schemas/: each has a story group
 * `Example forms/<Name>` (ids `example-forms-<file name>--…`) with every step (`step-1` …), the
 * review (multi-step forms and `ui:review`), the confirmation and the queued-offline and
 * draft-restored notices. Returns one line per missing story.
 * @param {{ entries?: object }} index the build's index.json
 * @param {{ file: string, definition: any }[]} definitions the form definitions in schemas/
 */
export function missingExampleStories(index, definitions) {
  const ids = new Set(storiesOf(index).map((s) => s.id));
  const missing = [];
  for (const { file, definition } of definitions) {
    const prefix = `example-forms-${path.basename(file, '.json').toLowerCase()}--`;
    const steps = definition.ui?.['ui:steps']?.length ?? 0;
    const wanted = [
      ...Array.from({ length: steps }, (_, i) => `step-${i + 1}`),
      ...(steps > 0 || definition.ui?.['ui:review'] === true ? ['review'] : []),
      'confirmation',
      'queued-offline',
      'draft-restored',
    ];
    if (![...ids].some((id) => id.startsWith(prefix))) {
      missing.push(`${file}: no stories (expected ids ${prefix}…)`);
      continue;
    }
    for (const name of wanted) {
      if (!ids.has(prefix + name)) missing.push(`${file}: no story ${prefix}${name}`);
    }
  }
  return missing;
}

/** The form definitions among schemas/*.json (files with a `schema` object). */
async function exampleDefinitions(dir) {
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const definitions = [];
  for (const file of files) {
    const definition = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    if (definition && typeof definition.schema === 'object') {
      definitions.push({ file: `${path.basename(dir)}/${file}`, definition });
    }
  }
  return definitions;
}

/**
 * Deals `items` out to `count` workers in turn (0, 1, …, 0, 1, …): every run gives each worker
 * the same stories in the same order, so a failure that depends on the story before it repeats.
 */
export function deal(items, count) {
  const hands = Array.from({ length: Math.max(1, count) }, () => []);
  items.forEach((item, i) => hands[i % hands.length].push(item));
  return hands.filter((hand) => hand.length > 0);
}

/** One line per axe violation: rule, impact, help and the first few elements. */
export function describeViolations(violations) {
  return violations.map(
    (v) =>
      `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >>> '))
        .join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`,
  );
}

/**
 * In the page: shows a story the way the Storybook UI does and resolves when Storybook reports it
 * finished (rendered, play function done), missing, or when `timeoutMs` passed. Collects the
 * errors Storybook reports on its channel meanwhile.
 */
function showStory({ storyId, viewMode, timeoutMs }) {
  const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
  return new Promise((resolve) => {
    const errors = [];
    const describe = (error) =>
      typeof error === 'string'
        ? error
        : [error?.title, error?.name, error?.message ?? error?.description]
            .filter(Boolean)
            .join(': ') || JSON.stringify(error);
    const handlers = {
      storyErrored: (error) => errors.push(`Storybook: story errored: ${describe(error)}`),
      storyThrewException: (error) => errors.push(`Storybook: story threw: ${describe(error)}`),
      playFunctionThrewException: (error) =>
        errors.push(`Storybook: play function threw: ${describe(error)}`),
      unhandledErrorsWhilePlaying: (list) =>
        errors.push(...[].concat(list).map((e) => `Storybook: unhandled error: ${describe(e)}`)),
      storyMissing: (id) => finish(`missing (no story ${id ?? storyId} in this build)`),
      storyFinished: (event) => {
        if (viewMode === 'story' && event?.storyId === storyId) {
          finish(event.status === 'error' ? 'error' : 'finished');
        }
      },
      docsRendered: (id) => {
        if (viewMode === 'docs' && id === storyId) finish('finished');
      },
    };
    let timer;
    function finish(state) {
      clearTimeout(timer);
      for (const [name, handler] of Object.entries(handlers)) channel.off(name, handler);
      resolve({ state, errors });
    }
    for (const [name, handler] of Object.entries(handlers)) channel.on(name, handler);
    timer = setTimeout(() => finish('timeout'), timeoutMs);
    channel.emit('setCurrentStory', { storyId, viewMode });
  });
}

/**
 * In the page, after the story finished: the examples that failed or are still loading
 * (`data-example-state`, set by stories/examples.ts), also inside other elements' shadow roots.
 */
function unpreparedExamples() {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'intake-form' && el.dataset.example !== undefined) {
        const state = el.dataset.exampleState;
        if (state !== 'ready') found.push(`example ${el.dataset.example} is ${state ?? 'unknown'}`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document.querySelector('#storybook-root') ?? document);
  return found;
}

/** A page with the Storybook preview loaded, axe injected, and its problems collected. */
class StoryPage {
  /** Opens a page with the preview ready; throws (after closing it) if the preview fails. */
  static async open(browser, baseUrl, axeSource, timeoutMs) {
    // A context of its own: storage (drafts and the outbox in IndexedDB) starts empty.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const storyPage = new StoryPage(context, page);
    try {
      await page.goto(`${baseUrl}/iframe.html`, { waitUntil: 'load', timeout: timeoutMs });
      await page.waitForFunction(
        () => window.__STORYBOOK_PREVIEW__ && window.__STORYBOOK_ADDONS_CHANNEL__,
        undefined,
        { timeout: timeoutMs },
      );
      await page.evaluate(async () => {
        await window.__STORYBOOK_PREVIEW__.ready();
        // The a11y addon's own automatic run is switched off: axe runs once per story, here.
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const updated = new Promise((resolve) => channel.once('globalsUpdated', resolve));
        channel.emit('updateGlobals', { globals: { a11y: { manual: true } } });
        await updated;
      });
      await page.addScriptTag({ content: axeSource });
    } catch (error) {
      const seen = storyPage.take();
      await storyPage.close();
      const reason = `the Storybook preview did not load: ${error.message.split('\n')[0]}`;
      throw new Error([reason, ...seen].join('\n        '), { cause: error });
    }
    return storyPage;
  }

  constructor(context, page) {
    this.context = context;
    this.page = page;
    /** Problems seen since the last `take()`: console errors, page errors, a crash. */
    this.problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error')
        this.problems.push(`console error: ${firstLine(message.text())}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${firstLine(error.message)}`));
    page.on('crash', () => this.problems.push('the page crashed'));
  }

  take() {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }

  /**
   * Shows one story or docs page and checks it; returns its problems (none when it passes).
   * `manifest`: the custom-elements manifest, for the names an API docs page must show.
   */
  async check(story, timeoutMs, manifest) {
    const problems = this.take();
    const { page } = this;
    const viewMode = story.type === 'docs' ? 'docs' : 'story';
    try {
      const shown = await withTimeout(
        page.evaluate(showStory, { storyId: story.id, viewMode, timeoutMs }),
        timeoutMs + 10_000,
        'the page stopped answering',
      );
      problems.push(...shown.errors.map(firstLine));
      if (shown.state === 'timeout') problems.push(`not finished after ${timeoutMs / 1000} s`);
      else if (shown.state.startsWith('missing')) problems.push(shown.state);
      if (viewMode === 'docs' && shown.state === 'finished') {
        // Storybook's docs page is Storybook's own interface: checked for errors and for its
        // content, not with axe (its stories are checked one by one).
        const tag = /^API\/(.+)$/.exec(story.title ?? '')?.[1];
        if (tag) {
          const names = apiNames(manifest, tag);
          if (!names) problems.push(`custom-elements.json has no <${tag}>`);
          else {
            const text = await page.evaluate(
              () => document.querySelector('#storybook-docs')?.textContent ?? '',
            );
            const absent = names.filter((name) => !text.includes(name));
            if (absent.length > 0) problems.push(`the API table lacks ${absent.join(', ')}`);
          }
        }
      } else if (shown.state === 'finished' || shown.state === 'error') {
        problems.push(...(await page.evaluate(unpreparedExamples)));
        // Focus moves and live-region updates that follow the last render settle in a frame.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        const violations = await withTimeout(
          page.evaluate(
            (tags) =>
              window.axe
                .run(document, { runOnly: { type: 'tag', values: tags } })
                .then((results) => results.violations),
            WCAG_TAGS,
          ),
          timeoutMs,
          'axe did not finish',
        );
        problems.push(...describeViolations(violations));
      }
    } catch (error) {
      problems.push(`could not be checked: ${error.message.split('\n')[0]}`);
    }
    return [...problems, ...this.take()];
  }

  async close() {
    await this.context.close().catch(() => undefined);
  }
}

/** The first line of a message (stack traces of minified bundles help nobody), at most 400 characters. */
export function firstLine(text) {
  const line = String(text).split('\n')[0];
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} (${ms / 1000} s)`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** After this many stories that never finished, the rest are failed without waiting. */
const MAX_TIMEOUTS = 5;
/** Failed stories opened once more on a fresh page, at most. */
const MAX_RECHECKS = 10;

/** Storybook's id part for a title or export name (lower case, words joined by hyphens). */
const kebab = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'storybook-static' },
      filter: { type: 'string' },
      // The example definitions that must each have their stories (not checked with --filter).
      schemas: { type: 'string', default: 'schemas' },
      // What the API docs pages must show (`npm run analyze` writes it).
      manifest: { type: 'string', default: 'custom-elements.json' },
      // Pages checked side by side. Two suit a two-core machine: while one page waits for a
      // definition or a frame, the other uses the CPU.
      concurrency: { type: 'string', default: '2' },
      // Seconds a story may take to render and prepare its forms (generous for a busy machine;
      // a story normally takes well under one).
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
    console.log(`${SUMMARY_PREFIX} 0 passed, 1 failed`);
    process.exitCode = 1;
    return;
  }
  const chosen = (entry) => !values.filter || entry.id.includes(values.filter);
  const storyCount = storiesOf(index).filter(chosen).length;
  const stories = [...storiesOf(index), ...docsOf(index)].filter(chosen);
  const manifest = JSON.parse(
    await readFile(path.resolve(values.manifest), 'utf8').catch(() => '{}'),
  );
  const missing = values.filter
    ? []
    : missingExampleStories(index, await exampleDefinitions(path.resolve(values.schemas)));
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROME_PATH.');
  const require = createRequire(import.meta.url);
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  const timeoutMs = (Number(values.timeout) || 45) * 1000;
  const workers = Math.max(1, Number(values.concurrency) || 1);
  const { server, url } = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const started = Date.now();
  let passed = 0;
  const failures = [];
  console.log(
    `Checking ${storyCount} stories and ${stories.length - storyCount} docs pages from ${path.relative(process.cwd(), dir) || '.'} ` +
      `on ${Math.min(workers, stories.length)} pages (axe tags ${WCAG_TAGS.join(', ')})`,
  );
  try {
    const fail = (story, problems, took = '') => {
      failures.push({ story, problems });
      console.log(`FAIL  ${story.id}  ${took}`.trimEnd());
      for (const problem of problems) console.log(`        ${problem}`);
    };
    let timeouts = 0;
    let rechecks = 0;
    const open = () => StoryPage.open(browser, url, axeSource, timeoutMs);
    const work = async (hand) => {
      let storyPage;
      let previous;
      let at = 0;
      try {
        storyPage = await open();
        for (; at < hand.length; at++) {
          const story = hand[at];
          if (timeouts >= MAX_TIMEOUTS) {
            fail(story, [`not checked: ${timeouts} stories did not finish, giving up`]);
            continue;
          }
          const begun = Date.now();
          const problems = await storyPage.check(story, timeoutMs, manifest);
          const took = seconds(Date.now() - begun);
          if (problems.length === 0) {
            passed++;
            console.log(`ok    ${story.id}  ${took}`);
          } else {
            // Start afresh; if another story came before, open this one once more, alone (not
            // after a time-out, and not endlessly when many fail).
            await storyPage.close();
            storyPage = await open();
            const timedOut = problems.some((p) => p.startsWith('not finished'));
            if (timedOut) timeouts++;
            if (previous && !timedOut && rechecks++ < MAX_RECHECKS) {
              if ((await storyPage.check(story, timeoutMs, manifest)).length === 0) {
                problems.push(
                  `passes when opened alone: the story shown before it (${previous.id}) left something behind`,
                );
              } else {
                await storyPage.close();
                storyPage = await open();
              }
            }
            fail(story, problems, took);
          }
          previous = story;
        }
      } catch (error) {
        // The preview itself does not load: this story and every one left fail with the reason.
        for (const story of hand.slice(at)) fail(story, [error.message]);
      } finally {
        await storyPage?.close();
      }
    };
    await Promise.all(deal(stories, workers).map(work));
  } finally {
    await browser.close();
    server.close();
  }
  for (const line of missing) {
    console.log(`FAIL  missing story: ${line}`);
    failures.push({
      story: { id: '(missing story)', title: 'Missing', name: line },
      problems: [line],
    });
  }
  if (storyCount === 0) {
    console.log(
      values.filter ? `FAIL  no story id contains "${values.filter}"` : 'FAIL  no stories found',
    );
    failures.push({ story: { id: '(none)' }, problems: [] });
  }
  if (failures.length > 0 && stories.length > 0) {
    console.log(`\n${failures.length} of ${stories.length} checks failed:`);
    for (const { story, problems } of failures) {
      console.log(`  ${story.title} › ${story.name}  (${story.id})`);
      console.log(
        `        ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1})` : ''}`,
      );
    }
    console.log(
      '\nAgain, for one story: node scripts/test-storybook.js --filter <story id>' +
        '\nTo look at it: npm run storybook, then http://localhost:6006/?path=/story/<story id>' +
        ' (the Accessibility panel shows the same axe rules)',
    );
  }
  console.log(
    `Stories checked: ${storyCount}, docs pages: ${stories.length - storyCount}, ` +
      `in ${seconds(Date.now() - started)}`,
  );
  console.log(`${SUMMARY_PREFIX} ${passed} passed, ${failures.length} failed`);
  if (failures.length > 0) process.exitCode = 1;
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

  test('the tags checked are WCAG 2.0, 2.1 and 2.2, A and AA', () => {
    for (const tag of ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']) {
      assert.ok(WCAG_TAGS.includes(tag), tag);
    }
  });

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

  test('missingExampleStories wants every step, the review and the notices of each definition', () => {
    const index = {
      entries: Object.fromEntries(
        ['step-1', 'step-2', 'review', 'confirmation', 'queued-offline']
          .map((name) => `example-forms-two-steps--${name}`)
          .concat('example-forms-one-page--empty', 'example-forms-one-page--confirmation')
          .map((id) => [id, { type: 'story', id }]),
      ),
    };
    const twoSteps = { schema: {}, ui: { 'ui:steps': [{}, {}, {}] } };
    const onePage = { schema: {}, ui: { 'ui:review': true } };
    assert.deepEqual(
      missingExampleStories(index, [
        { file: 'schemas/two-steps.json', definition: twoSteps },
        { file: 'schemas/one-page.json', definition: onePage },
        { file: 'schemas/new-form.json', definition: { schema: {} } },
      ]),
      [
        'schemas/two-steps.json: no story example-forms-two-steps--step-3',
        'schemas/two-steps.json: no story example-forms-two-steps--draft-restored',
        'schemas/one-page.json: no story example-forms-one-page--review',
        'schemas/one-page.json: no story example-forms-one-page--queued-offline',
        'schemas/one-page.json: no story example-forms-one-page--draft-restored',
        'schemas/new-form.json: no stories (expected ids example-forms-new-form--…)',
      ],
    );
  });

  test('the example definitions in schemas/ have all their stories in the source', async () => {
    // The same rule on the story files themselves, so that it holds before any build: each
    // wanted story id must come from an export of the group's story file.
    const { readdir } = await import('node:fs/promises');
    const storyDir = new URL('../stories/', import.meta.url);
    const entries = {};
    for (const file of await readdir(storyDir)) {
      if (!file.endsWith('.stories.ts')) continue;
      const source = await readFile(new URL(file, storyDir), 'utf8');
      const title = /title:\s*'([^']+)'/.exec(source)?.[1];
      if (!title) continue;
      for (const [, name] of source.matchAll(/^export const (\w+)/gm)) {
        const id = `${kebab(title)}--${kebab(name.replace(/([a-z0-9])(?=[A-Z])|([a-zA-Z])(?=[0-9])/g, '$1$2 '))}`;
        entries[id] = { type: 'story', id };
      }
    }
    const definitions = await exampleDefinitions(
      path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'schemas'),
    );
    assert.ok(definitions.length >= 2, 'the example definitions are found');
    assert.deepEqual(missingExampleStories({ entries }, definitions), []);
  });

  test('docsOf keeps docs pages; apiNames lists what an API page must show', () => {
    const index = {
      entries: { 'a--docs': { type: 'docs', id: 'a--docs' }, 'a--one': { type: 'story' } },
    };
    assert.deepEqual(
      docsOf(index).map((d) => d.id),
      ['a--docs'],
    );
    const manifest = {
      modules: [
        {
          declarations: [
            {
              tagName: 'x-form',
              attributes: [{ name: 'draft' }],
              members: [
                { kind: 'field', name: 'draft' },
                { kind: 'method', name: 'submit' },
                { kind: 'field', name: 'secret', privacy: 'private' },
              ],
              events: [{ name: 'x-ready' }],
              cssProperties: [{ name: '--x-colour' }],
              cssParts: [{ name: 'draft' }, { name: 'title' }],
            },
          ],
        },
      ],
    };
    assert.deepEqual(apiNames(manifest, 'x-form'), [
      'draft',
      'submit',
      'x-ready',
      '--x-colour',
      'title',
    ]);
    assert.equal(apiNames(manifest, 'y-form'), undefined);
  });

  test('deal gives every story to one worker, in turn and in order', () => {
    assert.deepEqual(deal([1, 2, 3, 4, 5], 2), [
      [1, 3, 5],
      [2, 4],
    ]);
    assert.deepEqual(deal([1], 3), [[1]]);
    assert.deepEqual(deal([1, 2], 0), [[1, 2]]);
  });

  test('describeViolations names the rule and the elements, also in shadow roots', () => {
    const nodes = Array.from({ length: 7 }, (_, i) => ({ target: [`#n${i}`] }));
    nodes[0] = { target: [['intake-form', '#name']] };
    const [line] = describeViolations([
      { id: 'label', impact: 'critical', help: 'Form elements must have labels', nodes },
    ]);
    assert.equal(
      line,
      'axe label (critical): Form elements must have labels — intake-form >>> #name, #n1, #n2, #n3, #n4 and 2 more',
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
    console.log(`${SUMMARY_PREFIX} 0 passed, 1 failed`);
    process.exitCode = 1;
  });
}
