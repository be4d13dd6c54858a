/**
 * Versioned schema migrations for both storages, run when the storage opens. Each migration has
 * a number, a name and the SQL for SQLite and for PostgreSQL; the `schema_migrations` table
 * records which numbers are applied. Each migration runs once, in a transaction of its own
 * together with its record, so a failed one leaves nothing behind and is tried again on the next
 * start. Never edit a migration that was released: add the next number.
 *
 * Concurrency: SQLite takes the database's write lock (BEGIN IMMEDIATE) before it looks at what
 * is applied; PostgreSQL holds an advisory lock per schema for the whole run, so two receivers
 * starting at once on one database apply each migration once between them.
 */

/**
 * @typedef {{ version: number, name: string, sqlite: string,
 *   postgres: (schema: string) => string }} Migration `postgres` gets the quoted schema name
 */

/**
 * Column types for the migrations written once for both databases (`q`: the schema and a dot
 * in front of table names on PostgreSQL).
 */
const SQLITE_TYPES = Object.freeze({
  text: 'TEXT',
  time: 'TEXT',
  int: 'INTEGER',
  real: 'REAL',
  id: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  q: '',
});
const postgresTypes = (q) => ({
  text: 'text',
  time: 'timestamptz',
  int: 'integer',
  real: 'double precision',
  id: 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  q: `${q}.`,
});

