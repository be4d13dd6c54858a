// Signing in to the staff inbox through its pages, in Chromium against the real receiver: a
// local account with a TOTP second factor (the code made with otpauth from the secret the test
// set up, as an authenticator app would); wrong passwords until the lock-out, whose message the
// page shows and which a correct password does not lift; an idle session that ran out, which
// takes the person back to the sign-in page and whose last status change is refused; and
// OpenID Connect through the page's own button and a real oidc-provider, landing in the inbox
// with the team the group claim maps to. Every state of the sign-in page is axe-checked. Each
// test runs on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { Secret, TOTP } from 'otpauth';
import { updateAccount } from '../../server/inbox/accounts.js';
import { newTotp, sealSecret } from '../../server/inbox/totp.js';
import { listenIdp } from '../../server/testing/oidc-idp.js';
import {
  TEST_PASSWORD,
  axeViolations,
  backendTest,
  headingFocused,
  inboxSetUp,
  openPage,
} from './inbox-support.js';

const TOTP_KEY = 'a1'.repeat(32);

/** Fills the sign-in form and presses its button. */
async function signInWith(page, name, password) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

backendTest(
  'a local account with a second factor signs in through the page',
  async (t, backend) => {
    const { storage, browser, url, hostileRef } = await inboxSetUp(t, {
      backend,
      seeded: 0,
      inbox: { totpKey: TOTP_KEY },
    });
    // What `node server/staff.js enable-totp anna` stores; the test keeps the secret as the
    // person's authenticator app would.
    const { secret } = newTotp({ name: 'anna', issuer: 'Kreis Unna' });
    await updateAccount(storage.db, 'anna', {
      totp_secret: sealSecret(secret, Buffer.from(TOTP_KEY, 'hex'), 'anna'),
    });
    const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });

    const { page, problems } = await openPage(browser);
    await page.goto(url);
    await signInWith(page, 'anna', TEST_PASSWORD);
    // The page asks for the code, with a hint, and puts the focus in its field.
    const code = page.getByLabel('Code', { exact: false });
    await code.waitFor();
    await page.getByText('Your account has a second factor').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page asking for the code');
    assert.equal(
      await page.evaluate(async () => (await fetch('/inbox/api/session')).status),
      401,
      'the password alone signs nobody in',
    );

    // A wrong code is refused and said so.
    const wrong = String((Number(app.generate()) + 500_000) % 1_000_000).padStart(6, '0');
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('inbox-sign-in .error-summary').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page with a wrong code');

    // The current code, as the app shows it. The password field was kept by the page.
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await code.fill(app.generate());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await headingFocused(page, 'Submissions');
    await page.getByRole('link', { name: hostileRef }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/inbox/api/session')).json());
    assert.equal(me.name, 'anna');
    assert.deepEqual(problems, []);
  },
);

backendTest(
  'wrong passwords lock the name, and the page says so in the person’s language',
  async (t, backend) => {
    const { storage, browser, url } = await inboxSetUp(t, {
      backend,
      seeded: 0,
      inbox: { lockout: { attempts: 3, lockMs: 10 * 60 * 1000 } },
    });
    const { page, problems } = await openPage(browser);
    await page.goto(url);
    for (let i = 1; i <= 2; i++) {
      await signInWith(page, 'anna', `wrong ${i}`);
      await page.getByText('The name or the password is not right.').first().waitFor();
    }
    await signInWith(page, 'anna', 'wrong 3');
    await page
      .getByText('Too many attempts. Sign-in is locked: try again in 10 minutes.')
      .first()
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page with the lock-out');
    // The right password now is refused too, with the same message, and no session starts.
    await signInWith(page, 'anna', TEST_PASSWORD);
    await page
      .getByText(/Sign-in is locked: try again in (10|9) minutes\./)
      .first()
      .waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/inbox/api/session')).status), 401);
    const row = await storage.db
      .selectFrom('staff_users')
      .select(['locked_until'])
      .where('name', '=', 'anna')
      .executeTakeFirst();
    assert.ok(row.locked_until, 'the lock is stored with the account');

    // A German browser gets the German message.
    const german = await openPage(browser, { locale: 'de-DE' });
    await german.page.goto(url);
    await german.page.getByLabel('Name').fill('anna');
    await german.page.getByLabel('Passwort').fill(TEST_PASSWORD);
    await german.page.getByRole('button', { name: 'Anmelden' }).click();
    const shown = await german.page.locator('inbox-sign-in .error-summary').textContent();
    assert.match(shown, /gesperrt/);
    assert.match(shown, /Minuten/);
    assert.deepEqual(await axeViolations(german.page), [], 'German lock-out');
    assert.deepEqual([...problems, ...german.problems], []);
  },
);

