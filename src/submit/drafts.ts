/**
 * Private drafts (`draft="local"`): unfinished answers saved in this browser, sealed with AES-GCM
 * (src/submit/sealed.ts). By default with the device key, which keeps the draft from other sites
 * and from a copy of the records alone, but not from someone who reads the browser's files on
 * disk (the key lies beside the draft). A draft can instead be protected by a passphrase the
 * person chooses; then the key is derived from it and never stored. Drafts expire (default
 * 7 days) and are deleted after a successful submission and by `reset()`.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { JsonValue } from '../model/types.js';
import { DEFAULT_DRAFT_DAYS } from './defaults.js';
import { deviceKey, passphraseKey, seal, unseal, type Sealed } from './sealed.js';

/** How a passphrase-protected draft's key was derived (stored; the passphrase is not). */
export interface DraftLock {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
}

/** A key the person unlocked with their passphrase, kept in memory to save again with it. */
export interface DraftPassphraseKey extends DraftLock {
  key: CryptoKey;
}

interface StoredDraft extends Sealed {
  savedAt: number;
  expiresAt: number;
  /** Present when the draft is protected by a passphrase. */
  lock?: DraftLock;
}

/** A draft as restored. */
export interface Draft {
  version: string | undefined;
  data: JsonValue;
  savedAt: number;
}

/** What can be said of a saved draft without opening it. */
export interface DraftInfo {
  savedAt: number;
  /** It needs the person's passphrase to open. */
  locked: boolean;
}

let drafts: UseStore | undefined;

function draftStore(): UseStore {
  drafts ??= createStore('intake-elements-drafts', 'drafts');
  return drafts;
}

/** Saves (replaces) the draft of a form; with `passphrase` it is sealed with that key. */
export async function saveDraft(
  formId: string,
  version: string | undefined,
  data: JsonValue,
  days = DEFAULT_DRAFT_DAYS,
  passphrase?: DraftPassphraseKey,
): Promise<void> {
  const key = passphrase?.key ?? (await deviceKey('draft-key'));
  const sealed = await seal({ version, data }, key);
  const savedAt = Date.now();
  const stored: StoredDraft = { ...sealed, savedAt, expiresAt: savedAt + days * 86_400_000 };
  if (passphrase) stored.lock = { salt: passphrase.salt, iterations: passphrase.iterations };
  await set(formId, stored, draftStore());
}

/** The stored draft, unless there is none or it expired (then it is deleted). */
async function stored(formId: string, now: number): Promise<StoredDraft | undefined> {
  const draft = await get<StoredDraft>(formId, draftStore());
  if (!draft) return undefined;
  if (draft.expiresAt <= now) {
    await deleteDraft(formId);
    return undefined;
  }
  return draft;
}

/** Whether a form has a draft, and whether it needs a passphrase, without opening it. */
export async function draftInfo(formId: string, now = Date.now()): Promise<DraftInfo | undefined> {
  const draft = await stored(formId, now);
  return draft && { savedAt: draft.savedAt, locked: Boolean(draft.lock) };
}

/** The draft of a form, or `undefined` (none, expired — then deleted — or unreadable). */
export async function loadDraft(formId: string, now = Date.now()): Promise<Draft | undefined> {
  const draft = await stored(formId, now);
  if (!draft || draft.lock) return undefined;
  try {
    const { version, data } = await unseal<{ version?: string; data: JsonValue }>(
      draft,
      await deviceKey('draft-key'),
    );
    return { version, data, savedAt: draft.savedAt };
  } catch {
    // A draft that no longer decrypts (the key was cleared) is of no use to anyone.
    await deleteDraft(formId);
    return undefined;
  }
}

/**
 * Opens a passphrase-protected draft: the draft and the key (to save again with it), or
 * `undefined` when the passphrase does not open it (the draft stays: the person may retry).
 */
export async function unlockDraft(
  formId: string,
  passphrase: string,
  now = Date.now(),
): Promise<{ draft: Draft; key: DraftPassphraseKey } | undefined> {
  const draft = await stored(formId, now);
  if (!draft?.lock) return undefined;
  const key = await passphraseKey(passphrase, draft.lock.salt, draft.lock.iterations);
  try {
    const { version, data } = await unseal<{ version?: string; data: JsonValue }>(draft, key);
    return {
      draft: { version, data, savedAt: draft.savedAt },
      key: { key, ...draft.lock },
    };
  } catch {
    return undefined;
  }
}

/** Deletes the draft of a form. */
export async function deleteDraft(formId: string): Promise<void> {
  await del(formId, draftStore());
}
