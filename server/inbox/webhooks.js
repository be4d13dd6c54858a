/**
 * Signed webhooks: each accepted submission of a form that has a webhook is POSTed to it, for a
 * case-management system to take on. Configured per form in a JSON file named by WEBHOOKS_FILE:
 *
 *   { "<form id>": { "url": "https://cms.example/intake", "secret": "<at least 32 characters>" } }
 *
 * The request body is `{ reference, formId, formVersion, receivedAt, envelope }` (the envelope
 * as the person sent it, files included). Headers:
 *
 *   X-Intake-Timestamp: <seconds since 1970>
 *   X-Intake-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>
 *   X-Intake-Delivery:  <delivery id>  (the same on every try: the receiver can drop repeats)
 *
 * Any 2xx answer counts as delivered. Anything else, a redirect, a network error or no answer
 * within the timeout is tried again after a pause that doubles each time (with random jitter,
 * so that many deliveries do not come back at once), up to `attempts` tries; then the delivery
 * is `failed`, listed in the inbox (./deliveries.js) and can be retried by staff.
 *
 * Every delivery is a `webhook_deliveries` row. Timers in this process send it when due; a
 * sweep every `sweepMs` also picks up rows whose process ended before their next try. Sending
 * first moves the row's `next_attempt_at` on by a lease, in one UPDATE that only one process
 * can win, so a delivery is not sent by two receivers at once.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isLoopback } from '../http.js';
import { isoTime } from './time.js';

/** How long one try may take. */
const TIMEOUT_MS = 10_000;
/** A try in progress holds its row this long (longer than TIMEOUT_MS). */
const LEASE_MS = 60_000;

/**
 * Reads and checks a webhooks file (see above).
 *
 * @param {string} file
 * @returns {Record<string, { url: string, secret: string }>}
 */
export function readWebhooksFile(file) {
  return checkWebhooks(JSON.parse(readFileSync(file, 'utf8')), file);
}

/**
 * Checks webhook settings: an https URL (http only to this machine) and a secret long enough
 * not to be guessed.
 */
