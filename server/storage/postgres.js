/**
 * PostgreSQL storage (pg), used when DATABASE_URL is set. Same interface as ./sqlite.js (see
 * ./index.js). Tables live in `schema` (default `public`); migrations run on start.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migratePostgres } from './migrations.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

const COLUMNS = `reference, form_id, form_version, locale, submitted_at, received_at, idempotency_key,
  body_hash, envelope, response_status, response_body, definition_hash`;

/**
 * @param {{ databaseUrl: string, schema?: string, max?: number }} options
 * @returns {Promise<object>} the storage, with its tables in place
 */
export async function openPostgres({ databaseUrl, schema = 'public', max = 10 }) {
  if (!IDENTIFIER.test(schema)) throw new Error(`Not a plain PostgreSQL schema name: ${schema}`);
  const q = `"${schema}"`;
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection must not crash the process; the next query
  // reconnects.
  pool.on('error', () => {});

  try {
    // The tables come from the numbered migrations (./migrations.js), applied under an advisory
    // lock so that two receivers starting at once do not both apply one.
    await migratePostgres(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }

  let open = true;
  return {
    kind: 'postgres',
    /** The inbox's query builder on the same pool, in `schema` (see ./index.js). */
    db: new Kysely({ dialect: new PostgresDialect({ pool }) }).withSchema(schema),
    async insertSubmission(r) {
      // ON CONFLICT without a target: a taken key and a taken reference both end up here; the
      // caller tells them apart by looking the key up.
      const result = await pool.query(
        `INSERT INTO ${q}.submissions (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT DO NOTHING`,
        [
          r.reference,
          r.formId,
          r.formVersion,
          r.locale,
          r.submittedAt,
          r.receivedAt,
          r.idempotencyKey,
          r.bodyHash,
          r.envelope,
          r.responseStatus,
          r.responseBody,
          r.definitionHash ?? null,
        ],
      );
      return result.rowCount === 1;
    },
    async findByKey(key) {
      const result = await pool.query(
        `SELECT ${COLUMNS} FROM ${q}.submissions WHERE idempotency_key = $1`,
        [key],
      );
      return fromRow(result.rows[0]);
    },
    async findByReference(reference) {
      const result = await pool.query(
        `SELECT ${COLUMNS} FROM ${q}.submissions WHERE reference = $1`,
        [reference],
      );
      return fromRow(result.rows[0]);
    },
    async list({ formId, limit = 100 } = {}) {
      const result = formId
        ? await pool.query(
            `SELECT ${COLUMNS} FROM ${q}.submissions WHERE form_id = $1
             ORDER BY received_at DESC, reference LIMIT $2`,
            [formId, limit],
          )
        : await pool.query(
            `SELECT ${COLUMNS} FROM ${q}.submissions ORDER BY received_at DESC, reference LIMIT $1`,
            [limit],
          );
      return result.rows.map(fromRow);
    },
    async saveDefinition(d) {
      await pool.query(
        `INSERT INTO ${q}.form_definitions (hash, form_id, form_version, definition, first_seen_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [d.hash, d.formId, d.formVersion, d.definition, d.firstSeenAt],
      );
    },
    async getDefinition(hash) {
      const result = await pool.query(
        `SELECT definition FROM ${q}.form_definitions WHERE hash = $1`,
        [hash],
      );
      return result.rows[0]?.definition;
    },
    async addStaffUser(u) {
      // The user, their team (created on first mention) and the membership, or nothing.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await client.query(
          `INSERT INTO ${q}.staff_users (name, team, is_admin, password_hash, created_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [u.name, u.team, Boolean(u.isAdmin), u.passwordHash, u.createdAt],
        );
        if (result.rowCount === 1) {
          await client.query(
            `INSERT INTO ${q}.teams (id, name, created_at) VALUES ($1, $1, $2)
             ON CONFLICT DO NOTHING`,
            [u.team, u.createdAt],
          );
          await client.query(
            `INSERT INTO ${q}.staff_memberships (user_name, team_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING`,
            [u.name, u.team],
          );
        }
        await client.query('COMMIT');
        return result.rowCount === 1;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async findStaffUser(name) {
      const result = await pool.query(
        `SELECT name, team, is_admin, password_hash, created_at FROM ${q}.staff_users
         WHERE name = $1`,
        [name],
      );
      const row = result.rows[0];
      return (
        row && {
          name: row.name,
          team: row.team,
          isAdmin: row.is_admin === true,
          passwordHash: row.password_hash,
          createdAt: new Date(row.created_at).toISOString(),
        }
      );
    },
    async ping() {
      const result = await pool.query('SELECT 1 AS ok');
      return result.rows[0]?.ok === 1;
    },
    async close() {
      if (open) {
        open = false;
        await pool.end();
      }
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
    receivedAt: new Date(row.received_at).toISOString(),
    idempotencyKey: row.idempotency_key,
    bodyHash: row.body_hash,
    envelope: row.envelope,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    definitionHash: row.definition_hash ?? undefined,
  };
}
