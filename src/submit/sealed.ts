/**
 * Sealing what this browser keeps (drafts and the outbox): JSON encrypted with AES-GCM.
 *
 * Two kinds of key, and what each protects against (docs/security.md, "Threats"):
 * - The device key: a non-extractable AES-GCM CryptoKey kept in IndexedDB. Scripts of this origin
 *   can use it but not read it out, so what is sealed is not readable in a copy of the stored
 *   records alone, nor by other origins. It does NOT protect against someone who reads the
 *   browser's files on disk: the key is serialised in the same IndexedDB files as what it seals.
 * - A passphrase key: derived from a passphrase the person chooses (PBKDF2, SHA-256, 600,000
 *   iterations, a fresh random salt per draft) and held in memory only; neither the passphrase
 *   nor the key is ever stored. This one does hold against the disk (as far as the passphrase is
 *   hard to guess).
 */
import { createStore, get, update, type UseStore } from 'idb-keyval';

/** A sealed value as stored: the IV and the ciphertext; nothing of the plain text. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

/** PBKDF2 iterations for passphrase keys (OWASP 2023 for PBKDF2-HMAC-SHA256). */
export const PASSPHRASE_ITERATIONS = 600_000;

let keys: UseStore | undefined;

function keyStore(): UseStore {
  keys ??= createStore('intake-elements-keys', 'keys');
  return keys;
}

/** Keys being created, by name, while they are: two saves at once must not make two keys. */
const creating = new Map<string, Promise<CryptoKey>>();

/**
 * The device key called `name` (created on first use). Drafts use `draft-key`, the outbox
 * `outbox-key`: clearing one store's key leaves the other's records readable.
 */
export async function deviceKey(name: string): Promise<CryptoKey> {
  const existing = await get<CryptoKey>(name, keyStore());
  if (existing) return existing;
  let pending = creating.get(name);
  if (!pending) {
    pending = createKey(name).finally(() => creating.delete(name));
    creating.set(name, pending);
  }
  return pending;
}

async function createKey(name: string): Promise<CryptoKey> {
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Another tab may have stored a key meanwhile: the first one stored wins (one transaction),
  // and everything is sealed with it.
  await update<CryptoKey>(name, (current) => current ?? fresh, keyStore());
  return (await get<CryptoKey>(name, keyStore())) ?? fresh;
}

/** A new random salt for a passphrase key. */
export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(16));
}

/** The AES-GCM key of `passphrase` with `salt` (PBKDF2-SHA-256); non-extractable, never stored. */
export async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations = PASSPHRASE_ITERATIONS,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals `value` (as JSON) with `key`, under a fresh random IV. */
export async function seal(value: unknown, key: CryptoKey): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return { iv, ciphertext };
}

/** Opens what `seal` sealed; rejects with a wrong key or altered bytes. */
export async function unseal<T>(sealed: Sealed, key: CryptoKey): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv },
    key,
    sealed.ciphertext,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
