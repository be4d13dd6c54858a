/**
 * The session cookie, shared by the local sign-in (./sign-in.js) and OpenID Connect (./oidc.js):
 * `__Host-intake-session` (Secure, path /, no Domain: no other host or path can set or read
 * it), HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it).
 *
 * Secure is left off in one case only: plain HTTP straight from this machine to a loopback name
 * (the demo on http://127.0.0.1), where a Secure cookie would never come back. A request that a
 * proxy forwarded, or that names another host, always gets a Secure cookie.
 */
import { isForwarded, isLoopback } from '../http.js';
import { cookieName } from './sessions.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The session token the request's cookie carries (either name), or undefined. */
export function sessionToken(request) {
  return request.cookies[cookieName(true)] ?? request.cookies[cookieName(false)];
}

/**
 * Whether cookies for this request are Secure: `secureCookies` when the receiver was told, else
 * on unless the request is plain HTTP from loopback to a loopback name without a proxy's headers.
 *
 * @param {import('fastify').FastifyRequest} request
 * @param {boolean | undefined} secureCookies
 */
export function cookiesSecure(request, secureCookies) {
  if (typeof secureCookies === 'boolean') return secureCookies;
  const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  const plainLoopback =
    request.protocol === 'http' &&
    isLoopback(request.raw.socket.remoteAddress) &&
    !isForwarded(request) &&
    LOOPBACK_NAMES.has(host);
  return !plainLoopback;
}

/**
 * Starts a session for a proven identity and sets its cookie. A session already open in this
 * browser ends first: a new sign-in never inherits one.
 *
 * @returns {Promise<{ csrfToken: string }>}
 */
export async function beginSession(store, request, reply, identity, secureCookies) {
  await store.end(sessionToken(request));
  const { token, csrfToken } = await store.start(identity);
  const secure = cookiesSecure(request, secureCookies);
  reply.setCookie(cookieName(secure), token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'strict',
  });
  return { csrfToken };
}

/** Removes the session cookie under both names. */
export function clearSessionCookies(reply) {
  for (const secure of [true, false]) {
    reply.clearCookie(cookieName(secure), {
      path: '/',
      secure,
      httpOnly: true,
      sameSite: 'strict',
    });
  }
}
