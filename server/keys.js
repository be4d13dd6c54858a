/**
 * The office's encryption keys as the receiver sees them: PUBLIC keys only, in
 * `<KEYS_DIR>/keys.json`, written by `intake-elements keys` (cli/keys.js). The private keys never
 * come here; they stay in the passphrase-protected key file on the caseworkers' side.
 *
 * keys.json: `{ "current": "<kid>", "keys": [{ "kid", "createdAt", "expiresAt": null | ISO,
 * "publicKey": <JWK> }] }`. `expiresAt` ends the time in which NEW submissions encrypted to that
 * key are accepted (after a rotation, the grace period for submissions still waiting in a
 * person's outbox); the key's old submissions stay readable with its private key for ever.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The file in KEYS_DIR. */
export const KEY_SET_FILE = 'keys.json';

/**
 * Reads the key set of `keysDir`, again whenever the file changes (a rotation needs no restart).
 *
 * @param {{ keysDir?: string, now?: () => number }} options
 */
export function createKeyStore({ keysDir, now = Date.now }) {
  let cached;

  /** @returns {Promise<{ current?: string, keys: Array<{ kid: string, createdAt?: string,
   *   expiresAt?: string | null, publicKey: Record<string, unknown> }> }>} */
  async function load() {
    if (!keysDir) return { keys: [] };
    const file = join(keysDir, KEY_SET_FILE);
    let info;
    try {
      info = await stat(file);
    } catch {
      return { keys: [] };
    }
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.set;
    const set = parseKeySet(await readFile(file, 'utf8'));
    cached = { mtimeMs: info.mtimeMs, size: info.size, set };
    return set;
  }

  /** Whether the key still takes new submissions. */
  const live = (key) => !key.expiresAt || Date.parse(key.expiresAt) > now();

  return {
    /** The key by its `kid`, with `expired` (no new submissions), or undefined. */
    async find(kid) {
      const key = (await load()).keys.find((k) => k.kid === kid);
      return key && { ...key, expired: !live(key) };
    },
    /** The key new submissions are encrypted to, or undefined (none, or it expired). */
    async current() {
      const set = await load();
      const key = set.keys.find((k) => k.kid === set.current);
      return key && live(key) ? key : undefined;
    },
  };
}

/** Parses keys.json; throws on a file that is not a key set (a broken KEYS_DIR is an error). */
export function parseKeySet(text) {
  const set = JSON.parse(text);
  if (typeof set !== 'object' || set === null || !Array.isArray(set.keys)) {
    throw new Error(`${KEY_SET_FILE} is not a key set`);
  }
  for (const key of set.keys) {
    if (
      typeof key?.kid !== 'string' ||
      typeof key.publicKey !== 'object' ||
      key.publicKey === null
    ) {
      throw new Error(`${KEY_SET_FILE} has a key without kid or publicKey`);
    }
    if ('d' in key.publicKey) throw new Error(`${KEY_SET_FILE} holds a PRIVATE key: remove it`);
  }
  return set;
}

/** The public JWK as served and as put into definitions: standard members only. */
export function publicJwk(key) {
  const { kty, n, e } = key.publicKey;
  return { kty, kid: key.kid, use: 'enc', alg: 'RSA-OAEP-256', n, e };
}
