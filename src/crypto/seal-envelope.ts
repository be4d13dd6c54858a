/**
 * The lazy part that encrypts a submission (loaded only for forms whose definition has
 * `encryption`): the whole envelope (answers, files, language) becomes one JWE to the office's
 * public key; beside it in clear go only the form's id and version, the time of sending and the
 * answers the definition names as routing data (`encryption.routing`, e.g. `/kommune`).
 */
import type { Envelope, SealedEnvelope } from '../submit/envelope.js';
import type { EncryptionSettings } from '../model/types.js';
import { getAtPointer } from '../core/json-pointer.js';
import { utf8 } from './base64url.js';
import { EncryptionKeyError, encryptCompact, importPublicKey } from './jwe-encrypt.js';

export { EncryptionKeyError } from './jwe-encrypt.js';

export type { EncryptionSettings, SealedEnvelope };

/** The URL of the office's key: `keyUrl`, or `…/forms/<id>/key` beside `…/forms/<id>/submissions`. */
export function keyUrlOf(settings: EncryptionSettings, action: string): string {
  return new URL(settings.keyUrl ?? './key', action).href;
}

/** Fetches the office's current public key (GET /api/forms/:id/key). */
export async function fetchOfficeKey(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/jwk+json, application/json' },
      cache: 'no-store',
    });
  } catch {
    throw new TypeError('The encryption key could not be fetched.');
  }
  if (response.status === 404) throw new EncryptionKeyError('The office has no encryption key.');
  if (!response.ok)
    throw new TypeError(`The encryption key could not be fetched (${response.status}).`);
  return response.json();
}

/**
 * Encrypts `envelope`. The key is the definition's, or (when it has none, or `refetch` says the
 * office refused the one used) the one the office serves now. Throws an EncryptionKeyError for
 * a key that cannot be used, a TypeError when the key could not be fetched (worth retrying).
 */
export async function sealEnvelope(
  envelope: Envelope,
  settings: EncryptionSettings,
  action: string,
  { refetch = false } = {},
): Promise<SealedEnvelope> {
  const jwk =
    settings.key && !refetch ? settings.key : await fetchOfficeKey(keyUrlOf(settings, action));
  const publicKey = await importPublicKey(jwk);
  const routing: Record<string, string | number | boolean> = {};
  for (const pointer of settings.routing ?? []) {
    const value = getAtPointer(envelope.data, pointer);
    // Only plain values: an object or list could carry far more than the routing needs.
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      routing[pointer] = value;
    }
  }
  const encrypted = await encryptCompact(utf8(JSON.stringify(envelope)), publicKey, {
    cty: 'application/json',
  });
  return {
    form: { id: envelope.form.id, version: envelope.form.version },
    submittedAt: envelope.submittedAt,
    encrypted,
    routing,
  };
}

export { renderEncryptionNotice, type EncryptionNotice } from './encryption-notice.js';
