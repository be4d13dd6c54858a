// End to end (issue 20): a file as large as the form accepts (10 MB by default, 13.3 MB as base64,
// past the old 10 MiB body limit) chosen in the real file input of Chromium arrives at the real
// receiver, byte for byte; one byte more is refused by the form itself, before anything is sent,
// so the client never offers a file the server can never take (one limit, src/core/limits.js).
import { Buffer } from 'node:buffer';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/core/limits.js';
import { openForm, setUp } from './support.js';

const definition = {
  id: 'e2e-large-file',
  version: '1',
  lang: 'en',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['name', 'proof'],
    properties: {
      name: { type: 'string', title: 'Name' },
      proof: { type: 'string', format: 'data-url', title: 'Proof' },
    },
  },
  ui: { proof: { 'ui:options': { accept: '.pdf,application/pdf' } } },
};

/** A PDF of `size` bytes (a real header, then padding): the receiver checks the magic bytes. */
function pdf(size) {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1').copy(bytes);
  Buffer.from('\n%%EOF\n', 'latin1').copy(bytes, size - 7);
  return bytes;
}

test(
  'a file of the largest size the form accepts arrives; one byte more is refused in the form',
  {
    timeout: 180_000,
  },
  async (t) => {
    const { browser, logs, pageUrl, rows } = await setUp(t, { serverDefinition: definition });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openForm(page, pageUrl);
    await page.getByLabel('Name').fill('Ada Large');

    // One byte over the limit: the form says so at the field, and nothing is sent.
    await page.getByLabel('Proof').setInputFiles({
      name: 'too-large.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(DEFAULT_MAX_FILE_SIZE + 1),
    });
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction(() =>
      document
        .querySelector('intake-form')
        .shadowRoot.querySelector('[name="/proof"]')
        ?.matches('[aria-invalid="true"]'),
    );
    assert.equal((await rows()).length, 0);
    assert.equal(logs.filter((l) => l.includes('"POST"')).length, 0, 'no request was made');

    // Exactly the limit: it arrives.
    const bytes = pdf(DEFAULT_MAX_FILE_SIZE);
    await page.getByLabel('Proof').setInputFiles({
      name: 'largest.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    const outcome = page.evaluate(
      () =>
        new Promise((resolve) => {
          const form = document.querySelector('intake-form');
          form.addEventListener('intake-submitted', (e) => resolve({ status: e.detail.status }));
          form.addEventListener('intake-error', (e) => resolve({ error: e.detail.message }));
        }),
    );
    await page.getByRole('button', { name: 'Send' }).click();
    assert.deepEqual(await outcome, { status: 201 });
    const stored = await rows();
    assert.equal(stored.length, 1);
    const data = JSON.parse(stored[0].envelope).data;
    const received = Buffer.from(data.proof.slice(data.proof.indexOf(',') + 1), 'base64');
    assert.equal(received.length, DEFAULT_MAX_FILE_SIZE);
    assert.ok(received.equals(bytes), 'the same bytes');
    // One request in all (so "no request" above was read from a log that records them).
    assert.equal(logs.filter((l) => l.includes('"POST"')).length, 1);
    assert.deepEqual(pageErrors, []);
  },
);
