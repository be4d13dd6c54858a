/**
 * What `node server/staff.js` does to accounts, one function per command. Each gets the open
 * storage and the parsed arguments, writes what the person should read through `out`/`err`, and
 * resolves to the exit code (0 done, 1 refused).
 */
import { renderUnicodeCompact } from 'uqr';
import { findAccount, listAccounts, updateAccount } from './inbox/accounts.js';
import { createSessions } from './inbox/sessions.js';
import { hashPassword } from './passwords.js';
import { newTotp, parseTotpKey, sealSecret } from './inbox/totp.js';

/**
 * @typedef {{ storage: object, name: string, values: Record<string, unknown>,
 *   env: Record<string, string | undefined>, out: (text: string) => void,
 *   err: (text: string) => void, password?: string }} CommandContext
 */

/** @param {CommandContext} c */
export async function addUser({ storage, name, values, out, err, password }) {
  const team = String(values.team);
  const added = await storage.addStaffUser({
    name,
    team,
    isAdmin: Boolean(values.admin),
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  });
  if (!added) {
    err(`There is already a staff account named ${name}.\n`);
    return 1;
  }
  out(`Added ${name} (team ${team}${values.admin ? ', administrator' : ''}).\n`);
  return 0;
}

/** A new password; the account's sessions end and a lock-out is lifted. @param {CommandContext} c */
export async function setPassword({ storage, name, out, err, password }) {
  const changed = await updateAccount(storage.db, name, {
    password_hash: await hashPassword(password),
    failed_sign_ins: 0,
    locked_until: null,
  });
  if (!changed) return unknown(err, name);
  await createSessions({ db: storage.db }).endAllOf(name);
  out(`New password for ${name}; their sessions have ended.\n`);
  return 0;
}

/**
 * A TOTP secret for the account: prints the otpauth:// URI and a QR code to scan. Needs
 * INBOX_TOTP_KEY (the secret is stored encrypted with it). @param {CommandContext} c
 */
export async function enableTotp({ storage, name, values, env, out, err }) {
  if (!env.INBOX_TOTP_KEY) {
    err('Set INBOX_TOTP_KEY first (openssl rand -base64 32), the same as the receiver has.\n');
    return 1;
  }
  let key;
  try {
    key = parseTotpKey(env.INBOX_TOTP_KEY);
  } catch (error) {
    err(`${error.message}\n`);
    return 1;
  }
  const account = await findAccount(storage.db, name);
  if (!account) return unknown(err, name);
  if (account.totpSecret) {
    err(`${name} has a second factor already; run disable-totp first to replace it.\n`);
    return 1;
  }
  const { secret, uri } = newTotp({ name, issuer: String(values.issuer ?? 'intake-elements') });
  await updateAccount(storage.db, name, {
    totp_secret: sealSecret(secret, key, name),
    totp_last_step: null,
  });
  out(
    `Second factor for ${name}. Scan the code with an authenticator app, or enter this URI:\n\n` +
      `${uri}\n\n${renderUnicodeCompact(uri)}\n\n` +
      'From now on the sign-in asks for the app’s code. Keep this output away from others.\n',
  );
  return 0;
}

/** @param {CommandContext} c */
export async function disableTotp({ storage, name, out, err }) {
  const changed = await updateAccount(storage.db, name, {
    totp_secret: null,
    totp_last_step: null,
  });
  if (!changed) return unknown(err, name);
  out(`${name} signs in with the password alone now.\n`);
  return 0;
}

/** Switches an account off; its sessions end at once. @param {CommandContext} c */
export async function disableUser({ storage, name, out, err }) {
  if (!(await updateAccount(storage.db, name, { disabled: 1 }))) return unknown(err, name);
  await createSessions({ db: storage.db }).endAllOf(name);
  out(`${name} is switched off; their sessions have ended.\n`);
  return 0;
}

/** Switches an account on again and lifts a lock-out. @param {CommandContext} c */
export async function enableUser({ storage, name, out, err }) {
  const changed = await updateAccount(storage.db, name, {
    disabled: 0,
    failed_sign_ins: 0,
    locked_until: null,
  });
  if (!changed) return unknown(err, name);
  out(`${name} may sign in again.\n`);
  return 0;
}

/** One line per account: name, teams and flags. @param {CommandContext} c */
export async function list({ storage, out }) {
  const now = Date.now();
  for (const account of await listAccounts(storage.db)) {
    const flags = [
      account.isAdmin && 'administrator',
      account.totpSecret && 'totp',
      account.disabled && 'disabled',
      Date.parse(account.lockedUntil ?? '') > now && `locked until ${account.lockedUntil}`,
    ].filter(Boolean);
    out(`${account.name}\tteams: ${account.teams.join(', ') || '-'}\t${flags.join(', ')}\n`);
  }
  return 0;
}

function unknown(err, name) {
  err(`There is no staff account named ${name}.\n`);
  return 1;
}
