// The inbox's Deliveries page in Chromium against the real receiver: a case-management system
// (a real HTTP server on 127.0.0.1) answers 500 to every hand-off until the deliveries fail;
// the SMTP server for the team's e-mail cannot be reached. The list page says so and links to
// the Deliveries page, which shows the caseworker's failed hand-offs (by host only, not another
// town's) and e-mail (by domain only); the system comes back, and "Try again now", pressed with
// the keyboard, delivers it and the page says so. Both pages are axe-clean, in English and
// German; on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { smtpDown, until } from '../../server/testing/delivery-harness.js';
import {
  TEST_PASSWORD,
  axeViolations,
  backendTest,
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

/** The page's text, shadow roots included. */
const text = (page) =>
  page.evaluate(() => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(document.body);
    return parts.join(' ');
  });

/** Sends a submission of the HILFE form through the real receiver; its reference. */
async function send(receiver, data) {
  const response = await fetch(`${receiver.url}/api/forms/hilfe/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      form: { id: 'hilfe', version: '1' },
      locale: 'de',
      submittedAt: new Date().toISOString(),
      data,
    }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).reference;
}

backendTest(
  'a failed hand-off shows in the inbox, and "Try again now" delivers it',
  async (t, backend) => {
    const system = await caseSystem();
    t.after(system.close);
    const { receiver, storage, browser, url, hostileRef, kamenRef } = await inboxSetUp(t, {
      seeded: 0,
      backend,
      receiverOptions: {
        webhooks: {
          hooks: { hilfe: { url: system.url, secret: SECRET } },
          attempts: 2,
          retryMs: 20,
        },
        notify: {
          smtpUrl: (await smtpDown()).url,
          from: 'posteingang@kreis.example',
          attempts: 1,
        },
      },
    });
    // Bergkamen's team gets the new-request e-mail from now on; one more request arrives.
    await storage.db
      .updateTable('teams')
      .set({ email: 'team.bergkamen@kreis.example' })
      .where('id', '=', 'bergkamen')
      .execute();
    const mailedRef = await send(receiver, {
      kommune: 'Bergkamen',
      name: 'Per E-Mail',
      anliegen: 'x',
    });
    const rowsOf = (table) =>
      storage.db.selectFrom(table).select(['reference', 'state', 'last_error']).execute();
    const failedRows = () => rowsOf('webhook_deliveries');
    await until(
      async () => (await failedRows()).filter((row) => row.state === 'failed').length === 3,
      'the three deliveries (two in Bergkamen, one in Kamen) to fail',
    );
    // The faults fired: every try was answered 500; the SMTP server could not be reached.
    assert.equal(system.received.length, 6);
    assert.ok(system.received.every((r) => r.status === 500));
    const notices = await until(async () => {
      const rows = await rowsOf('notice_deliveries');
      return rows[0]?.state === 'failed' && rows;
    }, 'the e-mail to fail');
    assert.deepEqual(
      notices.map((n) => [n.reference, n.last_error]),
      [[mailedRef, 'ESOCKET']],
    );

    const { page, problems } = await openPage(browser);
    await page.goto(url);
    await page.getByLabel('Name').fill('anna');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await headingFocused(page, 'Submissions');

    // The list says that a hand-off failed, and links to the page.
    await page.getByText('3 deliveries have failed').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'list with the hint');
    await tabTo(page, (f) => f.text === 'Show the failed deliveries');
    await page.keyboard.press('Enter');
    await headingFocused(page, 'Deliveries');
    assert.equal(new URL(page.url()).pathname, '/inbox/deliveries');
    assert.equal(await page.title(), 'Deliveries – Staff inbox');
    const link = page.locator('intake-inbox nav a[aria-current="page"]');
    assert.equal((await link.textContent()).trim(), 'Deliveries');

    // Anna's failed hand-offs, by host only, not Kamen's; her team's e-mail, by domain only.
    const table = page.locator('#table-webhook');
    await table.getByRole('link', { name: hostileRef }).waitFor();
    assert.equal(
      await table.locator('tbody tr').count(),
      2,
      'only the deliveries of submissions Anna may see',
    );
    const row = table.locator('tbody tr', { has: page.getByRole('link', { name: hostileRef }) });
    const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
    assert.equal(cells[0], hostileRef);
    assert.equal(cells[1], 'Hilfe im Alltag');
    assert.equal(cells[2], system.host);
    assert.equal(cells[3], 'Failed');
    assert.equal(cells[4], '2');
    assert.equal(cells[5], 'answered 500');
    assert.equal(cells[6], '–', 'no next try: it gave up');
    const shown = await text(page);
    assert.ok(!shown.includes(kamenRef), 'another town’s delivery is not listed');
    assert.ok(!shown.includes('token-in-the-path'), 'the URL’s path is not shown');
    const email = (
      await page.locator('#table-email tbody tr th, #table-email tbody tr td').allTextContents()
    ).map((c) => c.trim());
    assert.deepEqual(email.slice(0, 6), [
      mailedRef,
      'Hilfe im Alltag',
      'kreis.example',
      'Failed',
      '1',
      'ESOCKET',
    ]);
    assert.ok(!shown.includes('team.bergkamen'), 'the team address is not shown');
    assert.deepEqual(await axeViolations(page), [], 'deliveries page');

    // The system is back; the keyboard reaches "Try again now" and sends it.
    system.down = false;
    const button = await tabTo(
      page,
      (f) => f.tag === 'button' && f.text === `Try again now (${hostileRef})`,
    );
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
    assert.equal(system.received.length, 7);
    assert.equal(system.received[6].status, 204);
    const rows = await failedRows();
    assert.equal(rows.find((r) => r.reference === hostileRef).state, 'delivered');
    assert.equal(rows.find((r) => r.reference === kamenRef).state, 'failed');
    assert.equal(rows.find((r) => r.reference === mailedRef).state, 'failed');
    const after = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
    assert.equal(after[3], 'Delivered');
    assert.equal(await row.getByRole('button').count(), 0, 'nothing left to retry');
    assert.deepEqual(await axeViolations(page), [], 'deliveries page after the retry');

    // The delivered ones, by the filter, with the keyboard; and the page in German.
    await tabTo(page, (f) => f.id === 'd-state', { back: true });
    await page.keyboard.press('End');
    await tabTo(page, (f) => f.text === 'Show');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: /: Delivered, newest first/ }).waitFor();
    assert.deepEqual(await page.locator('#table-webhook tbody th').allTextContents(), [hostileRef]);
    await page.locator('#ui-locale').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Zustellungen' }).waitFor();
    await page.getByRole('heading', { name: 'E-Mails an Teams' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'deliveries page in German');
    await page.locator('#ui-locale').selectOption('en');

    // Back on the list, the hint counts what is still failed.
    await tabTo(page, (f) => f.text === 'Submissions', { back: true });
    await page.keyboard.press('Enter');
    await headingFocused(page, 'Submissions');
    await page.getByText('2 deliveries have failed').waitFor();
    assert.deepEqual(problems, []);
  },
);
