/**
 * A durable outbox: work that must leave the service after a submission is stored (a webhook
 * POST, ./webhooks.js; a new-request e-mail, ./notify.js) is a row in a table, so that it
 * survives a stop or a crash. The row's columns the outbox reads and writes are the same in
 * every such table:
 *
 *   id, state ('pending' | 'delivered' | 'failed'), attempts, next_attempt_at, last_attempt_at,
 *   last_status, last_error, delivered_at
 *
 * Timers in this process try a row when it is due; a sweep every `sweepMs` (and one soon after
 * start) also picks up rows whose process ended before their next try. A try first moves the
 * row's `next_attempt_at` on by a lease, in one UPDATE that only one process can win, so two
 * receivers on one database never send the same row at once. A failed try is repeated after a
 * pause that doubles each time (with random jitter), up to `attempts` tries; then the row is
 * `failed`.
 */

/** A try in progress holds its row this long (longer than any one try may take). */
export const LEASE_MS = 60_000;

/**
 * @typedef {{ ok: boolean, status?: number, error?: string }} Outcome
 *
 * @typedef {object} OutboxOptions
 * @property {string} table the table's name
 * @property {() => Promise<object>} useStorage the receiver's storage once open
 * @property {(entry: object) => void} write the receiver's log
 * @property {(row: object, signal: AbortSignal) => Promise<Outcome>} send one try; never throws
 * @property {string[]} columns the row's columns that `send` and `about` need
 * @property {(row: object) => object} about what the log may say of a row (no personal data)
 * @property {{ delivered: string, retry: string, failed: string }} events log event names
 * @property {number} attempts before a row is `failed`
 * @property {number} retryMs the first pause; doubled each time
 * @property {number} [maxRetryMs] the longest pause, default 1 h
 * @property {number} [sweepMs] how often due rows are looked for; 0 turns it off
 * @property {number} [firstSweepMs] the first sweep after start, default 1 s
 * @property {() => number} [now] the clock (tests)
 * @property {() => number} [random] 0…1, for the jitter (tests)
 */

/**
 * @param {OutboxOptions} options
 */
export function createOutbox({
  table,
  useStorage,
  write,
  send,
  columns,
  about,
  events,
  attempts,
  retryMs,
  maxRetryMs = 3_600_000,
  sweepMs = 60_000,
  firstSweepMs = 1000,
  now = Date.now,
  random = Math.random,
}) {
  const stop = new AbortController();
  const timers = new Set();
  const inFlight = new Set();
  let sweeper;
  if (sweepMs > 0) {
    sweeper = setInterval(() => track(sweep()), sweepMs);
    sweeper.unref();
    later(() => sweep(), firstSweepMs);
  }

  /** Runs `promise` to its end, logging a failure; close() waits for what is tracked. */
  function track(promise) {
    const job = promise.catch((error) =>
      write({ level: 'error', event: events.failed, error: error.message }),
    );
    inFlight.add(job);
    job.finally(() => inFlight.delete(job));
    return job;
  }

  /** Stores new pending rows (`values` without the outbox's columns) and tries each once. */
  async function add(values) {
    if (stop.signal.aborted || values.length === 0) return;
    const { db } = await useStorage();
    const at = new Date(now()).toISOString();
    const rows = await db
      .insertInto(table)
      .values(
        values.map((v) => ({
          ...v,
          state: 'pending',
          attempts: 0,
          next_attempt_at: at,
          created_at: at,
        })),
      )
      .returning('id')
      .execute();
    await Promise.all(rows.map((row) => attempt(Number(row.id))));
  }

  /**
   * Tries one row if it is pending and due, and nobody else is trying it.
   *
   * @returns {Promise<boolean>} whether this call tried it (successfully or not)
   */
  async function attempt(id) {
    if (stop.signal.aborted) return false;
    const { db } = await useStorage();
    const time = now();
    const at = new Date(time).toISOString();
    const claimed = await db
      .updateTable(table)
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_attempt_at: at,
        next_attempt_at: new Date(time + LEASE_MS).toISOString(),
      }))
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;

    const row = await db
      .selectFrom(table)
      .select(['id', 'attempts', ...columns])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false; // deleted meanwhile (retention, staff)
    const outcome = await send(row, stop.signal);
    // Stopped while sending: the row stays leased, and a sweep tries it once the lease is over.
    if (stop.signal.aborted) return true;
    const count = Number(row.attempts);
    if (outcome.ok) {
      await db
        .updateTable(table)
        .set({
          state: 'delivered',
          delivered_at: new Date(now()).toISOString(),
          next_attempt_at: null,
          last_status: outcome.status ?? null,
          last_error: null,
        })
        .where('id', '=', id)
        .execute();
      write({ level: 'info', event: events.delivered, ...about(row), attempt: count });
      return true;
    }
    const giveUp = count >= attempts;
    const pause = giveUp ? undefined : backoff(count);
    await db
      .updateTable(table)
      .set({
        state: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp ? null : new Date(now() + pause).toISOString(),
        last_status: outcome.status ?? null,
        last_error: outcome.error ?? null,
      })
      .where('id', '=', id)
      .execute();
    write({
      level: giveUp ? 'error' : 'warn',
      event: giveUp ? events.failed : events.retry,
      ...about(row),
      attempt: count,
      status: outcome.status,
      error: outcome.error,
    });
    if (!giveUp) later(() => attempt(id), pause);
    return true;
  }

  /** The pause after the `count`-th failed try: doubling, capped, with ±50 % jitter. */
  function backoff(count) {
    const base = Math.min(maxRetryMs, retryMs * 2 ** (count - 1));
    return Math.round(base / 2 + random() * base);
  }

  function later(job, ms) {
    if (stop.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      track(job());
    }, ms);
    timer.unref();
    timers.add(timer);
  }

  /** Tries every pending row that is due (after a restart, or another process's). */
  async function sweep() {
    if (stop.signal.aborted) return;
    const { db } = await useStorage();
    const due = await db
      .selectFrom(table)
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', new Date(now()).toISOString())
      .orderBy('id')
      .limit(100)
      .execute();
    for (const row of due) await attempt(Number(row.id));
  }

  /**
   * Makes a row pending and due with a fresh count of tries, and tries it once right away.
   *
   * @returns {Promise<boolean>} false when there is no such row, or it was delivered
   */
  async function retry(id) {
    const { db } = await useStorage();
    const result = await db
      .updateTable(table)
      .set({ state: 'pending', attempts: 0, next_attempt_at: new Date(now()).toISOString() })
      .where('id', '=', id)
      .where('state', '!=', 'delivered')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await track(attempt(id));
    return true;
  }

  return {
    /** Never rejects: a failure is logged. */
    add: (values) => track(add(values)),
    track,
    retry,
    sweep: () => track(sweep()),
    /** Resolves when no try is running in this process (tests). */
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    /** Stops timers and waits for tries in progress; pending rows stay for the next start. */
    async close() {
      stop.abort();
      clearInterval(sweeper);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
