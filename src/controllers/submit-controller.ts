/**
 * Sending: validates, builds the envelope, lets the host page take over (`intake-submit`),
 * delivers with retries, queues in the outbox when the office cannot be reached, and shows the
 * answer (confirmation, the server's objections on their fields, or why it failed). While a
 * submission is under way, focus waits on the visible "Sending…" status.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { FormState, ValidationError } from '../form/form-state.js';
import { emit } from '../internal/emit.js';
import { lazyParts } from '../internal/lazy-parts.js';
import type { RetryPolicy } from '../submit/defaults.js';
import type { WireEnvelope } from '../submit/envelope.js';
import type { SendResult } from '../submit/send-envelope.js';
import type { Transport } from '../submit/transport.js';
import type { DraftController } from './draft-controller.js';
import type { FocusController } from './focus-controller.js';
import type { LocaleController } from './locale-controller.js';
import type { OutboxController } from './outbox-controller.js';
import type { EncryptionNotice } from '../crypto/encryption-notice.js';

/** What `submit()` resolves to. */
export type SubmitResult =
  | { ok: true; status: number; reference?: string }
  | { ok: false; reason: 'invalid' | 'queued' | 'rejected' | 'failed'; errors?: ValidationError[] };

/** The element the controller serves. */
export type SubmitElement = ReactiveControllerHost &
  HTMLElement & {
    readonly renderRoot: ShadowRoot;
    readonly action: string | undefined;
    readonly headers: Record<string, string> | undefined;
    readonly transport: Transport | undefined;
    readonly timeout: number;
    readonly retryPolicy: RetryPolicy;
  };

/** The controllers sending works with. */
export interface SubmitPeers {
  locale: LocaleController;
  focus: FocusController;
  drafts: DraftController;
  outbox: () => OutboxController;
  /** Whether the form is ready to be sent. */
  ready(): boolean;
  /** The visible step changed (to show an error): tell the host page. */
  stepShown(): void;
}

/**
 * Needs none of the element's lifecycle callbacks, so it is not added with `addController`: it
 * keeps its host and asks it to render (`requestUpdate`), as Lit's controllers do.
 */
export class SubmitController {
  /** After the backend accepted the submission. */
  confirmation?: { reference?: string };
  /** Upload progress of a large submission. */
  upload?: { loaded: number; total: number };
  /** Why an encrypted submission did not go out (src/crypto/encryption-notice.ts renders it). */
  notice?: EncryptionNotice;
  /** The submission is on its way to the office (after validation): "Sending…" shows. */
  delivering = false;
  #sending?: Promise<SubmitResult>;

  constructor(
    private readonly host: SubmitElement,
    private readonly state: FormState,
    private readonly peers: SubmitPeers,
  ) {}

  /** Whether a submission is under way. */
  get sending(): boolean {
    return this.#sending !== undefined;
  }

