// The builder's "Export XLIFF" in Chromium against the demo server (/builder/ as `npm start`
// serves it) gives, byte for byte, the file `npx intake-elements translations extract` writes
// for the same definition and locale, and its table's summary and marks are what
// `translations status` prints: a translator gets the same units, states, notes and
// outdated warnings from either. One source text is changed in the builder first, so that the
// outdated mark (from the .meta.json sidecar the builder read) is part of what must agree.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import process from 'node:process';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { findBrowser, CHROMIUM_ARGS } from '../../scripts/find-browser.js';
import { startDemoServer } from '../../scripts/serve-demo.js';
import { tempDir } from '../../server/testing/harness.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url);
const NEW_TITLE = 'Erstberatung für Eltern';

test(
  "the builder's XLIFF export and translation marks are the command line's, outdated included",
  { timeout: 120_000 },
  async (t) => {
    const server = startDemoServer({ port: 0, dataDir: tempDir('intake-xliff-'), log: () => {} });
    await once(server, 'listening');
    t.after(() => server.close());
    const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
    t.after(() => browser.close());
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/builder/?example=ki-erstberatung`);
    await page.waitForFunction(
      () => document.querySelector('intake-form-builder')?.definition?.id === 'ki-erstberatung',
    );
    const builder = page.locator('intake-form-builder');
    // The form's title, edited in the builder: its translations are now outdated.
    await builder.getByRole('tab', { name: 'Formular und Schritte' }).click();
    await builder.getByLabel('Titel des Formulars').fill(NEW_TITLE);
    await builder.getByLabel('Titel des Formulars').press('Tab');
    await builder.getByRole('tab', { name: 'Übersetzungen' }).click();

    // The command line, on a copy of the definition with the same edit and the shipped files.
    const dir = tempDir('intake-xliff-cli-');
    mkdirSync(join(dir, 'translations'));
    const definition = JSON.parse(readFileSync(new URL('schemas/ki-erstberatung.json', ROOT)));
    definition.schema.title = NEW_TITLE;
    writeFileSync(join(dir, 'ki-erstberatung.json'), JSON.stringify(definition, null, 2));
    for (const locale of Object.keys(definition.translations))
      for (const suffix of ['json', 'meta.json'])
        copyFileSync(
          new URL(`schemas/translations/ki-erstberatung.${locale}.${suffix}`, ROOT),
          join(dir, 'translations', `ki-erstberatung.${locale}.${suffix}`),
        );

    for (const locale of ['en', 'ar']) {
      await builder.getByLabel('Sprache', { exact: true }).selectOption(locale);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        builder.getByRole('button', { name: 'XLIFF exportieren' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), `ki-erstberatung.${locale}.xlf`);
      const fromBuilder = readFileSync(await download.path(), 'utf8');

      const out = join(dir, 'out');
      await run(process.execPath, [
        new URL('bin/intake-elements.js', ROOT).pathname,
        'translations',
        'extract',
        join(dir, 'ki-erstberatung.json'),
        '--locales',
        locale,
        '--out',
        out,
      ]);
      const fromCli = readFileSync(join(out, `ki-erstberatung.${locale}.xlf`), 'utf8');
      assert.match(fromCli, /The source text changed after this was translated/, locale);
      assert.match(fromCli, /polite, formal register/, locale);
      assert.equal(fromBuilder, fromCli, locale);

      // The table's marks are what `translations status` says of the same files.
      const { stdout } = await run(process.execPath, [
        new URL('bin/intake-elements.js', ROOT).pathname,
        'translations',
        'status',
        join(dir, 'ki-erstberatung.json'),
        '--locales',
        locale,
        '--json',
      ]);
      const [cli] = JSON.parse(stdout).locales;
      assert.deepEqual(cli.outdated, ['/schema/title'], locale);
      const summary = (await builder.locator('#tr-summary').textContent()).trim();
      assert.equal(
        summary,
        `${cli.translated} von ${cli.total} übersetzt, ${cli.missing.length} fehlen, ${cli.outdated.length} veraltet.`,
        locale,
      );
      const marked = (kind) => builder.locator(`#tr-table td.status.${kind}`).count();
      assert.equal(await marked('outdated'), cli.outdated.length, locale);
      assert.equal(await marked('missing'), cli.missing.length, locale);
    }
  },
);
