// Measuring one run: one contender at one N in a fresh browser context (render, keystrokes,
// main-thread CPU from a trace, heap after GC), and the heap of the bare page for reference.
import { URL, URLSearchParams } from 'node:url';
import { clearTimeout, setTimeout } from 'node:timers';
import { generateForm } from './generate-form.js';

// Code in page.evaluate() callbacks runs in the browser.
/* global window, fetch */

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The main thread's CPU time between two of the harness's marks, in ms: the difference of their
 * thread timestamps (`tts`) in a trace. Where a mark was set more than once, the last one counts.
 */
function mainThreadCpu(buffer) {
  const marks = new Map();
  for (const event of JSON.parse(buffer.toString()).traceEvents ?? []) {
    if (event.cat === 'blink.user_timing' && event.name.startsWith('bench:') && event.tts)
      if (!marks.has(event.name) || marks.get(event.name).ts < event.ts)
        marks.set(event.name, event);
  }
  return {
    between(from, to) {
      const a = marks.get(from);
      const b = marks.get(to);
      return a && b ? (b.tts - a.tts) / 1000 : NaN;
    },
  };
}

/** Heap in use after two forced garbage collections (CDP), in bytes. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * One contender, one N, in a fresh browser context (its own renderer process, cold caches):
 * load, first render, `keys + 1` keystrokes into the target field, heap after GC.
 */
export async function runOnce(browser, base, contender, n, options, compiledUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const scripts = new Set();
  const errors = [];
  let tracing = false;
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.endsWith('.js') && pathname !== '/build/harness.js') scripts.add(pathname);
  });
  page.on('pageerror', (error) => errors.push(String(error.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  try {
    const query = new URLSearchParams({ c: contender.name, n: String(n) });
    if (compiledUrl) query.set('compiled', compiledUrl);
    await page.goto(`${base}/build/page.html?${query}`);
    await page.waitForFunction(() => window.__bench !== undefined);
    await page.evaluate(() => window.__bench.load());
    // Only the harness's performance.mark()s are traced: their thread timestamps give the main
    // thread's CPU time between them, which other processes on the machine do not inflate.
    await browser.startTracing(page, { categories: ['blink.user_timing'] });
    tracing = true;
    const render = await withTimeout(
      page.evaluate(() => window.__bench.render()),
      60000,
      `${contender.name} N=${n} render`,
    );
    await page.evaluate(() => window.__bench.idle(300));
    await page.evaluate(() => window.__bench.focusTarget());
    const keystrokes = [];
    for (let i = 0; i <= options.keys; i += 1) {
      await page.evaluate((index) => window.__bench.arm(index), i);
      await page.keyboard.press('x');
      keystrokes.push(await page.evaluate(() => window.__bench.result()));
      await page.evaluate(() => window.__bench.idle(30));
    }
    tracing = false;
    const cpu = mainThreadCpu(await browser.stopTracing());
    render.cpu = cpu.between('bench:render:start', 'bench:render:controls');
    render.cpuPaint = cpu.between('bench:render:start', 'bench:render:paint');
    keystrokes.forEach((k, i) => {
      k.cpuPaint = cpu.between(`bench:key:${i}:down`, `bench:key:${i}:paint`);
    });
    await page.evaluate(() => window.__bench.idle(100));
    const form = generateForm(n);
    const expected = form.target.value + 'x'.repeat(options.keys + 1);
    const [value, text, caveats] = await page.evaluate(() => [
      window.__bench.value(),
      window.__bench.targetText(),
      window.__bench.caveats(),
    ]);
    const heap = await heapAfterGc(cdp);
    return {
      render,
      keystrokes,
      heap,
      scripts: [...scripts],
      caveats,
      errors,
      checks: { valueInState: value === expected, valueInControl: text === expected },
    };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await context.close();
  }
}

/** The heap of the page with the harness and the form's JSON only, for reference. */
export async function baselineHeap(browser, base, n) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(`${base}/build/page.html?c=none&n=${n}`);
    await page.waitForFunction(() => window.__bench !== undefined);
    await page.evaluate((size) => fetch(`/form/${size}.json`).then((r) => r.json()), n);
    return await heapAfterGc(cdp);
  } finally {
    await context.close();
  }
}
