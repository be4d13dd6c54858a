// Where intake-elements spends its time: one N, one run of the benchmark page, with a CPU profile
// (CDP Profiler, 100 µs sampling) of the first render and one of the keystrokes. Prints the
// functions with the most self time, located in the sources through dist/'s source map, and
// writes both profiles to bench/results/ (open them in Chromium's DevTools, Performance panel).
//
//   node bench/profile.js [--n=1000] [--keys=10] [--top=30] [--runtime] [--snapshot] [--alloc]
//
// `--alloc` also samples what the keystrokes allocate (CDP `HeapProfiler.startSampling`, objects
// already collected included) and prints KiB per keystroke by function. `TRACE=1` prints the
// trace events of the first render, `TRACE_KEYS=1` those of keystrokes 0 and 5.
// `--runtime` uses the raw definition (ajv compiled in the page) instead of the compiled module.
// Needs `npm run build` and bench/'s own dependencies (`npm install` in bench/).
import console from 'node:console';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { URL, URLSearchParams, fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.js';
import { buildContenders, compileIntakeDefinitions, startServer } from './harness-page.js';
import { decodeSegment } from './size-breakdown.js';

/* global window */

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(BENCH, 'results');

/** All segments of a source map: per generated line, [column, source, line, column]. */
function decodeMappings(map) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const text of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values = decodeSegment(segment);
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        sourceLine += values[2];
        sourceColumn += values[3];
        segments.push([column, source, sourceLine, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** Maps (line, column) of a file served under /dist/ to `source:line`, using its source map. */
export function locator(distDir) {
  const maps = new Map();
  return (url, line, column) => {
    const pathname = new URL(url).pathname;
    if (!pathname.startsWith('/dist/')) return undefined;
    const file = path.join(distDir, pathname.slice('/dist/'.length));
    if (!maps.has(file)) {
      try {
        const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
        maps.set(file, { map, lines: decodeMappings(map) });
      } catch {
        maps.set(file, undefined);
      }
    }
    const entry = maps.get(file);
    const segments = entry?.lines[line];
    if (!segments) return undefined;
    let found;
    for (const segment of segments) if (segment[0] <= column) found = segment;
    if (!found) return undefined;
    const source = entry.map.sources[found[1]].replace(/^(\.\.\/)+/, '');
    // Packages ship minified files: their column says more than their line.
    return source.includes('node_modules/')
      ? `${source}:${found[2] + 1}:${found[3] + 1}`
      : `${source}:${found[2] + 1}`;
  };
}

/**
 * Total time per function (ms): the samples in which it is on the stack, each counted once
 * however often it recurses.
 */
export function totalTimes(profile, locate) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (frame) => {
    const where =
      (frame.url && locate(frame.url, frame.lineNumber, frame.columnNumber)) ||
      (frame.url ? `${new URL(frame.url).pathname}:${frame.lineNumber + 1}` : '');
    return `${frame.functionName || '(anonymous)'} ${where}`.trim();
  };
  const time = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const key = label(byId.get(node).callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      time.set(key, (time.get(key) ?? 0) + ms);
    }
  });
  return { total, rows: [...time].sort((a, b) => b[1] - a[1]) };
}

