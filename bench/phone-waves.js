// How many waves of requests a page needs before it is complete, for `npm run bench:phone`.
//
// Lighthouse's mobile preset simulates the slow connection: the page itself loads unthrottled
// from 127.0.0.1, where a response arrives before the script that asked for it has even asked
// for the next file. Counted on that load, requests the page makes together (the parts a
// definition needs) fall into separate waves by chance. So the page is loaded once more, in the
// same Chromium, with a 150 ms round trip added to every request (Lighthouse's mobile RTT):
// requests that wait for each other are then apart, requests made together are not. The load
// also checks that every form on the page showed (no definition error).
/* global document */
import { chromium } from 'playwright';

/** The round trip added to every request, in milliseconds. */
export const WAVE_ROUND_TRIP_MS = 150;

/**
 * The document is wave 1; a request that started only after a request of wave k had arrived is
 * of wave k + 1 (it was found by running what had arrived).
 * @param {Array<{ start: number, end: number, wave?: number }>} requests sorted by start
 */
export function assignWaves(requests) {
  for (const request of requests) {
    request.wave = 1;
    for (const earlier of requests) {
      if (earlier !== request && earlier.wave !== undefined && earlier.end <= request.start)
        request.wave = Math.max(request.wave, earlier.wave + 1);
    }
  }
  return requests.reduce((most, request) => Math.max(most, request.wave), 0);
}

/**
 * Loads `url` in the Chromium listening on `port` (the one Lighthouse drives) with a mobile
 * round trip, until the page is idle; returns its waves and its requests to `origin`.
 * @param {number} port
 * @param {string} url
 * @param {string} origin
 */
export async function countWaves(port, url, origin) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: WAVE_ROUND_TRIP_MS,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const byId = new Map();
    cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp }) => {
      if (!request.url.startsWith(origin) || request.url.endsWith('/favicon.ico')) return;
      if (!byId.has(requestId)) byId.set(requestId, { url: request.url, start: timestamp });
    });
    const arrived = ({ requestId, timestamp }) => {
      const request = byId.get(requestId);
      if (request) request.end = timestamp;
    };
    cdp.on('Network.loadingFinished', arrived);
    cdp.on('Network.loadingFailed', arrived);
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    // Measured is a page that works: a form in place, not its definition error.
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('intake-form')].every((form) =>
        form.shadowRoot?.querySelector('form'),
      ),
    );
    if (!shown) throw new Error(`${url}: a form did not show`);
    const requests = [...byId.values()]
      .map((r) => ({ ...r, end: r.end ?? Infinity }))
      .sort((a, b) => a.start - b.start);
    return { waves: assignWaves(requests), requests };
  } finally {
    await context.close();
    // Disconnects; the browser keeps running (it is Lighthouse's).
    await browser.close();
  }
}
