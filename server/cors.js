/**
 * CORS for the submission route, through @fastify/cors: an allow-list of origins per form id,
 * plus one for every form (`'*'` key). CORS only tells browsers which pages may read the answer;
 * it is not access control (anyone can send a request without a browser), so nothing else
 * depends on it.
 */
import corsPlugin from '@fastify/cors';

export { corsPlugin };

/** Request headers the element sends, plus the usual CSRF header for the `headers` property. */
export const ALLOW_HEADERS = [
  'Content-Type',
  'Idempotency-Key',
  'Content-Language',
  'Accept-Language',
  'X-CSRF-Token',
  'X-Requested-With',
];

/**
 * Response headers the page's script may read: Retry-After and Idempotent-Replayed are not
 * CORS-safelisted, and the element needs both.
 */
export const EXPOSE_HEADERS = ['Retry-After', 'Idempotent-Replayed'];

/**
 * Options for @fastify/cors, registered in the scope of the route `/api/forms/:id/submissions`:
 * a delegator that grants the request's own origin when the form's list (or the `'*'` list)
 * names it, and nothing otherwise. A preflight is granted only for POST; one that is not
 * granted falls through to the route, which answers 204 without grants.
 *
 * @param {Record<string, string[]>} origins form id (or '*') → allowed origins; an entry '*' in
 *   a list allows any origin (for open test setups only)
 * @param {{ extraHeaders?: string[] }} [options] more request headers to allow
 */
export function corsFor(origins = {}, { extraHeaders = [] } = {}) {
  const allowedHeaders = [...new Set([...ALLOW_HEADERS, ...extraHeaders])].join(', ');

  function allowed(formId, origin) {
    if (typeof formId !== 'string' || typeof origin !== 'string') return false;
    if (origin === '' || origin === 'null') return false;
    const lists = [Object.hasOwn(origins, formId) ? origins[formId] : [], origins['*'] ?? []];
    return lists.some((list) => list.includes(origin) || list.includes('*'));
  }

  return {
    hook: 'onRequest',
    delegator(request, callback) {
      const origin = request.headers.origin;
      const preflightForPost =
        request.method !== 'OPTIONS' || request.headers['access-control-request-method'] === 'POST';
      callback(null, {
        // The origin itself (never `*`), so that one allowed page cannot speak for all.
        origin: preflightForPost && allowed(request.params?.id, origin) ? origin : false,
        methods: 'POST',
        allowedHeaders,
        exposedHeaders: EXPOSE_HEADERS.join(', '),
        maxAge: 600,
        strictPreflight: false,
      });
    },
  };
}
