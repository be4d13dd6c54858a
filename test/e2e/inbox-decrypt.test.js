// End to end, in Chromium against the real receiver with the inbox on: a caseworker of the town
// the submission is routed to opens an encrypted submission (made by jose, as any standard
// backend would) in the inbox's detail view, imports the office's key file there once, and
// reads the answers decrypted in the browser, validated against the form, under the inbox's
// strict CSP. The server's detail API holds the ciphertext only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decryptSetUp,
  importOfficeKey,
  postEncrypted,
  signInAsAyse,
} from './inbox-decrypt-support.js';

const TYPED = 'Familiennachzug Quokkaweg 7';

const FORM = {
  id: 'e2e-inbox-sicher',
  version: '1',
  lang: 'de',
  encryption: { routing: ['/kommune'] },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Sichere Anfrage',
    type: 'object',
    required: ['kommune', 'anliegen'],
    properties: {
      kommune: { type: 'string', title: 'Kommune', enum: ['Bergkamen', 'Unna'] },
      anliegen: { type: 'string', title: 'Anliegen', maxLength: 100 },
    },
  },
};

test('the inbox decrypts an encrypted submission in the caseworker’s browser', async (t) => {
  const { receiver, browser, keys } = await decryptSetUp(t, FORM);

  // One `submittedAt` for both: the tampered one differs in its ciphertext only.
  const submittedAt = new Date().toISOString();
  const post = (options) =>
    postEncrypted({ receiver, keys }, FORM, { anliegen: TYPED }, { submittedAt, ...options });
  const reference = await post();
  // Altered at rest (or on the way): the receiver cannot tell without the key; the inbox can.
  const tampered = await post({
    change: (jwe) => {
      const parts = jwe.split('.');
      parts[3] = `${parts[3][0] === 'A' ? 'B' : 'A'}${parts[3].slice(1)}`;
      return parts.join('.');
    },
  });

  const page = await browser.newPage({ locale: 'en-US' });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await signInAsAyse(page, receiver);
  await page.goto(`${receiver.url}/inbox/submissions/${reference}`);
  const area = page.locator('inbox-decrypt');
  await area.waitFor({ timeout: 10_000 }).catch(async (error) => {
    throw new Error(
      `${error.message}\n${await page.locator('body').innerText()}\n${problems.join('\n')}`,
    );
  });
  // What the server sent: ciphertext, no answers.
  assert.equal(await page.getByText(TYPED).count(), 0);

  await importOfficeKey(page, keys);
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await area.getByText(TYPED).waitFor();
  await area.getByText('The answers match the form.').waitFor();
  // In the staff summary, under the question's title from the form, not the property name.
  assert.match(
    await area.locator('section[aria-labelledby="summary-de"] pre').innerText(),
    new RegExp(`^Anliegen: ${TYPED}$`, 'm'),
  );
  await area.getByText('Decrypted in this browser').waitFor();
  assert.equal(await page.getByLabel('Passphrase of the key file').inputValue(), '');

  // After reloading, the key is still in this browser: Decrypt works without importing again.
  await page.reload();
  await area.waitFor();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await area.getByText(TYPED).waitFor();

  await page.goto(`${receiver.url}/inbox/submissions/${tampered}`);
  await area.waitFor();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await area.getByText(/altered or damaged/).waitFor();
  assert.equal(await area.getByText(TYPED).count(), 0);
  assert.deepEqual(problems, []);
});
