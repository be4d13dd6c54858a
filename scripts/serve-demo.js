/**
 * Demo server for intake-elements: serves demo/, dist/ and schemas/, and accepts submissions in
 * memory.
 *
 * This is a stand-in until the real reference receiver (server/) lands. It is deliberately one
 * dependency-free file so a municipal web team can read it top to bottom and see what a receiver
 * has to do: check the envelope, honour Idempotency-Key, answer with a reference. It does NOT
 * validate `data` against the form's schema, persist anything, or authenticate anyone.
 *
 *   node scripts/serve-demo.js           # http://localhost:8080/
 *   PORT=0 HOST=0.0.0.0 node scripts/serve-demo.js
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** URL prefix → folder. Nothing outside these folders is ever served (no package.json, no src/). */
const STATIC_ROOTS = {
  demo: join(ROOT, 'demo'),
  dist: join(ROOT, 'dist'),
  schemas: join(ROOT, 'schemas'),
};
const INDEX = join(ROOT, 'demo', 'index.html');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/*
 * The strict policy a CMS is likely to impose, so the demo fails the same way a real page would:
 * no inline scripts and no eval (a raw JSON definition whose validators need runtime compilation
 * will hit this; compiled definitions will not).
 * style-src keeps 'unsafe-inline' for now: Chromium, Firefox and Safari ≥ 16.4 get Lit's styles
 * through constructable stylesheets, which CSP does not gate, but Lit falls back to <style>
 * elements in older engines. Drop it once we have checked the supported browser list (or pass a
 * nonce via window.litNonce).
 */
// 'unsafe-eval' is here only because the demo loads a raw JSON definition, which the element
// compiles with ajv at run time. Pages that load a precompiled definition do without it.
const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'";

const BODY_LIMIT = 10 * 1024 * 1024;

/** Keeps a long-running demo from growing without bound; oldest entries go first. */
const MAX_STORED = 1000;

/** No 0/O, 1/I/L: people read references aloud on the phone and copy them from paper. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const SUBMISSIONS_ROUTE = /^\/api\/forms\/([A-Za-z0-9._-]+)\/submissions$/;

/**
 * Starts the demo server and returns the http.Server (already listening, or about to: wait for
 * its 'listening' event when you need the port, e.g. with `port: 0` in a test).
 *
 * @param {{ port?: number, host?: string, log?: (line: string) => void }} [options]
 */
export function startDemoServer({ port = 8080, host = '127.0.0.1', log = console.log } = {}) {
  /** Idempotency-Key → { status, body, reference, receivedAt, envelope } */
  const submissions = new Map();

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    // Only method, path (never the query string), status and time: no personal data in logs.
    const path = (req.url ?? '/').split('?')[0];
    res.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${new Date().toISOString()} ${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });

    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');

    route(req, res, path, submissions).catch((error) => {
      log(`error: ${error?.stack ?? error}`);
      if (!res.headersSent) problem(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  server.listen(port, host);
  return server;
}

async function route(req, res, path, submissions) {
  if (path === '/healthz') {
    if (!allowMethods(req, res, ['GET', 'HEAD'])) return;
    return sendJson(res, 200, { status: 'ok' }, req.method === 'HEAD');
  }

  const match = SUBMISSIONS_ROUTE.exec(path);
  if (match) {
    if (!allowMethods(req, res, ['POST'])) return;
    return receiveSubmission(req, res, match[1], submissions);
  }

  if (path === '/api/submissions') {
    if (!allowMethods(req, res, ['GET'])) return;
    // The list holds everything people typed in; only someone on this machine may read it.
    if (!isLoopback(req.socket.remoteAddress)) return problem(res, 403, 'Forbidden');
    const list = [...submissions.values()].map(({ reference, receivedAt, envelope }) => ({
      reference,
      receivedAt,
      envelope,
    }));
    return sendJson(res, 200, list);
  }

  if (path.startsWith('/api/')) return problem(res, 404, 'Not Found');

  if (!allowMethods(req, res, ['GET', 'HEAD'])) return;
  // Browsers ask for it on every page; an empty answer keeps the console free of 404s.
  if (path === '/favicon.ico') {
    res.writeHead(204);
    return res.end();
  }
  return serveStatic(req, res, path);
}

// ---------------------------------------------------------------------------------------------
// Static files

async function serveStatic(req, res, path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return sendText(res, 400, 'Bad Request');
  }
  const segments = decoded.split('/').filter(Boolean);
  // Checked after decoding so %2e%2e and %2f cannot sneak a traversal past us; backslashes
  // and NUL are refused because they mean something to the file system but never to a URL here.
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    return sendText(res, 400, 'Bad Request');
  }

  let file;
  if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html')) {
    file = INDEX;
  } else {
    const [prefix, ...rest] = segments;
    const base = Object.hasOwn(STATIC_ROOTS, prefix) ? STATIC_ROOTS[prefix] : undefined;
    // Dotfiles (.DS_Store, editor swap files) are never meant for the browser.
    if (!base || rest.length === 0 || rest.some((s) => s.startsWith('.'))) {
      return sendText(res, 404, 'Not Found');
    }
    file = join(base, ...rest);
    // A symlink inside dist/ could still point anywhere, so compare real paths.
    try {
      const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)]);
      if (!realFile.startsWith(realBase + sep)) return sendText(res, 404, 'Not Found');
      file = realFile;
    } catch {
      return sendText(res, 404, 'Not Found');
    }
  }

  let info;
  try {
    info = await stat(file);
  } catch {
    return sendText(res, 404, 'Not Found');
  }
  if (!info.isFile()) return sendText(res, 404, 'Not Found');

  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Always revalidate: the demo is used while `npm run build` rewrites dist/.
    'Cache-Control': 'no-cache',
    'Last-Modified': info.mtime.toUTCString(),
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

