/**
 * The outbox: submissions that could not be delivered wait in IndexedDB and are sent again, with
 * the same `Idempotency-Key`, when the browser comes online, when the page becomes visible again,
 * and on the next page load that embeds the same form. No service worker: a script embedded in
 * someone else's site cannot register one for it.
 *
 * What waits is sealed with the outbox's device key (src/submit/sealed.ts): the address, the
 * envelope (with `ui:sensitive` answers and files) and a refusal's details. Request headers are
 * never stored (a CSRF token from the page is taken afresh when the entry is sent). Entries
 * expire after `OUTBOX_DAYS`: they are then no longer sent, and the person is told and may
 * download or delete them (src/controllers/outbox-sender.ts).
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { WireEnvelope } from './envelope.js';
import { deviceKey, seal, unseal, type Sealed } from './sealed.js';
import type { ServerFieldError } from './send-envelope.js';

/** Days a waiting submission is tried; after them it is no longer sent and the person is told. */
export const OUTBOX_DAYS = 30;

/** Why a waiting submission is no longer sent by itself (it stays until the person decides). */
export interface OutboxProblem {
  /** `expired`, or the answer's HTTP status (413, 415, 403, 422…). */
  reason: 'expired' | 'refused';
  status?: number;
  /** The server's field errors (problem+json), for 400 and 422. */
  errors?: ServerFieldError[];
  title?: string;
}

/** One waiting submission. */
export interface OutboxEntry {
  /** The `Idempotency-Key`: the same for every attempt. */
  key: string;
  formId: string;
  action: string;
  envelope: WireEnvelope;
  /** When it was first queued (ms since epoch). */
  queuedAt: number;
  attempts: number;
  /** Set when it is stuck: refused for good, or expired. */
  problem?: OutboxProblem;
}

/** What is sealed of an entry. */
type SealedPart = Pick<OutboxEntry, 'action' | 'envelope' | 'problem'>;

/** An entry as stored: only what orders and routes it is in the clear. */
interface StoredEntry extends Sealed {
  key: string;
  formId: string;
  queuedAt: number;
  attempts: number;
}

let store: UseStore | undefined;

function outboxStore(): UseStore {
  store ??= createStore('intake-elements-outbox', 'submissions');
  return store;
}

const outboxKey = () => deviceKey('outbox-key');

/** Puts a submission in the outbox (replacing an entry with the same key). */
export async function queueSubmission(entry: OutboxEntry): Promise<void> {
  const { key, formId, queuedAt, attempts, action, envelope, problem } = entry;
  const part: SealedPart = { action, envelope, problem };
  const sealed = await seal(part, await outboxKey());
  const stored: StoredEntry = { key, formId, queuedAt, attempts, ...sealed };
  await set(key, stored, outboxStore());
}

/** Takes a delivered (or deleted) submission out. */
export async function removeSubmission(key: string): Promise<void> {
  await del(key, outboxStore());
}

/**
 * The waiting submissions of one form (all forms without `formId`), oldest first. An entry
 * that no longer opens (its key was cleared with the site's data) cannot be sent by anyone and
 * is removed.
 */
export async function pendingSubmissions(formId?: string): Promise<OutboxEntry[]> {
  const all = (await entries<string, StoredEntry>(outboxStore())).map(([, entry]) => entry);
  const mine = all
    .filter((entry) => formId === undefined || entry.formId === formId)
    .sort((a, b) => a.queuedAt - b.queuedAt);
  const key = await outboxKey();
  const result: OutboxEntry[] = [];
  for (const stored of mine) {
    const { key: id, formId: form, queuedAt, attempts } = stored;
    if (isUnsealed(stored)) {
      // Queued by a version before sealing: sent as it is, sealed now, its headers dropped.
      const { action, envelope } = stored;
      const entry: OutboxEntry = { key: id, formId: form, queuedAt, attempts, action, envelope };
      await queueSubmission(entry);
      result.push(entry);
      continue;
    }
    try {
      const part = await unseal<SealedPart>(stored, key);
      result.push({ key: id, formId: form, queuedAt, attempts, ...part });
    } catch {
      await removeSubmission(id);
    }
  }
  return result;
}

/** An entry stored in the clear by an earlier version (with its headers). */
function isUnsealed(
  stored: StoredEntry | (OutboxEntry & { headers?: unknown }),
): stored is OutboxEntry & { headers?: unknown } {
  return 'envelope' in stored && !('ciphertext' in stored);
}

/** Whether an entry waited longer than `OUTBOX_DAYS`. */
export function expired(entry: OutboxEntry, now = Date.now()): boolean {
  return now - entry.queuedAt > OUTBOX_DAYS * 86_400_000;
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
