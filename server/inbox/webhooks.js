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
 * is `failed`, listed in the inbox (./deliveries.js, by host only) and can be retried by staff.
 *
 * Every delivery is a `webhook_deliveries` row in the durable outbox of ./outbox.js: sent when
 * due, picked up after a restart, never sent by two receivers at once.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isLoopback } from '../http.js';
import { createOutbox } from './outbox.js';

/** How long one try may take (less than the outbox's lease). */
const TIMEOUT_MS = 10_000;

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
 * @property {number} [firstSweepMs] the first look after start, default 1 s
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
  timeoutMs = TIMEOUT_MS,
  now = Date.now,
  ...timing
}) {
  const outbox = createOutbox({
    table: 'webhook_deliveries',
    useStorage,
    write,
    attempts,
    retryMs,
    now,
    ...timing,
    columns: ['reference', 'form_id'],
    about: (row) => ({ id: Number(row.id), formId: row.form_id }),
    events: { delivered: 'webhook-delivered', retry: 'webhook-retry', failed: 'webhook-failed' },
    send: post,
  });

  /** One POST; never throws. */
  async function post(delivery, stopped) {
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
        signal: AbortSignal.any([stopped, AbortSignal.timeout(timeoutMs)]),
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

  return {
    /** Records a delivery for a stored submission (when its form has a webhook) and sends it. */
    enqueue({ reference, formId }) {
      const hook = hooks[formId];
      if (hook) outbox.add([{ reference, form_id: formId, url: hook.url }]);
    },
    /**
     * Staff's retry: the delivery becomes pending and due with a fresh count of tries, and is
     * tried once right away.
     *
     * @returns {Promise<boolean>} false when there is no such delivery
     */
    retry: outbox.retry,
    sweep: outbox.sweep,
    idle: outbox.idle,
    close: outbox.close,
  };
}
