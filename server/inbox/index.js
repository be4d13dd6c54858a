/**
 * The staff inbox's server side, mounted under `/inbox/` by ./../receiver.js when the `inbox`
 * option is on. This file holds what every inbox route shares: the Host allow-list, the
 * session (cookie → `request.staff`), CSRF on every state change and the inbox's strict CSP.
 * The routes are added by the modules it registers: ./sign-in.js (the session and local
 * sign-in), ./oidc.js (OpenID Connect), ./compile.js.
 */
import fastifyCookie from '@fastify/cookie';
import { hostAllowed, problem } from '../http.js';
import { apiPlugin } from './api.js';
import { compilePlugin } from './compile.js';
import { deliveriesPlugin } from './deliveries.js';
import { oidcPlugin } from './oidc.js';
import { decryptPlugin } from './decrypt.js';
import { pagesPlugin } from './pages.js';
import { sessionToken } from './session-cookie.js';
import { createSessions, csrfMatches } from './sessions.js';
import { signInPlugin } from './sign-in.js';

/**
 * Inbox pages and API: same-origin scripts and styles only, never framed. Trusted Types: only
 * Lit's own policy (`lit-html`) may turn a string into markup, so an answer can never become
 * script through a DOM sink.
 */
export const INBOX_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * @typedef {object} InboxOptions
 * @property {() => Promise<object>} useStorage the receiver's storage once open
 * @property {readonly string[]} hosts the `Host` names the inbox answers to (DNS rebinding)
 * @property {(entry: object) => void} write the receiver's log
 * @property {string} [formsDir] the receiver's forms folder (translation files named by a definition)
 * @property {{ idleMs?: number, absoluteMs?: number, now?: () => number }} [sessions]
 * @property {boolean} [secureCookies] default: Secure unless the request is plain HTTP on
 *   loopback (the demo); behind a TLS proxy always Secure
 * @property {string | Buffer} [totpKey] INBOX_TOTP_KEY (./totp.js)
 * @property {{ perMinute?: number, burst?: number }} [signInLimit] sign-in attempts per network
 * @property {{ attempts?: number, lockMs?: number }} [lockout] failures per name, lock length
 * @property {import('./oidc.js').OidcOptions | null} [oidc] OpenID Connect (./oidc.js)
 */

/**
 * Fastify plugin: the inbox routes. Registered with `prefix: '/inbox'`.
 *
 * @param {import('fastify').FastifyInstance} app
 * @param {InboxOptions} options
 */
export async function inboxPlugin(app, options) {
  const { useStorage, hosts, sessions: sessionOptions = {} } = options;
  let sessions;
  const sessionStore = async () => {
    sessions ??= createSessions({ db: (await useStorage()).db, ...sessionOptions });
    return sessions;
  };

  await app.register(fastifyCookie);
  app.decorateRequest('staff', null);

  app.addHook('onRequest', async (request, reply) => {
    request.intake.route = `/inbox${request.routeOptions.url?.slice('/inbox'.length) ?? ''}`;
    reply.header('Content-Security-Policy', INBOX_CSP);
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Frame-Options', 'DENY');
    if (!hostAllowed(request.headers.host, hosts)) {
      return problem(reply, 421, 'Misdirected Request', {
        detail: 'The inbox does not answer to this host name.',
      });
    }
    const store = await sessionStore();
    const session = await store.read(sessionToken(request));
    request.staff = session ?? null;
    if (!SAFE_METHODS.has(request.method) && session) {
      if (!csrfMatches(session, request.headers['x-csrf-token'])) {
        return problem(reply, 403, 'Forbidden', {
          type: 'urn:intake-elements:problem:csrf',
          detail: 'The request lacks this session’s CSRF token. Reload the page.',
        });
      }
    }
    return undefined;
  });

  await app.register(compilePlugin);
  // The sub-plugins get the inbox's options without its prefix (theirs is relative to it).
  const { prefix: _prefix, ...shared } = options;
  await app.register(signInPlugin, { ...shared, sessionStore });
  await app.register(oidcPlugin, { ...shared, sessionStore });
  await app.register(apiPlugin, { useStorage, formsDir: options.formsDir });
  await app.register(deliveriesPlugin, { useStorage, background: options.background });
  await app.register(pagesPlugin, { distDir: options.distDir });
  await app.register(decryptPlugin, { useStorage });
}

/**
 * For a route that needs a signed-in person: answers 401 and returns false when nobody is.
 *
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 */
export function requireStaff(request, reply) {
  if (request.staff) return true;
  signedOut(reply);
  return false;
}

function signedOut(reply) {
  return problem(reply, 401, 'Unauthorized', {
    type: 'urn:intake-elements:problem:signed-out',
    detail: 'Sign in to use the inbox.',
  });
}

/** The teams a local account belongs to (kept here for the modules that import it). */
export { teamsOfAccount as teamsOf } from './accounts.js';

/** The inbox's small JSON bodies (sign-in, notes, status). */
const JSON_LIMIT = 64 * 1024;

/**
 * Reads a small JSON body; undefined when it is not JSON or longer than `limit` bytes. The
 * receiver's content-type parser leaves bodies unread (each route reads its own), so this reads
 * the raw stream.
 */
export async function readJson(request, limit = JSON_LIMIT) {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return undefined;
  const chunks = [];
  let size = 0;
  for await (const chunk of request.raw) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
