/**
 * A token bucket per client: `perMinute` tokens refill evenly over a minute, up to `burst`.
 * In memory, per process: the limiter for SQLite (one receiver process). On PostgreSQL the
 * receivers share their buckets through the database instead (./rate-limit-shared.js).
 */

import { isIPv4, isIPv6 } from 'node:net';

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

/**
 * The key a client is counted under: an IPv4 address as it is (also when it arrives IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address by its /64 network. One household, phone or server gets a
 * whole /64 and picks addresses in it freely (privacy addresses change by the hour), so counting
 * each address would let one client have 2⁶⁴ buckets.
 *
 * @param {string} address
 * @returns {string}
 */
export function rateLimitKey(address) {
  const plain = address.replace(/%.*$/, '');
  if (!isIPv6(plain)) return address;
  const groups = expandIPv6(plain);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const v4 = [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
    if (isIPv4(v4)) return v4;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail read). */
function expandIPv6(address) {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}
