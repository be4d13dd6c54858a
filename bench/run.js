// `npm run bench`: renders the same generated form with intake-elements and the comparison
// libraries in headless Chromium, interleaved, and writes bench/results/<date>.json,
// bench/results/latest.json, docs/benchmarks.md (the part between its result markers) and
// docs/benchmarks.svg.
//
//   node run.js [--n=50,200,1000] [--reps=5] [--keys=10] [--contenders=a,b] [--keep-build]
//               [--no-docs]
//   node run.js --docs-only   (docs/benchmarks.md and .svg again from bench/results/latest.json)
//
// Needs the package built (`npm run build` in the repository root: dist/intake-elements.js) and
// Chromium (scripts/find-browser.js: Debian's, or CHROME_PATH).
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { URL, URLSearchParams, fileURLToPath, pathToFileURL } from 'node:url';
import { clearTimeout, setTimeout } from 'node:timers';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.js';
import { generateForm } from './generate-form.js';
import { renderChart } from './chart.js';
import { renderReport } from './report.js';
import { byFolder, sizeBreakdown } from './size-breakdown.js';
import { evaluateTargets } from './targets.js';

// Code in page.evaluate() callbacks runs in the browser.
/* global window, fetch */

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const BUILD = path.join(BENCH, 'build');
const RESULTS = path.join(BENCH, 'results');
const DIST_ENTRY = path.join(ROOT, 'dist', 'intake-elements.js');
const DIST_COPY = path.join(BUILD, 'dist');

/** The contenders, in the order the tables list them. */
const CONTENDERS = [
  { name: 'intake-elements', label: 'intake-elements', react: false },
  {
    name: 'intake-raw',
    label: 'intake-elements, raw JSON definition (ajv at run time)',
    react: false,
  },
  {
    name: 'intake-raw-repeat',
    label: 'intake-elements, raw JSON definition, second visit (kept validators)',
    react: false,
  },
  { name: 'rjsf', label: 'react-jsonschema-form 6 (liveValidate)', react: true },
  { name: 'jsonforms', label: 'JSON Forms 3 (React, vanilla)', react: true },
  { name: 'lit-plain', label: 'plain Lit template', react: false },
  { name: 'vanilla', label: 'hand-written DOM', react: false },
];

function parseArgs(argv) {
  const options = {
    n: [50, 200, 1000],
    reps: 5,
    keys: 10,
    contenders: CONTENDERS.map((c) => c.name),
    keepBuild: false,
    docs: true,
  };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'n') options.n = value.split(',').map(Number);
    else if (key === 'reps') options.reps = Number(value);
    else if (key === 'keys') options.keys = Number(value);
    else if (key === 'contenders') options.contenders = value.split(',');
    else if (key === 'keep-build') options.keepBuild = true;
    else if (key === 'no-docs') options.docs = false;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

// ---- sizes ---------------------------------------------------------------------------------

/** Minified, gzip (zlib's default level 6) and brotli (quality 11) bytes of one file. */
export function fileSizes(file) {
  const bytes = readFileSync(file);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes).length,
    brotli: brotliCompressSync(bytes).length,
  };
}

function sumSizes(list) {
  return list.reduce(
    (sum, s) => ({ min: sum.min + s.min, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }),
    { min: 0, gzip: 0, brotli: 0 },
  );
}

// ---- build ---------------------------------------------------------------------------------

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>intake-elements benchmark</title>
    <script>
      // A minimal React DevTools hook: React's production build reports every commit to it, which
      // is how the React contenders' "end of update" is timed (bench/contenders/shared.js).
      window.__benchCommits = { count: 0, last: 0, onCommit: undefined };
      window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        isDisabled: false,
        renderers: new Map(),
        inject() { return 1; },
        onCommitFiberRoot() {
          const c = window.__benchCommits;
          c.count += 1;
          c.last = performance.now();
          if (c.onCommit) c.onCommit();
        },
        onPostCommitFiberRoot() { window.__benchCommits.last = performance.now(); },
        onCommitFiberUnmount() {},
        checkDCE() {},
      };
    </script>
  </head>
  <body>
    <main id="app"></main>
    <script type="module" src="./harness.js"></script>
  </body>
</html>
`;

/** The import of the built package stays an import of /dist/intake-elements.js, served as is. */
const distExternal = {
  name: 'dist-external',
  setup(b) {
    b.onResolve({ filter: /dist\/intake-elements\.js$/ }, () => ({
      path: '/dist/intake-elements.js',
      external: true,
    }));
  },
};

export async function buildContenders(names) {
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(BUILD, { recursive: true });
  // A snapshot of the package as built now: a rebuild during the run does not change what is
  // measured (served as /dist/, sizes read from it).
  cpSync(path.join(ROOT, 'dist'), DIST_COPY, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}types`),
  });
  writeFileSync(path.join(BUILD, 'page.html'), PAGE);
  const entryPoints = Object.fromEntries(
    ['harness', ...names].map((name) => [name, path.join(BENCH, 'contenders', `${name}.js`)]),
  );
  await build({
    entryPoints,
    outdir: BUILD,
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'error',
    plugins: [distExternal],
  });
}

