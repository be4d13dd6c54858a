/**
 * The submission rate limit shared by every receiver on one PostgreSQL: the same token bucket
 * as ./rate-limit.js (`perMinute` tokens refill evenly over a minute, up to `burst`), kept in
 * the `rate_limits` table. Behind a load balancer without sticky routing a client's requests
 * land on any process; counting in each process alone would multiply the limit by their number.
 *
 * One statement per request takes a token: an upsert whose update only happens when the bucket
 * holds a token, so two processes taking the last token at once cannot both get it (the row
 * lock orders them). Times come from each process's clock in milliseconds; receivers on several
 * machines need synchronised clocks (NTP), as for their logs.
 *
 * When the database does not answer, this process counts on its own (./rate-limit.js) until it
 * answers again, rather than refusing or waving through everybody.
 */
import { sql } from 'kysely';
import { createRateLimiter } from './rate-limit.js';

/** How many takes between deletions of full (idle) buckets. */
const SWEEP_EVERY = 1000;

/**
 * The limiter a receiver uses: shared through the database on PostgreSQL, in memory on SQLite
 * (one process per SQLite file is the supported setup).
 *
 * @param {{ databaseUrl?: string, rateLimit: { perMinute: number, burst?: number,
 *   now?: () => number } | false, useStorage: () => Promise<object>,
 *   write: (entry: object) => void }} options
 * @returns {{ take: (client: string) => { ok: true } | { ok: false, retryAfter: number }
 *   | Promise<{ ok: true } | { ok: false, retryAfter: number }> }}
 */
export function rateLimiterFor({ databaseUrl, rateLimit, useStorage, write }) {
  if (rateLimit === false || !(rateLimit.perMinute > 0)) return createRateLimiter({ perMinute: 0 });
  if (!databaseUrl) return createRateLimiter(rateLimit);
  return createSharedRateLimiter({ ...rateLimit, useStorage, write });
}

/**
 * @param {{ perMinute: number, burst?: number, now?: () => number,
 *   useStorage: () => Promise<object>, write: (entry: object) => void }} options
 */
export function createSharedRateLimiter({
  perMinute,
  burst = perMinute,
  now = Date.now,
  useStorage,
  write,
}) {
  const rate = perMinute / 60_000; // tokens per millisecond
  const fallback = createRateLimiter({ perMinute, burst, now });
  let takes = 0;
  let failing = false;

  /** @returns {Promise<{ ok: true } | { ok: false, retryAfter: number }>} */
  async function take(client) {
    const time = now();
    let db;
    try {
      ({ db } = await useStorage());
      const refilled = sql`LEAST(${burst}, ${sql.ref('rate_limits.tokens')} +
        GREATEST(0, ${time} - ${sql.ref('rate_limits.at_ms')}) * ${rate})`;
      const granted = await db
        .insertInto('rate_limits')
        .values({ client_key: client, tokens: burst - 1, at_ms: time })
        .onConflict((conflict) =>
          conflict
            .column('client_key')
            .doUpdateSet({
              tokens: sql`${refilled} - 1`,
              at_ms: sql`GREATEST(${sql.ref('rate_limits.at_ms')}, ${time})`,
            })
            .where(sql`${refilled} >= 1`),
        )
        .returning('client_key')
        .executeTakeFirst();
      if (failing) {
        failing = false;
        write({ level: 'info', event: 'rate-limit', message: 'shared again' });
      }
      if (++takes % SWEEP_EVERY === 0) sweep(db, time);
      if (granted) return { ok: true };
      // No token: how long until there is one.
      const row = await db
        .selectFrom('rate_limits')
        .select(['tokens', 'at_ms'])
        .where('client_key', '=', client)
        .executeTakeFirst();
      const tokens = row
        ? Math.min(burst, Number(row.tokens) + Math.max(0, time - Number(row.at_ms)) * rate)
        : 0;
      return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / rate / 1000)) };
    } catch (error) {
      if (!failing) {
        failing = true;
        write({ level: 'error', event: 'rate-limit', error: error.message, fallback: 'memory' });
      }
      return fallback.take(client);
    }
  }

  /** Deletes buckets that have refilled completely: they are the same as no row. */
  function sweep(db, time) {
    const fullAfter = burst / rate;
    db.deleteFrom('rate_limits')
      .where('at_ms', '<', time - fullAfter)
      .execute()
      .catch(() => {});
  }

  return { take };
}
