/**
 * Local sign-in under `/inbox/api/`, a sub-plugin of ./index.js:
 *
 *   GET    /api/config    → { local: true, oidc: null | { label }, totp } (no session needed)
 *   GET    /api/session   → { name, displayName, teams, isAdmin, via, csrfToken } | 401
 *   POST   /api/session   { name, password, code? } → the same, and the session cookie
 *   DELETE /api/session   signs out (needs the CSRF header like every state change)
 *
 * Refusals (problem+json):
 *   401 …:sign-in-failed   name or password wrong (one answer for both, in about the same time)
 *   401 …:totp-required    the password is right, the account has a second factor, and the
 *                          code is missing or not right (a wrong code counts as a failure)
 *   403 …:disabled         the password is right, the account is switched off
 *   429 …:locked           too many attempts from one network (per address, an IPv6 /64 as one
 *                          client) or too many failures for one name; `retryAfter` seconds in
 *                          the body and the Retry-After header
 *
 * Lock-out counts failures per name in the database (so it holds across receiver processes),
 * and per unknown name in memory with the same rule, so that a lock-out does not tell which
 * names exist.
 */
import { clientAddress, problem, sendJson } from '../http.js';
import { verifyPassword } from '../passwords.js';
import { createRateLimiter, rateLimitKey } from '../rate-limit.js';
import { countFailure, findAccount, updateAccount, useTotpStep } from './accounts.js';
import { audit } from './audit.js';
import { readJson, requireStaff } from './index.js';
import { beginSession, clearSessionCookies, sessionToken } from './session-cookie.js';
import { codeStep, openSecret, parseTotpKey } from './totp.js';

const TYPE = 'urn:intake-elements:problem:';

/**
 * @typedef {object} SignInOptions
 * @property {() => Promise<object>} useStorage
 * @property {() => Promise<ReturnType<import('./sessions.js').createSessions>>} sessionStore
 * @property {(entry: object) => void} write the receiver's log
 * @property {boolean} [secureCookies]
 * @property {string | Buffer} [totpKey] INBOX_TOTP_KEY: without it no second factor is checked
 * @property {{ perMinute?: number, burst?: number }} [signInLimit] attempts per network
 *   (default 10 a minute, 10 at once)
 * @property {{ attempts?: number, lockMs?: number }} [lockout] failures per name before a
 *   lock (default 5) and how long it lasts (default 15 minutes)
 * @property {{ label?: string } | null} [oidc] OpenID Connect, when configured (./oidc.js)
 * @property {() => number} [now]
 */

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {SignInOptions} options
 */