/**
 * Compiles the generated definition for each N with the CLI's compiler
 * (cli/lib/compile-definition.js) into an ES module whose default export is the definition with
 * its precompiled validators, bundled for the browser. Returns a map N → URL, or the reason why
 * there is none (the element then compiles at run time).
 */
export async function compileIntakeDefinitions(ns) {
  const file = path.join(ROOT, 'cli', 'lib', 'compile-definition.js');
  if (!existsSync(file))
    return { urls: {}, reason: 'cli/lib/compile-definition.js does not exist yet' };
  try {
    const module = await import(pathToFileURL(file).href);
    const compile =
      module.compileDefinition ??
      module.compileDefinitionModule ??
      module.compile ??
      module.default;
    if (typeof compile !== 'function')
      return { urls: {}, reason: 'cli/lib/compile-definition.js exports no compile function' };
    const dir = path.join(BUILD, 'definitions');
    mkdirSync(dir, { recursive: true });
    const urls = {};
    for (const n of ns) {
      const definition = {
        id: `bench-${n}`,
        version: '1',
        lang: 'en',
        schema: generateForm(n).schema,
      };
      const output = await compile(definition, { path: `bench-${n}.json` });
      const source =
        typeof output === 'string' ? output : (output?.code ?? output?.source ?? output?.module);
      if (typeof source !== 'string')
        return { urls: {}, reason: 'compile-definition returned no module source' };
      const sourceFile = path.join(dir, `intake-${n}.source.js`);
      writeFileSync(sourceFile, source);
      await build({
        entryPoints: [sourceFile],
        outfile: path.join(dir, `intake-${n}.js`),
        bundle: true,
        format: 'esm',
        minify: true,
        target: 'es2022',
        legalComments: 'none',
        nodePaths: [path.join(ROOT, 'node_modules'), path.join(BENCH, 'node_modules')],
        logLevel: 'error',
      });
      urls[n] = `/build/definitions/intake-${n}.js`;
    }
    return { urls };
  } catch (error) {
    return { urls: {}, reason: `compiling the definition failed: ${error.message}` };
  }
}

// ---- server --------------------------------------------------------------------------------

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

/** A static server on 127.0.0.1: /build/ (bench/build), /dist/ (the package), /form/<n>.json. */
export function startServer() {
  const forms = new Map();
  const roots = { '/build/': BUILD, '/dist/': DIST_COPY };
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
    const form = /^\/form\/(\d+)\.json$/.exec(url.pathname);
    if (form) {
      const n = Number(form[1]);
      if (!forms.has(n)) forms.set(n, JSON.stringify(generateForm(n)));
      return send(200, TYPES['.json'], forms.get(n));
    }
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    if (!prefix) return send(404, 'text/plain', 'not found');
    const base = roots[prefix];
    const file = path.resolve(base, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(base + path.sep) || !existsSync(file))
      return send(404, 'text/plain', 'not found');
    return send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---- measuring -----------------------------------------------------------------------------

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
async function runOnce(browser, base, contender, n, options, compiledUrl) {
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
async function baselineHeap(browser, base, n) {
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

// ---- statistics ----------------------------------------------------------------------------

export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(samples) {
  const pick = (f) => samples.map(f);
  const keys = samples.flatMap((s) => s.keystrokes.slice(1));
  const first = pick((s) => s.keystrokes[0]);
  return {
    runs: samples.length,
    render: {
      call: median(pick((s) => s.render.call)),
      controls: median(pick((s) => s.render.controls)),
      controlsP95: percentile(
        pick((s) => s.render.controls),
        95,
      ),
      paint: median(pick((s) => s.render.paint)),
      cpu: median(pick((s) => s.render.cpu)),
      cpuPaint: median(pick((s) => s.render.cpuPaint)),
    },
    keystroke: {
      samples: keys.length,
      jsMedian: median(keys.map((k) => k.js)),
      jsP95: percentile(
        keys.map((k) => k.js),
        95,
      ),
      paintMedian: median(keys.map((k) => k.paint)),
      paintP95: percentile(
        keys.map((k) => k.paint),
        95,
      ),
      cpuMedian: median(keys.map((k) => k.cpuPaint)),
      cpuP95: percentile(
        keys.map((k) => k.cpuPaint),
        95,
      ),
    },
    firstKeystroke: {
      js: median(first.map((k) => k.js)),
      paint: median(first.map((k) => k.paint)),
      cpu: median(first.map((k) => k.cpuPaint)),
    },
    heap: median(pick((s) => s.heap)),
    checks: {
      valueInState: samples.every((s) => s.checks.valueInState),
      valueInControl: samples.every((s) => s.checks.valueInControl),
      timeouts: keys.filter((k) => k.timeout).length,
    },
  };
}

// ---- environment ---------------------------------------------------------------------------

function versions() {
  const require = createRequire(path.join(BENCH, 'package.json'));
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    } catch {
      // Packages without an exported package.json: read it from node_modules directly.
      const file = path.join(BENCH, 'node_modules', name, 'package.json');
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
    }
  };
  const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT })
      .toString()
      .trim();
    if (dirty) commit += ' + uncommitted changes in src/';
  } catch {
    // Not a git checkout: the version alone.
  }
  return {
    'intake-elements': `${root.version} (${commit})`,
    'lit (intake-elements)': root.dependencies?.lit,
    react: version('react'),
    'react-dom': version('react-dom'),
    '@rjsf/core': version('@rjsf/core'),
    '@rjsf/utils': version('@rjsf/utils'),
    '@rjsf/validator-ajv8': version('@rjsf/validator-ajv8'),
    'ajv (rjsf, JSON Forms)': version('ajv'),
    '@jsonforms/core': version('@jsonforms/core'),
    '@jsonforms/react': version('@jsonforms/react'),
    '@jsonforms/vanilla-renderers': version('@jsonforms/vanilla-renderers'),
    'lit (plain Lit contender)': version('lit'),
    esbuild: version('esbuild'),
    'playwright-core': version('playwright-core'),
  };
}