export function checkWebhooks(config, where = 'webhooks') {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error(`${where}: expected { "<form id>": { "url": …, "secret": … } }`);
  }
  const hooks = {};
  for (const [formId, hook] of Object.entries(config)) {
    const { url, secret } = hook ?? {};
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${where}: ${formId}: url is not a URL`);
    }
    const local = isLoopback(parsed.hostname.replace(/^\[(.*)\]$/, '$1'));
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
      throw new Error(`${where}: ${formId}: url must be https (http only to this machine)`);
    }
    if (typeof secret !== 'string' || secret.length < 32) {
      throw new Error(`${where}: ${formId}: secret must be a string of at least 32 characters`);
    }
    hooks[formId] = { url: parsed.href, secret };
  }
  return hooks;
}

/**
 * The signature header's value for a body sent at `timestamp` (seconds).
 *
 * @param {string} secret
 * @param {number | string} timestamp
 * @param {string} body
 */
export function sign(secret, timestamp, body) {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * @typedef {object} WebhookOptions
 * @property {Record<string, { url: string, secret: string }>} hooks per form id
 * @property {() => Promise<object>} useStorage the receiver's storage once open
 * @property {(entry: object) => void} write the receiver's log
 * @property {number} [attempts] before a delivery is `failed`; default 8
 * @property {number} [retryMs] the first pause; doubled each time, default 10 s
 * @property {number} [maxRetryMs] the longest pause, default 1 h
 * @property {number} [timeoutMs] per try, default 10 s
 * @property {number} [sweepMs] how often due rows are looked for; default 60 s, 0 turns it off
 * @property {() => number} [now] the clock (tests)
 * @property {() => number} [random] 0…1, for the jitter (tests)
 */

/**
 * @param {WebhookOptions} options
 */
export function createWebhooks({
  hooks,
  useStorage,
  write,
  attempts = 8,
  retryMs = 10_000,
  maxRetryMs = 3_600_000,
  timeoutMs = TIMEOUT_MS,
  sweepMs = 60_000,
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
  }

  /** Runs `promise` to its end, logging a failure; close() waits for what is tracked. */
  function track(promise) {
    const job = promise.catch((error) =>
      write({ level: 'error', event: 'webhook', error: error.message }),
    );
    inFlight.add(job);
    job.finally(() => inFlight.delete(job));
    return job;
  }

  /** Records a delivery for a stored submission (when its form has a webhook) and sends it. */
  async function enqueue({ reference, formId }) {
    const hook = hooks[formId];
    if (!hook || stop.signal.aborted) return;
    const { db } = await useStorage();
    const at = new Date(now()).toISOString();
    const row = await db
      .insertInto('webhook_deliveries')
      .values({
        reference,
        form_id: formId,
        url: hook.url,
        state: 'pending',
        attempts: 0,
        next_attempt_at: at,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await attempt(Number(row.id));
  }

  /**
   * Tries one delivery if it is pending and due, and nobody else is trying it.
   *
   * @returns {Promise<boolean>} whether this call sent it (successfully or not)
   */
  async function attempt(id) {
    if (stop.signal.aborted) return false;
    const { db } = await useStorage();
    const time = now();
    const at = new Date(time).toISOString();
    const claimed = await db
      .updateTable('webhook_deliveries')
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

    const delivery = await db
      .selectFrom('webhook_deliveries')
      .select(['id', 'reference', 'form_id', 'url', 'attempts'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!delivery) return false; // deleted meanwhile (retention, staff)
    const outcome = await post(delivery);
    // Stopped while sending: the row stays leased, and a receiver's sweep sends it once the
    // lease has run out.
    if (stop.signal.aborted) return true;
    const done = new Date(now()).toISOString();
    const count = Number(delivery.attempts);
    if (outcome.ok) {
      await db
        .updateTable('webhook_deliveries')
        .set({
          state: 'delivered',
          delivered_at: done,
          next_attempt_at: null,
          last_status: outcome.status,
          last_error: null,
        })
        .where('id', '=', id)
        .execute();
      write({ level: 'info', event: 'webhook-delivered', id, formId: delivery.form_id });
      return true;
    }
    const giveUp = count >= attempts;
    const pause = giveUp ? undefined : backoff(count);
    await db
      .updateTable('webhook_deliveries')
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
      event: giveUp ? 'webhook-failed' : 'webhook-retry',
      id,
      formId: delivery.form_id,
      attempt: count,
      status: outcome.status,
      error: outcome.error,
    });
    if (!giveUp) later(id, pause);
    return true;
  }

  /** The pause after the `count`-th failed try: doubling, capped, with ±50 % jitter. */
  function backoff(count) {
    const base = Math.min(maxRetryMs, retryMs * 2 ** (count - 1));
    return Math.round(base / 2 + random() * base);
  }

  function later(id, ms) {
    if (stop.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      track(attempt(id));
    }, ms);
    timer.unref();
    timers.add(timer);
  }

  /** One POST; never throws. */
  async function post(delivery) {
    const hook = hooks[delivery.form_id];
    if (!hook) return { ok: false, error: 'no webhook configured for this form any more' };
    const store = await useStorage();
    const record = await store.findByReference(delivery.reference);
    if (!record) return { ok: false, error: 'the submission is gone' };
    const body = JSON.stringify({
      reference: record.reference,
      formId: record.formId,
      formVersion: record.formVersion,
      receivedAt: record.receivedAt,
      envelope: JSON.parse(record.envelope),
    });
    const timestamp = Math.floor(now() / 1000);
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'intake-elements-receiver',
          'X-Intake-Timestamp': String(timestamp),
          'X-Intake-Signature': sign(hook.secret, timestamp, body),
          'X-Intake-Delivery': String(delivery.id),
        },
        body,
        signal: AbortSignal.any([stop.signal, AbortSignal.timeout(timeoutMs)]),
      });
      // The answer's body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => {});
      if (response.status >= 200 && response.status < 300) {
        return { ok: true, status: response.status };
      }
      return { ok: false, status: response.status, error: `answered ${response.status}` };
    } catch (error) {
      const timedOut = error.name === 'TimeoutError';
      return {
        ok: false,
        error: timedOut ? `no answer within ${timeoutMs} ms` : (error.cause?.code ?? error.message),
      };
    }
  }

  /** Sends every pending delivery that is due (after a restart, or another process's). */
  async function sweep() {
    if (stop.signal.aborted) return;
    const { db } = await useStorage();
    const due = await db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', new Date(now()).toISOString())
      .orderBy('id')
      .limit(100)
      .execute();
    for (const row of due) await attempt(Number(row.id));
  }

  /**
   * Staff's retry: the delivery becomes pending and due with a fresh count of tries, and is
   * tried once right away.
   *
   * @returns {Promise<boolean>} false when there is no such delivery
   */
  async function retry(id) {
    const { db } = await useStorage();
    const result = await db
      .updateTable('webhook_deliveries')
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
    enqueue: (submission) => track(enqueue(submission)),
    retry,
    sweep: () => track(sweep()),
    /** Resolves when no try is running in this process (tests). */
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      stop.abort();
      clearInterval(sweeper);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** A delivery row as the inbox shows it. */
export function describeDelivery(row) {
  return {
    id: Number(row.id),
    reference: row.reference,
    formId: row.form_id,
    url: row.url,
    state: row.state,
    attempts: Number(row.attempts),
    lastStatus: row.last_status ?? null,
    lastError: row.last_error ?? null,
    createdAt: isoTime(row.created_at),
    lastAttemptAt: isoTime(row.last_attempt_at) ?? null,
    nextAttemptAt: isoTime(row.next_attempt_at) ?? null,
    deliveredAt: isoTime(row.delivered_at) ?? null,
  };
}
