/**
 * A token bucket per client: `perMinute` tokens refill evenly over a minute, up to `burst`.
 * In memory, per process; behind several receiver processes each counts on its own.
 */

/** How many buckets before full (idle) ones are dropped, so memory stays bounded. */
const SWEEP_AT = 10_000;

/**
 * @param {{ perMinute?: number, burst?: number, now?: () => number }} [options] `perMinute: 0`
 *   turns limiting off
 */
export function createRateLimiter({ perMinute = 30, burst = perMinute, now = Date.now } = {}) {
  const buckets = new Map();
  const rate = perMinute / 60_000; // tokens per millisecond

  /** @returns {{ ok: true } | { ok: false, retryAfter: number }} retryAfter in whole seconds */
  function take(client) {
    if (!(perMinute > 0)) return { ok: true };
    const time = now();
    let bucket = buckets.get(client);
    if (!bucket) {
      if (buckets.size >= SWEEP_AT) sweep(time);
      bucket = { tokens: burst, at: time };
      buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + (time - bucket.at) * rate);
    bucket.at = time;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)) };
  }

  function sweep(time) {
    for (const [client, bucket] of buckets) {
      if (bucket.tokens + (time - bucket.at) * rate >= burst) buckets.delete(client);
    }
    // Still full of active clients: start over rather than grow without bound.
    if (buckets.size >= SWEEP_AT) buckets.clear();
  }

  return { take, size: () => buckets.size };
}
