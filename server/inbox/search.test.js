// The search table's migration indexes the submissions stored before it with the same words
// the ingest writes (searchText), on both databases; and `teams.js reindex` repairs a database
// whose rows were written without their index.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS, migratePostgres, migrateSqlite } from '../storage/migrations.js';
import { openStorage } from '../storage/index.js';
import { PG_MISSING, PG_URL, tempDir } from '../testing/harness.js';
import { queryWords, searchText } from './search.js';

const SEARCH = MIGRATIONS.findIndex((m) => m.name.startsWith('staff inbox: full-text search'));
const BEFORE = MIGRATIONS.slice(0, SEARCH);
const DATA = {
  name: 'Zuleika Quaxenbrück',
  address: { city: 'Köln-Ehrenfeld', postalCode: '50667' },
  children: [{ age: 4 }, { givenName: 'Ilja' }],
  file: 'data:application/pdf;name=geheim.pdf;base64,JVBERi0xLjQK',
  consent: true,
};
const ROW = [
  'KO-2345-6789',
  'kontakt',
  '1',
  'de',
  '2026-11-25T10:00:00.000Z',
  '2026-11-25T10:00:01.000Z',
  'key-1',
  'hash',
  JSON.stringify({ form: { id: 'kontakt', version: '1' }, locale: 'de', data: DATA }),
  201,
  '{}',
];
const INSERT = `INSERT INTO submissions (reference, form_id, form_version, locale, submitted_at,
  received_at, idempotency_key, body_hash, envelope, response_status, response_body)`;

const words = (text) => new Set(queryWords(text));

test('SQLite: the migration indexes older rows as the ingest would', () => {
  assert.ok(SEARCH > 0);
  const db = new Database(':memory:');
  try {
    migrateSqlite(db, BEFORE);
    db.prepare(`${INSERT} VALUES (${ROW.map(() => '?').join(', ')})`).run(...ROW);
    migrateSqlite(db);
    const { body } = db.prepare('SELECT body FROM submission_search').get();
    assert.deepEqual(words(body), words(searchText(ROW[0], DATA)));
    assert.ok(!body.includes('JVBER'), 'no file content');
    const hit = db
      .prepare(`SELECT reference FROM submission_search WHERE body MATCH ?`)
      .all('"quaxenbruck"*');
    assert.deepEqual(hit, [{ reference: ROW[0] }], 'diacritics ignored');
  } finally {
    db.close();
  }
});

test('PostgreSQL: the migration indexes older rows as the ingest would', async (t) => {
  if (!PG_URL) {
    t.diagnostic(PG_MISSING);
    t.skip(PG_MISSING);
    return;
  }
  const schema = `intake_test_${randomBytes(6).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
  try {
    await migratePostgres(pool, schema, BEFORE);
    await pool.query(
      `${INSERT.replace('submissions', `"${schema}".submissions`)}
      VALUES (${ROW.map((_, i) => `$${i + 1}`).join(', ')})`,
      ROW,
    );
    await migratePostgres(pool, schema);
    const { rows } = await pool.query(`SELECT body FROM "${schema}".submission_search`);
    assert.deepEqual(words(rows[0].body), words(searchText(ROW[0], DATA)));
    const hit = await pool.query(
      `SELECT reference FROM "${schema}".submission_search WHERE document @@ to_tsquery('simple', $1)`,
      ['ehrenfeld:* & 6789:*'],
    );
    assert.deepEqual(hit.rows, [{ reference: ROW[0] }]);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await pool.end();
  }
});

test('SQLite: reindex writes missing search and routing rows', async () => {
  const { reindexAll } = await import('./routing.js');
  const storage = await openStorage({ dataDir: tempDir() });
  try {
    const { db } = storage;
    await db
      .insertInto('teams')
      .values({ id: 'koeln', name: 'Köln', created_at: '2026-01-01T00:00:00Z' })
      .execute();
    await db
      .insertInto('team_forms')
      .values({
        team_id: 'koeln',
        form_id: 'kontakt',
        route_pointer: '/address/city',
        route_value: 'Köln-Ehrenfeld',
      })
      .execute();
    await storage.insertSubmission({
      reference: ROW[0],
      formId: 'kontakt',
      formVersion: '1',
      locale: 'de',
      submittedAt: ROW[4],
      receivedAt: ROW[5],
      idempotencyKey: 'k',
      bodyHash: 'h',
      envelope: ROW[8],
      responseStatus: 201,
      responseBody: '{}',
      definitionHash: null,
    });
    assert.equal(await reindexAll(storage), 1);
    assert.deepEqual(
      await db.selectFrom('submission_routing').select(['reference', 'pointer', 'value']).execute(),
      [{ reference: ROW[0], pointer: '/address/city', value: 'Köln-Ehrenfeld' }],
    );
    assert.equal((await db.selectFrom('submission_search').selectAll().execute()).length, 1);
    // Twice changes nothing.
    assert.equal(await reindexAll(storage), 1);
    assert.equal((await db.selectFrom('submission_search').selectAll().execute()).length, 1);
  } finally {
    await storage.close();
  }
});
