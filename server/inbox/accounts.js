/**
 * Local staff accounts as the sign-in and `server/staff.js` need them, through Kysely so that
 * the same queries run on SQLite and PostgreSQL. (Creating an account stays with the storage's
 * `addStaffUser`, which also makes the team.)
 */
import { sql } from 'kysely';
import { isoTime } from './time.js';

/**
 * @typedef {{ name: string, isAdmin: boolean, passwordHash: string, totpSecret: string | null,
 *   totpLastStep: number | null, failedSignIns: number, lockedUntil: string | undefined,
 *   disabled: boolean, teams: string[] }} Account
 */

/**
 * One account with its teams, or undefined.
 *
 * @param {import('kysely').Kysely<any>} db
 * @param {string} name in lower case
 * @returns {Promise<Account | undefined>}
 */
export async function findAccount(db, name) {
  const row = await db
    .selectFrom('staff_users')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...fromRow(row), teams: await teamsOfAccount(db, name) };
}

/** Every account, by name, with its teams. */
export async function listAccounts(db) {
  const rows = await db.selectFrom('staff_users').selectAll().orderBy('name').execute();
  const memberships = await db
    .selectFrom('staff_memberships')
    .select(['user_name', 'team_id'])
    .orderBy('team_id')
    .execute();
  return rows.map((row) => ({
    ...fromRow(row),
    teams: memberships.filter((m) => m.user_name === row.name).map((m) => m.team_id),
  }));
}

/** The teams a local account belongs to. */
export async function teamsOfAccount(db, name) {
  const rows = await db
    .selectFrom('staff_memberships')
    .select('team_id')
    .where('user_name', '=', name)
    .orderBy('team_id')
    .execute();
  return rows.map((row) => row.team_id);
}

/**
 * Changes an account's columns; resolves to whether the account exists.
 *
 * @param {import('kysely').Kysely<any>} db
 * @param {string} name
 * @param {Record<string, unknown>} values column → value
 */
export async function updateAccount(db, name, values) {
  const result = await db
    .updateTable('staff_users')
    .set(values)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Counts one failed sign-in; resolves to the count after it. One UPDATE, so that two receivers
 * counting at once lose no failure.
 */
export async function countFailure(db, name) {
  const row = await db
    .updateTable('staff_users')
    .set({ failed_sign_ins: sql`failed_sign_ins + 1` })
    .where('name', '=', name)
    .returning('failed_sign_ins')
    .executeTakeFirst();
  return Number(row?.failed_sign_ins ?? 0);
}

/**
 * Records that the TOTP code of time step `step` was used, unless this or a later step was
 * used already (a code seen once is refused after: RFC 6238 §5.2). Resolves to whether it was
 * recorded now. One conditional UPDATE, so that the same code sent twice at once wins once.
 */
export async function useTotpStep(db, name, step) {
  const result = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function fromRow(row) {
  return {
    name: row.name,
    // PostgreSQL's migration 2 made is_admin a boolean; SQLite keeps 0/1.
    isAdmin: row.is_admin === true || Number(row.is_admin) === 1,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret ?? null,
    totpLastStep:
      row.totp_last_step === null || row.totp_last_step === undefined
        ? null
        : Number(row.totp_last_step),
    failedSignIns: Number(row.failed_sign_ins ?? 0),
    lockedUntil: isoTime(row.locked_until),
    disabled: Number(row.disabled) === 1,
  };
}
