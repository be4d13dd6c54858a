// Local staff accounts: `node server/staff.js add-user`, run as a real process against both
// storages. The password comes on stdin, never on the command line, and is stored as scrypt.
import assert from 'node:assert/strict';
import { openStorage } from './storage/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { storageTest } from './testing/harness.js';
import { staff } from './testing/staff-cli.js';
import { test } from 'node:test';

const PASSWORD = 'Kamen-Rathaus 2026 Ünïcode';

storageTest('add-user stores a scrypt hash, a team and the admin flag', async (t, env) => {
  const { storageOptions } = env;
  const added = await staff(['add-user', 'Anna.Schmidt', '--team', 'Bergkamen', '--admin'], {
    stdin: `${PASSWORD}\n`,
    storageOptions,
  });
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stdout, 'Added anna.schmidt (team bergkamen, administrator).\n');
  const caseworker = await staff(['add-user', 'ben', '--team', 'unna'], {
    stdin: `${PASSWORD} 2`,
    storageOptions,
  });
  assert.equal(caseworker.code, 0, caseworker.stderr);

  const storage = await openStorage(storageOptions);
  t.after(() => storage.close());
  const anna = await storage.findStaffUser('anna.schmidt');
  assert.equal(anna.team, 'bergkamen');
  assert.equal(anna.isAdmin, true);
  assert.ok(!Number.isNaN(Date.parse(anna.createdAt)));
  // The parameters travel with the hash; the salt is random, so two hashes of one word differ.
  assert.match(anna.passwordHash, /^scrypt\$N=131072,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
  assert.ok(!anna.passwordHash.includes(PASSWORD));
  assert.equal(await verifyPassword(PASSWORD, anna.passwordHash), true);
  assert.equal(await verifyPassword(`${PASSWORD}x`, anna.passwordHash), false);
  const ben = await storage.findStaffUser('ben');
  assert.equal(ben.isAdmin, false);
  assert.equal(ben.team, 'unna');
  assert.equal(await verifyPassword(`${PASSWORD} 2`, ben.passwordHash), true);
  assert.notEqual(ben.passwordHash.split('$')[2], anna.passwordHash.split('$')[2]);
  assert.equal(await storage.findStaffUser('nobody'), undefined);

  // A name is taken once; the first account stays as it was.
  const again = await staff(['add-user', 'ANNA.SCHMIDT', '--team', 'unna'], {
    stdin: `${PASSWORD}\n`,
    storageOptions,
  });
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already a staff account named anna\.schmidt/);
  assert.equal((await storage.findStaffUser('anna.schmidt')).team, 'bergkamen');
});

storageTest(
  'add-user refuses passwords on the command line, short ones, and bad names',
  async (t, env) => {
    const { storageOptions } = env;
    const onArgv = await staff(['add-user', 'carla', '--team', 'unna', '--password', PASSWORD], {
      storageOptions,
    });
    assert.equal(onArgv.code, 2);
    assert.match(onArgv.stderr, /Unknown option '--password'/);
    assert.match(onArgv.stderr, /read from the terminal or stdin/);

    const short = await staff(['add-user', 'carla', '--team', 'unna'], {
      stdin: 'kurz\n',
      storageOptions,
    });
    assert.equal(short.code, 1);
    assert.match(short.stderr, /at least 12 characters/);

    const none = await staff(['add-user', 'carla', '--team', 'unna'], { storageOptions });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No password on stdin/);

    for (const args of [
      ['add-user', 'carla'],
      ['add-user', '--team', 'unna'],
      ['add-user', 'carla schmidt', '--team', 'unna'],
      ['add-user', 'carla', '--team', '../unna'],
      ['remove-user', 'carla', '--team', 'unna'],
    ]) {
      const refused = await staff(args, { stdin: `${PASSWORD}\n`, storageOptions });
      assert.equal(refused.code, 2, args.join(' '));
    }
    const storage = await openStorage(storageOptions);
    t.after(() => storage.close());
    assert.equal(await storage.findStaffUser('carla'), undefined);
  },
);

test('verifyPassword: NFC-equal passwords match; malformed or oversized hashes do not', async () => {
  const params = { N: 2 ** 10, r: 8, p: 1 };
  const stored = await hashPassword('Grüße aus Kamen', params);
  assert.match(stored, /^scrypt\$N=1024,r=8,p=1\$/);
  // "ü" as u + combining diaeresis, as some keyboards send it.
  assert.equal(await verifyPassword('Gru\u0308ße aus Kamen', stored), true);
  assert.equal(await verifyPassword('Grüsse aus Kamen', stored), false);
  for (const bad of [
    '',
    'plain',
    stored.replace('N=1024', 'N=1000'),
    stored.replace('N=1024', 'N=4194304'),
  ]) {
    assert.equal(await verifyPassword('Grüße aus Kamen', bad), false, bad);
  }
});
