/**
 * CORS for the submission route: an allow-list of origins per form id, plus one for every form
 * (`'*'` key). CORS only tells browsers which pages may read the answer; it is not access control
 * (anyone can send a request without a browser), so nothing else depends on it.
 */

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
 * @param {Record<string, string[]>} origins form id (or '*') → allowed origins; an entry '*' in
 *   a list allows any origin (for open test setups only)
 * @param {{ extraHeaders?: string[] }} [options] more request headers to allow
 */
export function createCors(origins = {}, { extraHeaders = [] } = {}) {
  const allowHeaders = [...new Set([...ALLOW_HEADERS, ...extraHeaders])].join(', ');

  function allowed(formId, origin) {
    if (typeof origin !== 'string' || origin === '' || origin === 'null') return false;
    const lists = [origins[formId] ?? [], origins['*'] ?? []];
    return lists.some((list) => list.includes(origin) || list.includes('*'));
  }

  return {
    /** Adds the headers to an actual request's answer when its origin is allowed. */
    apply(req, res, formId) {
      res.setHeader('Vary', 'Origin');
      const origin = req.headers.origin;
      if (!allowed(formId, origin)) return;
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS.join(', '));
    },

    /** Answers a preflight (OPTIONS): 204 with the grants, or 204 without any for others. */
    preflight(req, res, formId) {
      res.setHeader(
        'Vary',
        'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      );
      const origin = req.headers.origin;
      const method = req.headers['access-control-request-method'];
      if (allowed(formId, origin) && method === 'POST') {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Methods', 'POST');
        res.setHeader('Access-Control-Allow-Headers', allowHeaders);
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.setHeader('Allow', 'POST, OPTIONS');
      res.writeHead(204, { 'Content-Length': 0 });
      res.end();
    },
  };
}
