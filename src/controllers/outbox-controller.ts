/**
 * The outbox of one form: loads its code in an idle moment once the form is usable (it must be
 * there before anyone sends, also when the connection drops later), sends what an earlier visit left in it, and
 * queues the person's submission when it cannot be delivered now. The sending itself is a lazy
 * part (outbox-sender.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nothing, type TemplateResult } from 'lit/html.js';
import type { FormState } from '../form/form-state.js';
import type { JsonValue } from '../model/types.js';
import { lazyParts } from '../internal/lazy-parts.js';
import type { RetryPolicy } from '../submit/defaults.js';
import type { OutboxEntry } from '../submit/outbox.js';
import type { SendResult } from '../submit/send-envelope.js';
import type { Transport } from '../submit/transport.js';
import { emit } from '../internal/emit.js';
import type { OutboxSender } from './outbox-sender.js';

/** The element the controller serves. */
export type OutboxElement = ReactiveControllerHost &
  HTMLElement & {
    readonly transport: Transport | undefined;
    readonly headers: Record<string, string> | undefined;
    value: JsonValue | undefined;
    readonly timeout: number;
    readonly retryPolicy: RetryPolicy;
  };

/** What becomes of the person's submission once the outbox delivered it. */
export interface OutboxAnswers {
  accepted(outcome: Extract<SendResult, { kind: 'accepted' }>): Promise<unknown>;
  rejected(outcome: Extract<SendResult, { kind: 'rejected' }>): Promise<unknown>;
  announce(text: string): void;
}

export class OutboxController implements ReactiveController {
  #sender?: OutboxSender;
  /** Whether the form is ready, so that the outbox's code is wanted. */
  #wanted = false;

  constructor(
    private readonly host: OutboxElement,
    private readonly state: FormState,
    private readonly answers: OutboxAnswers,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#sender?.connect();
    window.addEventListener('online', this.#loadAgain);
  }

  hostDisconnected(): void {
    this.#sender?.disconnect();
    window.removeEventListener('online', this.#loadAgain);
  }

  /** The outbox's code could not be loaded after the form was ready (offline): try again. */
  readonly #loadAgain = () => {
    if (this.#wanted && !this.#sender) void this.start();
  };

  /** Loads the outbox (once) and sends what an earlier visit left in it. */
  async start(): Promise<OutboxSender | undefined> {
    this.#wanted = true;
    if (!this.#sender) {
      const module = await lazyParts.outbox.load().catch(() => undefined);
      if (!module) return undefined;
      if (!this.#sender) {
        const { host, state, answers } = this;
        this.#sender = new module.OutboxSender({
          get formId() {
            return state.definition?.id;
          },
          get transport() {
            return host.transport;
          },
          get headers() {
            return host.headers;
          },
          get timeout() {
            return host.timeout;
          },
          get retryPolicy() {
            return host.retryPolicy;
          },
          accepted: (outcome) => answers.accepted(outcome),
          load: (data) => {
            this.forget();
            host.value = data;
          },
          rejected: (outcome) => answers.rejected(outcome),
          emit: (type, detail) => emit(host, type, detail),
          announce: (text) => answers.announce(text),
          update: () => host.requestUpdate(),
        });
        if (host.isConnected) this.#sender.connect();
        void this.#sender.flush();
      }
    }
    return this.#sender;
  }

  /** Puts the person's submission in the outbox; `false` where nothing can be stored. */
  async queue(entry: OutboxEntry): Promise<boolean> {
    const sender = await this.start();
    return (await sender?.queue(entry)) ?? false;
  }

  /** Whether the person's submission waits on this device. */
  get queued(): boolean {
    return Boolean(this.#sender?.queued);
  }

  /** Forgets the person's waiting submission for this page (it still goes out). */
  forget(): void {
    this.#sender?.forget();
  }

  /** The person's submission was accepted (an entry they corrected in the form goes with it). */
  async sent(): Promise<void> {
    await this.#sender?.sent();
  }

  /** The form starts afresh: forget the waiting submission and the notice about an earlier one. */
  reset(): void {
    if (!this.#sender) return;
    this.#sender.forget();
    this.#sender.notice = undefined;
  }

  /** Said when a submission queued on an earlier visit went out. */
  get notice(): string | undefined {
    return this.#sender?.notice;
  }

  /** Entries that no longer go out by themselves, with what the person can do. */
  renderProblems(locale: string): TemplateResult | typeof nothing {
    return this.#sender?.renderProblems(locale) ?? nothing;
  }

  /** The panel shown while the person's submission waits. */
  renderQueued(): TemplateResult | typeof nothing {
    return this.#sender?.renderQueued() ?? nothing;
  }
}