// ---------------------------------------------------------------------------------------------
// Submissions

async function receiveSubmission(req, res, formId, submissions) {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return problem(res, 415, 'Unsupported Media Type', 'Send the envelope as application/json.');
  }

  // Without the key a retry after a lost answer would create a second case file for one person.
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    return problem(res, 400, 'Bad Request', 'The Idempotency-Key header is missing or malformed.');
  }

  const declared = Number(req.headers['content-length']);
  if (declared > BODY_LIMIT) return tooLarge(req, res);

  const raw = await readBody(req, BODY_LIMIT);
  if (raw === undefined) return tooLarge(req, res);

  // Looked up only after the body is in, with no await until the entry is stored below, so two
  // concurrent retries with one key cannot both get through.
  const previous = submissions.get(key);
  if (previous) {
    res.setHeader('Idempotent-Replayed', 'true');
    return sendJson(res, previous.status, previous.body);
  }

  let envelope;
  try {
    envelope = JSON.parse(raw.toString('utf8'));
  } catch {
    return problem(res, 400, 'Bad Request', 'The request body is not valid JSON.');
  }

  const errors = checkEnvelope(envelope, formId);
  if (errors.length > 0) {
    // Not stored: the sender may fix the envelope and resend with the same key.
    return problem(res, 422, 'Unprocessable Content', 'The envelope is incomplete.', { errors });
  }

  const reference = newReference(submissions);
  const entry = {
    status: 201,
    body: { reference },
    reference,
    receivedAt: new Date().toISOString(),
    envelope,
  };
  submissions.set(key, entry);
  if (submissions.size > MAX_STORED) submissions.delete(submissions.keys().next().value);

  return sendJson(res, entry.status, entry.body);
}

/** Checks the envelope's shape only; `data` itself is the real receiver's job. */
function checkEnvelope(envelope, formId) {
  const errors = [];
  const fail = (pointer, detail) => errors.push({ pointer, detail });
  if (!isObject(envelope)) {
    fail('', 'The body must be a JSON object.');
    return errors;
  }

  if (!isObject(envelope.form)) {
    fail('/form', 'Must be an object with id and version.');
  } else {
    const { id, version } = envelope.form;
    if (typeof id !== 'string' || id === '') fail('/form/id', 'Must be a non-empty string.');
    else if (id !== formId) fail('/form/id', `Does not match the form in the URL (${formId}).`);
    if (typeof version !== 'string' || version === '') {
      fail('/form/version', 'Must be a non-empty string.');
    }
  }

  if (
    typeof envelope.locale !== 'string' ||
    !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(envelope.locale)
  ) {
    fail('/locale', 'Must be a BCP 47 language tag.');
  }

  const at = envelope.submittedAt;
  if (
    typeof at !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(at) ||
    Number.isNaN(Date.parse(at))
  ) {
    fail('/submittedAt', 'Must be an RFC 3339 date-time.');
  }

  if (!isObject(envelope.data)) fail('/data', 'Must be an object.');
  return errors;
}

function newReference(submissions) {
  const taken = new Set([...submissions.values()].map((s) => s.reference));
  const block = () =>
    Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join(
      '',
    );
  let reference;
  do reference = `KI-${block()}-${block()}`;
  while (taken.has(reference));
  return reference;
}

/** Resolves to the body, or undefined once it exceeds `limit` (the rest is not buffered). */
function readBody(req, limit) {
  return new Promise((resolvePromise, reject) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolvePromise(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function tooLarge(req, res) {
  // Closing stops a client that is still uploading megabytes we have already decided to refuse.
  res.setHeader('Connection', 'close');
  res.on('finish', () => req.destroy());
  return problem(res, 413, 'Content Too Large', `The body must not exceed ${BODY_LIMIT} bytes.`);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLoopback(address = '') {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function allowMethods(req, res, methods) {
  if (methods.includes(req.method)) return true;
  res.setHeader('Allow', methods.join(', '));
  problem(res, 405, 'Method Not Allowed');
  return false;
}

function sendJson(res, status, value, headOnly = false) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(headOnly ? undefined : body);
}

function sendText(res, status, text) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** RFC 9457 problem details; `errors` carries field pointers the element can show. */
function problem(res, status, title, detail, extra = {}) {
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    ...(detail && { detail }),
    ...extra,
  });
  res.writeHead(status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

// ---------------------------------------------------------------------------------------------
// Run when executed directly (not when imported by a test).

async function isMain() {
  if (!process.argv[1]) return false;
  try {
    return (await realpath(process.argv[1])) === (await realpath(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

if (await isMain()) {
  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  const host = process.env.HOST || '127.0.0.1';
  const server = startDemoServer({ port, host });
  server.on('listening', () => {
    console.log(`Demo: http://localhost:${server.address().port}/`);
  });
  server.on('error', (error) => {
    console.error(`Cannot listen on ${host}:${port}: ${error.message}`);
    process.exitCode = 1;
  });
}
