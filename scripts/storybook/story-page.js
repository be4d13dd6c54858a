// The checks of one story or docs page: a browser page with the Storybook preview loaded and
// axe-core injected, which shows a story the way the Storybook UI does and reports console and
// page errors, Storybook's own errors, examples that were never prepared, axe violations and (for
// an `API/<tag>` docs page) the names the page lacks.
/* global document, window, requestAnimationFrame -- used in functions that run in the page */
import { readFileSync } from 'node:fs';
import { apiNames } from './discovery.js';

/** The rule tags checked: the same as the a11y addon's (.storybook/preview.ts). */
export const WCAG_TAGS = JSON.parse(
  readFileSync(new URL('../../.storybook/wcag-tags.json', import.meta.url), 'utf8'),
);

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
export class StoryPage {
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
