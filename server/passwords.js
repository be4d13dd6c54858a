/**
 * Password hashes for local staff accounts: scrypt (node:crypto) with a random 16-byte salt. The
 * stored text names the algorithm and its parameters, so they can be raised later while old
 * hashes still verify:
 *
 *   scrypt$N=131072,r=8,p=1$<salt, base64url>$<key, base64url>
 *
 * N = 2^17, r = 8, p = 1 is OWASP's recommendation for scrypt (128 MiB, a fraction of a second).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback);

/** Today's parameters for new hashes. */
export const SCRYPT_PARAMS = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Passwords shorter than this are refused (NIST SP 800-63B asks at least 8; staff see data). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer input is refused rather than hashed: nobody types it, and it costs time. */
export const MAX_PASSWORD_LENGTH = 1024;

const STORED = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function maxmem({ N, r }) {
  // scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is below N = 2^17.
  return 128 * N * r * 2;
}

/**
 * Why a password cannot be used, or undefined when it can.
 *
 * @param {string} password
 * @returns {string | undefined}
 */
export function passwordProblem(password) {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `The password must not have more than ${MAX_PASSWORD_LENGTH} characters.`;
  }
  return undefined;
}

/**
 * @param {string} password compared after Unicode NFC normalization, so that the same word typed
 *   on another keyboard (composed or decomposed umlauts) still matches
 * @param {{ N: number, r: number, p: number }} [params]
 * @returns {Promise<string>} the text to store
 */
export async function hashPassword(password, params = SCRYPT_PARAMS) {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, {
    ...params,
    maxmem: maxmem(params),
  });
  const { N, r, p } = params;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether `password` matches a stored hash (in constant time); false for a malformed hash.
 *
 * @param {string} password
 * @param {string} stored
 * @returns {Promise<boolean>}
 */
export async function verifyPassword(password, stored) {
  const match = STORED.exec(stored);
  if (!match) return false;
  const [N, r, p] = match.slice(1, 4).map(Number);
  // Parameters beyond these are not ours: refuse rather than spend minutes or gigabytes.
  if (N > 2 ** 20 || r > 32 || p > 16 || (N & (N - 1)) !== 0 || N < 2) return false;
  const salt = Buffer.from(match[4], 'base64url');
  const expected = Buffer.from(match[5], 'base64url');
  if (password.length > MAX_PASSWORD_LENGTH * 2 || expected.length === 0) return false;
  const key = await scrypt(password.normalize('NFC'), salt, expected.length, {
    N,
    r,
    p,
    maxmem: maxmem({ N, r }),
  });
  return timingSafeEqual(key, expected);
}
