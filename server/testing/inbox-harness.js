/**
 * Helpers for the staff inbox's tests: accounts made straight in the storage (with cheap scrypt
 * parameters, which verifyPassword() reads from the hash), real sign-in over HTTP, and requests
 * that carry the session cookie and the CSRF token as the inbox page does.
 */
import { hashPassword } from '../passwords.js';

/** A valid password for test accounts. */
export const TEST_PASSWORD = 'Rathaus Bergkamen 2026';

/** scrypt parameters for tests only: the format is the same, the cost 1/8 of the real one. */
const CHEAP = { N: 2 ** 14, r: 8, p: 1 };

/**
 * Adds a local account with its team (created when new).
 *
 * @param {object} storage the receiver's storage
 * @param {{ name: string, team: string, isAdmin?: boolean, password?: string }} user
 */
export async function addStaff(storage, { name, team, isAdmin = false, password = TEST_PASSWORD }) {
  const added = await storage.addStaffUser({
    name,
    team,
    isAdmin,
    passwordHash: await hashPassword(password, CHEAP),
    createdAt: new Date().toISOString(),
  });
  if (!added) throw new Error(`staff user ${name} exists already`);
}

/**
 * Signs in through POST /inbox/api/session (`code`: the TOTP code, for an account with one).
 *
 * @returns {Promise<{ cookie: string, csrfToken: string, me: object, get: Function,
 *   send: Function }>} `get(path)` and `send(method, path, body)` fetch with this session
 */
export async function signIn(receiver, name, password = TEST_PASSWORD, { code } = {}) {
  const response = await fetch(`${receiver.url}/inbox/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password, ...(code !== undefined && { code }) }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${name} answered ${response.status}: ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const me = await response.json();
  return sessionClient(receiver, cookie, me.csrfToken, me);
}

/** A client for an existing session cookie (and CSRF token). */
export function sessionClient(receiver, cookie, csrfToken, me) {
  const get = (path, headers = {}) =>
    fetch(`${receiver.url}${path}`, { headers: { Cookie: cookie, ...headers } });
  const send = (method, path, body, headers = {}) =>
    fetch(`${receiver.url}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrfToken,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { cookie, csrfToken, me, get, send };
}
