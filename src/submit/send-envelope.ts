/**
 * Posts an envelope and reads the answer: `2xx` accepted (with `reference`), `400`/`422`
 * problem+json field errors (rejected), anything else a failure.
 */
import type { Envelope } from './envelope.js';

/** A field error sent back by the server (RFC 9457 `errors[]`). */
export interface ServerFieldError {
  pointer: string;
  detail: string;
}

export type SendResult =
  | { kind: 'accepted'; status: number; reference?: string; response: unknown }
  | { kind: 'rejected'; status: number; errors: ServerFieldError[]; title?: string }
  | { kind: 'failed'; status: number; message: string };

export interface SendOptions {
  action: string;
  envelope: Envelope;
  idempotencyKey: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Sends once (retries and the outbox build on this). */
export async function sendEnvelope(options: SendOptions): Promise<SendResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  let response: Response;
  try {
    response = await fetch(options.action, {
      method: 'POST',
      headers: {
        ...options.headers,
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        'Idempotency-Key': options.idempotencyKey,
        'Content-Language': options.envelope.locale,
      },
      body: JSON.stringify(options.envelope),
      signal: controller.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    return { kind: 'failed', status: 0, message: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
  const body = await readJson(response);
  if (response.ok) {
    const reference =
      typeof (body as { reference?: unknown })?.reference === 'string'
        ? (body as { reference: string }).reference
        : undefined;
    return { kind: 'accepted', status: response.status, reference, response: body };
  }
  if (
    (response.status === 400 || response.status === 422) &&
    typeof body === 'object' &&
    body !== null
  ) {
    const problem = body as { errors?: unknown; title?: unknown };
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
      status: response.status,
      errors,
      title: typeof problem.title === 'string' ? problem.title : undefined,
    };
  }
  return { kind: 'failed', status: response.status, message: response.statusText };
}
