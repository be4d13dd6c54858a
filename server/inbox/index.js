/**
 * The staff inbox's server side, mounted under `/inbox/` by ./../receiver.js when the `inbox`
 * option is on. This file holds what every inbox route shares: the Host allow-list, the
 * session (cookie → `request.staff`), CSRF on every state change, the inbox's strict CSP, and
 * the session routes themselves. The inbox's own routes are added by the modules it registers.
 *
 *   GET    /inbox/api/session   → { name, displayName, teams, isAdmin, via, csrfToken } | 401
 *   POST   /inbox/api/session   { name, password } → the same, and the session cookie
 *   DELETE /inbox/api/session   signs out (needs the CSRF header like every state change)
 */
import fastifyCookie from '@fastify/cookie';
import { hostAllowed, isLoopback, problem, sendJson } from '../http.js';
import { verifyPassword } from '../passwords.js';
import { apiPlugin } from './api.js';
import { compilePlugin } from './compile.js';
import { decryptPlugin } from './decrypt.js';
import { pagesPlugin } from './pages.js';
import { cookieName, createSessions, csrfMatches } from './sessions.js';

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
    const token = request.cookies[cookieName(true)] ?? request.cookies[cookieName(false)];
    const session = await store.read(token);
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
  await app.register(apiPlugin, { useStorage, formsDir: options.formsDir });
  await app.register(pagesPlugin, { distDir: options.distDir });
  await app.register(decryptPlugin, { useStorage });

  app.get('/api/session', async (request, reply) => {
    if (!request.staff) return signedOut(reply);
    return sendJson(reply, 200, describe(request.staff));
  });

  app.post('/api/session', async (request, reply) => {
    const { name, password } = (await readJson(request)) ?? {};
    if (typeof name !== 'string' || typeof password !== 'string' || name.length > 64) {
      return problem(reply, 400, 'Bad Request', { detail: 'Send a name and a password.' });
    }
    const storage = await useStorage();
    const user = await storage.findStaffUser(name.trim().toLowerCase());
    // The same answer and about the same time for an unknown name as for a wrong password.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      return problem(reply, 401, 'Unauthorized', {
        type: 'urn:intake-elements:problem:sign-in-failed',
        detail: 'The name or the password is not right.',
      });
    }
    const teams = await teamsOf(storage.db, user.name);
    const identity = {
      name: user.name,
      displayName: user.name,
      via: 'local',
      teams,
      isAdmin: user.isAdmin,
    };
    const store = await sessionStore();
    // A session that was open in this browser ends: a new sign-in never inherits one.
    await store.end(request.cookies[cookieName(true)] ?? request.cookies[cookieName(false)]);
    const { token, csrfToken } = await store.start(identity);
    const secure = options.secureCookies ?? !isPlainLoopback(request);
    reply.setCookie(cookieName(secure), token, {
      path: '/',
      httpOnly: true,
      secure,
      sameSite: 'strict',
    });
    return sendJson(reply, 200, describe({ ...identity, csrfToken }));
  });

  app.delete('/api/session', async (request, reply) => {
    if (!request.staff) return signedOut(reply);
    await (
      await sessionStore()
    ).end(request.cookies[cookieName(true)] ?? request.cookies[cookieName(false)]);
    for (const secure of [true, false]) {
      reply.clearCookie(cookieName(secure), {
        path: '/',
        secure,
        httpOnly: true,
        sameSite: 'strict',
      });
    }
    return reply.code(204).send();
  });
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

function describe(session) {
  const { name, displayName, via, teams, isAdmin, csrfToken } = session;
  return { name, displayName, via, teams, isAdmin, csrfToken };
}

/** The teams a local account belongs to. */
export async function teamsOf(db, userName) {
  const rows = await db
    .selectFrom('staff_memberships')
    .select('team_id')
    .where('user_name', '=', userName)
    .orderBy('team_id')
    .execute();
  return rows.map((row) => row.team_id);
}

/** Plain HTTP straight from this machine (the demo): a Secure cookie would not be sent back. */
function isPlainLoopback(request) {
  return request.protocol === 'http' && isLoopback(request.raw.socket.remoteAddress);
}

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

/** A valid hash of a random password, verified against when the name is unknown. */
const DUMMY_HASH =
  'scrypt$N=131072,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