export async function signInPlugin(app, options) {
  const { useStorage, sessionStore, write, now = Date.now } = options;
  const totpKey =
    options.totpKey === undefined || Buffer.isBuffer(options.totpKey)
      ? options.totpKey
      : parseTotpKey(options.totpKey);
  const limiter = createRateLimiter({ perMinute: 10, burst: 10, now, ...options.signInLimit });
  const lockout = createLockout({ now, ...options.lockout });

  app.get('/api/config', async (request, reply) =>
    sendJson(reply, 200, {
      local: true,
      oidc: options.oidc ? { label: options.oidc.label || 'Single sign-on' } : null,
      totp: Boolean(totpKey),
    }),
  );

  app.get('/api/session', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    return sendJson(reply, 200, describeSession(request.staff));
  });

  app.post('/api/session', async (request, reply) => {
    const { name: rawName, password, code } = (await readJson(request)) ?? {};
    if (
      typeof rawName !== 'string' ||
      typeof password !== 'string' ||
      rawName.length > 64 ||
      (code !== undefined && code !== null && typeof code !== 'string')
    ) {
      return problem(reply, 400, 'Bad Request', { detail: 'Send a name and a password.' });
    }
    const name = rawName.trim().toLowerCase();
    const { db } = await useStorage();
    const client = clientAddress(request);
    const refuse = async (reason, answer) => {
      await audit(db, { actor: name, action: 'sign-in-failed', detail: { reason, client } });
      return answer();
    };

    const allowed = limiter.take(rateLimitKey(client));
    if (!allowed.ok) {
      return refuse('rate-limit', () =>
        locked(reply, allowed.retryAfter, 'Too many sign-in attempts from this network.'),
      );
    }

    const account = await findAccount(db, name);
    // The same work for an unknown name as for a known one: the answer's time tells nothing.
    const passwordRight = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    const lock = lockout.state(name, account);
    if (lock) {
      return refuse('locked', () => locked(reply, lock, 'Too many failed sign-ins for this name.'));
    }
    const fail = async (reason, answer) => {
      const retryAfter = await lockout.fail(db, name, account);
      if (retryAfter) {
        return refuse(reason, () =>
          locked(reply, retryAfter, 'Too many failed sign-ins for this name.'),
        );
      }
      return refuse(reason, answer);
    };

    if (!account || !passwordRight) {
      return fail('password', () =>
        problem(reply, 401, 'Unauthorized', {
          type: `${TYPE}sign-in-failed`,
          detail: 'The name or the password is not right.',
        }),
      );
    }
    if (account.disabled) {
      return refuse('disabled', () =>
        problem(reply, 403, 'Forbidden', {
          type: `${TYPE}disabled`,
          detail: 'This account is switched off. Ask an administrator of the inbox.',
        }),
      );
    }
    if (account.totpSecret) {
      if (!totpKey) {
        write({ level: 'error', event: 'sign-in', message: 'TOTP account but no INBOX_TOTP_KEY' });
        return problem(reply, 503, 'Service Unavailable', {
          detail: 'The second factor cannot be checked: the receiver lacks its TOTP key.',
        });
      }
      const totpRequired = () =>
        problem(reply, 401, 'Unauthorized', {
          type: `${TYPE}totp-required`,
          detail: code
            ? 'The code is not right. Enter the current code from the authenticator app.'
            : 'Enter the code from the authenticator app.',
        });
      // Asking for the code is the first step of a normal sign-in, not a failure.
      if (!code) return totpRequired();
      let step = null;
      try {
        step = codeStep(openSecret(account.totpSecret, totpKey, account.name), code, now());
      } catch {
        write({
          level: 'error',
          event: 'sign-in',
          message: 'TOTP secret does not open with the key',
        });
      }
      if (step === null || !(await useTotpStep(db, account.name, step))) {
        return fail('totp', totpRequired);
      }
    }

    await updateAccount(db, account.name, { failed_sign_ins: 0, locked_until: null });
    const identity = {
      name: account.name,
      displayName: account.name,
      via: 'local',
      teams: account.teams,
      isAdmin: account.isAdmin,
    };
    const { csrfToken } = await beginSession(
      await sessionStore(),
      request,
      reply,
      identity,
      options.secureCookies,
    );
    await audit(db, { actor: account.name, action: 'sign-in', detail: { via: 'local', client } });
    return sendJson(reply, 200, describeSession({ ...identity, csrfToken }));
  });

  app.delete('/api/session', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    await (await sessionStore()).end(sessionToken(request));
    clearSessionCookies(reply);
    const { db } = await useStorage();
    await audit(db, {
      actor: request.staff.name,
      action: 'sign-out',
      detail: { via: request.staff.via },
    });
    return reply.code(204).send();
  });
}

/** What GET /api/session and a sign-in answer. */
export function describeSession(session) {
  const { name, displayName, via, teams, isAdmin, csrfToken } = session;
  return { name, displayName, via, teams, isAdmin, csrfToken };
}

function locked(reply, retryAfter, why) {
  const minutes = Math.ceil(retryAfter / 60);
  const wait = retryAfter < 120 ? `${retryAfter} seconds` : `${minutes} minutes`;
  return problem(reply, 429, 'Too Many Requests', {
    type: `${TYPE}locked`,
    detail: `${why} Try again in ${wait}.`,
    headers: { 'Retry-After': String(retryAfter) },
    extra: { retryAfter },
  });
}

/** How many unknown names are counted in memory before the oldest are forgotten. */
const PHANTOM_LIMIT = 10_000;

/**
 * Failures per name: in the account's row for a known name, in memory for an unknown one
 * (the same rule, so that nobody learns from a lock-out whether a name exists).
 */
function createLockout({ attempts = 5, lockMs = 15 * 60 * 1000, now }) {
  const phantoms = new Map();
  const secondsUntil = (until) => Math.max(1, Math.ceil((until - now()) / 1000));
  return {
    /** Seconds until the name may try again, or 0 when it may now. */
    state(name, account) {
      const until = account ? Date.parse(account.lockedUntil ?? '') : phantoms.get(name)?.until;
      return until > now() ? secondsUntil(until) : 0;
    },
    /** Counts a failure; resolves to the seconds of the lock it started, or 0. */
    async fail(db, name, account) {
      let count;
      if (account) {
        count = await countFailure(db, name);
      } else {
        const entry = phantoms.get(name) ?? { failures: 0, until: 0 };
        phantoms.delete(name); // re-inserted last: the Map's order is the age
        if (phantoms.size >= PHANTOM_LIMIT) phantoms.delete(phantoms.keys().next().value);
        entry.failures += 1;
        phantoms.set(name, entry);
        count = entry.failures;
      }
      if (count < attempts) return 0;
      const until = now() + lockMs;
      if (account) {
        await updateAccount(db, name, {
          failed_sign_ins: 0,
          locked_until: new Date(until).toISOString(),
        });
      } else {
        Object.assign(phantoms.get(name), { failures: 0, until });
      }
      return secondsUntil(until);
    },
  };
}

/** A valid hash of a random password, verified against when the name is unknown. */
const DUMMY_HASH =
  'scrypt$N=131072,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