backendTest(
  'an idle session runs out: back to sign-in, and the status change is refused',
  async (t, backend) => {
    const IDLE_MS = 3000; // long enough for sign-in and the click under load, short for a test
    const { storage, browser, url, hostileRef } = await inboxSetUp(t, {
      backend,
      seeded: 0,
      inbox: { sessions: { idleMs: IDLE_MS } },
    });
    const { page, problems } = await openPage(browser);
    await page.goto(url);
    await signInWith(page, 'anna', TEST_PASSWORD);
    await page.getByRole('link', { name: hostileRef }).click();
    await headingFocused(page, `Submission ${hostileRef}`);
    await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
    // The person leaves the page alone for longer than the idle timeout, then saves.
    await page.waitForTimeout(IDLE_MS + 700);
    await page.getByRole('button', { name: 'Save status' }).click();
    await headingFocused(page, 'Sign in to the staff inbox');
    await page.getByText('Your session has ended. Sign in again to go on.').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page after the session ended');

    const row = await storage.db
      .selectFrom('submissions')
      .select(['status'])
      .where('reference', '=', hostileRef)
      .executeTakeFirst();
    assert.equal(row.status, 'new', 'the change after the timeout was not stored');
    const changes = await storage.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'status')
      .execute();
    assert.deepEqual(changes, [], 'and nothing was logged as changed');
    assert.deepEqual(problems, []);
  },
);

backendTest(
  'OpenID Connect through the sign-in page’s button lands in the team’s inbox',
  async (t, backend) => {
    const idp = await listenIdp({ hostName: 'localhost' });
    t.after(() => idp.close());
    const { storage, browser, url, receiver, hostileRef, kamenRef } = await inboxSetUp(t, {
      backend,
      seeded: 0,
      inbox: { oidc: idp.inboxOidc() },
    });
    idp.configure({
      redirectUri: `${receiver.url}/inbox/oidc/callback`,
      accounts: { 'berta.b': { name: 'Berta Bauer', groups: ['kreis-bergkamen'] } },
    });
    await storage.db
      .updateTable('teams')
      .set({ oidc_group: 'kreis-bergkamen' })
      .where('id', '=', 'bergkamen')
      .execute();

    const { page, problems } = await openPage(browser);
    await page.goto(url);
    const button = page.getByRole('link', { name: 'Sign in with Kreis-Login' });
    await button.waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page with the OIDC button');
    await button.click();
    await page.waitForURL((address) => address.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('berta.b');
    await page.locator('input[name="password"]').fill('what the county checks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click(); // consent
    await page.waitForURL(url);
    await page.getByRole('heading', { level: 1, name: 'Submissions' }).waitFor();
    // Her group maps to Bergkamen: Bergkamen's submission is listed, Kamen's is not.
    await page.getByRole('link', { name: hostileRef }).waitFor();
    assert.equal(await page.getByRole('link', { name: kamenRef }).count(), 0);
    const me = await page.evaluate(async () => (await fetch('/inbox/api/session')).json());
    assert.deepEqual(
      { name: me.name, via: me.via, teams: me.teams },
      { name: 'oidc:berta.b', via: 'oidc', teams: ['bergkamen'] },
    );
    assert.deepEqual(problems, []);
  },
);
