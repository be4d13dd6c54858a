/**
 * Sends an envelope and reads the answer (API.md, "What goes over the wire"):
 * `2xx` accepted (with `reference`); `400`/`422` problem+json field errors: rejected, never
 * retried; `408`, `429` (with `Retry-After`), `5xx`, network failure and timeout: failed and
 * worth retrying; anything else failed for good.
 */
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import type { WireEnvelope } from './envelope.js';
import type { Transport } from './transport.js';

/** A field error sent back by the server (RFC 9457 `errors[]`). */
export interface ServerFieldError {
  pointer: string;
  detail: string;
}

export type SendResult =
  | { kind: 'accepted'; status: number; reference?: string; response: unknown }
  | { kind: 'rejected'; status: number; errors: ServerFieldError[]; title?: string; type?: string }
  | { kind: 'failed'; status: number; message: string; retryable: boolean; retryAfterMs?: number };

export interface SendOptions {
  action: string;
  envelope: WireEnvelope;
  idempotencyKey: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  transport: Transport;
  onUploadProgress?: (loaded: number, total: number) => void;
}

/** `Retry-After` in milliseconds: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** Sends once. */
export async function sendEnvelope(options: SendOptions): Promise<SendResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response;
  try {
    response = await options.transport({
      url: options.action,
      method: 'POST',
      headers: {
        ...options.headers,
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        'Idempotency-Key': options.idempotencyKey,
        // Not for an encrypted envelope: the person's language is part of what is encrypted.
        ...('locale' in options.envelope ? { 'Content-Language': options.envelope.locale } : {}),
      },
      body: JSON.stringify(options.envelope),
      signal: controller.signal,
      onUploadProgress: options.onUploadProgress,
    });
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return {
      kind: 'failed',
      status: 0,
      message: timedOut ? 'timeout' : String((error as Error)?.message ?? error),
      retryable: true,
    };
  } finally {
    clearTimeout(timer);
  }
  const { status, body } = response;
  if (status >= 200 && status < 300) {
    const reference =
      typeof (body as { reference?: unknown })?.reference === 'string'
        ? (body as { reference: string }).reference
        : undefined;
    return { kind: 'accepted', status, reference, response: body };
  }
  if ((status === 400 || status === 422) && typeof body === 'object' && body !== null) {
    const problem = body as { errors?: unknown; title?: unknown; type?: unknown; detail?: unknown };
    const errors = Array.isArray(problem.errors)
      ? problem.errors
          .filter(
            (e): e is { pointer: unknown; detail: unknown } => typeof e === 'object' && e !== null,
          )
          .map((e) => ({
            pointer: typeof e.pointer === 'string' ? e.pointer : '',
            detail: typeof e.detail === 'string' ? e.detail : '',
          }))
      : [];
    return {
      kind: 'rejected',
      status,
      errors,
      title: typeof problem.title === 'string' ? problem.title : undefined,
      // Problems with no field (an encryption key the office refused) are told by their type.
      ...(typeof problem.type === 'string' ? { type: problem.type } : {}),
    };
  }
  return {
    kind: 'failed',
    status,
    message: `HTTP ${status}`,
    retryable: isRetryable(status),
    retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
  };
}
