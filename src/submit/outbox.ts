/**
 * The outbox: submissions that could not be delivered wait in IndexedDB and are sent again, with
 * the same `Idempotency-Key`, when the browser comes online, when the page becomes visible again,
 * and on the next page load that embeds the same form. No service worker: a script embedded in
 * someone else's site cannot register one for it.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { WireEnvelope } from './envelope.js';

/** One waiting submission. */
export interface OutboxEntry {
  /** The `Idempotency-Key`: the same for every attempt. */
  key: string;
  formId: string;
  action: string;
  headers: Record<string, string>;
  envelope: WireEnvelope;
  /** When it was first queued (ms since epoch). */
  queuedAt: number;
  attempts: number;
}

let store: UseStore | undefined;

function outboxStore(): UseStore {
  store ??= createStore('intake-elements-outbox', 'submissions');
  return store;
}

/** Puts a submission in the outbox (replacing an entry with the same key). */
export async function queueSubmission(entry: OutboxEntry): Promise<void> {
  await set(entry.key, entry, outboxStore());
}

/** Takes a delivered (or finally rejected) submission out. */
export async function removeSubmission(key: string): Promise<void> {
  await del(key, outboxStore());
}

/** The waiting submissions of one form (all forms without `formId`), oldest first. */
export async function pendingSubmissions(formId?: string): Promise<OutboxEntry[]> {
  const all = (await entries<string, OutboxEntry>(outboxStore())).map(([, entry]) => entry);
  return all
    .filter((entry) => formId === undefined || entry.formId === formId)
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * Runs `flush` while no other tab or form of this origin flushes the same outbox (Web Locks), so
 * that one submission is not sent twice at the same moment. Where Web Locks are missing, runs it.
 */
export async function withOutboxLock<T>(flush: () => Promise<T>): Promise<T | undefined> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return flush();
  return locks.request('intake-elements-outbox', { ifAvailable: true }, async (lock) =>
    lock ? flush() : undefined,
  );
}
