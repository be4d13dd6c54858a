// Staff sign-in and sessions against the real receiver on both storages: the cookie's flags,
// wrong passwords, CSRF refusals, sign-out, the idle and absolute timeouts, and the Host
// allow-list (DNS rebinding).
import assert from 'node:assert/strict';
import { rawRequest, storageTest } from '../testing/harness.js';
import { TEST_PASSWORD, addStaff, sessionClient, signIn } from '../testing/inbox-harness.js';

storageTest(
  'a local account signs in and gets an HttpOnly SameSite=Strict cookie',
  async (t, env) => {
    const receiver = await env.start({ inbox: true });
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });

    const response = await fetch(`${receiver.url}/inbox/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Anna', password: TEST_PASSWORD }),
    });
    assert.equal(response.status, 200);
    const [cookie] = response.headers.getSetCookie();
    assert.match(cookie, /^intake-session=[\w-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    // Plain HTTP on loopback (the demo): Secure would make the browser drop the cookie.
    assert.doesNotMatch(cookie, /Secure/);
    assert.match(response.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    const me = await response.json();
    assert.deepEqual(
      { name: me.name, teams: me.teams, isAdmin: me.isAdmin, via: me.via },
      { name: 'anna', teams: ['bergkamen'], isAdmin: false, via: 'local' },
    );

    const session = sessionClient(receiver, cookie.split(';')[0], me.csrfToken);
    const again = await session.get('/inbox/api/session');
    assert.equal(again.status, 200);
    assert.equal((await again.json()).name, 'anna');
    // Only a hash of the token is stored.
    const { rows } = await rowsOf(receiver.storage, 'staff_sessions');
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(cookie.split(';')[0].split('=')[1]));
  },
);

storageTest('a wrong password and an unknown name get the same refusal', async (t, env) => {
  const receiver = await env.start({ inbox: true });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  const answers = [];
  for (const [name, password] of [
    ['anna', 'not the password'],
    ['nobody', TEST_PASSWORD],
  ]) {
    const response = await fetch(`${receiver.url}/inbox/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
    assert.equal(response.status, 401);
    assert.equal(response.headers.getSetCookie().length, 0);
    answers.push((await response.json()).detail);
  }
  assert.equal(answers[0], answers[1]);
  const me = await fetch(`${receiver.url}/inbox/api/session`);
  assert.equal(me.status, 401);
});

storageTest(
  'a state change without the CSRF token is refused and changes nothing',
  async (t, env) => {
    const receiver = await env.start({ inbox: true });
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
    const session = await signIn(receiver, 'anna');

    const forged = await session.send('DELETE', '/inbox/api/session', undefined, {
      'X-CSRF-Token': 'guessed',
    });
    assert.equal(forged.status, 403);
    assert.equal((await forged.json()).type, 'urn:intake-elements:problem:csrf');
    assert.equal((await session.get('/inbox/api/session')).status, 200, 'still signed in');

    const signOut = await session.send('DELETE', '/inbox/api/session');
    assert.equal(signOut.status, 204);
    assert.equal((await session.get('/inbox/api/session')).status, 401);
    assert.equal((await rowsOf(receiver.storage, 'staff_sessions')).rows.length, 0);
  },
);

storageTest('a session ends after its idle time and after its absolute time', async (t, env) => {
  let now = Date.parse('2026-12-04T08:00:00Z');
  const receiver = await env.start({
    inbox: { sessions: { now: () => now, idleMs: 30 * 60_000, absoluteMs: 2 * 60 * 60_000 } },
  });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  const first = await signIn(receiver, 'anna');
  now += 29 * 60_000;
  assert.equal((await first.get('/inbox/api/session')).status, 200, 'active within the idle time');
  now += 31 * 60_000;
  assert.equal((await first.get('/inbox/api/session')).status, 401, 'idle too long');

  const second = await signIn(receiver, 'anna');
  for (let i = 0; i < 4; i++) {
    now += 25 * 60_000;
    assert.equal((await second.get('/inbox/api/session')).status, 200);
  }
  now += 25 * 60_000;
  assert.equal((await second.get('/inbox/api/session')).status, 401, 'past the absolute time');
});

storageTest('the inbox answers only to its own host names', async (t, env) => {
  const receiver = await env.start({ inbox: true });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  const session = await signIn(receiver, 'anna');
  for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io']) {
    const answer = await rawRequest(`${receiver.url}/inbox/api/session`, {
      headers: { Host: host, Cookie: session.cookie },
    });
    assert.equal(answer.status, 421, host);
    assert.doesNotMatch(answer.body, /anna/);
  }
});

async function rowsOf(storage, table) {
  const rows = await storage.db.selectFrom(table).selectAll().execute();
  return { rows };
}