/** @type {readonly Migration[]} */
export const MIGRATIONS = Object.freeze([
  {
    version: 1,
    name: 'submissions and form definitions',
    // IF NOT EXISTS: databases created before migrations existed already have these tables,
    // and are adopted as they are.
    sqlite: `
      CREATE TABLE IF NOT EXISTS form_definitions (
        hash          TEXT PRIMARY KEY,
        form_id       TEXT NOT NULL,
        form_version  TEXT,
        definition    TEXT NOT NULL,
        first_seen_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS submissions (
        reference       TEXT PRIMARY KEY,
        form_id         TEXT NOT NULL,
        form_version    TEXT NOT NULL,
        locale          TEXT NOT NULL,
        submitted_at    TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        body_hash       TEXT NOT NULL,
        envelope        TEXT NOT NULL,
        response_status INTEGER NOT NULL,
        response_body   TEXT NOT NULL,
        definition_hash TEXT REFERENCES form_definitions (hash)
      );
      CREATE INDEX IF NOT EXISTS submissions_form_received ON submissions (form_id, received_at);
      CREATE INDEX IF NOT EXISTS submissions_received ON submissions (received_at);`,
    postgres: (q) => `
      CREATE TABLE IF NOT EXISTS ${q}.form_definitions (
        hash          text PRIMARY KEY,
        form_id       text NOT NULL,
        form_version  text,
        definition    text NOT NULL,
        first_seen_at timestamptz NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${q}.submissions (
        reference       text PRIMARY KEY,
        form_id         text NOT NULL,
        form_version    text NOT NULL,
        locale          text NOT NULL,
        submitted_at    text NOT NULL,
        received_at     timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        body_hash       text NOT NULL,
        envelope        text NOT NULL,
        response_status integer NOT NULL,
        response_body   text NOT NULL,
        definition_hash text REFERENCES ${q}.form_definitions (hash)
      );
      CREATE INDEX IF NOT EXISTS submissions_form_received
        ON ${q}.submissions (form_id, received_at);
      CREATE INDEX IF NOT EXISTS submissions_received ON ${q}.submissions (received_at);`,
  },
  {
    version: 2,
    name: 'local staff accounts',
    // `name` is stored in lower case (server/staff.js); `password_hash` is scrypt with its
    // parameters (server/passwords.js).
    sqlite: `
      CREATE TABLE staff_users (
        name          TEXT PRIMARY KEY,
        team          TEXT NOT NULL,
        is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );`,
    postgres: (q) => `
      CREATE TABLE ${q}.staff_users (
        name          text PRIMARY KEY,
        team          text NOT NULL,
        is_admin      boolean NOT NULL DEFAULT false,
        password_hash text NOT NULL,
        created_at    timestamptz NOT NULL
      );`,
  },
  {
    version: 3,
    name: 'staff inbox: teams, sessions, workflow, audit log',
    sqlite: inboxTables(SQLITE_TYPES),
    postgres: (q) => inboxTables(postgresTypes(q)),
  },
  {
    version: 4,
    name: 'staff sign-in: the last TOTP time step used',
    // The time step (Unix time / 30 s) of the last accepted TOTP code: a code is refused once
    // its step or a later one was used (server/inbox/totp.js), so a code seen over a shoulder
    // or in a proxy's log cannot sign in a second time.
    sqlite: 'ALTER TABLE staff_users ADD COLUMN totp_last_step INTEGER;',
    postgres: (q) => `ALTER TABLE ${q}.staff_users ADD COLUMN totp_last_step bigint;`,
  },
  {
    version: 5,
    name: 'staff inbox: full-text search over the answers, keyset index',
    // The text is what search.js searchText() builds at ingest: the reference and every string
    // or number in `data` except files. Rows stored before this migration get the same text
    // here, from SQL's own JSON functions.
    sqlite: `
      CREATE VIRTUAL TABLE submission_search USING fts5 (
        -- Indexed, so that a row is found by its reference without a scan (search.js).
        reference,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO submission_search (reference, body)
        SELECT s.reference, s.reference || ' ' || coalesce((
          SELECT group_concat(j.value, ' ') FROM json_tree(s.envelope, '$.data') j
          WHERE j.type IN ('text', 'integer', 'real') AND j.value NOT LIKE 'data:%'
        ), '')
        FROM submissions s WHERE json_valid(s.envelope);
      CREATE INDEX submissions_received_reference ON submissions (received_at, reference);`,
    postgres: (q) => `
      CREATE TABLE ${q}.submission_search (
        reference text PRIMARY KEY REFERENCES ${q}.submissions (reference) ON DELETE CASCADE,
        body      text NOT NULL,
        -- Hyphens as spaces: the parser reads "HI-2222-2229" as a word and two negative
        -- numbers, which no query word (letters and digits only) would find.
        document  tsvector GENERATED ALWAYS AS (to_tsvector('simple', replace(body, '-', ' '))) STORED
      );
      CREATE INDEX submission_search_document ON ${q}.submission_search USING gin (document);
      INSERT INTO ${q}.submission_search (reference, body)
        SELECT s.reference, s.reference || ' ' || coalesce((
          SELECT string_agg(v #>> '{}', ' ')
          FROM jsonb_path_query(s.envelope::jsonb -> 'data', 'strict $.**') AS v
          WHERE jsonb_typeof(v) IN ('string', 'number') AND (v #>> '{}') NOT LIKE 'data:%'
        ), '')
        FROM ${q}.submissions s;
      CREATE INDEX submissions_received_reference ON ${q}.submissions (received_at, reference);`,
  },
  {
    version: 6,
    name: 'webhook deliveries, shared rate limits',
    sqlite: opsTables(SQLITE_TYPES),
    postgres: (q) => opsTables(postgresTypes(q)),
  },
  {
    version: 7,
    name: 'new-request e-mail outbox',
    sqlite: noticeTable(SQLITE_TYPES),
    postgres: (q) => noticeTable(postgresTypes(q)),
  },
]);

/**
 * A table of the durable outbox (server/inbox/outbox.js): one row per thing to send for a
 * submission, with `payload` columns of its own. `state` is pending, delivered or failed (gave
 * up; staff may retry). A pending row is due at `next_attempt_at`; whoever sends it first moves
 * that time on (a lease), so two receivers never send one row at once.
 */
function outboxTable(name, payload, { text, time, int, id, q }) {
  return `
    CREATE TABLE ${q}${name} (
      id              ${id},
      reference       ${text} NOT NULL REFERENCES ${q}submissions (reference) ON DELETE CASCADE,
      form_id         ${text} NOT NULL,
      ${payload.map((column) => `${column} ${text} NOT NULL,`).join('\n      ')}
      state           ${text} NOT NULL DEFAULT 'pending',
      attempts        ${int} NOT NULL DEFAULT 0,
      next_attempt_at ${time},
      last_attempt_at ${time},
      last_status     ${int},
      last_error      ${text},
      created_at      ${time} NOT NULL,
      delivered_at    ${time}
    );
    CREATE INDEX ${name}_due ON ${q}${name} (state, next_attempt_at);
    CREATE INDEX ${name}_reference ON ${q}${name} (reference);`;
}

