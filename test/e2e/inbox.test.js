// The staff inbox in Chromium against the real receiver (`inbox: true`, SQLite): a caseworker
// signs in and works through list → detail → status → note → attachment and export downloads →
// print view → sign-out with the keyboard only; every page is axe-clean; hostile answers stay
// text; the interface follows the browser's language and switches between German and English;
// an ended session takes the person back to the sign-in page with nothing of the inbox left.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  HOSTILE,
  TEST_PASSWORD,
  axeViolations,
  focused,
  headingFocused,
  inboxSetUp,
  openPage,
  tabTo,
} from './inbox-support.js';

/** The page's text, shadow roots included, each text node's words apart. */
const text = (page) =>
  page.evaluate(() => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });

test('a caseworker works through the inbox with the keyboard only', async (t) => {
  const { storage, browser, url, hostileRef, kamenRef } = await inboxSetUp(t);
  const { page, problems } = await openPage(browser);
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Sign in to the staff inbox' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(await axeViolations(page), [], 'sign-in page');

  // The skip link comes first and takes the focus to the page's heading.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.equal(skip.text, 'Skip to main content');
  assert.ok(skip.ring, 'the skip link shows its focus');
  await page.keyboard.press('Enter');
  await headingFocused(page, 'Sign in to the staff inbox');

  // A wrong password: the error summary takes the focus and links to the field.
  await tabTo(page, (f) => f.id === 'name');
  await page.keyboard.type('anna');
  await page.keyboard.press('Tab');
  await page.keyboard.type('not the password');
  await page.keyboard.press('Enter');
  await page.getByText('The name or the password is not right.').first().waitFor();
  const summary = await focused(page);
  assert.equal(summary.tag, 'div');
  assert.match(summary.text, /There is a problem/);
  assert.deepEqual(await axeViolations(page), [], 'sign-in page with an error');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'password');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press('Enter');

  // The list: newest first, more than one page, only Bergkamen's.
  await headingFocused(page, 'Submissions');
  await page.getByText('Submissions 1 to 50 of 53').waitFor();
  assert.equal(new URL(page.url()).pathname, '/inbox/');
  let shown = await text(page);
  assert.ok(shown.includes(hostileRef));
  assert.ok(!shown.includes(kamenRef), 'another town’s submission is not listed');
  assert.deepEqual(await axeViolations(page), [], 'list');

  await tabTo(page, (f) => f.text === 'Next page');
  await page.keyboard.press('Enter');
  await page.getByText('Submissions 51 to 53 of 53').waitFor();
  await tabTo(page, (f) => f.text === 'Previous page');
  await page.keyboard.press('Enter');
  await page.getByText('Submissions 1 to 50 of 53').waitFor();

  // Search by the reference: one row.
  await tabTo(page, (f) => f.id === 'f-q', { back: true });
  await page.keyboard.type(hostileRef);
  await page.keyboard.press('Enter');
  await page.getByText('Submissions 1 to 1 of 1').waitFor();

  // To the detail page.
  await tabTo(page, (f) => f.text === hostileRef);
  await page.keyboard.press('Enter');
  await headingFocused(page, `Submission ${hostileRef}`);
  assert.equal(new URL(page.url()).pathname, `/inbox/submissions/${hostileRef}`);
  await page.getByRole('heading', { name: 'Staff summary (German)' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'detail');
  shown = await text(page);
  // Hostile answers are shown as the text they are, and nothing ran.
  assert.ok(shown.includes(HOSTILE.name), 'the name is shown as text');
  assert.ok(shown.includes('<script>window.__pwned=2</script>'), 'the script is shown as text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('intake-inbox img, intake-inbox script').count(), 0);
  // The German summary and, beside it, the answers in Arabic; the language used; validation.
  assert.equal(await page.locator('pre[lang="de"]').count(), 1);
  assert.equal(await page.locator('pre[lang="ar"]').count(), 1);
  assert.match(shown, /Language used\s+Arabic/);
  assert.match(shown, /Valid: the answers met/);

  // Status, by keyboard.
  await tabTo(page, (f) => f.id === 'status');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Save status');
  await page.keyboard.press('Enter');
  await page.getByText('Status saved: In progress.').waitFor();
  const row = () =>
    storage.db
      .selectFrom('submissions')
      .select('status')
      .where('reference', '=', hostileRef)
      .executeTakeFirst();
  assert.equal((await row()).status, 'in_progress');

  // An empty note is refused with an error summary; a note is added and shown as text.
  await tabTo(page, (f) => f.text === 'Add note');
  await page.keyboard.press('Enter');
  await page.getByText('Write the note first.').first().waitFor();
  assert.match((await focused(page)).text, /There is a problem/);
  await tabTo(page, (f) => f.id === 'note');
  await page.keyboard.type('Rückruf <b>vereinbart</b>');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Rückruf <b>vereinbart</b>').waitFor();
  const notes = await storage.db
    .selectFrom('submission_notes')
    .select('body')
    .where('reference', '=', hostileRef)
    .execute();
  assert.deepEqual(
    notes.map((n) => n.body),
    ['Rückruf <b>vereinbart</b>'],
  );

  // The attachment downloads.
  await tabTo(page, (f) => f.text === 'Download befund.pdf', { back: true });
  const [attachment] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  assert.equal(attachment.suggestedFilename(), 'befund.pdf');
  assert.equal(
    (await readFile(await attachment.path())).subarray(0, 8).toString('latin1'),
    '%PDF-1.4',
  );

  // The print view: no header or controls on paper.
  await tabTo(page, (f) => f.text === 'Print view', { back: true });
  await page.keyboard.press('Enter');
  await headingFocused(page, `Submission ${hostileRef}`);
  assert.equal(new URL(page.url()).pathname, `/inbox/print/${hostileRef}`);
  await page.getByRole('heading', { name: 'Staff summary (German)' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'print view');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('intake-inbox header').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
  assert.ok((await text(page)).includes(HOSTILE.name));
  await page.emulateMedia({ media: 'screen' });

  // Back to the list (the filters are kept), and the export of the filtered selection.
  await tabTo(page, (f) => f.text === 'Submissions', { back: true });
  await page.keyboard.press('Enter');
  await headingFocused(page, 'Submissions');
  await page.getByText('Submissions 1 to 1 of 1').waitFor();
  await tabTo(page, (f) => f.text === 'Export as CSV');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const exported = await readFile(await csv.path(), 'utf8');
  assert.ok(exported.includes(hostileRef));
  assert.ok(!exported.includes(kamenRef));

  // Sign out: the sign-in page says so, and nothing of the inbox is left on the page.
  await tabTo(page, (f) => f.text === 'Sign out', { back: true });
  await page.keyboard.press('Enter');
  await headingFocused(page, 'Sign in to the staff inbox');
  await page.getByText('You have signed out.').first().waitFor();
  assert.ok(!(await text(page)).includes(hostileRef));
  const after = await page.evaluate(async () => (await fetch('/inbox/api/session')).status);
  assert.equal(after, 401);
  assert.deepEqual(problems, []);
});

test('an ended session goes back to the sign-in page and keeps nothing', async (t) => {
  const { storage, browser, url, hostileRef } = await inboxSetUp(t, { seeded: 0 });
  const { page, problems } = await openPage(browser);
  await page.goto(url);
  await page.getByLabel('Name').fill('anna');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: hostileRef }).waitFor();
  // The session ends on the server (idle or absolute timeout, or an administrator).
  await storage.db.deleteFrom('staff_sessions').execute();
  await page.getByRole('link', { name: hostileRef }).click();
  await headingFocused(page, 'Sign in to the staff inbox');
  await page.getByText('Your session has ended. Sign in again to go on.').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/inbox/');
  assert.ok(!(await text(page)).includes(hostileRef));
  assert.deepEqual(await axeViolations(page), []);
  // Signing in again starts afresh: the list, not the page that was open.
  await page.getByLabel('Name').fill('anna');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await headingFocused(page, 'Submissions');
  assert.deepEqual(problems, []);
});