/** Bytes allocated per function (self), from a sampling heap profile. */
function allocations(profile, locate) {
  const bytes = new Map();
  const visit = (node) => {
    const frame = node.callFrame;
    const where =
      (frame.url && locate(frame.url, frame.lineNumber, frame.columnNumber)) ||
      (frame.url ? `${new URL(frame.url).pathname}:${frame.lineNumber + 1}` : '');
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    if (node.selfSize > 0) bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  return { total, rows: [...bytes].sort((a, b) => b[1] - a[1]) };
}

/** Self time per function (ms), from a CPU profile. */
export function selfTimes(profile, locate) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const time = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const frame = node.callFrame;
    const where =
      (frame.url && locate(frame.url, frame.lineNumber, frame.columnNumber)) ||
      (frame.url ? `${new URL(frame.url).pathname}:${frame.lineNumber + 1}` : '');
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    time.set(key, (time.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const total = [...time.values()].reduce((a, b) => a + b, 0);
  return { total, rows: [...time].sort((a, b) => b[1] - a[1]) };
}

export function print(title, { total, rows }, top, unit = 'ms') {
  console.log(
    `\n${title}: ${total.toFixed(unit === 'ms' ? 1 : 2)} ${unit}${unit === 'ms' ? ' sampled' : ''}`,
  );
  for (const [key, value] of rows.slice(0, top))
    console.log(
      `  ${value.toFixed(unit === 'ms' ? 1 : 3).padStart(8)} ${unit} ${((value / total) * 100).toFixed(1).padStart(5)} %  ${key}`,
    );
}

/** Main-thread trace events of a traced span: total duration per event name (ms). */
function printTrace(buffer, top, title) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const time = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || (main && event.tid !== main.tid)) continue;
    time.set(event.name, (time.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
  }
  console.log(`\n${title}, trace events on the main thread (nested events counted in each):`);
  for (const [name, ms] of [...time].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

/** A heap snapshot's self sizes (MiB) summed per node type and constructor or string kind. */
async function heapByKind(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const sizes = new Map();
  const counts = new Map();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    // Blink's own objects (DOM, layout) are not in the JS heap the benchmark measures.
    if (type === 'native' || type === 'hidden' || type === 'synthetic') continue;
    const size = snapshot.nodes[i + sizeAt] / 2 ** 20;
    const name = snapshot.strings[snapshot.nodes[i + nameAt]];
    const key =
      type === 'object' || type === 'closure' || type === 'native'
        ? `${type} ${name.slice(0, 60)}`
        : type === 'code'
          ? `code ${name.startsWith('(') ? name.slice(0, 40) : process.env.CODE_NAMES ? name.slice(0, 50) : '(function code)'}`
          : type;
    sizes.set(key, (sizes.get(key) ?? 0) + size);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total += size;
  }
  return {
    total,
    rows: [...sizes]
      .sort((a, b) => b[1] - a[1])
      .map(([key, size]) => [`${key} (${counts.get(key)} objects)`, size]),
  };
}

async function main() {
  const options = { n: 1000, keys: 10, top: 30, runtime: false, snapshot: false, alloc: false };
  for (const arg of process.argv.slice(2)) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'runtime' || key === 'snapshot' || key === 'alloc') options[key] = true;
    else if (key in options) options[key] = Number(value);
    else throw new Error(`unknown option ${arg}`);
  }
  await buildContenders(['intake-elements']);
  const compiled = options.runtime ? { urls: {} } : await compileIntakeDefinitions([options.n]);
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const locate = locator(path.join(BENCH, 'build', 'dist'));
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const query = new URLSearchParams({ c: 'intake-elements', n: String(options.n) });
    if (compiled.urls[options.n]) query.set('compiled', compiled.urls[options.n]);
    await page.goto(`${base}/build/page.html?${query}`);
    await page.waitForFunction(() => window.__bench !== undefined);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20).toFixed(2);
    };
    const heaps = { page: await heap() };
    await page.evaluate(() => window.__bench.load());
    heaps.loaded = await heap();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    if (process.env.TRACE)
      await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink'] });
    const render = await page.evaluate(() => window.__bench.render());
    if (process.env.TRACE) printTrace(await browser.stopTracing(), options.top, 'first render');
    const renderProfile = (await cdp.send('Profiler.stop')).profile;
    heaps.rendered = await heap();
    await page.evaluate(() => window.__bench.idle(300));
    await page.evaluate(() => window.__bench.focusTarget());
    await cdp.send('Profiler.start');
    if (options.alloc) {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    const keys = [];
    for (let i = 0; i <= options.keys; i += 1) {
      await page.evaluate((index) => window.__bench.arm(index), i);
      const traced = process.env.TRACE_KEYS && (i === 0 || i === 5);
      if (traced)
        await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink'] });
      await page.keyboard.press('x');
      if (traced) {
        await page.evaluate(() => window.__bench.idle(50));
        printTrace(await browser.stopTracing(), 14, `keystroke ${i}`);
      }
      keys.push((await page.evaluate(() => window.__bench.result())).js);
      await page.evaluate(() => window.__bench.idle(30));
    }
    const keyProfile = (await cdp.send('Profiler.stop')).profile;
    const allocProfile = options.alloc
      ? (await cdp.send('HeapProfiler.stopSampling')).profile
      : undefined;
    heaps.typed = await heap();
    if (options.snapshot)
      print(
        'JS heap after the keystrokes, by kind of object',
        await heapByKind(cdp),
        options.top,
        'MiB',
      );
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(
      path.join(RESULTS, `render-${options.n}.cpuprofile`),
      JSON.stringify(renderProfile),
    );
    writeFileSync(path.join(RESULTS, `keys-${options.n}.cpuprofile`), JSON.stringify(keyProfile));
    console.log(
      `N=${options.n}: first render ${render.controls.toFixed(1)} ms (profiled); keystrokes ${keys.map((k) => k.toFixed(1)).join(' ')} ms`,
    );
    console.log(
      `JS heap after GC, MiB: empty page ${heaps.page}, form and library loaded ${heaps.loaded}, rendered ${heaps.rendered}, after the keystrokes ${heaps.typed}`,
    );
    print('first render, self time', selfTimes(renderProfile, locate), options.top);
    print('keystrokes, self time', selfTimes(keyProfile, locate), options.top);
    if (allocProfile) {
      // Per keystroke; the harness's own bookkeeping between keystrokes is in it too.
      const { total, rows } = allocations(allocProfile, locate);
      const perKey = (bytes) => bytes / (options.keys + 1) / 1024;
      print(
        'keystrokes, KiB allocated per keystroke (sampled)',
        { total: perKey(total), rows: rows.map(([key, bytes]) => [key, perKey(bytes)]) },
        options.top,
        'KiB',
      );
    }
    if (process.env.TOTAL) {
      print('first render, total time', totalTimes(renderProfile, locate), options.top);
      print('keystrokes, total time', totalTimes(keyProfile, locate), options.top);
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

// Its helpers serve bench/phone-cpu.js's --profile too.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
