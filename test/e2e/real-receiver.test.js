// End to end, in Chromium against the real reference receiver: a person who clicks "Send" twice
// or presses Enter twice makes one row in the database, not two; and the receiver's
// problem+json field errors (here from checks only the receiver makes: a newer definition on
// the server, and a file whose content is not what its name says) land on the right fields.
import { Buffer } from 'node:buffer';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { openForm, requestLines, setUp } from './support.js';

const contact = {
  id: 'e2e-double',
  version: '1',
  lang: 'en',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1 },
      city: { type: 'string', title: 'City' },
    },
  },
};

/** Resolves with the detail of the next `intake-submitted` (or rejects on `intake-error`). */
function nextOutcome(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const form = document.querySelector('intake-form');
        form.addEventListener('intake-submitted', (e) => resolve({ submitted: e.detail }), {
          once: true,
        });
        form.addEventListener('intake-error', (e) => resolve({ error: e.detail }), { once: true });
      }),
  );
}

test('clicking Send twice, or pressing Enter twice, stores one row', async (t) => {
  // Every answer takes half a second, so the second click comes while the first is under way.
  const { browser, logs, pageUrl, rows } = await setUp(t, {
    serverDefinition: contact,
    receiverOptions: { faults: { seed: 1, stall: 1, stallMs: 500 } },
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const sent = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') sent.push(request.headers()['idempotency-key']);
  });

  // A double click on the button.
  await openForm(page, pageUrl);
  await page.getByLabel('Name').fill('Ada Double');
  let outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).dblclick();
  assert.ok((await outcome).submitted, 'the submission was accepted');
  await sleep(1500); // a second request, had there been one, would have been answered by now
  assert.equal((await rows()).length, 1, 'one row after a double click');

  // Two clicks a moment apart, at the same spot, as an impatient person clicks.
  await openForm(page, pageUrl);
  await page.getByLabel('Name').fill('Ada Twice');
  const box = await page.getByRole('button', { name: 'Send' }).boundingBox();
  outcome = nextOutcome(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await sleep(150);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.ok((await outcome).submitted);
  await sleep(1500);
  assert.equal((await rows()).length, 2, 'one more row after two clicks');

  // Enter twice in a text field (implicit submission).
  await openForm(page, pageUrl);
  await page.getByLabel('City').fill('Enterhausen');
  await page.getByLabel('Name').fill('Ada Enter');
  outcome = nextOutcome(page);
  await page.getByLabel('Name').press('Enter');
  await page.keyboard.press('Enter');
  assert.ok((await outcome).submitted);
  await sleep(1500);
  const stored = (await rows()).map((row) => JSON.parse(row.envelope).data.name).sort();
  assert.deepEqual(stored, ['Ada Double', 'Ada Enter', 'Ada Twice'], 'one row per submission');

  // Whatever reached the receiver twice used one key, and was answered as a replay.
  const keys = new Set(sent);
  assert.equal(keys.size, 3, `three submissions, ${sent.length} requests`);
  const posts = requestLines(logs).filter((l) => l.method === 'POST');
  assert.equal(posts.filter((l) => l.status === 201 && !l.replayed).length, 3);
  assert.deepEqual(pageErrors, []);
});

// ---------------------------------------------------------------------------------------------

const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
  'latin1',
);
const HTML = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

/** The definition the page loaded: postal codes of four or five digits. */
const older = {
  id: 'e2e-errors',
  version: '1',
  lang: 'en',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['name', 'address', 'proof'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1 },
      address: {
        type: 'object',
        title: 'Address',
        required: ['postalCode'],
        properties: {
          postalCode: { type: 'string', title: 'Postal code', pattern: '^[0-9]{4,5}$' },
          city: { type: 'string', title: 'City' },
        },
      },
      proof: { type: 'string', format: 'data-url', title: 'Proof' },
    },
  },
  ui: { proof: { 'ui:options': { accept: '.pdf,application/pdf', maxSize: 100_000 } } },
};
/** The receiver's, changed since the page was opened: five digits only. */
const newer = structuredClone(older);
newer.version = '2';
newer.schema.properties.address.properties.postalCode.pattern = '^[0-9]{5}$';

