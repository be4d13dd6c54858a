/**
 * SQLite storage (better-sqlite3): one file, `<dataDir>/submissions.sqlite`, or `':memory:'`
 * for tests and the demo. Same interface as ./postgres.js (see ./index.js).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateSqlite } from './migrations.js';

export const FILE_NAME = 'submissions.sqlite';

const COLUMNS = `reference, form_id, form_version, locale, submitted_at, received_at, idempotency_key,
  body_hash, envelope, response_status, response_body, definition_hash`;

/**
 * @param {{ dataDir: string, readonly?: boolean }} options `dataDir: ':memory:'` keeps
 *   everything in memory (gone when the process ends)
 */
export function openSqlite({ dataDir, readonly = false }) {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    if (!readonly) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    file = join(dataDir, FILE_NAME);
  }
  const db = new Database(file, { readonly, fileMustExist: readonly });
  // Another receiver process (or list-submissions.js) may hold the file for a moment.
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Deleted rows (retention, staff) are overwritten with zeros, not left in free pages of the
    // file where a copy of it would still hold them.
    db.pragma('secure_delete = ON');
    // The tables come from the numbered migrations (./migrations.js).
    migrateSqlite(db);
  }

  const statements = readonly
    ? undefined
    : {
        insert: db.prepare(
          `INSERT INTO submissions (${COLUMNS})
           VALUES (@reference, @formId, @formVersion, @locale, @submittedAt, @receivedAt,
             @idempotencyKey, @bodyHash, @envelope, @responseStatus, @responseBody, @definitionHash)
           ON CONFLICT DO NOTHING`,
        ),
        addStaffUser: db.prepare(
          `INSERT INTO staff_users (name, team, is_admin, password_hash, created_at)
           VALUES (@name, @team, @isAdmin, @passwordHash, @createdAt) ON CONFLICT DO NOTHING`,
        ),
        addTeam: db.prepare(
          `INSERT INTO teams (id, name, created_at) VALUES (@team, @team, @createdAt)
           ON CONFLICT DO NOTHING`,
        ),
        addMembership: db.prepare(
          `INSERT INTO staff_memberships (user_name, team_id) VALUES (@name, @team)
           ON CONFLICT DO NOTHING`,
        ),
        saveDefinition: db.prepare(
          `INSERT INTO form_definitions (hash, form_id, form_version, definition, first_seen_at)
           VALUES (@hash, @formId, @formVersion, @definition, @firstSeenAt)
           ON CONFLICT DO NOTHING`,
        ),
      };
  const byKey = db.prepare(`SELECT ${COLUMNS} FROM submissions WHERE idempotency_key = ?`);
  const byReference = db.prepare(`SELECT ${COLUMNS} FROM submissions WHERE reference = ?`);
  const definition = db.prepare('SELECT definition FROM form_definitions WHERE hash = ?');
  const listAll = db.prepare(
    `SELECT ${COLUMNS} FROM submissions ORDER BY received_at DESC, reference LIMIT ?`,
  );
  const listForm = db.prepare(
    `SELECT ${COLUMNS} FROM submissions WHERE form_id = ?
     ORDER BY received_at DESC, reference LIMIT ?`,
  );
  const staffUser = readonly
    ? undefined
    : db.prepare(
        'SELECT name, team, is_admin, password_hash, created_at FROM staff_users WHERE name = ?',
      );
  const ping = db.prepare('SELECT 1 AS ok');
  let open = true;

  return {
    kind: 'sqlite',
    /** The inbox's query builder on the same connection (see ./index.js). */
    db: new Kysely({ dialect: new SqliteDialect({ database: db }) }),
    async insertSubmission(record) {
      return statements.insert.run(record).changes === 1;
    },
    async findByKey(key) {
      return fromRow(byKey.get(key));
    },
    async findByReference(reference) {
      return fromRow(byReference.get(reference));
    },
    async list({ formId, limit = 100 } = {}) {
      const rows = formId ? listForm.all(formId, limit) : listAll.all(limit);
      return rows.map(fromRow);
    },
    async saveDefinition(entry) {
      statements.saveDefinition.run(entry);
    },
    async getDefinition(hash) {
      return definition.get(hash)?.definition;
    },
    async addStaffUser(user) {
      const row = { ...user, isAdmin: user.isAdmin ? 1 : 0 };
      // The user, their team (created on first mention) and the membership, or nothing.
      return db.transaction(() => {
        if (statements.addStaffUser.run(row).changes !== 1) return false;
        statements.addTeam.run(row);
        statements.addMembership.run(row);
        return true;
      })();
    },
    async findStaffUser(name) {
      const row = staffUser.get(name);
      return row && staffFromRow(row);
    },
    async ping() {
      return ping.get().ok === 1;
    },
    async close() {
      if (open) db.close();
      open = false;
    },
  };
}

function fromRow(row) {
  if (!row) return undefined;
  return {
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    locale: row.locale,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    idempotencyKey: row.idempotency_key,
    bodyHash: row.body_hash,
    envelope: row.envelope,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    definitionHash: row.definition_hash ?? undefined,
  };
}

function staffFromRow(row) {
  return {
    name: row.name,
    team: row.team,
    isAdmin: Boolean(row.is_admin),
    passwordHash: row.password_hash,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
