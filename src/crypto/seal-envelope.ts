/**
 * The lazy part that encrypts a submission (loaded only for forms whose definition has
 * `encryption`): the whole envelope (answers, files, language) becomes one JWE to the office's
 * public key; beside it in clear go only the form's id and version, the time of sending and the
 * answers the definition names as routing data (`encryption.routing`, e.g. `/kommune`).
 */
import type { Envelope, SealedEnvelope } from '../submit/envelope.js';
import type { SendResult } from '../submit/send-envelope.js';
import type { EncryptionSettings } from '../model/types.js';
import { getAtPointer } from '../core/json-pointer.js';
import { msg } from '@lit/localize';
import { utf8 } from './base64url.js';
import type { EncryptionNotice } from './encryption-notice.js';
import { EncryptionKeyError, encryptCompact, importPublicKey } from './jwe-encrypt.js';

export { EncryptionKeyError };

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

/**
 * `sealEnvelope` for the submit path: the sealed envelope, or the notice that says why there is
 * none (a key that cannot be used, or one that could not be fetched).
 */
export async function sealOrNotice(
  envelope: Envelope,
  settings: EncryptionSettings,
  action: string,
  refetch: boolean,
): Promise<SealedEnvelope | EncryptionNotice> {
  try {
    return await sealEnvelope(envelope, settings, action, { refetch });
  } catch (error) {
    return {
      message:
        error instanceof EncryptionKeyError
          ? msg('This form cannot be sent securely: the office’s encryption key cannot be used.')
          : msg('The form could not be sent. Please check your connection and try again.'),
    };
  }
}

/** The notice for a ciphertext the office refused, with the copy to download. */
export function refusedNotice(sealed: SealedEnvelope, detail?: string): EncryptionNotice {
  const message = msg('The office could not accept the encrypted form.');
  return {
    message: detail ? `${message} (${detail})` : message,
    copy: {
      text: JSON.stringify(sealed),
      name: `${sealed.form.id}-${sealed.submittedAt.slice(0, 10)}.encrypted.json`,
    },
  };
}

/** The receiver's problem type for an encryption key it does not accept (server/encryption.js). */
const KEY_PROBLEM = 'urn:intake-elements:problem:encryption-key';

/**
 * The submit path of an encrypting form: encrypts, sends with `send`, and when the office refuses
 * the key (rotated since the page was loaded, or the definition's key expired) encrypts once more
 * to the key it serves now and sends again (nothing was stored, so the same Idempotency-Key is
 * right). Resolves to the outcome, or to the notice that tells the person why nothing went out
 * or why the office refused the ciphertext (with the encrypted copy).
 */
export async function deliverSealed(
  envelope: Envelope,
  settings: EncryptionSettings,
  action: string,
  send: (body: SealedEnvelope) => Promise<SendResult>,
): Promise<{ wire: SealedEnvelope; outcome: SendResult } | { notice: EncryptionNotice }> {
  let wire = await sealOrNotice(envelope, settings, action, false);
  if (!('encrypted' in wire)) return { notice: wire };
  let outcome = await send(wire);
  if (outcome.kind === 'rejected' && outcome.type === KEY_PROBLEM) {
    wire = await sealOrNotice(envelope, settings, action, true);
    if (!('encrypted' in wire)) return { notice: wire };
    outcome = await send(wire);
  }
  if (outcome.kind === 'rejected' && outcome.errors.length === 0) {
    return { notice: refusedNotice(wire, outcome.title) };
  }
  return { wire, outcome };
}
