/**
 * The office's private keys in the caseworker's browser: imported once from the key file (made
 * by `intake-elements keys`) with its passphrase, then kept as NON-EXTRACTABLE WebCrypto keys in
 * this browser's IndexedDB. Scripts, including the inbox's own, can use them to decrypt but
 * never read them out; nothing of them is ever sent to the server.
 */
import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { DecryptError, decryptPassphraseJwe } from './jwe-decrypt.js';

/** One stored key. */
export interface StoredKey {
  kid: string;
  createdAt?: string;
  importedAt: string;
  key: CryptoKey;
}

/** What an import did: the kids now here, and those the passphrase did not open. */
export interface ImportResult {
  imported: string[];
  failed: Array<{ kid: string; message: string }>;
}

let store: UseStore | undefined;
/** The IndexedDB store (database `intake-inbox-keys`), opened on first use. */
function keyStore(): UseStore {
  store ??= createStore('intake-inbox-keys', 'keys');
  return store;
}

/**
 * Imports every key of a key file with `passphrase`. The private JWK exists in memory only for
 * the moment of the import; what is stored is the non-extractable key.
 */
export async function importKeyFile(fileText: string, passphrase: string): Promise<ImportResult> {
  let file: { format?: unknown; keys?: unknown };
  try {
    file = JSON.parse(fileText) as typeof file;
  } catch {
    throw new DecryptError('malformed', 'This is not a key file (not JSON).');
  }
  if (file?.format !== 'intake-elements-private-keys' || !Array.isArray(file.keys)) {
    throw new DecryptError('malformed', 'This is not a key file made by "intake-elements keys".');
  }
  const result: ImportResult = { imported: [], failed: [] };
  for (const entry of file.keys as Array<{ kid?: unknown; createdAt?: unknown; jwe?: unknown }>) {
    const kid = typeof entry?.kid === 'string' ? entry.kid : '?';
    try {
      if (typeof entry.jwe !== 'string')
        throw new DecryptError('malformed', 'The entry has no key.');
      const jwk = JSON.parse(
        new TextDecoder().decode(await decryptPassphraseJwe(entry.jwe, passphrase)),
      ) as JsonWebKey & { kid?: string };
      if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string' || jwk.kid !== kid) {
        throw new DecryptError('malformed', 'The entry is not the private RSA key it names.');
      }
      const key = await crypto.subtle.importKey(
        'jwk',
        {
          kty: 'RSA',
          n: jwk.n,
          e: jwk.e,
          d: jwk.d,
          p: jwk.p,
          q: jwk.q,
          dp: jwk.dp,
          dq: jwk.dq,
          qi: jwk.qi,
          alg: 'RSA-OAEP-256',
          ext: false,
        },
        { name: 'RSA-OAEP', hash: 'SHA-256' },
        false,
        ['unwrapKey'],
      );
      const stored: StoredKey = {
        kid,
        createdAt: typeof entry.createdAt === 'string' ? entry.createdAt : undefined,
        importedAt: new Date().toISOString(),
        key,
      };
      await set(kid, stored, keyStore());
      result.imported.push(kid);
    } catch (error) {
      result.failed.push({ kid, message: (error as Error).message });
    }
  }
  return result;
}

/** The stored key of `kid`, or undefined. */
export async function keyFor(kid: string): Promise<StoredKey | undefined> {
  return get<StoredKey>(kid, keyStore());
}

/** The kids of the stored keys, with when they were made and imported (never the keys). */
export async function listKeys(): Promise<Array<Omit<StoredKey, 'key'>>> {
  const all = await entries<string, StoredKey>(keyStore());
  return all.map(([, { kid, createdAt, importedAt }]) => ({ kid, createdAt, importedAt }));
}

/** Removes one key (`kid`) or all of them from this browser. */
export async function forgetKeys(kid?: string): Promise<void> {
  if (kid === undefined) await clear(keyStore());
  else await del(kid, keyStore());
}
