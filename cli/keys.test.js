// `intake-elements keys`: key pairs for encrypted forms, public part for the receiver, private
// part passphrase-protected; rotation keeps every older key readable.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CompactEncrypt, compactDecrypt, importJWK } from 'jose';

const BIN = fileURLToPath(new URL('../bin/intake-elements.js', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'intake-keys-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const PASSPHRASE = 'Stadtverwaltung-Kamen-2026';

function keys(args, { input = `${PASSPHRASE}\n`, env = {} } = {}) {
  return spawnSync(process.execPath, [BIN, 'keys', ...args], {
    cwd: temp,
    input,
    encoding: 'utf8',
    env: { ...process.env, INTAKE_KEYS_PASSPHRASE: '', ...env },
  });
}

async function openPrivate(file, passphrase = PASSPHRASE) {
  const out = new Map();
  for (const entry of JSON.parse(readFileSync(file, 'utf8')).keys) {
    const { plaintext, protectedHeader } = await compactDecrypt(
      entry.jwe,
      new TextEncoder().encode(passphrase),
      { keyManagementAlgorithms: ['PBES2-HS512+A256KW'], maxPBES2Count: 1_000_000 },
    );
    assert.equal(protectedHeader.p2c, 210_000, 'the passphrase is stretched');
    out.set(entry.kid, await importJWK(JSON.parse(new TextDecoder().decode(plaintext))));
  }
  return out;
}

test(
  'generate, rotate, export-public: every key stays readable, the receiver gets public keys only',
  { timeout: 180_000 },
  async () => {
    const dir = join(temp, 'keys');
    const privateFile = join(temp, 'office.private.json');
    const made = keys(['generate', '--keys-dir', dir, '--private', privateFile]);
    assert.equal(made.status, 0, made.stderr);
    assert.equal(statSync(privateFile).mode & 0o077, 0, 'the private file is for its owner only');
    assert.equal(
      keys(['generate', '--keys-dir', dir, '--private', privateFile]).status,
      1,
      'a second generate is refused',
    );

    const first = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'));
    assert.equal(first.keys.length, 1);
    assert.equal(JSON.stringify(first).includes('"d"'), false, 'no private member in keys.json');

    // Rotation refuses to run without the file holding the older private keys.
    const lost = keys(['rotate', '--keys-dir', dir, '--private', join(temp, 'other.json')]);
    assert.equal(lost.status, 1);
    assert.match(lost.stderr, /lacks the private key/);

    const rotated = keys(
      ['rotate', '--keys-dir', dir, '--private', privateFile, '--grace-days', '7'],
      {
        input: '',
        env: { INTAKE_KEYS_PASSPHRASE: PASSPHRASE },
      },
    );
    assert.equal(rotated.status, 0, rotated.stderr);
    const set = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'));
    assert.equal(set.keys.length, 2);
    const [old, current] = set.keys;
    assert.equal(set.current, current.kid);
    const graceDays = (Date.parse(old.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(
      graceDays > 6.9 && graceDays <= 7,
      `old key takes submissions for 7 days (${graceDays})`,
    );

    const exported = keys(['export-public', '--keys-dir', dir]);
    assert.equal(exported.status, 0);
    const jwk = JSON.parse(exported.stdout);
    assert.deepEqual(Object.keys(jwk).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(jwk.kid, current.kid);
    assert.ok(Buffer.from(jwk.n, 'base64url').length * 8 >= 4096);

    // Submissions to both keys open with the one private file.
    const privateKeys = await openPrivate(privateFile);
    for (const key of [old, current]) {
      const jwe = await new CompactEncrypt(new TextEncoder().encode('hallo'))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: key.kid })
        .encrypt(await importJWK(key.publicKey, 'RSA-OAEP-256'));
      const { plaintext } = await compactDecrypt(jwe, privateKeys.get(key.kid));
      assert.equal(new TextDecoder().decode(plaintext), 'hallo');
    }
    await assert.rejects(openPrivate(privateFile, 'wrong passphrase'));

    const listed = keys(['list', '--keys-dir', dir]);
    assert.match(listed.stdout, new RegExp(`\\* ${current.kid}`));
  },
);

test('a short passphrase and unknown commands are refused', () => {
  const short = keys(
    ['generate', '--keys-dir', join(temp, 'k2'), '--private', join(temp, 'p2.json')],
    {
      input: 'kurz\n',
    },
  );
  assert.equal(short.status, 1);
  assert.match(short.stderr, /at least 12 characters/);
  assert.equal(keys(['explode']).status, 2);
});
