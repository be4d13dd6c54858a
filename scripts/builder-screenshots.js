/**
 * Screenshots of the builder for docs/authoring.md (docs/images/builder-*.png), taken from the
 * demo server's /builder/ page (its real policy included) with Playwright and the system's
 * Chromium. Needs `npm run build` first. Fails when the page logs an error.
 *
 *   node scripts/builder-screenshots.js
 */
import { join } from 'node:path';
import { chromium } from 'playwright';
import { REPO_ROOT } from '../server/config.js';
import { findBrowser, CHROMIUM_ARGS } from './find-browser.js';
import { startDemoServer } from './serve-demo.js';

const OUT = join(REPO_ROOT, 'docs', 'images');
const server = startDemoServer({ port: 0, log: () => {} });
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${base}/builder/?example=sprachkurs-anmeldung`);
  const builder = page.locator('intake-form-builder');
  await builder.locator('#item-residenceStatus').waitFor();
  await page.locator('intake-form-builder intake-form [data-pointer="/givenName"]').waitFor();

  await builder.locator('#item-permitExpiry').click();
  await builder.locator('#q-title').waitFor();
  await page.mouse.wheel(0, -100000);
  await page.screenshot({ path: join(OUT, 'builder-questions.png') });

  await builder.locator('.conditions').scrollIntoViewIfNeeded();
  await builder.locator('.conditions').screenshot({ path: join(OUT, 'builder-conditions.png') });

  await builder.locator('#tab-form').click();
  await builder.locator('#steps-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'builder-steps.png') });

  await builder.locator('#tab-translations').click();
  await page.mouse.wheel(0, -100000);
  await builder.locator('#tr-new').fill('ar');
  await builder.locator('#tr-new').press('Enter');
  await builder.locator('#tr-table textarea').first().fill('التسجيل في دورة اللغة');
  await builder.locator('#tr-table textarea').first().press('Tab');
  await page.screenshot({ path: join(OUT, 'builder-translations.png') });
  if (errors.length) throw new Error(`the page logged errors:\n${errors.join('\n')}`);
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  server.close();
}
