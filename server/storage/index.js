/**
 * Chooses the storage: PostgreSQL when a database URL is given, SQLite otherwise.
 *
 * Both implement the same small interface; all methods are async.
 *
 *   kind                            'sqlite' | 'postgres'
 *   db                              a Kysely query builder on the same connection, for the staff
 *                                   inbox's many filtered queries (server/inbox/), written once
 *                                   for both databases. Times are ISO strings on the way in; on
 *                                   the way out PostgreSQL gives Date objects (use isoTime()).
 *                                   Flags in the inbox tables are integers 0/1 in both.
 *   insertSubmission(record)        → true, or false when the idempotency key or the reference
 *                                     is taken already (nothing is stored then)
 *   findByKey(idempotencyKey)       → record | undefined
 *   findByReference(reference)      → record | undefined
 *   list({ formId?, limit? })       → records, newest first
 *   saveDefinition({ hash, formId, formVersion, definition, firstSeenAt })   (once per hash)
 *   getDefinition(hash)             → the definition's JSON text | undefined
 *   addStaffUser({ name, team, isAdmin, passwordHash, createdAt })
 *                                   → true, or false when the name is taken
 *   findStaffUser(name)             → { name, team, isAdmin, passwordHash, createdAt } | undefined
 *   ping()                          → true when the storage answers
 *   close()
 *
 * A record: { reference, formId, formVersion, locale, submittedAt, receivedAt (ISO string),
 *   idempotencyKey, bodyHash, envelope (JSON text), responseStatus, responseBody (JSON text),
 *   definitionHash }.
 */
import { openSqlite } from './sqlite.js';

/**
 * @param {{ databaseUrl?: string, databaseSchema?: string, dataDir: string, readonly?: boolean }}
 *   options
 */
export async function openStorage({ databaseUrl, databaseSchema, dataDir, readonly }) {
  if (databaseUrl) {
    // Loaded only when used, so a SQLite installation never needs pg.
    const { openPostgres } = await import('./postgres.js');
    return openPostgres({ databaseUrl, schema: databaseSchema });
  }
  return openSqlite({ dataDir, readonly });
}
