/**
 * Where a raw definition's compiled validators are kept across visits: IndexedDB, one entry per
 * schema, so that a returning visitor's browser does not compile the same schema with ajv again
 * (src/validation/standalone-validators.ts writes and reads the code).
 *
 * Safe by construction:
 * - the key is the SHA-256 of the schema's JSON text together with the URL of this module, whose
 *   built file name carries a hash of the compiler chunk's content: another release of the
 *   library (or of ajv) never reads code an earlier one wrote;
 * - the entry holds the schema's text as well, and is used only when that text is the same
 *   (a hash collision cannot hand a form another form's validators);
 * - it is bounded: at most `MAX_ENTRIES` schemas, each of at most `MAX_CODE` characters of code,
 *   the least recently used dropped first;
 * - anything that goes wrong (no IndexedDB, a private window, a full disk, an entry that does not
 *   evaluate) means compiling as if there were no cache; a broken entry is deleted.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * One kept schema: its JSON text and the CommonJS code of its validators, keyed as in `keys`, in
 * batches, each evaluated on its own.
 */
export interface CacheEntry {
  text: string;
  code: string[];
  /** The validator key (`#shell`, `#property:…`, a location) of the code's export `v<i>`. */
  keys: string[];
}

/** At most this many schemas are kept. */
export const MAX_ENTRIES = 8;
/** Code longer than this (characters) is not kept: a form of thousands of fields compiles. */
export const MAX_CODE = 8 * 1024 * 1024;

const INDEX_KEY = '#index';
let store: UseStore | undefined;
let writes: Promise<void> = Promise.resolve();
/** Code being written out, not yet handed to `writeEntry`. */
const pending = new Set<Promise<void>>();

function cacheStore(): UseStore {
  return (store ??= createStore('intake-elements-validators', 'validators'));
}

/**
 * The cache key of a schema's JSON text, or `undefined` where nothing can be kept (no IndexedDB,
 * or no `crypto.subtle`: a page not served over HTTPS or from localhost).
 */
export async function cacheKey(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || typeof indexedDB === 'undefined') return undefined;
  const bytes = new TextEncoder().encode(`${import.meta.url}\n${text}`);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry | undefined;
  return (
    typeof entry?.text === 'string' &&
    Array.isArray(entry.code) &&
    entry.code.every((batch) => typeof batch === 'string') &&
    Array.isArray(entry.keys) &&
    entry.keys.every((key) => typeof key === 'string')
  );
}

/** The entry kept for `text` under `key`, or `undefined` (none, another text, unreadable). */
export async function readEntry(key: string, text: string): Promise<CacheEntry | undefined> {
  try {
    const entry: unknown = await get(key, cacheStore());
    if (!isEntry(entry) || entry.text !== text) return undefined;
    queue(() => touch(key, false));
    return entry;
  } catch {
    return undefined;
  }
}

/** Keeps `entry` under `key` (later: after the writes asked for before it). */
export function writeEntry(key: string, entry: CacheEntry): Promise<void> {
  if (entry.code.reduce((length, batch) => length + batch.length, 0) > MAX_CODE) return writes;
  return queue(async () => {
    await set(key, entry, cacheStore());
    await touch(key, false);
  });
}

/** Forgets the entry under `key` (it did not evaluate). */
export function dropEntry(key: string): Promise<void> {
  return queue(async () => {
    await del(key, cacheStore());
    await touch(key, true);
  });
}

/** Counts `work` (code being written out for the cache) as pending until it ends. */
export function track(work: Promise<void>): void {
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

/**
 * Resolves once every entry asked for so far is written (or failed): tests and benchmarks wait
 * for it instead of guessing how long the browser takes to be idle.
 */
export async function cacheSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
  await writes;
}

function queue(write: () => Promise<void>): Promise<void> {
  writes = writes.then(write).catch(() => undefined);
  return writes;
}

/**
 * Records that `key` was used now (or, `removed`, that it is gone) in the index of keys by last
 * use, and deletes the least recently used entries beyond `MAX_ENTRIES`.
 */
async function touch(key: string, removed: boolean): Promise<void> {
  const found: unknown = await get(INDEX_KEY, cacheStore());
  const index = (Array.isArray(found) ? (found as string[]) : []).filter((k) => k !== key);
  if (!removed) index.push(key);
  const dropped = index.splice(0, Math.max(0, index.length - MAX_ENTRIES));
  await Promise.all(dropped.map((old) => del(old, cacheStore())));
  await set(INDEX_KEY, index, cacheStore());
}
