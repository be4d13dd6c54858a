// End to end, in Chromium against the real receiver: a submission queued offline that the
// receiver later refuses for good (422: its definition changed meanwhile) is not lost. After a
// reload it is kept in the outbox, the person is told and corrects it in the form (the receiver's
// error on its field), and the corrected submission is stored once and leaves the outbox.
// Needs `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openForm, outboxCount, setUp } from './support.js';

/** The definition the page loaded: postal codes of four or five digits. */
const older = {
  id: 'e2e-refused',
  version: '1',
  lang: 'en',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['name', 'postalCode'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1 },
      postalCode: { type: 'string', title: 'Postal code', pattern: '^[0-9]{4,5}$' },
    },
  },
};
/** The receiver's, changed while the submission waited: five digits only. */
const newer = structuredClone(older);
newer.version = '2';
newer.schema.properties.postalCode.pattern = '^[0-9]{5}$';

test('a queued submission the receiver refuses is kept, told, corrected and then stored once', async (t) => {
  const { browser, pageUrl, rows } = await setUp(t, {
    serverDefinition: newer,
    pageDefinition: older,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openForm(page, pageUrl);
  const form = page.locator('#form');

  // Offline: the submission waits on this device.
  await form.getByLabel('Name').fill('Rami Wartend');
  await form.getByLabel('Postal code').fill('1234');
  await context.setOffline(true);
  await form.getByRole('button', { name: 'Send' }).click();
  await form.locator('.queued-title').waitFor();
  assert.equal(await outboxCount(page), 1);

  // Back online but the receiver out of reach while the page is reloaded (the outbox holds it).
  await page.route('**/api/forms/**', (route) => route.abort('connectionrefused'));
  await context.setOffline(false);
  await openForm(page, pageUrl);
  assert.equal(await outboxCount(page), 1, 'still waiting after the reload');
  await page.unroute('**/api/forms/**');

  // The receiver answers 422 now: kept, and the person is told.
  const kept = page.evaluate(
    () =>
      new Promise((resolve) =>
        document
          .querySelector('#form')
          .addEventListener('intake-error', (e) => resolve(e.detail), { once: true }),
      ),
  );
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  assert.deepEqual(await kept, {
    type: 'server',
    message: 'A request saved on this device could not be delivered.',
    status: 422,
    kept: true,
  });
  const problem = form.locator('.outbox-problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /correct some answers/);
  assert.equal(await outboxCount(page), 1, 'kept in the outbox');
  assert.equal((await rows()).length, 0);

  // "Correct it in the form": the answers come back, the receiver's error on its field.
  await problem.getByRole('button', { name: 'Correct it in the form' }).click();
  const postal = form.getByLabel('Postal code');
  assert.equal(await postal.inputValue(), '1234');
  assert.equal(await form.getByLabel('Name').inputValue(), 'Rami Wartend');
  await page.waitForFunction(
    () =>
      document
        .querySelector('#form')
        .shadowRoot.querySelector('[name="/postalCode"]')
        ?.getAttribute('aria-invalid') === 'true',
  );
  assert.equal(await outboxCount(page), 1, 'kept until the corrected one is accepted');

  await postal.fill('12345');
  await form.getByRole('button', { name: 'Send' }).click();
  await form.locator('.confirmation-title').waitFor();
  const stored = await rows();
  assert.equal(stored.length, 1);
  assert.equal(JSON.parse(stored[0].envelope).data.postalCode, '12345');
  assert.equal(await outboxCount(page), 0, 'the corrected entry left the outbox');
  assert.deepEqual(pageErrors, []);
});
