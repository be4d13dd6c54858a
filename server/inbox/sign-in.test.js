// Local sign-in against the real receiver on both storages: lock-out per name (known or not),
// the rate limit per network, the TOTP second factor with replay refused, switched-off
// accounts, the Secure __Host- cookie behind a proxy, the config route, and the audit log.
import assert from 'node:assert/strict';
import { rawRequest, storageTest } from '../testing/harness.js';
import { TEST_PASSWORD, addStaff, signIn } from '../testing/inbox-harness.js';
import { hashPassword } from '../passwords.js';
import { updateAccount } from './accounts.js';
import { currentCode, newTotp, sealSecret } from './totp.js';

const KEY = 'a'.repeat(64);

function attempt(receiver, body, headers = {}) {
  return fetch(`${receiver.url}/inbox/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function auditOf(receiver) {
  return receiver.storage.db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'detail'])
    .orderBy('id')
    .execute();
}

storageTest(
  'a name is locked after repeated failures, known or not, with a clear answer',
  async (t, env) => {
    // The sign-in's clock is the test's (scrypt against a full-cost hash takes seconds here).
    let now = Date.parse('2026-12-04T08:00:00Z');
    const receiver = await env.start({
      inbox: { lockout: { attempts: 3, lockMs: 90_000 }, now: () => now },
    });
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });

    for (const name of ['anna', 'nobody']) {
      for (let i = 1; i <= 2; i++) {
        const wrong = await attempt(receiver, { name, password: 'not the password' });
        assert.equal(wrong.status, 401, `${name} attempt ${i}`);
        assert.equal((await wrong.json()).type, 'urn:intake-elements:problem:sign-in-failed');
      }
      const third = await attempt(receiver, { name, password: 'not the password' });
      assert.equal(third.status, 429, name);
      const body = await third.json();
      assert.equal(body.type, 'urn:intake-elements:problem:locked');
      assert.equal(body.retryAfter, 90);
      assert.equal(third.headers.get('retry-after'), String(body.retryAfter));
      assert.match(
        body.detail,
        /Too many failed sign-ins for this name\. Try again in 90 seconds\./,
      );
    }
    // Locked: the right password is refused too, and the answer for an unknown name is the same.
    const right = await attempt(receiver, { name: 'anna', password: TEST_PASSWORD });
    assert.equal(right.status, 429);
    const unknown = await attempt(receiver, { name: 'nobody', password: TEST_PASSWORD });
    assert.equal(unknown.status, 429);
    assert.equal((await right.json()).detail, (await unknown.json()).detail);
    // Other names are not affected.
    await addStaff(receiver.storage, { name: 'ben', team: 'unna' });
    await signIn(receiver, 'ben');

    now += 60_000;
    const later = await attempt(receiver, { name: 'anna', password: TEST_PASSWORD });
    assert.equal(later.headers.get('retry-after'), '30');
    now += 30_001;
    const session = await signIn(receiver, 'anna');
    const row = await receiver.storage.db
      .selectFrom('staff_users')
      .select(['failed_sign_ins', 'locked_until'])
      .where('name', '=', 'anna')
      .executeTakeFirst();
    assert.equal(Number(row.failed_sign_ins), 0, 'a sign-in clears the count');
    assert.equal((await session.send('DELETE', '/inbox/api/session')).status, 204);

    const entries = (await auditOf(receiver)).filter((e) => e.actor === 'anna');
    assert.deepEqual(
      entries.map((e) => [e.action, JSON.parse(e.detail).reason ?? JSON.parse(e.detail).via]),
      [
        ['sign-in-failed', 'password'],
        ['sign-in-failed', 'password'],
        ['sign-in-failed', 'password'],
        ['sign-in-failed', 'locked'],
        ['sign-in-failed', 'locked'],
        ['sign-in', 'local'],
        ['sign-out', 'local'],
      ],
    );
    assert.ok(!JSON.stringify(entries).includes(TEST_PASSWORD), 'no password in the audit log');
  },
);

storageTest(
  'sign-in attempts are limited per network, an IPv6 /64 counted as one',
  async (t, env) => {
    const receiver = await env.start({
      trustProxy: true,
      inbox: { signInLimit: { perMinute: 2, burst: 2 } },
    });
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
    const from = (address) => ({ 'X-Forwarded-For': address });
    assert.equal(
      (await attempt(receiver, { name: 'x', password: 'y' }, from('2001:db8:1:2::1'))).status,
      401,
    );
    assert.equal(
      (await attempt(receiver, { name: 'z', password: 'y' }, from('2001:db8:1:2::99'))).status,
      401,
    );
    // A third attempt from the same /64 (another address, another name, the right password).
    const third = await attempt(
      receiver,
      { name: 'anna', password: TEST_PASSWORD },
      from('2001:db8:1:2:aaaa::7'),
    );
    assert.equal(third.status, 429);
    const body = await third.json();
    assert.equal(body.type, 'urn:intake-elements:problem:locked');
    assert.match(body.detail, /from this network/);
    assert.ok(Number(third.headers.get('retry-after')) >= 1);
    // Another network signs in.
    const other = await attempt(
      receiver,
      { name: 'anna', password: TEST_PASSWORD },
      from('2001:db8:9::1'),
    );
    assert.equal(other.status, 200);
  },
);

storageTest('a TOTP account needs the current code, and a code works once', async (t, env) => {
  const receiver = await env.start({ inbox: { totpKey: KEY, lockout: { attempts: 4 } } });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  const { secret } = newTotp({ name: 'anna', issuer: 'Test' });
  await updateAccount(receiver.storage.db, 'anna', {
    totp_secret: sealSecret(secret, Buffer.from(KEY, 'hex'), 'anna'),
  });
  const config = await (await fetch(`${receiver.url}/inbox/api/config`)).json();
  assert.deepEqual(config, { local: true, oidc: null, totp: true });

  const missing = await attempt(receiver, { name: 'anna', password: TEST_PASSWORD });
  assert.equal(missing.status, 401);
  assert.equal((await missing.json()).type, 'urn:intake-elements:problem:totp-required');
  assert.equal(missing.headers.getSetCookie().length, 0);
  const code = currentCode(secret);
  const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const wrong = await attempt(receiver, { name: 'anna', password: TEST_PASSWORD, code: wrongCode });
  assert.equal(wrong.status, 401);
  const wrongBody = await wrong.json();
  assert.equal(wrongBody.type, 'urn:intake-elements:problem:totp-required');
  assert.match(wrongBody.detail, /not right/);
  // A right code with a wrong password is just a wrong password.
  const badPassword = await attempt(receiver, { name: 'anna', password: 'wrong!', code });
  assert.equal((await badPassword.json()).type, 'urn:intake-elements:problem:sign-in-failed');

  const good = await attempt(receiver, {
    name: 'anna',
    password: TEST_PASSWORD,
    code: `${code.slice(0, 3)} ${code.slice(3)}`,
  });
  assert.equal(good.status, 200);
  assert.equal((await good.json()).name, 'anna');
  // The same code again (seen over a shoulder): refused.
  const replay = await attempt(receiver, { name: 'anna', password: TEST_PASSWORD, code });
  assert.equal(replay.status, 401);
  assert.equal((await replay.json()).type, 'urn:intake-elements:problem:totp-required');
  const failures = (await auditOf(receiver)).filter((e) => e.action === 'sign-in-failed');
  assert.deepEqual(
    failures.map((e) => JSON.parse(e.detail).reason),
    ['totp', 'password', 'totp'],
    'a missing code is a step, not a failure',
  );
  // The secret is not stored in the clear.
  const row = await receiver.storage.db
    .selectFrom('staff_users')
    .select('totp_secret')
    .executeTakeFirst();
  assert.ok(!row.totp_secret.includes(secret));
});

storageTest('a switched-off account cannot sign in', async (t, env) => {
  const receiver = await env.start({ inbox: true });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  await updateAccount(receiver.storage.db, 'anna', { disabled: 1 });
  const answer = await attempt(receiver, { name: 'anna', password: TEST_PASSWORD });
  assert.equal(answer.status, 403);
  assert.equal((await answer.json()).type, 'urn:intake-elements:problem:disabled');
  // Without the password nobody learns that it is switched off.
  const wrong = await attempt(receiver, { name: 'anna', password: 'wrong password' });
  assert.equal((await wrong.json()).type, 'urn:intake-elements:problem:sign-in-failed');
  assert.deepEqual(await (await fetch(`${receiver.url}/inbox/api/config`)).json(), {
    local: true,
    oidc: null,
    totp: false,
  });
});

storageTest(
  'behind a proxy or under a real host name the cookie is Secure and __Host-',
  async (t, env) => {
    const receiver = await env.start({ inbox: { hosts: ['inbox.kreis.example', 'localhost'] } });
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
    const body = JSON.stringify({ name: 'anna', password: TEST_PASSWORD });
    for (const headers of [
      { Host: 'inbox.kreis.example' },
      { Host: 'localhost', 'X-Forwarded-Proto': 'https' },
    ]) {
      const answer = await rawRequest(`${receiver.url}/inbox/api/session`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...headers,
        },
        body,
      });
      assert.equal(answer.status, 200, JSON.stringify(headers));
      const [cookie] = answer.headers['set-cookie'];
      assert.match(
        cookie,
        /^__Host-intake-session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
      const me = await rawRequest(`${receiver.url}/inbox/api/session`, {
        headers: { ...headers, Cookie: cookie.split(';')[0] },
      });
      assert.equal(me.status, 200);
    }
  },
);

storageTest('an unknown name costs the same password work as a wrong password', async (t, env) => {
  const receiver = await env.start({ inbox: true });
  // A full-cost hash, as `node server/staff.js add-user` makes (the test accounts' are cheap).
  await receiver.storage.addStaffUser({
    name: 'anna',
    team: 'bergkamen',
    isAdmin: false,
    passwordHash: await hashPassword(TEST_PASSWORD),
    createdAt: new Date().toISOString(),
  });
  const timeOf = async (name) => {
    const started = performance.now();
    const answer = await attempt(receiver, { name, password: 'not the password' });
    assert.equal(answer.status, 401);
    return performance.now() - started;
  };
  const known = [];
  const unknown = [];
  for (let i = 0; i < 3; i++) {
    known.push(await timeOf('anna'));
    unknown.push(await timeOf(`nobody-${i}`));
  }
  const median = (list) => list.sort((a, b) => a - b)[1];
  // Without the stand-in hash an unknown name would answer in a millisecond or two.
  assert.ok(
    median(unknown) > median(known) / 2,
    `unknown ${median(unknown).toFixed(0)} ms, known ${median(known).toFixed(0)} ms`,
  );
});

storageTest('the same TOTP code sent twice at once signs in once', async (t, env) => {
  const receiver = await env.start({ inbox: { totpKey: KEY } });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  const { secret } = newTotp({ name: 'anna', issuer: 'Test' });
  await updateAccount(receiver.storage.db, 'anna', {
    totp_secret: sealSecret(secret, Buffer.from(KEY, 'hex'), 'anna'),
  });
  const code = currentCode(secret);
  const answers = await Promise.all(
    [1, 2].map(() => attempt(receiver, { name: 'anna', password: TEST_PASSWORD, code })),
  );
  assert.deepEqual(answers.map((a) => a.status).sort(), [200, 401]);
});
