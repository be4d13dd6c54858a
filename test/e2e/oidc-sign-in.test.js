// End to end, in Chromium: a caseworker signs in to the inbox through the county's identity
// provider (a real oidc-provider on http://localhost, another site than the receiver on
// http://127.0.0.1): start → the provider's sign-in form → consent → the receiver's callback →
// the inbox's session shows the teams her groups map to. Then a person in no mapped group sees
// the page that says why she cannot get in.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright';
import { startReceiver } from '../../server/index.js';
import { listenIdp } from '../../server/testing/oidc-idp.js';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.js';
import { REPO } from './support.js';

test('sign-in to the inbox through the identity provider, in Chromium', async (t) => {
  const executablePath = findBrowser();
  assert.ok(executablePath, 'no Chromium found (set CHROME_PATH)');
  const work = await mkdtemp(join(tmpdir(), 'intake-e2e-oidc-'));
  const idp = await listenIdp({ hostName: 'localhost' });
  const receiver = await startReceiver({
    port: 0,
    host: '127.0.0.1',
    formsDir: join(REPO, 'schemas'),
    dataDir: join(work, 'data'),
    rateLimit: false,
    log: () => {},
    inbox: { oidc: idp.inboxOidc() },
  });
  idp.configure({
    redirectUri: `${receiver.url}/inbox/oidc/callback`,
    accounts: {
      'anna.berg': { name: 'Anna Berg', groups: ['kreis-bergkamen', 'kreis-unna'] },
      otto: { name: 'Otto Ohnegruppe', groups: ['kantine'] },
    },
  });
  const createdAt = new Date().toISOString();
  await receiver.storage.db
    .insertInto('teams')
    .values([
      { id: 'bergkamen', name: 'Bergkamen', oidc_group: 'kreis-bergkamen', created_at: createdAt },
      { id: 'unna', name: 'Unna', oidc_group: 'kreis-unna', created_at: createdAt },
    ])
    .execute();
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  t.after(async () => {
    await browser.close();
    await receiver.close();
    await idp.close();
    await rm(work, { recursive: true, force: true });
  });

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${receiver.url}/inbox/oidc/start`);
  assert.equal(new URL(page.url()).origin, idp.issuer, 'at the identity provider');
  await page.locator('input[name="login"]').fill('anna.berg');
  await page.locator('input[name="password"]').fill('what the county checks');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click(); // consent
  await page.waitForURL(`${receiver.url}/inbox/`);

  // Who is signed in, as the inbox page asks it (the inbox pages are not part of this test: the
  // session API is opened directly; a navigation from the browser's own address bar sends the
  // Strict cookie).
  const answer = await page.goto(`${receiver.url}/inbox/api/session`);
  const me = { status: answer.status(), body: await answer.json() };
  assert.equal(me.status, 200, JSON.stringify(me.body));
  assert.deepEqual(
    {
      name: me.body.name,
      displayName: me.body.displayName,
      via: me.body.via,
      teams: me.body.teams,
    },
    { name: 'oidc:anna.berg', displayName: 'Anna Berg', via: 'oidc', teams: ['bergkamen', 'unna'] },
  );
  const cookies = await context.cookies(receiver.url);
  const session = cookies.find((c) => c.name === 'intake-session');
  assert.ok(session, JSON.stringify(cookies));
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.ok(!cookies.some((c) => c.name === 'intake-oidc'), 'the flow cookie is gone');

  // Someone whose groups map to no team: the provider signs her in, the inbox says no.
  const other = await (await browser.newContext()).newPage();
  await other.goto(`${receiver.url}/inbox/oidc/start`);
  await other.locator('input[name="login"]').fill('otto');
  await other.locator('input[name="password"]').fill('whatever');
  await other.getByRole('button', { name: 'Sign-in' }).click();
  await other.getByRole('button', { name: 'Continue' }).click();
  await other.waitForURL(/\/inbox\/oidc\/callback/);
  await other.getByRole('heading', { name: 'Sign-in not possible' }).waitFor();
  assert.match(await other.textContent('body'), /none of your groups has access to the inbox/);
  assert.equal((await other.goto(`${receiver.url}/inbox/api/session`)).status(), 401);
});
