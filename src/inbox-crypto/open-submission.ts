/**
 * Opening one encrypted submission in the inbox: decrypt its JWE with the office key this
 * browser holds for its kid, check that it is the submission it claims to be, and validate the
 * answers against the form's definition with ajv, as the receiver does for plain submissions.
 */
import type { FieldError, FormDefinition, JsonValue } from '../model/types.js';
import type { Envelope } from '../submit/envelope.js';
import { isCompiledDefinition, precompiledValidator } from '../validation/precompiled.js';
import { compileValidator } from '../validation/validator.js';
import { DecryptError, decryptRsaJwe, kidOf } from './jwe-decrypt.js';
import { keyFor } from './key-store.js';

export { DecryptError } from './jwe-decrypt.js';
export { forgetKeys, importKeyFile, listKeys, type ImportResult } from './key-store.js';

/** An opened submission. */
export interface OpenedSubmission {
  kid: string;
  /** The plain envelope: form, locale, submittedAt, data (files as data URLs). */
  envelope: Envelope;
  data: JsonValue;
  /** What ajv finds wrong with the answers (empty when valid). */
  problems: FieldError[];
}

/**
 * Decrypts a submission and checks that it belongs to the form it was filed under, without
 * validating its answers (what the inbox's search inside encrypted submissions needs). Throws a
 * DecryptError as openSubmission() does.
 */
export async function readSubmission(
  encrypted: string,
  expected: { formId: string },
): Promise<{ kid: string; envelope: Envelope }> {
  const kid = kidOf(encrypted);
  if (!kid) throw new DecryptError('malformed', 'The encrypted submission names no key (kid).');
  const stored = await keyFor(kid);
  if (!stored) {
    throw new DecryptError(
      'no-key',
      `This browser has no office key "${kid}". Import the office's key file (it holds every key, also older ones).`,
    );
  }
  const plaintext = await decryptRsaJwe(encrypted, stored.key);
  let envelope: Envelope;
  try {
    envelope = JSON.parse(new TextDecoder().decode(plaintext)) as Envelope;
  } catch {
    throw new DecryptError('malformed', 'The decrypted submission is not JSON.');
  }
  if (envelope?.form?.id !== expected.formId) {
    // The server's clear metadata and the sealed content disagree: a ciphertext moved between
    // forms. Its answers are not shown under the wrong form.
    throw new DecryptError(
      'wrong-form',
      'The decrypted submission belongs to another form than the one it was filed under.',
    );
  }
  return { kid, envelope };
}

/**
 * Decrypts and checks a submission. Throws a DecryptError with a message for the caseworker:
 * `no-key` (import the key file), `tampered`, `malformed`, `algorithm`, `wrong-form`.
 *
 * @param encrypted the detail API's `encrypted.jwe`
 * @param definition the form's definition (a compiled one where the page's CSP forbids eval)
 * @param expected what the server's clear metadata says (form id), checked against the inside
 */
export async function openSubmission(
  encrypted: string,
  definition: FormDefinition,
  expected: { formId: string; routing?: Record<string, unknown> },
): Promise<OpenedSubmission> {
  const { kid, envelope } = await readSubmission(encrypted, expected);
  const data = envelope.data ?? {};
  const validator = isCompiledDefinition(definition)
    ? precompiledValidator(definition)
    : await compileValidator(definition.schema);
  const problems = validator.validate(data);
  // The routing answers in clear must be what the person answered inside.
  for (const [pointer, value] of Object.entries(expected.routing ?? {})) {
    const inside = pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((node, token) => {
        const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
        return typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined;
      }, data);
    if (inside !== value) problems.push({ pointer, keyword: 'routing', params: { value } });
  }
  return { kid, envelope, data, problems };
}
