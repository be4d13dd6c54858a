/**
 * The office's key files (docs/security.md, "Keys"):
 *
 * - `<keys dir>/keys.json`, PUBLIC keys only, for the receiver (server/keys.js reads it).
 * - the private key file, for caseworkers' browsers only: `{ format, keys: [{ kid, createdAt,
 *   jwe }] }`, each private JWK encrypted with the passphrase as a JWE (PBES2-HS512+A256KW with
 *   A256GCM, RFC 7518 4.8), which src/inbox-crypto/ opens with WebCrypto alone. Rotation adds
 *   keys to it and never removes one, so every older submission stays readable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CompactEncrypt, exportJWK, generateKeyPair } from 'jose';
import { CliError } from './errors.js';

export const KEY_SET_FILE = 'keys.json';
export const PRIVATE_FORMAT = 'intake-elements-private-keys';
/** PBKDF2 rounds for the passphrase (OWASP's figure for PBKDF2-HMAC-SHA512). */
export const PBES2_COUNT = 210_000;
export const MIN_PASSPHRASE = 12;

/** A kid that says when the key was made and cannot collide: `2026-12-05-a1b2c3`. */
export function newKid(now = new Date()) {
  return `${now.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
}

/** Reads keys.json of `dir` (an empty set when there is none). */
export function readKeySet(dir) {
  const file = join(dir, KEY_SET_FILE);
  if (!existsSync(file)) return { current: undefined, keys: [] };
  try {
    const set = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(set.keys)) throw new Error('no "keys" list');
    return set;
  } catch (error) {
    throw new CliError(`${file} is not a key set: ${error.message}`);
  }
}

/** Reads the private key file (an empty one when there is none). */
export function readPrivateFile(file) {
  if (!existsSync(file)) return { format: PRIVATE_FORMAT, keys: [] };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed.format !== PRIVATE_FORMAT || !Array.isArray(parsed.keys))
      throw new Error('wrong format');
    return parsed;
  } catch (error) {
    throw new CliError(`${file} is not a private key file: ${error.message}`);
  }
}

/** Writes through a temporary file, so that a crash never leaves half a key file. */
export function writeAtomically(file, text, mode = 0o600) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  renameSync(temporary, file);
}

/**
 * Makes a key pair: the public JWK (with kid) and the private JWK encrypted with `passphrase`.
 *
 * @returns {Promise<{ kid: string, createdAt: string, publicKey: object, jwe: string }>}
 */
export async function makeKeyPair(
  passphrase,
  { now = new Date(), count = PBES2_COUNT, bits = 4096 } = {},
) {
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE) {
    throw new CliError(`The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
  }
  const kid = newKid(now);
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', {
    modulusLength: bits,
    extractable: true,
  });
  const pub = await exportJWK(publicKey);
  const priv = await exportJWK(privateKey);
  const jwk = (key) => ({ ...key, kid, alg: 'RSA-OAEP-256', use: 'enc' });
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(jwk(priv))))
    .setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', kid, cty: 'jwk+json' })
    .setKeyManagementParameters({ p2c: count })
    .encrypt(new TextEncoder().encode(passphrase));
  return { kid, createdAt: now.toISOString(), publicKey: jwk(pub), jwe };
}
