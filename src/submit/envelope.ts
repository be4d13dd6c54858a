/**
 * The submission envelope (API.md, "What goes over the wire").
 */
import type { JsonValue } from '../model/types.js';

export interface Envelope {
  form: { id: string; version?: string };
  locale: string;
  submittedAt: string;
  data: JsonValue;
}

/**
 * What an encrypting form sends instead (src/crypto/seal-envelope.ts): the envelope above as a
 * JWE, with only the routing answers the definition names in clear.
 */
export interface SealedEnvelope {
  form: { id: string; version?: string };
  submittedAt: string;
  /** JWE compact serialization (RSA-OAEP-256, A256GCM) of the plain envelope as JSON. */
  encrypted: string;
  routing: Record<string, string | number | boolean>;
}

/** Either envelope, as it goes over the wire and waits in the outbox. */
export type WireEnvelope = Envelope | SealedEnvelope;

/** Builds the envelope for one submission. */
export function buildEnvelope(
  form: { id: string; version?: string },
  locale: string,
  data: JsonValue,
  now = new Date(),
): Envelope {
  return {
    form: { id: form.id, version: form.version },
    locale,
    submittedAt: now.toISOString(),
    data,
  };
}

/** A random UUID (v4), also where `crypto.randomUUID` is missing (pages served without TLS). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
