/**
 * The receiver's HTTP handling: routes, checks, idempotency and storage. See server/README.md for
 * what each route answers; server/index.js starts it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHttpApp } from './app.js';
import { corsFor, corsPlugin } from './cors.js';
import { createFaults } from './faults.js';
import { createFormRegistry, DefinitionError } from './forms.js';
import {
  DEFAULT_STAFF_HOSTS,
  PROBLEM,
  clientAddress,
  problem,
  readBody,
  sendJson,
  errorName,
} from './http.js';
import { rateLimitKey } from './rate-limit.js';
import { rateLimiterFor } from './rate-limit-shared.js';
import { isValidPrefix, newReference } from './references.js';
import { createBackground } from './inbox/background.js';
import { inboxPlugin } from './inbox/index.js';
import { checkSealedEnvelope, isEncryptedForm, sealedBodyLimit } from './encryption.js';
import { createKeyStore, publicJwk } from './keys.js';
import { indexSubmission } from './inbox/routing.js';
import { serveStatic } from './static.js';
import { summarizeSubmission } from './staff-summary.js';
import { openStorage } from './storage/index.js';
import { checkEnvelope, nestsDeeperThan } from './validation.js';
import { lonelySurrogates } from './well-formed.js';

/**
 * A request refused before its form is known (429, 404…) has its body drained up to this size,
 * so that the client reads the answer on a connection that stays usable; larger ones are cut.
 */
const DRAIN_LIMIT = 10 * 1024 * 1024;

/** For API answers: nothing here is ever meant to render or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Printable ASCII without spaces; the element sends a UUID. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** How often a new reference is drawn when the one drawn is taken. */
const REFERENCE_ATTEMPTS = 5;

/**
 * Builds the receiver: an http.Server (not yet listening) whose storage opens in the background.
 * Most callers want startReceiver() in ./index.js instead.
 *
 * @param {object} options see startReceiver() in ./index.js
 * @returns {{ server: import('node:http').Server, ready: Promise<void>, close: (options?: { graceMs?: number }) => Promise<void>,
 *   storage: () => object | undefined }}
 */