/**
 * `notice_deliveries`: one row per new-request e-mail (server/inbox/notify.js) and address, so
 * that a notice survives a stop. It holds what the message says (the reference and the form's
 * title) and the team's address (`teams`: the ids of the teams it is for, JSON), never an answer.
 */
function noticeTable(types) {
  return outboxTable('notice_deliveries', ['form_title', 'recipient', 'teams'], types);
}

/**
 * The service's tables (the migration after the inbox's):
 *
 * - `webhook_deliveries`: one row per accepted submission and configured webhook
 *   (server/inbox/webhooks.js), in the outbox's shape (outboxTable()). No content is kept here.
 * - `rate_limits`: the token buckets of server/rate-limit-shared.js, shared by every receiver
 *   on one PostgreSQL (SQLite installations count in memory; the table stays empty there).
 */
function opsTables({ text, time, int, real, id, q }) {
  return `${outboxTable('webhook_deliveries', ['url'], { text, time, int, id, q })}
    CREATE TABLE ${q}rate_limits (
      client_key ${text} PRIMARY KEY,
      tokens     ${real} NOT NULL,
      at_ms      ${real} NOT NULL
    );`;
}

/**
 * The staff inbox's tables (migration 3), the same for both databases but for the type names.
 * Flags are integers 0/1 in both, so that queries need not tell the databases apart.
 *
 * - `teams`: who works together; `email` gets the new-request notice, `oidc_group` is the group
 *   claim of the identity provider that puts a person into this team.
 * - `team_forms`: what a team sees. A row grants one form, all of it (`route_pointer` NULL) or
 *   only the submissions whose answer at `route_pointer` equals `route_value` (a town).
 * - `staff_memberships`: local accounts in teams (a person may work for two towns).
 *   `staff_users.team` stays as the team given at creation and is copied in here.
 * - `staff_sessions`: signed-in browsers. Only a hash of the cookie's token is stored, so a
 *   copy of the database does not sign anybody in.
 * - `submissions.status` (new, in_progress, waiting, done) and `done_at`, from which retention
 *   counts; `submission_routing` holds the answers that routing rules look at, copied out of
 *   the envelope when it is stored, so that a team's list is an indexed query.
 * - `submission_reads`, `submission_notes`: per person unread marks and internal notes.
 * - `audit_log`: who did what to which submission, never the submission's content.
 */
