/**
 * What the inbox copies out of a submission when it is stored, so that its lists are indexed
 * queries instead of reads of every envelope:
 *
 * - `submission_routing`: the answers that routing rules look at (`team_forms.route_pointer`,
 *   for example `/kommune`), one row per pointer any rule names for the submission's form;
 * - `submission_search`: the text full-text search runs over (./search.js).
 *
 * `indexSubmission()` runs right after the receiver stored a submission. `reindexRouting()`
 * runs when a rule is added (server/teams.js grant), for the submissions stored before it.
 */
import { getAtPointer } from '../../src/core/json-pointer.js';
import { writeSearch } from './search.js';
import { clearData } from '../encryption.js';

/**
 * Writes the routing rows and the search text of one stored submission.
 *
 * @param {{ kind: string, db: import('kysely').Kysely<any> }} storage
 * @param {string} reference
 * @param {{ form?: { id?: string }, data?: unknown }} envelope the parsed envelope (its form id is
 *   the one the receiver checked it against)
 * @param {{ replace?: boolean }} [options] `replace: false` for a submission stored just now
 */
export async function indexSubmission(storage, reference, envelope, { replace = true } = {}) {
  const { db } = storage;
  const formId = envelope?.form?.id;
  const pointers = await routePointers(db, formId);
  // An encrypted envelope offers only its clear routing answers (server/encryption.js).
  const data = clearData(envelope);
  const rows = routingRows(reference, data, pointers);
  await upsertRouting(db, rows);
  await writeSearch(storage, reference, data, { replace });
}

/** The pointers any routing rule names for `formId`. */
async function routePointers(db, formId) {
  if (typeof formId !== 'string') return [];
  const rows = await db
    .selectFrom('team_forms')
    .select('route_pointer')
    .distinct()
    .where('form_id', '=', formId)
    .where('route_pointer', 'is not', null)
    .execute();
  return rows.map((row) => row.route_pointer);
}

/** Routing rows for the answers at `pointers` that are plain values (a town's name, a code). */
function routingRows(reference, data, pointers) {
  const rows = [];
  for (const pointer of pointers) {
    let value;
    try {
      value = getAtPointer(data, pointer);
    } catch {
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      rows.push({ reference, pointer, value: String(value) });
    }
  }
  return rows;
}

/**
 * Writes the routing rows of `formId`'s stored submissions for `pointer` (after a rule was
 * added). Reads the envelopes in pages, so a large table does not fill the memory.
 *
 * @returns {Promise<number>} how many submissions got a row
 */
export async function reindexRouting(storage, formId, pointer) {
  const { db } = storage;
  let after = '';
  let count = 0;
  for (;;) {
    const page = await db
      .selectFrom('submissions')
      .select(['reference', 'envelope'])
      .where('form_id', '=', formId)
      .where('reference', '>', after)
      .orderBy('reference')
      .limit(500)
      .execute();
    if (page.length === 0) return count;
    const rows = page.flatMap((row) =>
      routingRows(row.reference, clearData(parse(row.envelope)), [pointer]),
    );
    await upsertRouting(db, rows);
    count += rows.length;
    after = page.at(-1).reference;
  }
}

/**
 * Indexes every stored submission again (routing and search), for a database whose rows were
 * written by a receiver without the inbox or when an ingest-time index failed.
 *
 * @returns {Promise<number>} how many submissions were indexed
 */
export async function reindexAll(storage) {
  let after = '';
  let count = 0;
  for (;;) {
    const page = await storage.db
      .selectFrom('submissions')
      .select(['reference', 'form_id', 'envelope'])
      .where('reference', '>', after)
      .orderBy('reference')
      .limit(500)
      .execute();
    if (page.length === 0) return count;
    for (const row of page) {
      const envelope = parse(row.envelope) ?? {};
      await indexSubmission(storage, row.reference, { ...envelope, form: { id: row.form_id } });
      count++;
    }
    after = page.at(-1).reference;
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Writes routing rows, replacing the value a submission had at a pointer (ingest with
 * `replace`, and a re-index after a rule was added, may meet rows written before).
 */
async function upsertRouting(db, rows) {
  if (rows.length === 0) return;
  await db
    .insertInto('submission_routing')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['reference', 'pointer'])
        .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
    )
    .execute();
}
