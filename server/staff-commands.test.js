// The account commands of `node server/staff.js` (set-password, enable-totp, disable-totp,
// disable, enable, list), run as real processes against the storage a real receiver uses, on
// both storages: what a person signing in notices after each.
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { storageTest } from './testing/harness.js';
import { TEST_PASSWORD, addStaff, signIn } from './testing/inbox-harness.js';
import { staff } from './testing/staff-cli.js';

const NEW_PASSWORD = 'Neues Passwort für Unna 2027';
const KEY = 'b'.repeat(64);

function attempt(receiver, body) {
  return fetch(`${receiver.url}/inbox/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

storageTest(
  'set-password: the new password works, the old one and its sessions end',
  async (t, env) => {
    const receiver = await env.start({ inbox: true });
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
    const session = await signIn(receiver, 'anna');

    const changed = await staff(['set-password', 'Anna'], {
      stdin: `${NEW_PASSWORD}\n`,
      storageOptions: env.storageOptions,
    });
    assert.equal(changed.code, 0, changed.stderr);
    assert.equal(changed.stdout, 'New password for anna; their sessions have ended.\n');
    assert.equal((await session.get('/inbox/api/session')).status, 401, 'the old session ended');
    assert.equal((await attempt(receiver, { name: 'anna', password: TEST_PASSWORD })).status, 401);
    await signIn(receiver, 'anna', NEW_PASSWORD);

    const short = await staff(['set-password', 'anna'], {
      stdin: 'kurz\n',
      storageOptions: env.storageOptions,
    });
    assert.equal(short.code, 1);
    assert.match(short.stderr, /at least 12 characters/);
    const nobody = await staff(['set-password', 'nobody'], {
      stdin: `${NEW_PASSWORD}\n`,
      storageOptions: env.storageOptions,
    });
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /no staff account named nobody/);
  },
);

storageTest('enable-totp prints a scannable secret the sign-in then asks for', async (t, env) => {
  const receiver = await env.start({ inbox: { totpKey: KEY } });
  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  const { storageOptions } = env;

  const noKey = await staff(['enable-totp', 'anna'], { storageOptions });
  assert.equal(noKey.code, 1);
  assert.match(noKey.stderr, /Set INBOX_TOTP_KEY first/);
  const badKey = await staff(['enable-totp', 'anna'], {
    storageOptions,
    env: { INBOX_TOTP_KEY: 'short' },
  });
  assert.equal(badKey.code, 1);
  assert.match(badKey.stderr, /32 bytes/);

  const enabled = await staff(['enable-totp', 'anna', '--issuer', 'Kreis Unna'], {
    storageOptions,
    env: { INBOX_TOTP_KEY: KEY },
  });
  assert.equal(enabled.code, 0, enabled.stderr);
  const uri = /otpauth:\/\/totp\/\S+/.exec(enabled.stdout)?.[0];
  assert.ok(uri, enabled.stdout);
  const url = new URL(uri);
  assert.equal(decodeURIComponent(url.pathname), '/Kreis Unna:anna');
  assert.equal(url.searchParams.get('issuer'), 'Kreis Unna');
  assert.match(enabled.stdout, /[█▀▄]{10}/, 'a QR code drawn in the terminal');

  const again = await staff(['enable-totp', 'anna'], {
    storageOptions,
    env: { INBOX_TOTP_KEY: KEY },
  });
  assert.equal(again.code, 1);
  assert.match(again.stderr, /disable-totp first/);

  // The receiver now asks for the code, and takes the one the app shows.
  const asked = await attempt(receiver, { name: 'anna', password: TEST_PASSWORD });
  assert.equal((await asked.json()).type, 'urn:intake-elements:problem:totp-required');
  const app = new TOTP({ secret: Secret.fromBase32(url.searchParams.get('secret')) });
  const ok = await attempt(receiver, {
    name: 'anna',
    password: TEST_PASSWORD,
    code: app.generate(),
  });
  assert.equal(ok.status, 200);

  const disabled = await staff(['disable-totp', 'anna'], { storageOptions });
  assert.equal(disabled.code, 0, disabled.stderr);
  await signIn(receiver, 'anna');
});

storageTest(
  'disable ends the sessions and refuses sign-in; enable lifts it and a lock-out',
  async (t, env) => {
    const receiver = await env.start({ inbox: { lockout: { attempts: 2, lockMs: 3_600_000 } } });
    await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen', isAdmin: true });
    await addStaff(receiver.storage, { name: 'ben', team: 'unna' });
    const session = await signIn(receiver, 'ben');
    const { storageOptions } = env;

    const off = await staff(['disable', 'ben'], { storageOptions });
    assert.equal(off.code, 0, off.stderr);
    assert.equal((await session.get('/inbox/api/session')).status, 401, 'the session ended');
    const refused = await attempt(receiver, { name: 'ben', password: TEST_PASSWORD });
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).type, 'urn:intake-elements:problem:disabled');

    // Lock anna out.
    for (let i = 0; i < 2; i++)
      await attempt(receiver, { name: 'anna', password: 'wrong password' });
    assert.equal((await attempt(receiver, { name: 'anna', password: TEST_PASSWORD })).status, 429);

    const listed = await staff(['list'], { storageOptions });
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^anna\tteams: bergkamen\tadministrator, locked until \d{4}-\d\d-\d\dT/);
    assert.equal(lines[1], 'ben\tteams: unna\tdisabled');

    for (const name of ['ben', 'anna']) {
      const on = await staff(['enable', name], { storageOptions });
      assert.equal(on.code, 0, on.stderr);
      assert.equal(on.stdout, `${name} may sign in again.\n`);
      await signIn(receiver, name);
    }
    assert.equal((await staff(['disable', 'nobody'], { storageOptions })).code, 1);
    assert.equal((await staff(['list', 'extra'], { storageOptions })).code, 2);
    assert.equal((await staff(['enable'], { storageOptions })).code, 2);
    assert.equal((await staff(['disable', 'ben', '--team', 'x'], { storageOptions })).code, 2);
  },
);