export function createReceiver(options) {
  const {
    formsDir,
    dataDir,
    databaseUrl,
    databaseSchema,
    faults: faultOptions,
    staticRoots,
    staticIndex = staticRoots?.demo && join(staticRoots.demo, 'index.html'),
    csp = staticRoots ? undefined : API_CSP,
    cors: corsOrigins = {},
    corsAllowHeaders = [],
    rateLimit = { perMinute: 30 },
    bodyLimit: bodyLimitCap,
    trustProxy = false,
    referencePrefix,
    staffHosts = DEFAULT_STAFF_HOSTS,
    inbox = false,
    notify,
    webhooks,
    retention,
    keysDir,
    log = (line) => process.stdout.write(`${line}\n`),
    newReference: makeReference = newReference,
  } = options;

  const prefixes = typeof referencePrefix === 'object' && referencePrefix ? referencePrefix : {};
  const globalPrefix = typeof referencePrefix === 'string' ? referencePrefix : undefined;
  for (const prefix of [globalPrefix, ...Object.values(prefixes)]) {
    if (prefix !== undefined && !isValidPrefix(prefix)) {
      throw new Error(`Reference prefix must be 1–6 upper-case letters or digits: ${prefix}`);
    }
  }

  const forms = createFormRegistry({ formsDir, prefixes, prefix: globalPrefix });
  const faults = createFaults(faultOptions);
  const keys = createKeyStore({ keysDir });
  const shutdown = new AbortController();
  /** Definition hashes known to be stored already. */
  const savedDefinitions = new Set();

  const write = (entry) => log(JSON.stringify({ time: new Date().toISOString(), ...entry }));
  if (faults) write({ level: 'warn', event: 'faults', message: 'fault injection is ON' });

  // Shared by every receiver on one PostgreSQL (./rate-limit-shared.js), in memory on SQLite.
  const limiter = rateLimiterFor({ databaseUrl, rateLimit, useStorage: () => useStorage(), write });
  // E-mail notices, webhooks, retention (./inbox/background.js); checks its settings first.
  const background = createBackground({
    useStorage: () => useStorage(),
    write,
    notify,
    webhooks,
    retention,
  });

  let storage;
  const opening = openStorage({ databaseUrl, databaseSchema, dataDir }).then((opened) => {
    storage = opened;
    return opened;
  });
  const ready = opening.then(() => undefined);
  ready.catch((error) => write({ level: 'error', event: 'storage', error: errorName(error) }));

  /** The storage once open; rejects (with `storage: true`) while it cannot be opened. */
  const useStorage = () => opening.catch((error) => Promise.reject(asStorageError(error)));

  const { app, server, boot } = createHttpApp({
    csp,
    trustProxy,
    staticRoots: Boolean(staticRoots),
    write,
    shutdown: shutdown.signal,
    drainLimit: DRAIN_LIMIT,
  });

  app.all('/healthz', async (request, reply) => {
    request.intake.route = '/healthz';
    if (!allowMethods(request, reply, ['GET', 'HEAD'])) return reply;
    let ok;
    try {
      ok = await (await useStorage()).ping();
    } catch {
      ok = false;
    }
    if (!ok) {
      return problem(reply, 503, 'Service Unavailable', { detail: 'The storage does not answer.' });
    }
    return sendJson(reply, 200, { status: 'ok' });
  });

  // The submission route in a scope of its own: CORS (an allow-list per form) applies only here.
  app.register(async (scope) => {
    scope.addHook('onRequest', (request, reply, done) => {
      request.intake.route = '/api/forms/:id/submissions';
      reply.header(
        'Vary',
        request.method === 'OPTIONS'
          ? 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'
          : 'Origin',
      );
      if (request.method === 'OPTIONS') reply.header('Allow', 'POST, OPTIONS');
      done();
    });
    await scope.register(corsPlugin, corsFor(corsOrigins, { extraHeaders: corsAllowHeaders }));
    scope.all('/api/forms/:id/submissions', (request, reply) =>
      receive(request, reply, request.params.id, request.intake),
    );
  });

  // The office's current public encryption key (server/keys.js), for forms with `encryption`.
  app.get('/api/forms/:id/key', async (request, reply) => {
    request.intake.route = '/api/forms/:id/key';
    let form;
    try {
      form = await forms.get(request.params.id);
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      form = undefined;
    }
    if (!form || !isEncryptedForm(form)) {
      return problem(reply, 404, 'Not Found', { detail: 'This form has no encryption key.' });
    }
    const key = await keys.current();
    if (!key) {
      write({ level: 'error', event: 'keys', formId: form.id, error: 'no current key' });
      return problem(reply, 404, 'Not Found', { detail: 'The office has no current key.' });
    }
    // Short: after a rotation, pages fetch the new key within minutes.
    return reply
      .code(200)
      .header('Content-Type', 'application/jwk+json')
      .header('Cache-Control', 'public, max-age=300')
      .header('Access-Control-Allow-Origin', '*')
      .send(JSON.stringify(publicJwk(key)));
  });

  if (inbox) {
    app.register(inboxPlugin, {
      prefix: '/inbox',
      useStorage,
      hosts: staffHosts,
      formsDir,
      write,
      background,
      ...(typeof inbox === 'object' ? inbox : {}),
    });
  }

  if (staticRoots) {
    // Everything but OPTIONS, which @fastify/cors answers on every path (404 here).
    app.route({
      method: app.supportedMethods.filter((m) => m !== 'OPTIONS'),
      url: '/*',
      handler: async (request, reply) => {
        const path = request.url.split('?')[0];
        if (path.startsWith('/api/')) return problem(reply, 404, 'Not Found');
        request.intake.route = 'static';
        if (!allowMethods(request, reply, ['GET', 'HEAD'])) return reply;
        // Browsers ask for it on every page; an empty answer keeps the console free of 404s.
        if (path === '/favicon.ico') return reply.code(204).send();
        return serveStatic(request, reply, path, { roots: staticRoots, index: staticIndex });
      },
    });
  }

  boot().catch((error) => write({ level: 'error', event: 'http', error: errorName(error) }));

  // -------------------------------------------------------------------------------------------
  // POST /api/forms/:id/submissions

  async function receive(request, reply, formId, context) {
    // A preflight that @fastify/cors did not grant (origin or method not allowed): no grants.
    if (request.method === 'OPTIONS') return reply.code(204).header('Content-Length', '0').send();
    if (!allowMethods(request, reply, ['POST', 'OPTIONS'])) return reply;
    const req = request.raw;

    const allowed = await limiter.take(rateLimitKey(clientAddress(request)));
    if (!allowed.ok) {
      return problem(reply, 429, 'Too Many Requests', {
        detail: 'Too many requests from this client. Try again later.',
        headers: { 'Retry-After': String(allowed.retryAfter) },
      });
    }

    const fault = faults?.pick();
    context.fault = fault;
    if (fault === 'drop') return cut(reply);
    if (fault === 'status500') return problem(reply, 500, 'Internal Server Error');
    if (fault === 'status503' || fault === 'status429') {
      const status = fault === 'status503' ? 503 : 429;
      return problem(reply, status, status === 503 ? 'Service Unavailable' : 'Too Many Requests', {
        headers: { 'Retry-After': '1' },
      });
    }

    let form;
    try {
      form = await forms.get(formId);
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      write({ level: 'error', event: 'definition', formId, error: error.message });
      return problem(reply, 500, 'Internal Server Error', {
        detail: 'The form definition on the server cannot be used.',
      });
    }
    if (!form) {
      return problem(reply, 404, 'Not Found', { detail: 'There is no form with this id.' });
    }
    context.formId = form.id;
    // Derived from the form's file fields (src/core/limits.js); BODY_LIMIT can only lower it.
    const encrypted = isEncryptedForm(form);
    // Ciphertext travels as base64url: a third more than the plain envelope.
    const bodyLimit = Math.min(
      encrypted ? sealedBodyLimit(form.bodyLimit) : form.bodyLimit,
      bodyLimitCap ?? Infinity,
    );
    context.bodyLimit = bodyLimit;

    const contentType = (req.headers['content-type'] ?? '').toLowerCase().split(';');
    const charset = contentType
      .slice(1)
      .map((p) => p.trim())
      .find((p) => p.startsWith('charset='));
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (
      contentType[0].trim() !== 'application/json' ||
      (charset && charset.replace(/"/g, '') !== 'charset=utf-8') ||
      encoding !== 'identity'
    ) {
      return problem(reply, 415, 'Unsupported Media Type', {
        detail: 'Send the envelope as application/json (UTF-8, no content encoding).',
        headers: { Accept: 'application/json' },
      });
    }

    // Without the key a retry after a lost answer would create a second case file for one person.
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      return problem(reply, 400, 'Bad Request', {
        type: PROBLEM.keyMissing,
        detail: 'The Idempotency-Key header is missing or malformed.',
      });
    }

    const declared = Number(req.headers['content-length']);
    if (declared > bodyLimit) return tooLarge(reply, bodyLimit);
    const raw = await readBody(req, bodyLimit);
    if (raw === undefined) return tooLarge(reply, bodyLimit);

    let envelope;
    try {
      envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      return problem(reply, 400, 'Bad Request', { detail: 'The body is not valid UTF-8 JSON.' });
    }
    if (nestsDeeperThan(envelope)) {
      return problem(reply, 400, 'Bad Request', { detail: 'The body is nested too deeply.' });
    }
    const bodyHash = createHash('sha256').update(canonicalJson(envelope)).digest('hex');

    if (fault === 'stall') await sleep(faults.stallMs, undefined, { signal: shutdown.signal });

    const store = await useStorage();
    // An answer given before wins over everything else, even if the definition changed since.
    const previous = await store.findByKey(key).catch(rethrowStorage);
    if (previous) return replay(reply, previous, bodyHash, context);

    if (encrypted) {
      // Nothing here can be read; what can be checked without the key is (server/encryption.js).
      const refused = await checkSealedEnvelope(envelope, form, keys);
      if (refused) {
        context.refused = refused.type;
        return problem(reply, refused.status, refused.title, {
          type: refused.type,
          detail: refused.detail,
          ...(refused.errors ? { errors: refused.errors } : {}),
        });
      }
      return storeAccepted(reply, form, envelope, { key, bodyHash, fault, context });
    }

    const envelopeErrors = checkEnvelope(envelope, form.id);
    if (envelopeErrors.length > 0) {
      // Nothing is stored for a refused request: the sender may fix it and use the key again.
      return problem(reply, 400, 'Bad Request', {
        type: PROBLEM.envelope,
        detail: 'The envelope is malformed. Pointers are into the request body.',
        errors: envelopeErrors,
      });
    }
    let dataErrors = lonelySurrogates(envelope.data);
    if (dataErrors.length === 0) {
      dataErrors = form.validate(envelope.data);
      // Files are checked even when other answers are wrong, so the person sees every problem
      // at once; a file that already failed its schema (not a data URL) is not read.
      const reported = new Set(dataErrors.map((error) => error.pointer));
      const fileErrors = await form.checkFiles(envelope.data);
      dataErrors = [...dataErrors, ...fileErrors.filter((e) => !reported.has(e.pointer))];
    }
    if (dataErrors.length > 0) {
      return problem(reply, 422, 'Unprocessable Content', {
        type: PROBLEM.validation,
        detail: 'Some answers are not valid. Pointers are into data.',
        errors: dataErrors.map(({ pointer, keyword, detail }) => ({ pointer, keyword, detail })),
      });
    }

    return storeAccepted(reply, form, envelope, { key, bodyHash, fault, context });
  }

  /** Stores an accepted envelope (plain or encrypted) under a new reference and answers 201. */
  async function storeAccepted(reply, form, envelope, { key, bodyHash, fault, context }) {
    const storage = await useStorage();
    if (!savedDefinitions.has(form.hash)) {
      await storage
        .saveDefinition({
          hash: form.hash,
          formId: form.id,
          formVersion: form.version ?? null,
          definition: form.text,
          firstSeenAt: new Date().toISOString(),
        })
        .catch(rethrowStorage);
      savedDefinitions.add(form.hash);
    }

    const receivedAt = new Date().toISOString();
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
      const reference = makeReference(form.prefix);
      const responseBody = JSON.stringify({ reference });
      const inserted = await storage
        .insertSubmission({
          reference,
          formId: form.id,
          formVersion: envelope.form.version,
          // An encrypted envelope's language is inside the ciphertext: "undetermined" here.
          locale: typeof envelope.encrypted === 'string' ? 'und' : envelope.locale,
          submittedAt: envelope.submittedAt,
          receivedAt,
          idempotencyKey: key,
          bodyHash,
          envelope: JSON.stringify(envelope),
          responseStatus: 201,
          responseBody,
          definitionHash: form.hash,
        })
        .catch(rethrowStorage);
      if (inserted) {
        // Routing and search rows for the inbox. The submission is stored either way: a failure
        // here is logged, and `node server/teams.js reindex` writes them later.
        const indexed = { ...envelope, form: { ...envelope.form, id: form.id } };
        await indexSubmission(storage, reference, indexed, { replace: false }).catch((error) =>
          write({ level: 'error', event: 'inbox-index', reference, error: errorName(error) }),
        );
        background.stored({ reference, form, envelope });
        if (fault === 'dropAfterStore') return cut(reply);
        return sendJson(reply, 201, responseBody);
      }
      // Either another request with this key got in first (a concurrent retry)…
      const winner = await storage.findByKey(key).catch(rethrowStorage);
      if (winner) return replay(reply, winner, bodyHash, context);
      // …or the reference was taken: draw again.
    }
    throw new Error('no free reference after several attempts');
  }

  function replay(reply, previous, bodyHash, context) {
    if (previous.bodyHash !== bodyHash) {
      return problem(reply, 422, 'Unprocessable Content', {
        type: PROBLEM.keyReused,
        detail: 'Idempotency-Key reused with a different body.',
      });
    }
    context.replayed = true;
    return sendJson(reply, previous.responseStatus, previous.responseBody, {
      headers: { 'Idempotent-Replayed': 'true' },
    });
  }

  /** Closes the connection without an answer (fault injection). */
  function cut(reply) {
    reply.hijack();
    reply.request.raw.socket.destroy();
    return undefined;
  }

  function tooLarge(reply, limit) {
    // Closing stops a client that is still uploading megabytes we have already refused.
    reply.raw.on('finish', () => reply.request.raw.destroy());
    return problem(reply, 413, 'Content Too Large', {
      type: PROBLEM.tooLarge,
      detail:
        `The body must not exceed ${limit} bytes for this form. Files travel as base64 text, ` +
        'a third larger than the files themselves; the limit holds every file the form accepts ' +
        'at its largest. Sending the same body again will not help.',
      headers: { Connection: 'close' },
      extra: { limit },
    });
  }

  /**
   * Stops taking connections and closes the storage. With `graceMs`, requests already under way
   * (a submission being stored, indexed, answered) get that long to finish first, so that a
   * restart does not cut a person's submission in half; then whatever is left is cut (the
   * element sends it again with the same Idempotency-Key). Tests close at once (the default).
   *
   * @param {{ graceMs?: number }} [options]
   */
  async function close({ graceMs = 0 } = {}) {
    let force;
    await new Promise((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive connections hold nothing: they go now.
      server.closeIdleConnections();
      force = () => {
        shutdown.abort();
        server.closeAllConnections();
      };
      if (graceMs > 0) setTimeout(force, graceMs).unref();
      else force();
    });
    force();
    await closeStorage();
  }

  let closing;
  function closeStorage() {
    closing ??= background
      .close()
      .catch(() => {})
      .then(() => opening)
      .then(
        (opened) => opened.close(),
        () => {},
      );
    return closing;
  }
  // Callers that only have the server (startDemoServer's) close it with server.close().
  server.on('close', () => {
    shutdown.abort();
    closeStorage().catch((error) =>
      write({ level: 'error', event: 'storage', error: errorName(error) }),
    );
  });

  return { server, ready, close, storage: () => storage };
}

/** The German staff summary of one stored record, read with the definition it was checked with. */
export async function summaryOf(store, record) {
  const envelope = JSON.parse(record.envelope);
  if (typeof envelope.encrypted === 'string') {
    // The server cannot read it; the inbox decrypts it in the caseworker's browser.
    return `Vorgang ${record.reference}: verschlüsselt (nur im Posteingang lesbar).\n`;
  }
  const text = record.definitionHash ? await store.getDefinition(record.definitionHash) : undefined;
  let definition;
  try {
    definition = text === undefined ? undefined : JSON.parse(text);
  } catch {
    definition = undefined;
  }
  return summarizeSubmission(definition, envelope, {
    reference: record.reference,
    receivedAt: record.receivedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function allowMethods(request, reply, methods) {
  if (methods.includes(request.method)) return true;
  problem(reply, 405, 'Method Not Allowed', { headers: { Allow: methods.join(', ') } });
  return false;
}

/** JSON with object keys sorted, so that key order and whitespace do not change the hash. */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function asStorageError(error) {
  return Object.assign(error instanceof Error ? error : new Error(String(error)), {
    storage: true,
  });
}

function rethrowStorage(error) {
  throw asStorageError(error);
}
