// Versioned schema migrations (server/storage/migrations.js): applied once each, recorded in
// schema_migrations, rolled back whole when one fails, and on PostgreSQL applied once even when
// two receivers start at the same moment.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS, migratePostgres, migrateSqlite } from './storage/migrations.js';
import { openStorage } from './storage/index.js';
import { FILE_NAME } from './storage/sqlite.js';
import { PG_MISSING, PG_URL, tempDir } from './testing/harness.js';

/** Two test migrations after the real ones: a counter that shows how often #n+1 ran. */
const COUNTING = [
  ...MIGRATIONS,
  {
    version: MIGRATIONS.length + 1,
    name: 'test: counter',
    sqlite: 'CREATE TABLE IF NOT EXISTS runs (n INTEGER); INSERT INTO runs VALUES (1);',
    postgres: (q) => `CREATE TABLE IF NOT EXISTS ${q}.runs (n integer);
      SELECT pg_sleep(0.2); INSERT INTO ${q}.runs VALUES (1);`,
  },
];

/** A migration whose second statement fails: its first must not stay behind. */
const BROKEN = [
  ...MIGRATIONS,
  {
    version: MIGRATIONS.length + 1,
    name: 'test: broken',
    sqlite: 'CREATE TABLE half (n INTEGER); INSERT INTO nowhere VALUES (1);',
    postgres: (q) => `CREATE TABLE ${q}.half (n integer); INSERT INTO ${q}.nowhere VALUES (1);`,
  },
];

const versions = (rows) => rows.map((row) => Number(row.version));

test('SQLite: a new database gets every migration once, recorded with its name', async () => {
  const dir = tempDir();
  const storage = await openStorage({ dataDir: dir });
  await storage.close();
  const db = new Database(join(dir, FILE_NAME));
  try {
    const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations').all();
    assert.deepEqual(
      versions(rows),
      MIGRATIONS.map((m) => m.version),
    );
    assert.equal(rows[0].name, MIGRATIONS[0].name);
    assert.ok(!Number.isNaN(Date.parse(rows[0].applied_at)));
    // Opening again applies nothing.
    assert.deepEqual(migrateSqlite(db), []);
    assert.deepEqual(migrateSqlite(db, COUNTING), [COUNTING.length]);
    assert.deepEqual(migrateSqlite(db, COUNTING), []);
    assert.equal(db.prepare('SELECT count(*) AS n FROM runs').get().n, 1);
  } finally {
    db.close();
  }
});

test('SQLite: a database from before migrations is adopted with its rows', () => {
  const db = new Database(':memory:');
  try {
    // What the receiver created on start before migrations existed.
    db.exec(MIGRATIONS[0].sqlite);
    db.prepare(
      `INSERT INTO submissions VALUES ('KI-2222-2222', 'kontakt', '1', 'de', 'x', 'y', 'k', 'h',
        '{}', 201, '{}', NULL)`,
    ).run();
    assert.deepEqual(
      migrateSqlite(db),
      MIGRATIONS.map((m) => m.version),
    );
    assert.equal(db.prepare('SELECT count(*) AS n FROM submissions').get().n, 1);
  } finally {
    db.close();
  }
});

test('SQLite: a failing migration leaves nothing behind and is tried again', () => {
  const db = new Database(':memory:');
  try {
    assert.throws(() => migrateSqlite(db, BROKEN), /nowhere/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    assert.ok(!tables.some((t) => t.name === 'half'), 'the failed migration was rolled back');
    assert.deepEqual(
      versions(db.prepare('SELECT version FROM schema_migrations').all()),
      MIGRATIONS.map((m) => m.version),
    );
    assert.throws(() => migrateSqlite(db, BROKEN), /nowhere/);
  } finally {
    db.close();
  }
});

test('migrations must be numbered 1, 2, 3 without gaps', () => {
  const db = new Database(':memory:');
  try {
    assert.throws(() => migrateSqlite(db, [{ ...MIGRATIONS[0], version: 2 }]), /numbered 2/);
  } finally {
    db.close();
  }
});

/** A PostgreSQL test in a schema of its own, dropped afterwards; skipped without a database. */
function pgTest(name, fn) {
  test(`PostgreSQL: ${name}`, { timeout: 60_000 }, async (t) => {
    if (!PG_URL) {
      t.diagnostic(PG_MISSING);
      t.skip(PG_MISSING);
      return;
    }
    const schema = `intake_mig_${randomBytes(6).toString('hex')}`;
    const pools = [];
    const pool = () => {
      const created = new pg.Pool({ connectionString: PG_URL, max: 2 });
      pools.push(created);
      return created;
    };
    t.after(async () => {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
      await Promise.all(pools.map((p) => p.end()));
    });
    await fn(t, { schema, pool });
  });
}

pgTest('two processes starting at once apply each migration once', async (t, { schema, pool }) => {
  // Two pools are two sessions, as two receiver processes would have.
  const results = await Promise.all([
    migratePostgres(pool(), schema, COUNTING),
    migratePostgres(pool(), schema, COUNTING),
  ]);
  const all = COUNTING.map((m) => m.version);
  // One of them applied everything, the other found it done.
  assert.deepEqual(results.map((r) => r.length).sort(), [0, all.length]);
  const check = pool();
  const { rows } = await check.query(`SELECT version FROM "${schema}".schema_migrations`);
  assert.deepEqual(versions(rows).sort(), all);
  const runs = await check.query(`SELECT count(*)::int AS n FROM "${schema}".runs`);
  assert.equal(runs.rows[0].n, 1);
  // Starting the storage on it again applies nothing new and works.
  const storage = await openStorage({ databaseUrl: PG_URL, databaseSchema: schema });
  assert.equal(await storage.ping(), true);
  await storage.close();
  assert.deepEqual(await migratePostgres(check, schema, COUNTING), []);
});

pgTest('a failing migration is rolled back and the lock released', async (t, { schema, pool }) => {
  const one = pool();
  await assert.rejects(migratePostgres(one, schema, BROKEN), /nowhere/);
  const half = await one.query('SELECT to_regclass($1) AS name', [`"${schema}".half`]);
  assert.equal(half.rows[0].name, null);
  const { rows } = await one.query(`SELECT version FROM "${schema}".schema_migrations`);
  assert.deepEqual(
    versions(rows),
    MIGRATIONS.map((m) => m.version),
  );
  // The advisory lock is free again: another session gets through (and fails the same way).
  await assert.rejects(migratePostgres(pool(), schema, BROKEN), /nowhere/);
});
