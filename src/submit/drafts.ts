/**
 * Private drafts (`draft="local"`): unfinished answers saved in this browser, encrypted at rest
 * with AES-GCM. The key is a non-extractable CryptoKey kept in IndexedDB: scripts can use it but
 * nobody can read it out, and the stored draft is unreadable without it. Drafts expire (default
 * 7 days) and are deleted after a successful submission and by `reset()`.
 */
import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';
import type { JsonValue } from '../model/types.js';
import { DEFAULT_DRAFT_DAYS } from './defaults.js';

interface StoredDraft {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
  savedAt: number;
  expiresAt: number;
}

/** A draft as restored. */
export interface Draft {
  version: string | undefined;
  data: JsonValue;
  savedAt: number;
}

let keys: UseStore | undefined;
let drafts: UseStore | undefined;

function keyStore(): UseStore {
  keys ??= createStore('intake-elements-keys', 'keys');
  return keys;
}

function draftStore(): UseStore {
  drafts ??= createStore('intake-elements-drafts', 'drafts');
  return drafts;
}

/** The key being created, while it is: two saves at once must not make two keys. */
let creating: Promise<CryptoKey> | undefined;

async function draftKey(): Promise<CryptoKey> {
  const existing = await get<CryptoKey>('draft-key', keyStore());
  if (existing) return existing;
  creating ??= createKey().finally(() => (creating = undefined));
  return creating;
}

async function createKey(): Promise<CryptoKey> {
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Another tab may have stored a key meanwhile: the first one stored wins (one transaction),
  // and every draft is encrypted with it.
  await update<CryptoKey>('draft-key', (current) => current ?? fresh, keyStore());
  return (await get<CryptoKey>('draft-key', keyStore())) ?? fresh;
}

/** Saves (replaces) the draft of a form. */
export async function saveDraft(
  formId: string,
  version: string | undefined,
  data: JsonValue,
  days = DEFAULT_DRAFT_DAYS,
): Promise<void> {
  const key = await draftKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify({ version, data }));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  const savedAt = Date.now();
  const stored: StoredDraft = { iv, ciphertext, savedAt, expiresAt: savedAt + days * 86_400_000 };
  await set(formId, stored, draftStore());
}

/** The draft of a form, or `undefined` (none, expired — then deleted — or unreadable). */
export async function loadDraft(formId: string, now = Date.now()): Promise<Draft | undefined> {
  const stored = await get<StoredDraft>(formId, draftStore());
  if (!stored) return undefined;
  if (stored.expiresAt <= now) {
    await deleteDraft(formId);
    return undefined;
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: stored.iv },
      await draftKey(),
      stored.ciphertext,
    );
    const { version, data } = JSON.parse(new TextDecoder().decode(plain)) as {
      version?: string;
      data: JsonValue;
    };
    return { version, data, savedAt: stored.savedAt };
  } catch {
    // A draft that no longer decrypts (the key was cleared) is of no use to anyone.
    await deleteDraft(formId);
    return undefined;
  }
}

/** Deletes the draft of a form. */
export async function deleteDraft(formId: string): Promise<void> {
  await del(formId, draftStore());
}