test('the interface follows the browser’s language and switches', async (t) => {
  const { browser, url } = await inboxSetUp(t, { seeded: 0 });
  const { page, problems } = await openPage(browser, { locale: 'de-DE' });
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Anmeldung zum Posteingang' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.match(await page.title(), /Posteingang/);
  await page.getByLabel('Name').fill('anna');
  await page.getByLabel('Passwort').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await headingFocused(page, 'Eingänge');
  assert.deepEqual(await axeViolations(page), [], 'list in German');
  // On a phone-sized window the table scrolls sideways inside its own region.
  await page.setViewportSize({ width: 320, height: 700 });
  assert.deepEqual(await axeViolations(page), [], 'list at 320 px');
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    true,
    'the page itself does not scroll sideways',
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  // The switch, by keyboard.
  await tabTo(page, (f) => f.id === 'ui-locale', { back: true });
  await page.keyboard.press('ArrowDown');
  await page.getByRole('heading', { level: 1, name: 'Submissions' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The choice is kept for the next visit.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Submissions' }).waitFor();
  assert.deepEqual(problems, []);
});

test('the audit log is for administrators', async (t) => {
  const { browser, url, hostileRef, kamenRef } = await inboxSetUp(t, { seeded: 0 });
  // A caseworker has no link to it, and the page says it is not theirs.
  const anna = await openPage(browser);
  await anna.page.goto(url);
  await anna.page.getByLabel('Name').fill('anna');
  await anna.page.getByLabel('Password').fill(TEST_PASSWORD);
  await anna.page.getByRole('button', { name: 'Sign in' }).click();
  await anna.page.getByRole('link', { name: hostileRef }).click();
  await headingFocused(anna.page, `Submission ${hostileRef}`);
  assert.equal(await anna.page.getByRole('link', { name: 'Audit log' }).count(), 0);
  await anna.page.goto(`${url}audit`);
  await anna.page.getByText('Only administrators can see the audit log.').waitFor();

  const root = await openPage(browser);
  await root.page.goto(url);
  await root.page.getByLabel('Name').fill('root');
  await root.page.getByLabel('Password').fill(TEST_PASSWORD);
  await root.page.getByRole('button', { name: 'Sign in' }).click();
  await headingFocused(root.page, 'Submissions');
  // An administrator deletes a submission, after saying so twice, with the keyboard.
  await tabTo(root.page, (f) => f.text === hostileRef);
  await root.page.keyboard.press('Enter');
  await headingFocused(root.page, `Submission ${hostileRef}`);
  await tabTo(root.page, (f) => f.text === 'Delete this submission');
  await root.page.keyboard.press('Enter');
  await root.page.waitForFunction(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.id === 'delete-ask';
  });
  assert.deepEqual(await axeViolations(root.page), [], 'delete confirmation');
  await tabTo(root.page, (f) => f.text === 'Delete for good');
  await root.page.keyboard.press('Enter');
  await headingFocused(root.page, 'Submissions');
  await root.page.getByText(`${hostileRef} was deleted.`, { exact: true }).waitFor();
  await root.page.getByRole('link', { name: kamenRef }).waitFor();
  assert.equal(await root.page.getByRole('link', { name: hostileRef }).count(), 0);
  await tabTo(root.page, (f) => f.text === 'Audit log', { back: true });
  await root.page.keyboard.press('Enter');
  await headingFocused(root.page, 'Audit log');
  assert.equal(new URL(root.page.url()).pathname, '/inbox/audit');
  await root.page.getByRole('cell', { name: 'anna' }).first().waitFor();
  const shown = await text(root.page);
  assert.match(shown, new RegExp(`anna\\s+Viewed\\s+${hostileRef}`));
  assert.match(shown, new RegExp(`root\\s+Deleted\\s+${hostileRef}`));
  assert.deepEqual(await axeViolations(root.page), [], 'audit');
  assert.deepEqual([...anna.problems, ...root.problems], []);
});
