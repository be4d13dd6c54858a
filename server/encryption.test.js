// Encrypted forms at the receiver (server/encryption.js, server/keys.js): it stores ciphertext
// and the routing answers only, refuses what it can check without the key, serves the key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formsDir, records, storageTest, submit } from './testing/harness.js';
import {
  SICHER,
  joseOpen,
  joseSeal,
  officeKeys,
  openPrivateKeys,
} from './testing/encryption-helpers.js';

const SECRET_TEXT = 'Aufenthaltstitel Zyxwvutsrq Gesundheit';
const FILE_BYTES = 'FILEBYTESquxquxquxqux';

const plain = (overrides = {}) => ({
  form: { id: 'sicher', version: '1' },
  locale: 'ar',
  submittedAt: '2026-12-05T06:00:00.000Z',
  data: {
    kommune: 'Bergkamen',
    anliegen: SECRET_TEXT,
    nachweis: `data:text/plain;name=a.txt;base64,${Buffer.from(FILE_BYTES).toString('base64')}`,
  },
  ...overrides,
});

async function sealed(publicKey, overrides = {}, header = {}) {
  const inner = plain();
  return {
    form: inner.form,
    submittedAt: inner.submittedAt,
    encrypted: await joseSeal(inner, publicKey, header),
    routing: { '/kommune': 'Bergkamen' },
    ...overrides,
  };
}

/** Every byte under `dir` (the database and its journal files), as latin1 text. */
function bytesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      readFileSync(join(entry.parentPath ?? entry.path, entry.name)).toString('latin1'),
    )
    .join('\n');
}

storageTest(
  'an encrypted submission is stored as ciphertext and opens with the private key file',
  async (t, env) => {
    const keys = await officeKeys();
    const receiver = await env.start({
      formsDir: formsDir({ 'sicher.json': SICHER }),
      keysDir: keys.keysDir,
    });

    const served = await fetch(`${receiver.url}/api/forms/sicher/key`);
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type'), /application\/jwk\+json/);
    const jwk = await served.json();
    assert.equal(jwk.kid, keys.pairs[0].kid);
    assert.equal(jwk.alg, 'RSA-OAEP-256');
    assert.equal('d' in jwk, false, 'the key endpoint never serves a private member');

    const body = await sealed(jwk);
    const response = await submit(receiver, 'sicher', body);
    assert.equal(response.status, 201, await response.clone().text());
    const { reference } = await response.json();

    const [record] = await records(receiver);
    assert.equal(record.reference, reference);
    assert.equal(record.locale, 'und', 'the language stays inside the ciphertext');
    const stored = JSON.parse(record.envelope);
    assert.deepEqual(Object.keys(stored).sort(), ['encrypted', 'form', 'routing', 'submittedAt']);
    assert.deepEqual(stored.routing, { '/kommune': 'Bergkamen' });

    // Only the private key file and its passphrase open it, with any JOSE library.
    const opened = await joseOpen(stored.encrypted, await openPrivateKeys(keys.privateText));
    assert.deepEqual(opened, plain());

    // Neither the log nor (SQLite) the database files hold the typed text or the file's bytes.
    const logs = env.logs.join('\n');
    assert.equal(logs.includes('Zyxwvutsrq'), false);
    if (env.storageOptions.dataDir) {
      const raw = bytesUnder(env.storageOptions.dataDir);
      assert.ok(raw.includes(reference), 'the database file was read');
      for (const secret of ['Zyxwvutsrq', FILE_BYTES, Buffer.from(FILE_BYTES).toString('base64')]) {
        assert.equal(raw.includes(secret), false, `database holds ${secret}`);
      }
    }

    const summary = await receiver.storage.findByReference(reference);
    assert.ok(summary);
  },
);

