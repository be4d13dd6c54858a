/**
 * The offline outbox of one form: a submission that could not be delivered waits in IndexedDB
 * (src/submit/outbox.ts) and goes out by itself, with the same `Idempotency-Key`, when the browser
 * comes online, when the page becomes visible again, every 30 seconds while something waits, and
 * on the next page load. A lazy part of its own (src/internal/lazy-parts.ts), loaded after the form
 * is ready (and so before anyone sends); the outbox controller (outbox-controller.ts) holds it.
 */
import type { nothing, TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { deliver, type RetryPolicy } from '../submit/deliver.js';
import type { JsonValue } from '../model/types.js';
import type { SendResult } from '../submit/send-envelope.js';
import { xhrTransport, type Transport } from '../submit/transport.js';
import {
  expired,
  pendingSubmissions,
  queueSubmission,
  removeSubmission,
  withOutboxLock,
  type OutboxEntry,
  type OutboxProblem,
} from '../submit/outbox.js';
import {
  downloadCopy,
  problemText,
  renderProblems,
  type ProblemActions,
} from '../views/outbox-problems.js';
import { renderQueued } from '../views/queued.js';

/** How often a waiting submission is tried again while the page stays open. */
const RETRY_MS = 30_000;

/** What the outbox needs to send like the element sends. */
export interface OutboxHost {
  /** The id of the loaded form: its waiting submissions are sent. */
  readonly formId: string | undefined;
  /** The page's own transport, if it set one (`XMLHttpRequest` otherwise). */
  readonly transport: Transport | undefined;
  /** The element's request headers now (never stored with the entry). */
  readonly headers: Record<string, string> | undefined;
  readonly timeout: number;
  readonly retryPolicy: RetryPolicy;
  /** The backend accepted the submission the person is waiting for. */
  accepted(outcome: Extract<SendResult, { kind: 'accepted' }>): Promise<unknown>;
  /** The backend refused the submission the person is waiting for (field errors). */
  rejected(outcome: Extract<SendResult, { kind: 'rejected' }>): Promise<unknown>;
  /** Puts answers into the form (a stuck entry, to be corrected). */
  load(data: JsonValue): void;
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
  /** Entries of this form that no longer go out by themselves. */
  problems: OutboxEntry[] = [];
  /** The key of a stuck entry loaded into the form to be corrected. */
  private fixing?: string;
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

  /**
   * Sends what waits in the outbox for this form, oldest first, each with its own key. An entry
   * refused for good (413, 415, 403, 422…) or waiting past `OUTBOX_DAYS` is kept and shown with
   * what the person can do; it never blocks the entries behind it.
   */
  async flush(): Promise<void> {
    const { host } = this;
    const formId = host.formId;
    if (formId === undefined || this.flushing) return;
    this.flushing = true;
    try {
      await withOutboxLock(async () => {
        /** A failure worth retrying: no way through now, the next trigger tries again. */
        let blocked = false;
        for (const entry of await pendingSubmissions(formId)) {
          if (entry.problem || blocked) continue;
          if (expired(entry)) {
            await this.keep(entry, { reason: 'expired' });
            continue;
          }
          const outcome = await deliver(
            {
              action: entry.action,
              envelope: entry.envelope,
              idempotencyKey: entry.key,
              // Taken now, never stored: a CSRF token of the page is the current one.
              headers: { ...host.headers },
              timeoutMs: host.timeout,
              transport: host.transport ?? xhrTransport,
            },
            { ...host.retryPolicy, attempts: 1 },
          );
          if (outcome.kind === 'failed' && outcome.retryable) {
            await queueSubmission({ ...entry, attempts: entry.attempts + 1 });
            blocked = true;
            continue;
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
          const mine = this.queued?.key === entry.key;
          if (mine) this.queued = undefined;
          if (outcome.kind === 'accepted') {
            await removeSubmission(entry.key);
            if (mine) await host.accepted(outcome);
            else this.sentEarlier(outcome);
          } else if (outcome.kind === 'rejected' && mine) {
            // The person is still on the page with their answers: the errors go on the fields.
            await removeSubmission(entry.key);
            await host.rejected(outcome);
          } else {
            await this.keep(entry, {
              reason: 'refused',
              status: outcome.status,
              ...(outcome.kind === 'rejected'
                ? { errors: outcome.errors, title: outcome.title }
                : {}),
            });
          }
        }
      });
      await this.refresh(formId);
      if (this.queued) this.scheduleRetry();
      else this.stopRetry();
    } catch {
      // IndexedDB unavailable: nothing was queued either.
    } finally {
      this.flushing = false;
      host.update();
    }
  }

  /** Says that a submission queued on an earlier visit went out, with its reference. */
  private sentEarlier(outcome: Extract<SendResult, { kind: 'accepted' }>): void {
    this.host.emit('intake-submitted', {
      status: outcome.status,
      reference: outcome.reference,
      response: outcome.response,
    });
    this.notice = outcome.reference
      ? msg(str`Your earlier request has now been sent. Reference number: ${outcome.reference}`)
      : msg('Your earlier request has now been sent.');
    this.host.announce(this.notice);
  }

  /** Keeps a stuck entry with why it is stuck, and tells the person (and the host page). */
  private async keep(entry: OutboxEntry, problem: OutboxProblem): Promise<void> {
    await queueSubmission({ ...entry, problem });
    const message = msg('A request saved on this device could not be delivered.');
    this.host.emit('intake-error', {
      type: 'server',
      message,
      status: problem.status,
      kept: true,
    });
    this.host.announce(`${message} ${problemText(problem)}`);
  }

  /** Reads the stuck entries of this form again (one being corrected in the form is not shown). */
  private async refresh(formId: string): Promise<void> {
    this.problems = (await pendingSubmissions(formId)).filter(
      (entry) => entry.problem && entry.key !== this.fixing,
    );
  }

  /** What the person can do with a stuck entry. */
  private readonly actions: ProblemActions = {
    fix: (entry) => {
      const { envelope } = entry;
      if ('encrypted' in envelope) return; // ciphertext only: not offered (outbox-problems.ts)
      this.fixing = entry.key;
      this.problems = this.problems.filter((other) => other.key !== entry.key);
      // The stuck answers go back into the form, the server's objections on their fields.
      this.host.load(envelope.data);
      const { status = 422, errors, title } = entry.problem ?? {};
      if (errors?.length) void this.host.rejected({ kind: 'rejected', status, errors, title });
      else this.host.update();
    },
    retry: (entry) => {
      // Tried afresh, and for a whole new period.
      void queueSubmission({ ...entry, problem: undefined, queuedAt: Date.now(), attempts: 0 })
        .then(() => this.flush())
        .catch(() => undefined);
    },
    download: (entry) => downloadCopy(entry),
    remove: (entry) => {
      void removeSubmission(entry.key)
        .then(() => {
          this.problems = this.problems.filter((other) => other.key !== entry.key);
          this.host.announce(msg('The request has been deleted from this device.'));
          this.host.update();
        })
        .catch(() => undefined);
    },
  };

  /**
   * The person's submission was accepted: an entry they had loaded into the form to correct is
   * delivered with it, and leaves the outbox.
   */
  async sent(): Promise<void> {
    const fixing = this.fixing;
    this.fixing = undefined;
    if (fixing) await removeSubmission(fixing).catch(() => undefined);
  }

  /** The stuck entries of this form, with what the person can do. */
  renderProblems(locale: string): TemplateResult | typeof nothing {
    return renderProblems(this.problems, locale, this.actions);
  }

  /** The panel shown while the person's submission waits on this device. */
  renderQueued(): TemplateResult {
    return renderQueued(() => void this.flush());
  }
}
