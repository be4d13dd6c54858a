/**
 * Opening JWEs in compact serialization with WebCrypto alone (no library, so that the inbox's
 * strict CSP holds): submissions (RSA-OAEP-256 + A256GCM, to the office's private key) and the
 * private key file's entries (PBES2-HS512+A256KW + A256GCM, to a passphrase).
 */
import { fromBase64url, utf8 } from '../crypto/base64url.js';

/** Why a JWE did not open; `code` lets the inbox word it. */
export class DecryptError extends Error {
  override name = 'DecryptError';
  constructor(
    readonly code: 'malformed' | 'algorithm' | 'no-key' | 'tampered' | 'passphrase' | 'wrong-form',
    message: string,
  ) {
    super(message);
  }
}

/** A parsed compact JWE. */
export interface ParsedJwe {
  header: Record<string, unknown>;
  /** The protected header as sent: the additional authenticated data. */
  protectedText: string;
  encryptedKey: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
  tag: Uint8Array<ArrayBuffer>;
}

/** Splits and decodes a compact JWE; throws a DecryptError('malformed') on anything else. */
export function parseJwe(jwe: string): ParsedJwe {
  const parts = typeof jwe === 'string' ? jwe.split('.') : [];
  if (parts.length !== 5)
    throw new DecryptError('malformed', 'This is not an encrypted submission (JWE).');
  try {
    const header = JSON.parse(new TextDecoder().decode(fromBase64url(parts[0]))) as unknown;
    if (typeof header !== 'object' || header === null) throw new TypeError('header');
    return {
      header: header as Record<string, unknown>,
      protectedText: parts[0],
      encryptedKey: fromBase64url(parts[1]),
      iv: fromBase64url(parts[2]),
      ciphertext: fromBase64url(parts[3]),
      tag: fromBase64url(parts[4]),
    };
  } catch {
    throw new DecryptError(
      'malformed',
      'The encrypted submission is damaged (not a readable JWE).',
    );
  }
}

/** The kid a JWE names, or undefined. */
export function kidOf(jwe: string): string | undefined {
  try {
    const kid = parseJwe(jwe).header.kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/** AES-256-GCM with the protected header as AAD; a wrong tag means altered or damaged data. */
async function openContent(jwe: ParsedJwe, cek: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  if (jwe.iv.length !== 12 || jwe.tag.length !== 16) {
    throw new DecryptError('malformed', 'The encrypted submission is damaged (IV or tag).');
  }
  const sealed = new Uint8Array(jwe.ciphertext.length + 16);
  sealed.set(jwe.ciphertext);
  sealed.set(jwe.tag, jwe.ciphertext.length);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: jwe.iv, additionalData: utf8(jwe.protectedText), tagLength: 128 },
        cek,
        sealed,
      ),
    );
  } catch {
    throw new DecryptError(
      'tampered',
      'The encrypted submission was altered or damaged on its way: it cannot be opened.',
    );
  }
}

/**
 * Decrypts a submission's JWE with the office's private key (RSA-OAEP, SHA-256, usage
 * `unwrapKey`: the content key never exists as bytes in JavaScript).
 */
export async function decryptRsaJwe(
  jwe: string,
  privateKey: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = parseJwe(jwe);
  if (
    parsed.header.alg !== 'RSA-OAEP-256' ||
    parsed.header.enc !== 'A256GCM' ||
    'zip' in parsed.header
  ) {
    throw new DecryptError(
      'algorithm',
      'The submission uses encryption the inbox does not accept (only RSA-OAEP-256 with A256GCM).',
    );
  }
  let cek: CryptoKey;
  try {
    cek = await crypto.subtle.unwrapKey(
      'raw',
      parsed.encryptedKey,
      privateKey,
      { name: 'RSA-OAEP' },
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
  } catch {
    throw new DecryptError(
      'tampered',
      'The submission’s key does not open with the office key of this kid: altered, or encrypted to another key.',
    );
  }
  return openContent(parsed, cek);
}

/** PBKDF2 rounds above this are refused: a key file cannot make the browser work for hours. */
const MAX_PBES2_COUNT = 5_000_000;
const PBES2_HASH: Record<string, string> = {
  'PBES2-HS256+A128KW': 'SHA-256',
  'PBES2-HS384+A192KW': 'SHA-384',
  'PBES2-HS512+A256KW': 'SHA-512',
};
const PBES2_KW_BITS: Record<string, number> = {
  'PBES2-HS256+A128KW': 128,
  'PBES2-HS384+A192KW': 192,
  'PBES2-HS512+A256KW': 256,
};

/** Decrypts a JWE encrypted to a passphrase (RFC 7518 4.8), as the key file's entries are. */
export async function decryptPassphraseJwe(
  jwe: string,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = parseJwe(jwe);
  const alg = String(parsed.header.alg);
  const hash = PBES2_HASH[alg];
  const count = parsed.header.p2c;
  if (!hash || parsed.header.enc !== 'A256GCM' || typeof parsed.header.p2s !== 'string') {
    throw new DecryptError('algorithm', 'The key file uses encryption the inbox does not know.');
  }
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 1000 ||
    count > MAX_PBES2_COUNT
  ) {
    throw new DecryptError(
      'algorithm',
      'The key file’s passphrase protection has an unusable round count.',
    );
  }
  const p2s = fromBase64url(parsed.header.p2s);
  // The salt: the algorithm's name, a zero byte, then p2s.
  const name = utf8(alg);
  const salt = new Uint8Array(name.length + 1 + p2s.length);
  salt.set(name);
  salt.set(p2s, name.length + 1);
  const material = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  const kek = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash, salt, iterations: count },
    material,
    { name: 'AES-KW', length: PBES2_KW_BITS[alg] },
    false,
    ['unwrapKey'],
  );
  let cek: CryptoKey;
  try {
    cek = await crypto.subtle.unwrapKey(
      'raw',
      parsed.encryptedKey,
      kek,
      'AES-KW',
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
  } catch {
    throw new DecryptError('passphrase', 'The passphrase is not right for this key file.');
  }
  return openContent(parsed, cek);
}