storageTest(
  'what the receiver can check without the key is refused with problem+json, and nothing is stored',
  async (t, env) => {
    const keys = await officeKeys({ count: 2, expired: [0] });
    const other = await officeKeys();
    const receiver = await env.start({
      formsDir: formsDir({ 'sicher.json': SICHER }),
      keysDir: keys.keysDir,
    });
    const current = keys.pairs[1].publicKey;
    const expired = keys.pairs[0].publicKey;

    const refusals = [
      ['plain data to an encrypted form', plain(), 'encryption-required', /only encrypted/],
      ['unknown kid', await sealed(other.pairs[0].publicKey), 'encryption-key', /does not know/],
      ['expired key', await sealed(expired), 'encryption-key', /expired/],
      [
        'key of the wrong type or size under a known kid',
        await sealed({ ...(await officeKeys()).pairs[0].publicKey, kid: current.kid }).then(
          (b) => ({
            ...b,
            // A 2048-bit key's encrypted key is 256 bytes; the office key says 256 too, so
            // shorten it to what a 1024-bit key would give.
            encrypted: b.encrypted.replace(
              /^([^.]+)\.([^.]+)/,
              (m, h, k) => `${h}.${k.slice(0, 171)}`,
            ),
          }),
        ),
        'encryption-key',
        /does not fit/,
      ],
      [
        'other algorithms',
        await sealed(current, {}, { enc: 'A128GCM' }).catch(() => null),
        null,
        null,
      ],
      [
        'not five parts',
        { ...(await sealed(current)), encrypted: 'abc.def' },
        'invalid-jwe',
        /five/,
      ],
      [
        'undeclared routing',
        await sealed(current, { routing: { '/anliegen': SECRET_TEXT } }),
        'invalid-envelope',
        /Not declared/,
      ],
      [
        'routing outside the schema',
        await sealed(current, { routing: { '/kommune': 'Atlantis' } }),
        'invalid-envelope',
        /allowed/,
      ],
      [
        'data beside the ciphertext',
        { ...(await sealed(current)), data: plain().data },
        'invalid-envelope',
        /Not part/,
      ],
    ];
    for (const [name, body, type, detail] of refusals) {
      if (!type) continue;
      const response = await submit(receiver, 'sicher', body);
      assert.equal(response.status, 400, name);
      assert.match(response.headers.get('content-type'), /application\/problem\+json/, name);
      const problem = await response.json();
      assert.equal(problem.type, `urn:intake-elements:problem:${type}`, name);
      const text = `${problem.detail} ${JSON.stringify(problem.errors ?? [])}`;
      assert.match(text, detail, name);
    }
    // A header naming A128GCM, made by hand (jose would need a 128-bit key for it).
    const good = await sealed(current);
    const [, ...rest] = good.encrypted.split('.');
    const header = Buffer.from(
      JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A128GCM', kid: current.kid }),
    ).toString('base64url');
    const response = await submit(receiver, 'sicher', {
      ...good,
      encrypted: [header, ...rest].join('.'),
    });
    assert.equal(response.status, 400);
    assert.match((await response.json()).detail, /RSA-OAEP-256 and enc A256GCM/);

    assert.deepEqual(await records(receiver), [], 'nothing refused was stored');
    assert.equal(
      env.logs.join('\n').includes('Zyxwvutsrq'),
      false,
      'not even the refused routing text is logged',
    );

    // The same body to the current key goes through.
    assert.equal((await submit(receiver, 'sicher', good)).status, 201);
  },
);

storageTest(
  'rotation: submissions to the old key (still in outboxes) and to the new one both open',
  async (t, env) => {
    const keys = await officeKeys({ count: 2 });
    const receiver = await env.start({
      formsDir: formsDir({ 'sicher.json': SICHER }),
      keysDir: keys.keysDir,
    });
    const served = await (await fetch(`${receiver.url}/api/forms/sicher/key`)).json();
    assert.equal(served.kid, keys.pairs[1].kid, 'the endpoint serves the newest key');
    for (const pair of keys.pairs) {
      assert.equal((await submit(receiver, 'sicher', await sealed(pair.publicKey))).status, 201);
    }
    const privateKeys = await openPrivateKeys(keys.privateText);
    const stored = await records(receiver);
    assert.equal(stored.length, 2);
    for (const record of stored) {
      assert.deepEqual(await joseOpen(JSON.parse(record.envelope).encrypted, privateKeys), plain());
    }
  },
);

storageTest(
  'the key endpoint: 404 for a form without encryption or without keys',
  async (t, env) => {
    const receiver = await env.start({ formsDir: formsDir({ 'sicher.json': SICHER }) });
    assert.equal((await fetch(`${receiver.url}/api/forms/kontakt/key`)).status, 404);
    assert.equal((await fetch(`${receiver.url}/api/forms/sicher/key`)).status, 404);
    assert.equal((await fetch(`${receiver.url}/api/forms/nothing/key`)).status, 404);
  },
);
