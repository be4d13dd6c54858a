// A phone opening a page that embeds the compiled first-contact form, as a web team ships it
// (the main file, the compiled module announced beside it, the theme's reserved space), served
// by the demo server with its compression and caching. Every request the page makes is
// recorded with when it started, when it arrived and what asked for it, over a connection with
// a mobile round trip, so that requests that depend on each other fall into separate waves, and
// whether it started before the form was usable (`intake-ready`: the form drawn, its fields
// answerable) or after, as what the first screen does not need (the outbox) is.
// Used by loading-waves.test.js and ../first-contact-budget.test.js. Needs `npm run build`.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';
import { STATIC_INDEX, STATIC_ROOTS, startDemoServer } from '../../scripts/serve-demo.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Latency added to every request: a mobile connection's round trip (Lighthouse uses 150 ms). */
const ROUND_TRIP_MS = 150;

/** The page: a town's page with the form in its main part and text after it. */
function pageHtml(locale) {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Erstberatung</title>
    <link rel="stylesheet" href="/demo/demo.css" />
    <link rel="stylesheet" href="/themes/default.css" />
    <script type="module" src="/dist/intake-elements.js"></script>
    <link rel="modulepreload" href="/dist/forms/ki-erstberatung.js" />
  </head>
  <body>
    <header class="site-header"><p class="site-name">Kreis Musterland</p></header>
    <main>
      <h1>Erstberatung anfragen</h1>
      <p>Das Kommunale Integrationszentrum berät Sie kostenlos und vertraulich.</p>
      <intake-form src="/dist/forms/ki-erstberatung.js" locale="${locale}"
        action="/api/forms/ki-erstberatung/submissions"></intake-form>
      <p id="after">Montag bis Freitag 9–12 Uhr, Kreishaus Raum 104.</p>
    </main>
  </body>
</html>
`;
}

/**
 * Opens the first-contact form in `locale` (or, with `path: '/'`, the demo page) on a phone-sized
 * page and waits until it is ready and the network is quiet.
 *
 * @returns {Promise<{ requests: Array<{ url: string, path: string, start: number, end: number,
 *   initiator: string, wave: number, beforeUsable: boolean }>, layoutShift: number,
 *   boxTops: number[], origin: string }>}
 */
export async function openFirstContact(t, { locale = 'ar', path } = {}) {
  assert.ok(existsSync(join(REPO, 'dist', 'forms', 'ki-erstberatung.js')), 'run `npm run build`');
  const pages = await mkdtemp(join(tmpdir(), 'intake-loading-'));
  t.after(() => rm(pages, { recursive: true, force: true }));
  await writeFile(join(pages, `first-contact-${locale}.html`), pageHtml(locale));
  const server = startDemoServer({
    port: 0,
    log: () => undefined,
    staticRoots: { ...STATIC_ROOTS, themes: join(REPO, 'themes'), 'e2e-pages': pages },
    staticIndex: STATIC_INDEX,
  });
  await once(server, 'listening');
  t.after(() => server.close());
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: ROUND_TRIP_MS,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const byId = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp, wallTime, initiator }) => {
    if (!request.url.startsWith(origin) || byId.has(requestId)) return;
    byId.set(requestId, {
      url: request.url,
      path: new URL(request.url).pathname,
      start: timestamp,
      // The wall clock (ms), to compare with the moment the page says the form became usable.
      startWall: wallTime * 1000,
      end: Infinity,
      initiator: initiator.url
        ? `${initiator.type} ${new URL(initiator.url).pathname}`
        : initiator.type,
    });
  });
  const arrived = ({ requestId, timestamp }) => {
    const request = byId.get(requestId);
    if (request) request.end = timestamp;
  };
  cdp.on('Network.loadingFinished', arrived);
  cdp.on('Network.loadingFailed', arrived);

  // Layout shifts (none after input: there is none) and where the form's box starts, from the
  // first paint on.
  await page.addInitScript(() => {
    window.__layoutShift = 0;
    window.__boxTops = [];
    window.__usableAt = undefined;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    const note = () => {
      const form = document.querySelector('intake-form');
      if (form) window.__boxTops.push(form.getBoundingClientRect().top);
    };
    document.addEventListener('DOMContentLoaded', note);
    document.addEventListener('intake-ready', () => requestAnimationFrame(note));
    // The first form on the page usable, on the wall clock (ms) as the network events have it.
    document.addEventListener('intake-ready', () => {
      window.__usableAt ??= performance.timeOrigin + performance.now();
    });
  });
  await page.goto(`${origin}${path ?? `/e2e-pages/first-contact-${locale}.html`}`);
  await page.waitForFunction(() =>
    document.querySelector('intake-form')?.shadowRoot?.querySelector('form'),
  );
  await page.waitForLoadState('networkidle');
  const { layoutShift, boxTops, usableAt } = await page.evaluate(() => ({
    layoutShift: window.__layoutShift,
    boxTops: window.__boxTops,
    usableAt: window.__usableAt,
  }));
  assert.ok(usableAt, 'the form became usable (intake-ready)');
  const requests = [...byId.values()]
    .filter((request) => request.path !== '/favicon.ico')
    .sort((a, b) => a.start - b.start);
  for (const request of requests) request.beforeUsable = request.startWall < usableAt;
  assignWaves(requests);
  return { requests, layoutShift, boxTops, origin, page };
}

/**
 * The document is wave 1; a request that started only after a request of wave k had arrived is
 * of wave k + 1 (it was found by running what had arrived). The same rule as bench/phone.js.
 */
export function assignWaves(requests) {
  for (const request of requests) {
    request.wave = 1;
    for (const earlier of requests) {
      if (earlier !== request && earlier.wave !== undefined && earlier.end <= request.start)
        request.wave = Math.max(request.wave, earlier.wave + 1);
    }
  }
}

/** A readable list of the requests, for assertion messages. */
export function describeRequests(requests) {
  const first = requests[0]?.start ?? 0;
  return requests
    .map(
      (r) =>
        `  wave ${r.wave}  ${Math.round((r.start - first) * 1000)} ms  ${r.path}  (${r.initiator})${r.beforeUsable ? '' : '  after usable'}`,
    )
    .join('\n');
}

/** The bytes of a served file as it lies on disk, by its URL path. */
export function servedBytes(urlPath) {
  const [, prefix, ...rest] = urlPath.split('/');
  const roots = { ...STATIC_ROOTS, themes: join(REPO, 'themes') };
  if (!roots[prefix]) return undefined;
  return readFileSync(join(roots[prefix], ...rest));
}
