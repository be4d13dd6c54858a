#!/usr/bin/env node
/* global document */
/**
 * Screenshots of the demo at phone width for the README: docs/images/demo-<locale>.png. Starts
 * the demo server (scripts/serve-demo.js, in memory) and picks each language with the page's
 * language picker, as a person would. Needs `npm run build` first and a local Chromium.
 *
 *   node scripts/demo-screenshots.js [locale ...]   # default: de ar
 */
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';
import { startDemoServer } from './serve-demo.js';

const locales = process.argv.length > 2 ? process.argv.slice(2) : ['de', 'ar'];
const outDir = fileURLToPath(new URL('../docs/images/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const server = startDemoServer({ port: 0, log: () => undefined });
await once(server, 'listening');
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
try {
  for (const locale of locales) {
    // A phone: 390 × 844 CSS pixels at twice the density.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#erstberatung form').waitFor();
    // The picker lists the form's languages once the form is ready; lazy chunks (the draft
    // offer among them) arrive after it.
    await page.waitForFunction(
      () =>
        document.querySelector('intake-language-picker')?.shadowRoot?.querySelector('select')
          ?.value === 'de',
    );
    await page.waitForLoadState('networkidle');
    if (locale !== 'de') {
      await page.locator('intake-language-picker select').selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    }
    await page.evaluate(() => document.fonts.ready);
    const file = `${outDir}demo-${locale}.png`;
    await page.screenshot({ path: file });
    console.log(`wrote docs/images/demo-${locale}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
