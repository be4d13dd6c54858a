/**
 * What the receiver does besides answering: after a submission is stored, the new-request
 * e-mail (./notify.js) and the webhook delivery (./webhooks.js); and the retention job
 * (./retention.js) on a timer. Created once per receiver; `stored()` is the one call in
 * ../receiver.js, made after the row is stored and before the answer goes out. It only starts
 * the work: nothing here delays or fails the submission's answer.
 */
import { createNotifier, formTitle } from './notify.js';
import { checkRetention, scheduleRetention } from './retention.js';
import { checkWebhooks, createWebhooks } from './webhooks.js';

/**
 * @typedef {object} BackgroundOptions
 * @property {() => Promise<object>} useStorage the receiver's storage once open
 * @property {(entry: object) => void} write the receiver's log
 * @property {import('./notify.js').NotifyOptions} [notify] the new-request e-mail (kept in a
 *   table until sent); off without it
 * @property {Record<string, { url: string, secret: string }> | { hooks: Record<string,
 *   { url: string, secret: string }>, [option: string]: unknown }} [webhooks] per form id
 *   (or with more options of createWebhooks()); off without it
 * @property {false | { days?: number, forms?: Record<string, number>, intervalMs?: number,
 *   firstMs?: number, now?: () => number }} [retention] default: 180 days for every form,
 *   checked hourly; false turns the job off
 */

/**
 * @param {BackgroundOptions} options
 */
export function createBackground({ useStorage, write, notify, webhooks, retention = {} }) {
  const notifier = notify?.smtpUrl ? createNotifier({ ...notify, useStorage, write }) : undefined;
  const { hooks, ...webhookOptions } = webhooks?.hooks ? webhooks : { hooks: webhooks };
  const deliveries =
    hooks && Object.keys(hooks).length > 0
      ? createWebhooks({
          hooks: checkWebhooks(hooks),
          useStorage,
          write,
          ...webhookOptions,
        })
      : undefined;
  const job =
    retention === false
      ? undefined
      : scheduleRetention({ useStorage, write, policy: checkRetention(retention), ...retention });
  let closed = false;

  /**
   * A submission was stored: queue its notices and its delivery. Returns at once; errors are
   * logged, never thrown.
   *
   * @param {{ reference: string, form: { id: string, definition: object },
   *   envelope: { data: unknown } }} submission
   */
  function stored({ reference, form, envelope }) {
    if (closed) return;
    if (notifier) {
      notifier.notify({
        reference,
        formId: form.id,
        formTitle: formTitle(form.definition, form.id),
        data: envelope.data,
      });
    }
    deliveries?.enqueue({ reference, formId: form.id });
  }

  return {
    stored,
    /** The webhook deliveries (for the inbox's retry), or undefined when none are configured. */
    webhooks: deliveries,
    /** The new-request e-mails (for the inbox's retry), or undefined without SMTP. */
    notices: notifier,
    /** Runs the retention job now (tests); resolves to what it deleted. */
    runRetention: () => job?.run() ?? Promise.resolve([]),
    /** Resolves when no notice or delivery is in progress (tests). */
    async idle() {
      await Promise.all([notifier?.idle(), deliveries?.idle()]);
    },
    /** Stops timers and waits for work in progress; called before the storage closes. */
    async close() {
      closed = true;
      await Promise.all([notifier?.close(), deliveries?.close(), job?.close()]);
    },
  };
}
