/**
 * Delivers one submission: sends it, and on a failure worth retrying (network, timeout, 408,
 * 429, 5xx) tries again a few times with exponential backoff and full jitter, honouring
 * `Retry-After`. Every attempt carries the same `Idempotency-Key`, so the server stores it once.
 */
import { DEFAULT_RETRY, type RetryPolicy } from './defaults.js';
import { sendEnvelope, type SendOptions, type SendResult } from './send-envelope.js';

// The policy lives with the other defaults, which the main file reads without this code.
export { DEFAULT_RETRY, type RetryPolicy };

/** Waits `ms` milliseconds (`deliver` takes another `wait`, as tests do). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The wait before attempt `attempt + 1` (full jitter: anywhere up to the ceiling). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** Sends with retries; the last result tells whether the submission should wait in the outbox. */
export async function deliver(
  options: SendOptions,
  policy: RetryPolicy = DEFAULT_RETRY,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<SendResult> {
  let result: SendResult = await sendEnvelope(options);
  for (let attempt = 1; attempt < policy.attempts; attempt++) {
    if (result.kind !== 'failed' || !result.retryable) return result;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return result;
    const delay = result.retryAfterMs ?? backoffDelay(attempt - 1, policy);
    if (delay > policy.maxDelayMs) return result;
    await wait(delay);
    result = await sendEnvelope(options);
  }
  return result;
}
