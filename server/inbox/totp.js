/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app reads it).
 *
 * The shared secret is stored encrypted (AES-256-GCM) with a key from the environment
 * (`INBOX_TOTP_KEY`, 32 bytes as 64 hex digits or base64), and the account's name as associated
 * data, so a copy of the database alone does not give anyone the second factor and a sealed
 * secret cannot be moved to another account. Without the key no second factor is set up or
 * checked: storing it in the clear next to the password hash would make it no second factor.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const WINDOW = 1;
const SEALED = /^v1\.([\w-]{16})\.([\w-]{22})\.([\w-]+)$/;

/**
 * The key from its text, or an Error saying what is wrong with it.
 *
 * @param {string} text 64 hex digits or base64 of 32 bytes (`openssl rand -base64 32`)
 * @returns {Buffer}
 */
export function parseTotpKey(text) {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error(
      'INBOX_TOTP_KEY must be 32 bytes: 64 hex digits or base64 (openssl rand -base64 32)',
    );
  }
  return key;
}

/**
 * A new secret for `name`: the base32 secret and the otpauth:// URI an app scans.
 *
 * @param {{ name: string, issuer: string }} account
 */
export function newTotp({ name, issuer }) {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({ issuer, label: name, secret, period: PERIOD, digits: DIGITS });
  return { secret: secret.base32, uri: totp.toString() };
}

/** Encrypts a base32 secret for account `name`. */
export function sealSecret(base32, key, name) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const sealed = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Decrypts what sealSecret() made; throws when the key or the account is not the one. */
export function openSecret(text, key, name) {
  const match = SEALED.exec(text);
  if (!match) throw new Error('not a sealed TOTP secret');
  const [iv, tag, sealed] = match.slice(1).map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(name, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}

/**
 * The time step a code belongs to, or null when it is not a current code.
 *
 * @param {string} base32 the secret
 * @param {unknown} code what the person typed (spaces allowed: apps show "123 456")
 * @param {number} [now] milliseconds
 * @returns {number | null}
 */
export function codeStep(base32, code, now = Date.now()) {
  if (typeof code !== 'string') return null;
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(base32), period: PERIOD, digits: DIGITS });
  const delta = totp.validate({ token, timestamp: now, window: WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code for `now` (tests, and the command line's check of a freshly scanned app). */
export function currentCode(base32, now = Date.now()) {
  return new TOTP({ secret: Secret.fromBase32(base32), period: PERIOD, digits: DIGITS }).generate({
    timestamp: now,
  });
}