/** The state of the control for `pointer`: aria-invalid and the text of its error message. */
function fieldState(page, pointer) {
  return page.evaluate((pointer) => {
    const root = document.querySelector('intake-form').shadowRoot;
    const control = root.querySelector(`[name="${CSS.escape(pointer)}"]`);
    if (!control) return undefined;
    const ids = [
      control.getAttribute('aria-errormessage'),
      ...(control.getAttribute('aria-describedby') ?? '').split(/\s+/),
    ].filter(Boolean);
    const messages = ids
      .map((id) => root.getElementById(id))
      .filter((element) => element && element.textContent.trim() !== '');
    return {
      invalid: control.getAttribute('aria-invalid') === 'true',
      errorMessage: control.getAttribute('aria-errormessage')
        ? (root.getElementById(control.getAttribute('aria-errormessage'))?.textContent ?? '').trim()
        : '',
      described: messages.map((element) => element.textContent.trim()).join(' | '),
    };
  }, pointer);
}

test('problem+json errors from the real receiver land on the right fields', async (t) => {
  const { browser, pageUrl, rows } = await setUp(t, {
    serverDefinition: newer,
    pageDefinition: older,
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const answers = [];
  page.on('response', async (response) => {
    if (response.request().method() === 'POST') {
      answers.push({ status: response.status(), type: response.headers()['content-type'] });
    }
  });
  await openForm(page, pageUrl);

  await page.getByLabel('Name').fill('Bea Fehler');
  await page.getByLabel('Postal code').fill('1234'); // fine for the page, not for the receiver
  await page.getByLabel('City').fill('Köln');
  // An HTML page named and typed as a PDF: the page checks the name, the receiver the bytes.
  await page.getByLabel('Proof').setInputFiles({
    name: 'nachweis.pdf',
    mimeType: 'application/pdf',
    buffer: HTML,
  });
  let outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  const refused = await outcome;
  assert.ok(refused.error, 'the submission was refused');
  assert.deepEqual(answers, [{ status: 422, type: 'application/problem+json' }]);
  assert.equal((await rows()).length, 0);

  // The element's own report of the refusal names both fields.
  assert.deepEqual(refused.error.errors.map((e) => e.pointer).sort(), [
    '/address/postalCode',
    '/proof',
  ]);
  for (const pointer of ['/address/postalCode', '/proof']) {
    await page.waitForFunction(
      (pointer) =>
        document
          .querySelector('intake-form')
          .shadowRoot.querySelector(`[name="${CSS.escape(pointer)}"]`)
          ?.getAttribute('aria-invalid') === 'true',
      pointer,
    );
    const state = await fieldState(page, pointer);
    assert.equal(state.invalid, true, `${pointer} is marked invalid`);
    assert.notEqual(state.errorMessage || state.described, '', `${pointer} has a message`);
    t.diagnostic(`${pointer}: ${state.errorMessage || state.described}`);
  }
  for (const pointer of ['/name', '/address/city']) {
    assert.equal((await fieldState(page, pointer)).invalid, false, `${pointer} is not marked`);
  }

  // Fixed: five digits, and a real PDF. Accepted, and stored once.
  await page.getByLabel('Postal code').fill('12345');
  const remove = page.getByRole('button', { name: /remove/i });
  if ((await remove.count()) > 0) await remove.first().click();
  await page.getByLabel('Proof').setInputFiles({
    name: 'nachweis.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  outcome = nextOutcome(page);
  await page.getByRole('button', { name: 'Send' }).click();
  const accepted = await outcome;
  assert.ok(accepted.submitted, JSON.stringify(accepted));
  assert.match(accepted.submitted.reference, /^E2-/);
  const stored = await rows();
  assert.equal(stored.length, 1);
  const data = JSON.parse(stored[0].envelope).data;
  assert.equal(data.address.postalCode, '12345');
  assert.equal(
    Buffer.from(data.proof.split(',')[1], 'base64').toString('latin1'),
    PDF.toString('latin1'),
  );
  assert.deepEqual(pageErrors, []);
});