function machine(browserVersion, loadBefore) {
  const cpus = os.cpus();
  const load = (l) => l.map((v) => v.toFixed(1)).join(' / ');
  return {
    'load average 1/5/15 min (start → end)': `${load(loadBefore)} → ${load(os.loadavg())}`,
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: browserVersion,
  };
}

// ---- docs ----------------------------------------------------------------------------------

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/benchmarks.md, keeping the hand-written rest. */
async function writeDocs(results) {
  const docs = path.join(ROOT, 'docs');
  mkdirSync(docs, { recursive: true });
  const file = path.join(docs, 'benchmarks.md');
  const generated = `${START}\n\n${renderReport(results)}\n${END}`;
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : `# Benchmarks\n\nGenerated by \`npm run bench\` (bench/run.js).\n\n${START}\n${END}\n`;
  if (!text.includes(START) || !text.includes(END)) text += `\n${START}\n${END}\n`;
  text =
    text.slice(0, text.indexOf(START)) + generated + text.slice(text.indexOf(END) + END.length);
  text = await formatMarkdown(text, file);
  writeFileSync(file, text);
  writeFileSync(path.join(docs, 'benchmarks.svg'), renderChart(results));
}

/** Formats with the repository's Prettier when it is installed, so `npm run lint` stays green. */
async function formatMarkdown(text, file) {
  try {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const module = await import(pathToFileURL(require.resolve('prettier')).href);
    const prettier = module.default ?? module;
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch {
    return text;
  }
}

// ---- main ----------------------------------------------------------------------------------

async function main() {
  if (process.argv.includes('--docs-only')) {
    // Regenerates docs/benchmarks.md and .svg from bench/results/latest.json without measuring.
    await writeDocs(JSON.parse(readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')));
    return;
  }
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = os.loadavg();
  if (loadBefore[0] > os.cpus().length)
    console.log(
      `warning: load average ${loadBefore[0].toFixed(1)} on ${os.cpus().length} cores: other work will skew the timings`,
    );
  if (!existsSync(DIST_ENTRY)) {
    console.error(
      'dist/intake-elements.js is missing: run `npm run build` in the repository root.',
    );
    process.exit(1);
  }
  const executablePath = findBrowser();
  if (!executablePath) {
    console.error('No Chromium found: `apt-get install chromium` or set CHROME_PATH.');
    process.exit(1);
  }
  const contenders = CONTENDERS.filter((c) => options.contenders.includes(c.name));
  console.log(`building ${contenders.map((c) => c.name).join(', ')} …`);
  await buildContenders(contenders.map((c) => c.name));
  const compiled = await compileIntakeDefinitions(options.n);
  if (compiled.reason) console.log(`intake-elements: runtime compilation (${compiled.reason})`);

  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  const samples = {};
  const failures = [];
  const scripts = {};
  const caveats = new Set();
  const consoleErrors = {};
  const baselines = {};
  let browserVersion;
  try {
    // Warm-up (discarded): the OS file cache, the server, Chromium's own start-up work.
    for (const contender of contenders) {
      await runOnce(
        browser,
        base,
        contender,
        options.n[0],
        { keys: 2 },
        compiled.urls[options.n[0]],
      ).catch((error) => console.log(`warm-up ${contender.name}: ${error.message}`));
    }
    for (const n of options.n) {
      for (let rep = 0; rep < options.reps; rep += 1) {
        // Interleaved: every contender once per repetition, starting at a different one each time.
        for (let i = 0; i < contenders.length; i += 1) {
          const contender = contenders[(i + rep) % contenders.length];
          const t = Date.now();
          try {
            const sample = await runOnce(browser, base, contender, n, options, compiled.urls[n]);
            ((samples[contender.name] ??= {})[n] ??= []).push(sample);
            // Every file fetched for the contender at any N (the form module differs per N).
            for (const url of sample.scripts) (scripts[contender.name] ??= new Set()).add(url);
            sample.caveats.forEach((c) => caveats.add(`${contender.name}: ${c}`));
            for (const message of sample.errors)
              (consoleErrors[contender.name] ??= new Set()).add(message);
            console.log(
              `N=${n} rep ${rep + 1} ${contender.name}: render ${sample.render.controls.toFixed(1)} ms, ` +
                `keys ${sample.keystrokes.map((k) => k.js.toFixed(1)).join(' ')} ms, heap ${(sample.heap / 2 ** 20).toFixed(2)} MiB (${Date.now() - t} ms)`,
            );
          } catch (error) {
            failures.push({ contender: contender.name, n, rep, error: error.message });
            console.log(`N=${n} rep ${rep + 1} ${contender.name}: FAILED ${error.message}`);
          }
        }
      }
    }
    for (const n of options.n) baselines[n] = await baselineHeap(browser, base, n);
    browserVersion = browser.version();
  } finally {
    await browser.close();
    server.close();
  }

  const sizes = {};
  for (const contender of contenders) {
    const files = [...(scripts[contender.name] ?? [])].sort().map((url) => {
      const file = url.startsWith('/dist/')
        ? path.join(DIST_COPY, url.slice('/dist/'.length))
        : path.join(BUILD, url.slice('/build/'.length));
      const formN = /\/build\/definitions\/intake-(\d+)\.js$/.exec(url)?.[1];
      return {
        url,
        formModule: formN !== undefined,
        n: formN && Number(formN),
        ...fileSizes(file),
      };
    });
    const formModules = files.filter((f) => f.formModule);
    sizes[contender.name] = {
      files,
      library: sumSizes(files.filter((f) => !f.formModule)),
      // The compiled definition module (schema, texts, precompiled validators) per N.
      formModuleByN: formModules.length
        ? Object.fromEntries(
            formModules.map(({ n, min, gzip, brotli }) => [n, { min, gzip, brotli }]),
          )
        : undefined,
    };
  }
  const distSize = fileSizes(path.join(DIST_COPY, 'intake-elements.js'));
  // Where the bytes of dist/intake-elements.js come from (its source map), by folder.
  let distBreakdown;
  try {
    distBreakdown = sizeBreakdown(path.join(DIST_COPY, 'intake-elements.js'), byFolder).rows;
  } catch {
    distBreakdown = undefined;
  }

  const summary = {};
  for (const [name, byN] of Object.entries(samples)) {
    summary[name] = {};
    for (const [n, list] of Object.entries(byN)) summary[name][n] = summarize(list);
  }
  const largest = Math.max(...options.n);
  const date = new Date().toISOString();
  const results = {
    date,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: machine(browserVersion, loadBefore),
    versions: versions(),
    options: { n: options.n, reps: options.reps, keystrokes: options.keys + 1 },
    contenders: contenders.map(({ name, label }) => ({ name, label })),
    intakeValidator: compiled.reason ? `runtime (${compiled.reason})` : 'precompiled',
    caveats: [...caveats],
    failures,
    consoleErrors: Object.fromEntries(
      Object.entries(consoleErrors).map(([name, set]) => [name, [...set].slice(0, 5)]),
    ),
    baselineHeap: baselines,
    sizes,
    distSize,
    distBreakdown,
    summary,
    targets: evaluateTargets(summary, distSize, largest),
    samples,
  };
  mkdirSync(RESULTS, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(path.join(RESULTS, `${date.slice(0, 10)}.json`), json);
  writeFileSync(path.join(RESULTS, 'latest.json'), json);
  if (options.docs) await writeDocs(results);
  if (!options.keepBuild) rmSync(BUILD, { recursive: true, force: true });

  console.log(`\ndone in ${results.durationSeconds} s; targets at N=${largest}:`);
  for (const t of results.targets)
    console.log(
      `  ${t.pass === null ? '?' : t.pass ? 'ok' : 'MISSED'}  ${t.label}: ${t.value.toFixed(2)} (limit ${t.limit}; ${t.detail})`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
