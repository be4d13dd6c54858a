/**
 * Test helpers for encrypted forms: an office key set on disk (as `intake-elements keys` writes
 * it), opening the private key file with jose as any standard backend would, and JWEs made by
 * jose.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompactEncrypt, compactDecrypt, importJWK } from 'jose';
import { KEY_SET_FILE, PRIVATE_FORMAT, makeKeyPair } from '../../cli/lib/key-files.js';
import { tempDir } from './harness.js';

export const PASSPHRASE = 'Rathaus-Schluessel-2026';

/** A form that encrypts, routing by the town (`/kommune`), with a file. */
export const SICHER = {
  id: 'sicher',
  version: '1',
  lang: 'de',
  encryption: { routing: ['/kommune'] },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['kommune', 'anliegen'],
    properties: {
      kommune: { type: 'string', enum: ['Bergkamen', 'Unna', 'Kamen'], title: 'Kommune' },
      anliegen: { type: 'string', maxLength: 2000, title: 'Anliegen' },
      nachweis: { type: 'string', format: 'data-url', title: 'Nachweis' },
    },
  },
};

/**
 * Makes `count` key pairs (2048 bits and few PBKDF2 rounds, for speed), the last current, and
 * writes keys.json and the private file. `expired` kids get an expiresAt in the past.
 */
export async function officeKeys({ count = 1, expired = [] } = {}) {
  const dir = tempDir('intake-keys-');
  const pairs = [];
  for (let i = 0; i < count; i++)
    pairs.push(await makeKeyPair(PASSPHRASE, { bits: 2048, count: 1000 }));
  const set = {
    current: pairs.at(-1).kid,
    keys: pairs.map((pair, i) => ({
      kid: pair.kid,
      createdAt: pair.createdAt,
      expiresAt: expired.includes(i) ? '2020-01-01T00:00:00.000Z' : null,
      publicKey: pair.publicKey,
    })),
  };
  writeFileSync(join(dir, KEY_SET_FILE), JSON.stringify(set));
  const privateFile = join(dir, 'office-keys.private.json');
  const privateText = JSON.stringify({
    format: PRIVATE_FORMAT,
    keys: pairs.map(({ kid, createdAt, jwe }) => ({ kid, createdAt, jwe })),
  });
  writeFileSync(privateFile, privateText);
  return { keysDir: dir, privateFile, privateText, pairs, set };
}

/** Opens the private key file with jose: kid → private key. */
export async function openPrivateKeys(privateText, passphrase = PASSPHRASE) {
  const keys = new Map();
  for (const entry of JSON.parse(privateText).keys) {
    const { plaintext } = await compactDecrypt(entry.jwe, new TextEncoder().encode(passphrase), {
      maxPBES2Count: 1_000_000,
      keyManagementAlgorithms: ['PBES2-HS512+A256KW'],
    });
    const jwk = JSON.parse(new TextDecoder().decode(plaintext));
    keys.set(entry.kid, await importJWK(jwk, 'RSA-OAEP-256'));
  }
  return keys;
}

/** A JWE of `value` (JSON) to `publicJwk`, made by jose. */
export async function joseSeal(value, publicJwk, header = {}) {
  const key = await importJWK(publicJwk, 'RSA-OAEP-256');
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: publicJwk.kid, ...header })
    .encrypt(key);
}

/** Decrypts a JWE with the office's private keys (by its kid), as JSON. */
export async function joseOpen(jwe, privateKeys) {
  const kid = JSON.parse(Buffer.from(jwe.split('.')[0], 'base64url').toString()).kid;
  const { plaintext } = await compactDecrypt(jwe, privateKeys.get(kid));
  return JSON.parse(new TextDecoder().decode(plaintext));
}