function inboxTables({ text, time, int, id, q }) {
  return `
    CREATE TABLE ${q}teams (
      id          ${text} PRIMARY KEY,
      name        ${text} NOT NULL,
      email       ${text},
      oidc_group  ${text} UNIQUE,
      created_at  ${time} NOT NULL
    );
    CREATE TABLE ${q}team_forms (
      id            ${id},
      team_id       ${text} NOT NULL REFERENCES ${q}teams (id) ON DELETE CASCADE,
      form_id       ${text} NOT NULL,
      route_pointer ${text},
      route_value   ${text}
    );
    CREATE INDEX team_forms_team ON ${q}team_forms (team_id);
    CREATE TABLE ${q}staff_memberships (
      user_name ${text} NOT NULL REFERENCES ${q}staff_users (name) ON DELETE CASCADE,
      team_id   ${text} NOT NULL REFERENCES ${q}teams (id) ON DELETE CASCADE,
      PRIMARY KEY (user_name, team_id)
    );
    INSERT INTO ${q}teams (id, name, created_at)
      SELECT DISTINCT team, team, MIN(created_at) FROM ${q}staff_users GROUP BY team;
    INSERT INTO ${q}staff_memberships (user_name, team_id) SELECT name, team FROM ${q}staff_users;
    ALTER TABLE ${q}staff_users ADD COLUMN totp_secret ${text};
    ALTER TABLE ${q}staff_users ADD COLUMN failed_sign_ins ${int} NOT NULL DEFAULT 0;
    ALTER TABLE ${q}staff_users ADD COLUMN locked_until ${time};
    ALTER TABLE ${q}staff_users ADD COLUMN disabled ${int} NOT NULL DEFAULT 0;
    CREATE TABLE ${q}staff_sessions (
      token_hash   ${text} PRIMARY KEY,
      user_name    ${text} NOT NULL,
      display_name ${text} NOT NULL,
      via          ${text} NOT NULL,
      teams        ${text} NOT NULL,
      is_admin     ${int} NOT NULL DEFAULT 0,
      csrf_token   ${text} NOT NULL,
      created_at   ${time} NOT NULL,
      last_seen_at ${time} NOT NULL
    );
    CREATE INDEX staff_sessions_user ON ${q}staff_sessions (user_name);
    ALTER TABLE ${q}submissions ADD COLUMN status ${text} NOT NULL DEFAULT 'new';
    ALTER TABLE ${q}submissions ADD COLUMN status_changed_at ${time};
    ALTER TABLE ${q}submissions ADD COLUMN done_at ${time};
    CREATE INDEX submissions_status ON ${q}submissions (status, received_at);
    CREATE TABLE ${q}submission_routing (
      reference ${text} NOT NULL REFERENCES ${q}submissions (reference) ON DELETE CASCADE,
      pointer   ${text} NOT NULL,
      value     ${text} NOT NULL,
      PRIMARY KEY (reference, pointer)
    );
    CREATE INDEX submission_routing_value ON ${q}submission_routing (pointer, value);
    CREATE TABLE ${q}submission_reads (
      reference ${text} NOT NULL REFERENCES ${q}submissions (reference) ON DELETE CASCADE,
      user_name ${text} NOT NULL,
      read_at   ${time} NOT NULL,
      PRIMARY KEY (reference, user_name)
    );
    CREATE TABLE ${q}submission_notes (
      id         ${id},
      reference  ${text} NOT NULL REFERENCES ${q}submissions (reference) ON DELETE CASCADE,
      author     ${text} NOT NULL,
      body       ${text} NOT NULL,
      created_at ${time} NOT NULL
    );
    CREATE INDEX submission_notes_reference ON ${q}submission_notes (reference);
    CREATE TABLE ${q}audit_log (
      id        ${id},
      at        ${time} NOT NULL,
      actor     ${text} NOT NULL,
      action    ${text} NOT NULL,
      reference ${text},
      form_id   ${text},
      detail    ${text}
    );
    CREATE INDEX audit_log_at ON ${q}audit_log (at);
    CREATE INDEX audit_log_reference ON ${q}audit_log (reference);`;
}

/** Refuses a list that is not numbered 1, 2, 3… (a gap or a duplicate is a mistake). */
function checkNumbering(migrations) {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${index + 1} is numbered ${migration.version}`);
    }
  });
}

/**
 * Applies the migrations a SQLite database (better-sqlite3) lacks.
 *
 * @param {import('better-sqlite3').Database} db
 * @param {readonly Migration[]} [migrations]
 * @returns {number[]} the versions applied now
 */
export function migrateSqlite(db, migrations = MIGRATIONS) {
  checkNumbering(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied = [];
  for (const migration of migrations) {
    // IMMEDIATE: the write lock first, then the look; another process waits (busy_timeout)
    // and then sees the record.
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version)) return false;
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}

/**
 * Applies the migrations a PostgreSQL schema lacks, under an advisory lock for that schema.
 *
 * @param {import('pg').Pool} pool
 * @param {string} schema a plain identifier (checked by the caller)
 * @param {readonly Migration[]} [migrations]
 * @returns {Promise<number[]>} the versions applied now (by this process)
 */
export async function migratePostgres(pool, schema, migrations = MIGRATIONS) {
  checkNumbering(migrations);
  const q = `"${schema}"`;
  const client = await pool.connect();
  const lockKey = `intake-elements migrations ${schema}`;
  const applied = [];
  try {
    // A session lock, held across the migrations' own transactions.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${q}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${q}.schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query(`SELECT version FROM ${q}.schema_migrations`);
      const done = new Set(rows.map((row) => row.version));
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.postgres(q));
          await client.query(`INSERT INTO ${q}.schema_migrations (version, name) VALUES ($1, $2)`, [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw Object.assign(error, { migration: migration.version });
        }
        applied.push(migration.version);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => {});
    }
  } finally {
    client.release();
  }
  return applied;
}
