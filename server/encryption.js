/**
 * Encrypted submissions (docs/security.md): for a form whose definition has `encryption`, the
 * body is `{ form: { id, version }, submittedAt, encrypted: <JWE compact>, routing: { <pointer>:
 * <answer> } }`. The receiver holds no private key, so it checks only what it can see: the
 * envelope's shape, the JWE's structure and header (RSA-OAEP-256 + A256GCM, a `kid` it knows that
 * has not expired), the sizes, and the routing answers against the form's schema. The answers
 * themselves are checked by the inbox after decryption, with the same schema.
 */
import { getAtTokens, parsePointer } from '../src/core/json-pointer.js';
import { compileSchema, isObject } from './validation.js';

/** Problem types of this module (besides PROBLEM.envelope for a malformed envelope). */
export const ENCRYPTION_PROBLEM = {
  /** The key named by `kid` is unknown, expired, or not the right kind: encrypt to a new one. */
  key: 'urn:intake-elements:problem:encryption-key',
  /** The form takes only encrypted submissions. */
  required: 'urn:intake-elements:problem:encryption-required',
  /** The JWE is malformed or uses other algorithms. */
  jwe: 'urn:intake-elements:problem:invalid-jwe',
};

const SEALED_KEYS = new Set(['form', 'submittedAt', 'encrypted', 'routing']);
const FORM_KEYS = new Set(['id', 'version']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const VERSION = /^[\x20-\x7e]{1,100}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;
/** Header members a JWE from the element or from jose may carry; anything else is refused. */
const HEADER_KEYS = new Set(['alg', 'enc', 'kid', 'cty', 'typ']);

/** Whether the form takes encrypted submissions only. */
export function isEncryptedForm(form) {
  return isObject(form.definition.encryption);
}

/**
 * The body limit of an encrypted form: the plain limit as base64url (a third more) plus room
 * for the header, the encrypted key and the routing answers.
 */
export function sealedBodyLimit(plainLimit) {
  return Math.ceil((plainLimit * 4) / 3) + 16 * 1024;
}

/** Bytes of a base64url string without padding. */
const decodedLength = (text) => Math.floor((text.length * 3) / 4);

/**
 * Checks an encrypted envelope. Resolves to undefined when it may be stored, else to the problem
 * to answer with: `{ status, title, type, detail, errors? }`.
 *
 * @param {unknown} envelope the parsed body
 * @param {{ id: string, definition: Record<string, any> }} form
 * @param {{ find: (kid: string) => Promise<undefined | { expired: boolean, publicKey: any }> }} keys
 */
export async function checkSealedEnvelope(envelope, form, keys) {
  const invalid = (errors) => ({
    status: 400,
    title: 'Bad Request',
    type: 'urn:intake-elements:problem:invalid-envelope',
    detail: 'The encrypted envelope is malformed. Pointers are into the request body.',
    errors,
  });
  if (!isObject(envelope)) return invalid([{ pointer: '', detail: 'Must be a JSON object.' }]);
  if ('data' in envelope && !('encrypted' in envelope)) {
    return {
      status: 400,
      title: 'Bad Request',
      type: ENCRYPTION_PROBLEM.required,
      detail: 'This form accepts only encrypted submissions (see GET /api/forms/:id/key).',
    };
  }
  const errors = [];
  const fail = (pointer, detail) => errors.push({ pointer, detail });
  for (const key of Object.keys(envelope)) {
    if (!SEALED_KEYS.has(key))
      fail(
        `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        'Not part of the encrypted envelope.',
      );
  }
  if (!isObject(envelope.form)) fail('/form', 'Must be an object with id and version.');
  else {
    for (const key of Object.keys(envelope.form)) {
      if (!FORM_KEYS.has(key)) fail(`/form/${key}`, 'Not part of the envelope.');
    }
    if (envelope.form.id !== form.id) fail('/form/id', 'Does not match the form in the URL.');
    const { version } = envelope.form;
    if (typeof version !== 'string' || !VERSION.test(version)) {
      fail('/form/version', 'Must be a non-empty string of printable characters.');
    }
  }
  const at = envelope.submittedAt;
  if (typeof at !== 'string' || !RFC3339.test(at) || Number.isNaN(Date.parse(at))) {
    fail('/submittedAt', 'Must be an RFC 3339 date-time.');
  }
  errors.push(...checkRouting(envelope.routing, form));
  if (typeof envelope.encrypted !== 'string')
    fail('/encrypted', 'Must be a JWE in compact serialization.');
  if (errors.length > 0) return invalid(errors);

  return checkJwe(envelope.encrypted, keys);
}

/** The JWE's structure and header, and its key. */
async function checkJwe(jwe, keys) {
  const refuse = (detail, type = ENCRYPTION_PROBLEM.jwe) => ({
    status: 400,
    title: 'Bad Request',
    type,
    detail,
  });
  const parts = jwe.split('.');
  if (parts.length !== 5 || !parts.every((part) => B64URL.test(part))) {
    return refuse(
      'The encrypted data is not a JWE in compact serialization (five base64url parts).',
    );
  }
  const [head, encryptedKey, iv, ciphertext, tag] = parts;
  let header;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
  } catch {
    header = undefined;
  }
  if (!isObject(header)) return refuse('The JWE header is not a JSON object.');
  const extra = Object.keys(header).find((key) => !HEADER_KEYS.has(key));
  if (extra) return refuse(`The JWE header member "${extra}" is not supported.`);
  if (header.alg !== 'RSA-OAEP-256' || header.enc !== 'A256GCM') {
    return refuse('The JWE must use alg RSA-OAEP-256 and enc A256GCM.');
  }
  if (decodedLength(iv) !== 12) return refuse('The JWE initialization vector must be 96 bits.');
  if (decodedLength(tag) !== 16) return refuse('The JWE authentication tag must be 128 bits.');
  if (ciphertext.length === 0) return refuse('The JWE has no ciphertext.');
  if (typeof header.kid !== 'string' || header.kid === '') {
    return refuse('The JWE header has no kid.', ENCRYPTION_PROBLEM.key);
  }
  const key = await keys.find(header.kid);
  if (!key) {
    return refuse(
      'The data is encrypted to a key this office does not know. Fetch the current key and encrypt again.',
      ENCRYPTION_PROBLEM.key,
    );
  }
  if (key.expired) {
    return refuse(
      'The data is encrypted to a key that has expired. Fetch the current key and encrypt again.',
      ENCRYPTION_PROBLEM.key,
    );
  }
  const modulus = decodedLength(String(key.publicKey.n ?? ''));
  if (decodedLength(encryptedKey) !== modulus) {
    return refuse(
      'The encrypted key does not fit the office key named by kid (a key of another type or size?).',
      ENCRYPTION_PROBLEM.key,
    );
  }
  return undefined;
}

const routingChecks = new WeakMap();

/**
 * The routing answers: only pointers the definition names, only plain values, each valid against
 * the schema at its pointer (a town from the list, not free text that could carry anything).
 */
function checkRouting(routing, form) {
  const errors = [];
  if (routing === undefined) return errors;
  if (!isObject(routing)) return [{ pointer: '/routing', detail: 'Must be an object.' }];
  const declared = form.definition.encryption.routing ?? [];
  let checks = routingChecks.get(form);
  if (!checks) {
    checks = new Map(
      declared.map((pointer) => [pointer, compileAt(form.definition.schema, pointer)]),
    );
    routingChecks.set(form, checks);
  }
  for (const [pointer, value] of Object.entries(routing)) {
    const at = `/routing/${pointer.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const check = checks.get(pointer);
    if (!check) errors.push({ pointer: at, detail: 'Not declared as routing data by the form.' });
    else if (!['string', 'number', 'boolean'].includes(typeof value)) {
      errors.push({ pointer: at, detail: 'Must be text, a number or true/false.' });
    } else {
      const found = check(value);
      if (found.length > 0) errors.push({ pointer: at, detail: found[0].detail });
    }
  }
  return errors;
}

/** A check for the sub-schema at a data pointer (through `properties` and local `$ref`s). */
function compileAt(root, pointer) {
  let node = root;
  const resolve = (schema) => {
    for (let hops = 0; isObject(schema) && typeof schema.$ref === 'string' && hops < 16; hops++) {
      if (!schema.$ref.startsWith('#')) return undefined;
      schema = getAtTokens(root, parsePointer(decodeURIComponent(schema.$ref.slice(1))));
    }
    return schema;
  };
  for (const token of parsePointer(pointer)) {
    node = resolve(node);
    node = isObject(node) && isObject(node.properties) ? node.properties[token] : undefined;
  }
  node = resolve(node);
  if (!isObject(node)) return () => [{ detail: 'The form has no question at this pointer.' }];
  const { $defs, definitions, $schema } = root;
  return compileSchema({
    ...node,
    ...($schema ? { $schema } : {}),
    ...($defs ? { $defs } : {}),
    ...(definitions ? { definitions } : {}),
  });
}

/**
 * For the inbox: the stored envelope's ciphertext and key id, or null for a plain submission
 * (the detail API's `encrypted` member, docs/security.md).
 *
 * @param {Record<string, any>} envelope the stored (parsed) envelope
 * @returns {null | { jwe: string, kid: string | undefined }}
 */
export function sealedOf(envelope) {
  if (!isObject(envelope) || typeof envelope.encrypted !== 'string') return null;
  let kid;
  try {
    kid = JSON.parse(
      Buffer.from(envelope.encrypted.split('.')[0], 'base64url').toString('utf8'),
    ).kid;
  } catch {
    kid = undefined;
  }
  return { jwe: envelope.encrypted, kid: typeof kid === 'string' ? kid : undefined };
}

/**
 * The answer at `pointer` for routing and filters: from `data` of a plain envelope, from the
 * clear `routing` of an encrypted one (the only answers the server can see).
 */
export function routingValue(envelope, pointer) {
  if (!isObject(envelope)) return undefined;
  if (typeof envelope.encrypted === 'string') {
    return isObject(envelope.routing) ? envelope.routing[pointer] : undefined;
  }
  return getAtTokens(envelope.data, parsePointer(pointer));
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The answers the server may read, as a data object: `data` of a plain envelope; for an
 * encrypted one, only its clear routing answers, put at their pointers (so that the inbox's
 * routing rows and search index see exactly what is public, and nothing else).
 */
export function clearData(envelope) {
  if (!isObject(envelope)) return undefined;
  if (typeof envelope.encrypted !== 'string') return envelope.data;
  const data = {};
  for (const [pointer, value] of Object.entries(
    isObject(envelope.routing) ? envelope.routing : {},
  )) {
    const tokens = parsePointer(pointer);
    // Stored envelopes were checked against the definition's routing pointers, but this also
    // reads old rows: a pointer through __proto__ must never reach Object.prototype.
    if (tokens.some((token) => UNSAFE_KEYS.has(token))) continue;
    let node = data;
    tokens.forEach((token, i) => {
      if (i === tokens.length - 1) node[token] = value;
      else node = isObject(node[token]) ? node[token] : (node[token] = {});
    });
  }
  return data;
}