  /** Validates, then sends. A second call while one is under way returns the same promise. */
  submit(): Promise<SubmitResult> {
    if (!this.#sending) {
      this.#sending = this.#send().finally(() => {
        // Focus waited on the status, which goes now: back to "Send", not to the page's body.
        const waiting = this.host.renderRoot.activeElement?.classList.contains('sending');
        this.#sending = undefined;
        this.delivering = false;
        this.host.requestUpdate();
        if (waiting)
          void this.host.updateComplete.then(() => this.peers.focus.focus('button[type="submit"]'));
      });
      this.host.requestUpdate();
    }
    return this.#sending;
  }

  /** Renders, then focuses what `selector` finds (the summary, a panel's heading, the status). */
  async #renderAndFocus(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.peers.focus.focus(selector);
  }

  /** The form starts afresh. */
  reset(): void {
    this.confirmation = undefined;
    this.notice = undefined;
  }

  async #send(): Promise<SubmitResult> {
    const { host, state, peers } = this;
    const definition = state.definition;
    if (!peers.ready() || !definition) return { ok: false, reason: 'failed' };
    // The server's earlier objections are checked again by sending; they must not block it.
    state.clearServerErrors();
    this.notice = undefined;
    // A file chosen just before "Send" is still being read: it is sent, not reported missing.
    await state.pendingInput.settled();
    const result = state.validateAll();
    if (!result.valid) {
      if (state.showStepOf(result.errors[0].pointer)) peers.stepShown();
      await this.#renderAndFocus('.error-summary');
      emit(host, 'intake-error', {
        type: 'validation',
        message: msg('The form contains errors.'),
        errors: result.errors,
      });
      return { ok: false, reason: 'invalid', errors: result.errors };
    }
    // The code that builds and delivers the envelope, loaded once the form was usable (or now,
    // should that have failed: offline since before it arrived).
    const delivery = await lazyParts.delivery.load().catch(() => undefined);
    if (!delivery) {
      const message = msg(
        'The form could not be sent. Please check your connection and try again.',
      );
      emit(host, 'intake-error', { type: 'network', message });
      return { ok: false, reason: 'failed' };
    }
    const { buildEnvelope, deliver, newIdempotencyKey, xhrTransport } = delivery;
    // A root answer left empty is sent as null (JSON has no undefined).
    const data = state.activeData() ?? state.emptyValue ?? null;
    const value = JSON.parse(JSON.stringify(data));
    const envelope = buildEnvelope(
      { id: definition.id, version: definition.version },
      peers.locale.locale,
      value,
    );
    if (!emit(host, 'intake-submit', { value, envelope }, true)) return { ok: true, status: 0 };
    if (!host.action) {
      emit(host, 'intake-error', {
        type: 'network',
        message: msg('This form has no address to send it to.'),
      });
      return { ok: false, reason: 'failed' };
    }
    // Focus leaves the disabled "Send" button for the status that says what happens.
    this.delivering = true;
    await this.#renderAndFocus('.sending');
    // The confirmation's code (and, should it have failed to load so far, the outbox's) arrive
    // while the submission is under way.
    lazyParts.confirmation.load().catch(() => undefined);
    void peers.outbox().start();
    const action = new URL(host.action, document.baseURI).href;
    const idempotencyKey = newIdempotencyKey();
    const headers = { ...(host.headers ?? {}) };
    const send = (body: WireEnvelope) =>
      deliver(
        {
          action,
          envelope: body,
          idempotencyKey,
          headers,
          timeoutMs: host.timeout,
          transport: host.transport ?? xhrTransport,
          onUploadProgress: (loaded, total) => {
            // Only worth showing for large submissions (files).
            if (total < 200_000) return;
            this.upload = { loaded, total };
            host.requestUpdate();
          },
        },
        host.retryPolicy,
      );
    let wire: WireEnvelope = envelope;
    let outcome: SendResult;
    if (definition.encryption) {
      // Encrypted, sent and (for a refused key) encrypted again by the lazy part src/crypto/.
      const sealed = await lazyParts.encryption.load().then(
        (part) => part.deliverSealed(envelope, definition.encryption!, action, send),
        // The part did not load (offline before it ever arrived): the usual words for that.
        () => ({
          notice: {
            message: msg('The form could not be sent. Please check your connection and try again.'),
          },
        }),
      );
      this.upload = undefined;
      if ('notice' in sealed) {
        // Nothing went out in clear; the answers stay in the form.
        this.notice = sealed.notice;
        await this.#renderAndFocus('.encryption-notice-text');
        emit(host, 'intake-error', { type: 'encryption', message: sealed.notice.message });
        return { ok: false, reason: 'failed' };
      }
      ({ wire, outcome } = sealed);
    } else {
      outcome = await send(wire);
    }
    this.upload = undefined;
    if (outcome.kind === 'accepted') return this.accepted(outcome);
    if (outcome.kind === 'rejected') return this.rejected(outcome);
    if (outcome.retryable) {
      // Nothing the person entered is lost: the submission waits on this device and goes out
      // by itself, with the same Idempotency-Key, as soon as it can.
      const queued = await peers.outbox().queue({
        key: idempotencyKey,
        formId: definition.id,
        action,
        envelope: wire,
        queuedAt: Date.now(),
        attempts: 1,
      });
      if (!queued) {
        // No IndexedDB (private mode in some browsers): the person can still send again.
        const message = msg(
          'The form could not be sent. Please check your connection and try again.',
        );
        emit(host, 'intake-error', { type: 'network', message });
        return { ok: false, reason: 'failed' };
      }
      await this.#renderAndFocus('.queued-title');
      emit(host, 'intake-error', {
        type: 'network',
        message: msg('Your request has been saved on this device and will be sent automatically.'),
        queued: true,
      });
      return { ok: false, reason: 'queued' };
    }
    const message = msg('The form could not be sent. Please try again later.');
    emit(host, 'intake-error', { type: 'server', message, status: outcome.status });
    return { ok: false, reason: 'failed' };
  }

  /** The backend accepted: confirmation, event, and the draft is no longer needed. */
  async accepted(outcome: Extract<SendResult, { kind: 'accepted' }>): Promise<SubmitResult> {
    this.peers.outbox().forget();
    await this.peers.outbox().sent();
    await lazyParts.confirmation.load().catch(() => undefined);
    this.confirmation = { reference: outcome.reference };
    await this.peers.drafts.discard();
    await this.#renderAndFocus('.confirmation-title');
    // Told after the confirmation is on screen, so that listeners see the final state.
    emit(this.host, 'intake-submitted', {
      status: outcome.status,
      reference: outcome.reference,
      response: outcome.response,
    });
    return { ok: true, status: outcome.status, reference: outcome.reference };
  }

  /** The backend refused the data (problem+json): its messages go on the fields; nothing is retried. */
  async rejected(outcome: Extract<SendResult, { kind: 'rejected' }>): Promise<SubmitResult> {
    const { state } = this;
    this.peers.outbox().forget();
    state.setServerErrors(
      outcome.errors.map((e) => [e.pointer, e.detail || msg('Please check this entry.')]),
    );
    const first = state.errors().find((e) => e.keyword === 'server');
    if (first && state.showStepOf(first.pointer)) this.peers.stepShown();
    await this.#renderAndFocus('.error-summary');
    const errors = state.errors().filter((e) => e.keyword === 'server');
    emit(this.host, 'intake-error', {
      type: 'server',
      message: outcome.title ?? msg('The form contains errors.'),
      errors,
    });
    return { ok: false, reason: 'rejected', errors };
  }
}
