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
//
// This file runs the check; its parts are in scripts/storybook/: discovery.js (what is checked),
// story-page.js (the checks of one story or docs page), report.js (the closing lines) and
// serve-static.js (the build served on 127.0.0.1).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';
import {
  apiNames,
  deal,
  docsOf,
  exampleDefinitions,
  missingExampleStories,
  storiesOf,
} from './storybook/discovery.js';
import { printReport, seconds, SUMMARY_PREFIX } from './storybook/report.js';
import { serveStatic } from './storybook/serve-static.js';
import { describeViolations, firstLine, StoryPage, WCAG_TAGS } from './storybook/story-page.js';

// The helpers, as this file exported them before they moved (the self-test below uses them).
export {
  apiNames,
  deal,
  describeViolations,
  docsOf,
  firstLine,
  missingExampleStories,
  serveStatic,
  storiesOf,
  SUMMARY_PREFIX,
  WCAG_TAGS,
};

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
  printReport({ failures, passed, stories, storyCount, started });
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
