/**
 * JWE compact serialization (RFC 7516) with RSA-OAEP-256 key encryption and A256GCM content
 * encryption, as FIT-Connect uses them, made with WebCrypto only (no library): a fresh random
 * content key per submission, encrypted to the office's public RSA key.
 */
import { toBase64url, utf8 } from './base64url.js';

/** The only algorithms used: the receiver and the inbox refuse any other. */
export const JWE_ALG = 'RSA-OAEP-256';
export const JWE_ENC = 'A256GCM';

/** A public RSA key as JWK, with the `kid` that says which of the office's keys it is. */
export interface EncryptionJwk {
  kty: string;
  kid: string;
  n: string;
  e: string;
  alg?: string;
  use?: string;
  [member: string]: unknown;
}

/** Why a key cannot be used; its message names what is wrong (for the form's author). */
export class EncryptionKeyError extends Error {
  override name = 'EncryptionKeyError';
}

/**
 * Checks that `jwk` is a public RSA encryption key of at least 2048 bits with a `kid`, and
 * imports it. Throws an EncryptionKeyError otherwise: an unusable key must stop the sending
 * rather than let the data go out in clear.
 */
export async function importPublicKey(jwk: unknown): Promise<{ key: CryptoKey; kid: string }> {
  if (typeof jwk !== 'object' || jwk === null)
    throw new EncryptionKeyError('The key is not a JWK.');
  const k = jwk as Partial<EncryptionJwk>;
  if (k.kty !== 'RSA') throw new EncryptionKeyError(`The key type is ${String(k.kty)}, not RSA.`);
  if (typeof k.kid !== 'string' || k.kid === '')
    throw new EncryptionKeyError('The key has no kid.');
  if (k.alg !== undefined && k.alg !== JWE_ALG) {
    throw new EncryptionKeyError(`The key is for ${String(k.alg)}, not ${JWE_ALG}.`);
  }
  if (k.use !== undefined && k.use !== 'enc')
    throw new EncryptionKeyError('The key is not for encryption.');
  if ('d' in k)
    throw new EncryptionKeyError('This is a private key; the form needs the public one.');
  if (typeof k.n !== 'string' || typeof k.e !== 'string' || (k.n.length * 6) / 8 < 255) {
    throw new EncryptionKeyError('The key must be an RSA key of at least 2048 bits.');
  }
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: 'RSA', n: k.n, e: k.e, alg: JWE_ALG, ext: true },
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      false,
      ['encrypt'],
    );
    return { key, kid: k.kid };
  } catch {
    throw new EncryptionKeyError('The browser could not import the key.');
  }
}

/** Encrypts `plaintext` to `publicKey` and returns the JWE in compact serialization. */
export async function encryptCompact(
  plaintext: Uint8Array<ArrayBuffer>,
  publicKey: { key: CryptoKey; kid: string },
  header: Record<string, string> = {},
): Promise<string> {
  const subtle = crypto.subtle;
  const protectedHeader = toBase64url(
    utf8(JSON.stringify({ ...header, alg: JWE_ALG, enc: JWE_ENC, kid: publicKey.kid })),
  );
  const cekBytes = crypto.getRandomValues(new Uint8Array(32));
  const cek = await subtle.importKey('raw', cekBytes, 'AES-GCM', false, ['encrypt']);
  const encryptedKey = new Uint8Array(
    await subtle.encrypt({ name: 'RSA-OAEP' }, publicKey.key, cekBytes),
  );
  cekBytes.fill(0);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The protected header is the additional authenticated data: changing it breaks the tag.
  const sealed = new Uint8Array(
    await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(protectedHeader), tagLength: 128 },
      cek,
      plaintext,
    ),
  );
  const ciphertext = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  return [
    protectedHeader,
    toBase64url(encryptedKey),
    toBase64url(iv),
    toBase64url(ciphertext),
    toBase64url(tag),
  ].join('.');
}
