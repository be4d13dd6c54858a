/** Small HTTP helpers shared by the receiver's routes. */

/** Problem types this receiver uses beyond `about:blank` (RFC 9457 §4.2: any URI). */
export const PROBLEM = {
  validation: 'urn:intake-elements:problem:invalid-data',
  envelope: 'urn:intake-elements:problem:invalid-envelope',
  keyMissing: 'urn:intake-elements:problem:idempotency-key-missing',
  keyReused: 'urn:intake-elements:problem:idempotency-key-reused',
  tooLarge: 'urn:intake-elements:problem:body-too-large',
};

/**
 * A JSON answer that no cache keeps.
 *
 * @param {import('fastify').FastifyReply} reply
 * @param {number} status
 * @param {unknown} value sent as it is when already JSON text
 * @param {{ headers?: Record<string, string> }} [more]
 */
export function sendJson(reply, status, value, { headers = {} } = {}) {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  // As bytes: Fastify would append `; charset=utf-8` to a JSON type sent as a string.
  return reply
    .code(status)
    .headers({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers })
    .send(Buffer.from(body));
}

/** A plain-text answer (the staff summary, the static files' refusals). */
export function sendText(reply, status, text, headers = {}) {
  return reply
    .code(status)
    .headers({ 'Content-Type': 'text/plain; charset=utf-8', ...headers })
    .send(text);
}

/**
 * RFC 9457 problem details: every error this receiver gives has this shape.
 *
 * @param {import('fastify').FastifyReply} reply
 * @param {number} status
 * @param {string} title
 * @param {{ type?: string, detail?: string, errors?: Array<{ pointer: string, detail: string }>,
 *   headers?: Record<string, string>, extra?: Record<string, unknown> }} [more] `extra`:
 *   extension members (RFC 9457 §3.2)
 */
export function problem(
  reply,
  status,
  title,
  { type = 'about:blank', detail, errors, headers, extra } = {},
) {
  const body = JSON.stringify({
    type,
    title,
    status,
    ...(detail && { detail }),
    ...(errors && { errors }),
    ...extra,
  });
  return reply
    .code(status)
    .headers({
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...headers,
    })
    .send(Buffer.from(body));
}

/**
 * Reads the body up to `limit` bytes. Resolves to the bytes, or to undefined as soon as more
 * than `limit` arrive: what came so far is dropped and the rest is never buffered.
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!done) reject(error);
    });
    req.on('aborted', () => {
      if (!done) reject(Object.assign(new Error('request aborted'), { code: 'ECONNRESET' }));
    });
  });
}

/** The exact loopback addresses; anything else (a LAN address, a proxy's) is not this machine. */
export function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Headers a proxy adds: a request with any of them did not start on this machine. */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
];

/** Whether the request came through a proxy that says so (then it is not from this machine). */
export function isForwarded(req) {
  return FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined);
}

/** The host names staff endpoints answer to unless `staffHosts` says otherwise (any port). */
export const DEFAULT_STAFF_HOSTS = Object.freeze(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a `Host` header names one of `allowed`: `name` (any port) or `name:port` (that port),
 * compared without regard to case. A page of another site whose name was made to resolve to
 * this machine (DNS rebinding) sends its own name, and is refused. No Host: refused.
 *
 * @param {string | undefined} host
 * @param {readonly string[]} allowed
 */
export function hostAllowed(host, allowed) {
  if (typeof host !== 'string' || host === '') return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!match) return false;
  const name = match[1].toLowerCase();
  const withPort = match[2] === undefined ? undefined : `${name}:${match[2]}`;
  return allowed.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted === name || (withPort !== undefined && wanted === withPort);
  });
}

/**
 * The client's address for rate limiting: Fastify's `request.ip`, which is the socket's peer, or
 * with `trustProxy` (only the socket's peer trusted) the address the one trusted reverse proxy
 * appended last to X-Forwarded-For.
 *
 * @param {import('fastify').FastifyRequest} request
 */
export function clientAddress(request) {
  return request.ip ?? 'unknown';
}

/** What an error line says: the class and code, never the message (messages may quote data). */
export function errorName(error) {
  if (!(error instanceof Error)) return typeof error;
  return error.code ? `${error.name} ${error.code}` : error.name;
}
