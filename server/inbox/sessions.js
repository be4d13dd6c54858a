/**
 * Staff sessions: a random token in an HttpOnly cookie, a row in `staff_sessions` keyed by the
 * token's SHA-256 (a copy of the database signs nobody in), and a CSRF token per session that
 * every state-changing request must echo in the `X-CSRF-Token` header.
 *
 * A session ends after `idleMs` without a request or `absoluteMs` after sign-in, whichever
 * comes first; both are checked on every read, and an ended session's row is deleted then.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isoTime } from './time.js';

/** 30 minutes without a request (BSI IT-Grundschutz ORP.4 suggests short idle timeouts). */
export const IDLE_MS = 30 * 60 * 1000;
/** A working day: after that the person signs in again even while active. */
export const ABSOLUTE_MS = 10 * 60 * 60 * 1000;

/** Cookie name; `__Host-` (Secure, path /, no Domain) wherever the cookie can be Secure. */
export function cookieName(secure) {
  return secure ? '__Host-intake-session' : 'intake-session';
}

/**
 * @typedef {{ name: string, displayName: string, via: 'local' | 'oidc', teams: string[],
 *   isAdmin: boolean }} StaffIdentity who is signed in, and what they may see
 * @typedef {StaffIdentity & { csrfToken: string, createdAt: string, lastSeenAt: string,
 *   tokenHash: string }} StaffSession
 */

/**
 * @param {{ db: import('kysely').Kysely<any>, now?: () => number, idleMs?: number,
 *   absoluteMs?: number }} options
 */
export function createSessions({ db, now = Date.now, idleMs = IDLE_MS, absoluteMs = ABSOLUTE_MS }) {
  return {
    /**
     * Starts a session for someone whose identity is proven (password, OIDC).
     *
     * @param {StaffIdentity} identity
     * @returns {Promise<{ token: string, csrfToken: string }>} `token` goes into the cookie
     */
    async start(identity) {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const at = new Date(now()).toISOString();
      await db
        .insertInto('staff_sessions')
        .values({
          token_hash: hashToken(token),
          user_name: identity.name,
          display_name: identity.displayName,
          via: identity.via,
          teams: JSON.stringify(identity.teams),
          is_admin: identity.isAdmin ? 1 : 0,
          csrf_token: csrfToken,
          created_at: at,
          last_seen_at: at,
        })
        .execute();
      return { token, csrfToken };
    },

    /**
     * The session a cookie's token belongs to, or undefined (unknown, idle or too old). A live
     * session's last-seen time moves on.
     *
     * @param {string | undefined} token
     * @returns {Promise<StaffSession | undefined>}
     */
    async read(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > 100) return undefined;
      const tokenHash = hashToken(token);
      const row = await db
        .selectFrom('staff_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const at = now();
      const created = Date.parse(isoTime(row.created_at));
      const lastSeen = Date.parse(isoTime(row.last_seen_at));
      if (at - lastSeen > idleMs || at - created > absoluteMs) {
        await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
        return undefined;
      }
      const lastSeenAt = new Date(at).toISOString();
      await db
        .updateTable('staff_sessions')
        .set({ last_seen_at: lastSeenAt })
        .where('token_hash', '=', tokenHash)
        .execute();
      return {
        tokenHash,
        name: row.user_name,
        displayName: row.display_name,
        via: row.via,
        teams: JSON.parse(row.teams),
        isAdmin: Number(row.is_admin) === 1,
        csrfToken: row.csrf_token,
        createdAt: isoTime(row.created_at),
        lastSeenAt,
      };
    },

    /** Ends one session (sign-out). */
    async end(token) {
      if (typeof token !== 'string') return;
      await db.deleteFrom('staff_sessions').where('token_hash', '=', hashToken(token)).execute();
    },

    /** Ends every session of one person (password change, account disabled). */
    async endAllOf(name) {
      await db.deleteFrom('staff_sessions').where('user_name', '=', name).execute();
    },
  };
}

/** Whether a request's CSRF header matches its session's token (constant time). */
export function csrfMatches(session, header) {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const wanted = Buffer.from(session.csrfToken);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function hashToken(token) {
  return createHash('sha256').update(token).digest('hex');
}
