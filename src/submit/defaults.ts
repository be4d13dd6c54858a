/**
 * Defaults of sending and drafts, in one place: the element's properties start from them and
 * the modules that send and store fall back to them (a small module of its own, so that the main
 * file can read them without the code of drafts).
 */

/** Milliseconds before one attempt to send is given up. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Days a local draft is kept. */
export const DEFAULT_DRAFT_DAYS = 7;

/** How often, and how patiently, a submission is sent again (src/submit/deliver.ts). */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first backoff ceiling; doubled after each attempt. */
  baseDelayMs: number;
  /** No wait is longer than this (a longer `Retry-After` ends the retries: the outbox takes over). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 15_000 };
