// `npm run bench:phone`: what a newcomer's phone downloads and runs before the form can be used.
// Lighthouse 12 in its default mobile preset (simulated slow 4G, 4× CPU slowdown, a Moto G
// Power screen) opens pages that embed each example form — compiled, raw JSON, and rendered by
// react-jsonschema-form for comparison — in German and Arabic, served by the demo server exactly
// as `npm start` serves its files. Writes bench/results/phone-<date>.json, phone-latest.json and
// the part of docs/benchmarks.md between its phone markers.
//
//   node phone.js [--runs=3] [--forms=ki-erstberatung,sprachkurs-anmeldung] [--locales=de,ar]
//                 [--modes=compiled,raw,rjsf] [--no-docs]
//
// Needs `npm run build` in the repository root and Chromium (scripts/find-browser.js).
import console from 'node:console';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
/* global fetch */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.js';
import { CSP, STATIC_INDEX, STATIC_ROOTS, startDemoServer } from '../scripts/serve-demo.js';
import { MODES, readServedFile, writePages } from './phone-pages.js';
import { countWaves } from './phone-waves.js';
import { renderPhoneReport, PHONE_TARGETS } from './phone-report.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const PAGES = path.join(BENCH, 'build', 'phone');
const RESULTS = path.join(BENCH, 'results');
const DOCS = path.join(ROOT, 'docs', 'benchmarks.md');

function parseArgs(argv) {
  const options = {
    runs: 3,
    forms: ['ki-erstberatung', 'sprachkurs-anmeldung'],
    locales: ['de', 'ar'],
    modes: MODES,
    docs: true,
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'runs') options.runs = Number(value);
    else if (key === 'forms') options.forms = value.split(',');
    else if (key === 'locales') options.locales = value.split(',');
    else if (key === 'modes') options.modes = value.split(',');
    else if (key === 'no-docs') options.docs = false;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** The same-origin files the page fetched, compressed each on its own as a server would. */
function compressedBytes(requests, origin, roots) {
  let brotli = 0;
  let gzip = 0;
  let raw = 0;
  for (const request of requests) {
    if (!request.url.startsWith(origin)) continue;
    const urlPath = new URL(request.url).pathname;
    const bytes = urlPath === '/' ? readFileSync(STATIC_INDEX) : readServedFile(roots, urlPath);
    if (!bytes) continue;
    raw += bytes.length;
    brotli += brotliCompressSync(bytes).length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, brotli, gzip };
}

/**
 * Asks once for every file the pages may load, so that the server has compressed each before
 * anything is measured (a production server would serve files compressed at build time).
 */
async function warmUp(origin, roots) {
  for (const [prefix, folder] of Object.entries(roots)) {
    for (const name of readdirSync(folder, { recursive: true })) {
      const file = path.join(folder, name);
      if (!statSync(file).isFile()) continue;
      const url = `${origin}/${prefix}/${name.split(path.sep).join('/')}`;
      await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } }).then((r) => r.arrayBuffer());
    }
  }
}

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measure(url, chrome, origin, roots) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const requests = lhr.audits['network-requests'].details?.items ?? [];
  // Waves are counted on a load of their own, with a mobile round trip (phone-waves.js).
  const { waves } = await countWaves(chrome.port, url, origin);
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    lcp: lhr.audits['largest-contentful-paint'].numericValue,
    tbt: lhr.audits['total-blocking-time'].numericValue,
    cls: lhr.audits['cumulative-layout-shift'].numericValue,
    transferred: requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    requests: requests.length,
    waves,
    ...compressedBytes(requests, origin, roots),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(ROOT, 'dist', 'intake-elements.js'))) {
    throw new Error('dist/ is missing: run `npm run build` in the repository root first.');
  }
  const chromePath = findBrowser();
  if (!chromePath)
    throw new Error('No Chromium or Chrome found: install chromium or set CHROME_PATH.');

  const pages = await writePages({
    outDir: PAGES,
    benchDir: BENCH,
    forms: options.forms,
    locales: options.locales,
  });
  const roots = { ...STATIC_ROOTS, bench: PAGES };
  // A raw JSON definition is compiled in the browser by ajv, which needs 'unsafe-eval'; the
  // compiled pages do not, and the policy does not change their timings.
  // Trusted Types stay out too: ajv hands `new Function` plain strings, which the strict
  // policy's `require-trusted-types-for 'script'` refuses (the form would show its definition
  // error, as the raw rows of the runs before 5 December 2026 did).
  const csp = (path) =>
    path.startsWith('/bench/') && path.includes('-raw-')
      ? CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'").replace(
          /; require-trusted-types-for 'script'; trusted-types lit-html$/,
          '',
        )
      : CSP;
  const server = startDemoServer({ port: 0, staticRoots: roots, csp, log: () => {} });
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  await warmUp(origin, roots);
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS],
  });

  const rows = [];
  try {
    for (const page of pages.filter((p) => options.modes.includes(p.mode))) {
      const runs = [];
      for (let run = 0; run < options.runs; run += 1) {
        runs.push(await measure(`${origin}${page.url}`, chrome, origin, roots));
      }
      const row = { ...page };
      for (const key of Object.keys(runs[0])) row[key] = median(runs.map((r) => r[key]));
      row.runs = runs.length;
      rows.push(row);
      console.log(
        `${page.form} ${page.mode} ${page.locale}: score ${row.score}, LCP ${Math.round(row.lcp)} ms, ` +
          `TBT ${Math.round(row.tbt)} ms, CLS ${row.cls.toFixed(3)}, ${row.requests} requests in ` +
          `${row.waves} waves, ${(row.brotli / 1024).toFixed(1)} KiB brotli`,
      );
    }
  } finally {
    await chrome.kill();
    server.close();
  }

  const results = {
    date: new Date().toISOString(),
    runsPerPage: options.runs,
    lighthouse: JSON.parse(
      readFileSync(path.join(BENCH, 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
    ).version,
    targets: PHONE_TARGETS,
    rows,
  };
  mkdirSync(RESULTS, { recursive: true });
  const day = results.date.slice(0, 10);
  writeFileSync(path.join(RESULTS, `phone-${day}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(RESULTS, 'phone-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (options.docs) {
    const docs = readFileSync(DOCS, 'utf8');
    const start = '<!-- phone-results:start -->';
    const end = '<!-- phone-results:end -->';
    const report = `${start}\n${renderPhoneReport(results)}\n${end}`;
    const next = docs.includes(start)
      ? docs.replace(new RegExp(`${start}[\\s\\S]*${end}`), report)
      : `${docs.trimEnd()}\n\n## On a phone (\`npm run bench:phone\`)\n\n${report}\n`;
    writeFileSync(DOCS, next);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
