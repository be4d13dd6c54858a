// The inbox's Deliveries page in Chromium against the real receiver: a case-management system
// (a real HTTP server on 127.0.0.1) answers 500 to every hand-off until the deliveries fail;
// the list page says so and links to the Deliveries page, which shows the caseworker's failed
// delivery (by host only, not another town's); the system comes back, and "Try again now",
// pressed with the keyboard, delivers it and the page says so. Both pages are axe-clean.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import {
  TEST_PASSWORD,
  axeViolations,
  focused,
  headingFocused,
  inboxSetUp,
  openPage,
  tabTo,
} from './inbox-support.js';

const SECRET = 'a-webhook-secret-of-forty-characters-xyz';

/** A case-management system that answers 500 while `down`, else 204, and keeps what came. */
async function caseSystem() {
  const system = { down: true, received: [] };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const status = system.down ? 500 : 204;
      system.received.push({ status, delivery: request.headers['x-intake-delivery'] });
      response.writeHead(status).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  system.host = `127.0.0.1:${server.address().port}`;
  system.url = `http://${system.host}/intake/token-in-the-path`;
  system.close = () =>
    new Promise((resolve) => server.close(resolve) && server.closeAllConnections());
  return system;
}

async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

test('a failed hand-off shows in the inbox, and "Try again now" delivers it', async (t) => {
  const system = await caseSystem();
  t.after(system.close);
  const { storage, browser, url, hostileRef, kamenRef } = await inboxSetUp(t, {
    seeded: 0,
    receiverOptions: {
      webhooks: {
        hooks: { hilfe: { url: system.url, secret: SECRET } },
        attempts: 2,
        retryMs: 20,
      },
    },
  });
  const failedRows = () =>
    storage.db.selectFrom('webhook_deliveries').select(['reference', 'state']).execute();
  await until(
    async () => (await failedRows()).filter((row) => row.state === 'failed').length === 2,
    'both deliveries (Bergkamen and Kamen) to fail',
  );
  // The fault fired: every try was answered 500.
  assert.equal(system.received.length, 4);
  assert.ok(system.received.every((r) => r.status === 500));

  const { page, problems } = await openPage(browser);
  await page.goto(url);
  await page.getByLabel('Name').fill('anna');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await headingFocused(page, 'Submissions');

  // The list says that a hand-off failed, and links to the page.
  await page.getByText('1 delivery has failed').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'list with the hint');
  await tabTo(page, (f) => f.text === 'Show the failed deliveries');
  await page.keyboard.press('Enter');
  await headingFocused(page, 'Deliveries');
  assert.equal(new URL(page.url()).pathname, '/inbox/deliveries');
  assert.equal(await page.title(), 'Deliveries – Staff inbox');
  const link = page.locator('intake-inbox nav a[aria-current="page"]');
  assert.equal((await link.textContent()).trim(), 'Deliveries');

  // Anna's failed delivery, by host only; not Kamen's; no e-mail notice failed.
  const table = page.locator('#table-webhook');
  await table.getByRole('link', { name: hostileRef }).waitFor();
  const row = table.locator('tbody tr');
  assert.equal(await row.count(), 1, 'only the delivery of a submission Anna may see');
  const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
  assert.equal(cells[0], hostileRef);
  assert.equal(cells[1], 'Hilfe im Alltag');
  assert.equal(cells[2], system.host);
  assert.equal(cells[3], 'Failed');
  assert.equal(cells[4], '2');
  assert.equal(cells[5], 'answered 500');
  assert.equal(cells[6], '–', 'no next try: it gave up');
  const shown = await page.locator('intake-inbox').evaluate((el) => el.shadowRoot.textContent);
  assert.ok(!shown.includes(kamenRef), 'another town’s delivery is not listed');
  assert.ok(!shown.includes('token-in-the-path'), 'the URL’s path is not shown');
  const emails = page.locator('section[aria-labelledby="heading-email"]');
  assert.equal((await emails.locator('p').textContent()).trim(), 'None.');
  assert.deepEqual(await axeViolations(page), [], 'deliveries page');

  // The system is back; the keyboard reaches "Try again now" and sends it.
  system.down = false;
  const button = await tabTo(page, (f) => f.tag === 'button' && f.text.startsWith('Try again now'));
  assert.equal(button.text, `Try again now (${hostileRef})`, 'the button names its delivery');
  await page.keyboard.press('Enter');
  const said = `${hostileRef} was delivered to ${system.host}.`;
  await page.locator('#outcome').getByText(said).waitFor();
  const outcome = await focused(page);
  assert.equal(outcome.id, 'outcome', 'the focus goes to the outcome');
  await page.waitForFunction(
    (text) =>
      document
        .querySelector('intake-inbox')
        .shadowRoot.querySelector('[role="status"]')
        .textContent.trim() === text,
    said,
  );
  assert.equal(system.received.length, 5);
  assert.equal(system.received[4].status, 204);
  const rows = await failedRows();
  assert.equal(rows.find((r) => r.reference === hostileRef).state, 'delivered');
  assert.equal(rows.find((r) => r.reference === kamenRef).state, 'failed');
  const after = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
  assert.equal(after[3], 'Delivered');
  assert.equal(await row.getByRole('button').count(), 0, 'nothing left to retry');
  assert.deepEqual(await axeViolations(page), [], 'deliveries page after the retry');

  // Back on the list, the hint is gone.
  await tabTo(page, (f) => f.text === 'Submissions', { back: true });
  await page.keyboard.press('Enter');
  await headingFocused(page, 'Submissions');
  await page.getByRole('link', { name: hostileRef }).waitFor();
  assert.equal(await page.getByText('delivery has failed').count(), 0);
  assert.deepEqual(problems, []);
});
