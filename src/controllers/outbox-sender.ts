/**
 * The offline outbox of one form: a submission that could not be delivered waits in IndexedDB
 * (src/submit/outbox.ts) and goes out by itself, with the same `Idempotency-Key`, when the browser
 * comes online, when the page becomes visible again, every 30 seconds while something waits, and
 * on the next page load. A lazy part of its own (src/internal/lazy-parts.ts), loaded after the form
 * is ready (and so before anyone sends); the outbox controller (outbox-controller.ts) holds it.
 */
import type { TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { deliver, type RetryPolicy } from '../submit/deliver.js';
import type { SendResult } from '../submit/send-envelope.js';
import type { Transport } from '../submit/transport.js';
import {
  pendingSubmissions,
  queueSubmission,
  removeSubmission,
  withOutboxLock,
  type OutboxEntry,
} from '../submit/outbox.js';
import { renderQueued } from '../views/queued.js';

/** How often a waiting submission is tried again while the page stays open. */
const RETRY_MS = 30_000;

/** What the outbox needs to send like the element sends. */
export interface OutboxHost {
  /** The id of the loaded form: its waiting submissions are sent. */
  readonly formId: string | undefined;
  readonly transport: Transport;
  readonly timeout: number;
  readonly retryPolicy: RetryPolicy;
  /** The backend accepted the submission the person is waiting for. */
  accepted(outcome: Extract<SendResult, { kind: 'accepted' }>): Promise<unknown>;
  /** The backend refused the submission the person is waiting for (field errors). */
  rejected(outcome: Extract<SendResult, { kind: 'rejected' }>): Promise<unknown>;
  /** Dispatches an event on the element. */
  emit(type: string, detail: unknown): void;
  /** Says `text` through the form's live region. */
  announce(text: string): void;
  /** Renders the element again. */
  update(): void;
}

export class OutboxSender {
  /** The submission of this page that waits, if any. */
  queued?: { key: string };
  /** Said when a submission queued on an earlier visit went out. */
  notice?: string;
  private timer?: ReturnType<typeof setInterval>;
  private flushing = false;
  private readonly handleOnline = () => void this.flush();
  private readonly handleVisibility = () => {
    if (document.visibilityState === 'visible') void this.flush();
  };

  constructor(private readonly host: OutboxHost) {}

  /** Starts listening for the moments to try again (the element is on the page). */
  connect(): void {
    window.addEventListener('online', this.handleOnline);
    document.addEventListener('visibilitychange', this.handleVisibility);
    if (this.queued) this.scheduleRetry();
  }

  /** Stops listening (the element left the page). */
  disconnect(): void {
    window.removeEventListener('online', this.handleOnline);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    this.stopRetry();
  }

  /**
   * Puts the person's submission in the outbox and tells them. Resolves `false` where there is
   * no IndexedDB (private mode of some browsers): then nothing waits.
   */
  async queue(entry: OutboxEntry): Promise<boolean> {
    try {
      await queueSubmission(entry);
    } catch {
      return false;
    }
    this.queued = { key: entry.key };
    this.scheduleRetry();
    return true;
  }

  /** Forgets the person's waiting submission for this page (it still goes out). */
  forget(): void {
    this.queued = undefined;
  }

  private scheduleRetry(): void {
    this.timer ??= setInterval(() => void this.flush(), RETRY_MS);
  }

  private stopRetry(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Sends what waits in the outbox for this form, oldest first, each with its own key. */
  async flush(): Promise<void> {
    const { host } = this;
    const formId = host.formId;
    if (formId === undefined || this.flushing) return;
    this.flushing = true;
    try {
      await withOutboxLock(async () => {
        for (const entry of await pendingSubmissions(formId)) {
          const outcome = await deliver(
            {
              action: entry.action,
              envelope: entry.envelope,
              idempotencyKey: entry.key,
              headers: entry.headers,
              timeoutMs: host.timeout,
              transport: host.transport,
            },
            { ...host.retryPolicy, attempts: 1 },
          );
          if (outcome.kind === 'failed' && outcome.retryable) {
            await queueSubmission({ ...entry, attempts: entry.attempts + 1 });
            return; // still no way through; the next trigger tries again
          }
          if (
            outcome.kind === 'rejected' &&
            outcome.errors.length === 0 &&
            'encrypted' in entry.envelope
          ) {
            // An encrypted submission the office refused as a whole (its key expired while it
            // waited): it cannot be encrypted again here, so it is kept, offered to the host
            // page as a copy only the office can open, and tried again later (the office may
            // extend the key's time). Never dropped.
            await queueSubmission({ ...entry, attempts: entry.attempts + 1 });
            host.emit('intake-error', {
              type: 'encryption',
              message: msg('The office could not accept the encrypted form.'),
              copy: JSON.stringify(entry.envelope),
            });
            continue;
          }
          await removeSubmission(entry.key);
          const mine = this.queued?.key === entry.key;
          if (mine) this.queued = undefined;
          if (outcome.kind === 'accepted') {
            if (mine) await host.accepted(outcome);
            else {
              // Queued on an earlier visit: say that it went out, with its reference.
              host.emit('intake-submitted', {
                status: outcome.status,
                reference: outcome.reference,
                response: outcome.response,
              });
              this.notice = outcome.reference
                ? msg(
                    str`Your earlier request has now been sent. Reference number: ${outcome.reference}`,
                  )
                : msg('Your earlier request has now been sent.');
              host.announce(this.notice);
            }
          } else if (outcome.kind === 'rejected' && mine) {
            await host.rejected(outcome);
          } else {
            host.emit('intake-error', {
              type: 'server',
              message: msg('An earlier request could not be delivered.'),
            });
          }
        }
      });
      if (this.queued) this.scheduleRetry();
      else this.stopRetry();
    } catch {
      // IndexedDB unavailable: nothing was queued either.
    } finally {
      this.flushing = false;
      host.update();
    }
  }

  /** The panel shown while the person's submission waits on this device. */
  renderQueued(): TemplateResult {
    return renderQueued(() => void this.flush());
  }
}
