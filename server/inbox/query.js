/**
 * The inbox's list filters, shared by the list, its counts and the export: parsed from the
 * query string once, applied to `submissions s` together with the access rule (./access.js), so
 * that no filter combination can reach past what the person may see.
 *
 *   form=<id>  status=new|in_progress|waiting|done  route=<pointer>&value=<answer>
 *   from=<ISO date or date-time>  to=<ISO date (the whole day) or date-time>  q=<words>
 *   unread=1  cursor=<from the previous page>  limit=1..200 (default 50)
 */
import { visible } from './access.js';
import { matches, queryWords } from './search.js';

export const STATUSES = Object.freeze(['new', 'in_progress', 'waiting', 'done']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * @param {Record<string, unknown>} query Fastify's parsed query (a repeated name counts once)
 * @returns {{ filters?: object, error?: string }}
 */
export function parseFilters(query = {}) {
  const get = (name) => {
    const value = Array.isArray(query[name]) ? query[name][0] : query[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const filters = {
    form: get('form'),
    status: get('status'),
    route: get('route'),
    value: get('value'),
    words: queryWords(get('q')),
    unread: get('unread') === '1' || get('unread') === 'true',
    from: undefined,
    to: undefined,
    cursor: undefined,
    limit: 50,
  };
  if (filters.status !== undefined && !STATUSES.includes(filters.status)) {
    return { error: `status must be one of ${STATUSES.join(', ')}.` };
  }
  if ((filters.route === undefined) !== (filters.value === undefined)) {
    return { error: 'route and value go together.' };
  }
  for (const name of ['from', 'to']) {
    const raw = get(name);
    if (raw === undefined) continue;
    let instant;
    if (DATE.test(raw)) {
      // A date is a whole day (UTC): `to` includes it, so the bound is the next day's start.
      instant = new Date(`${raw}T00:00:00Z`);
      if (name === 'to') instant.setUTCDate(instant.getUTCDate() + 1);
    } else if (DATE_TIME.test(raw)) {
      instant = new Date(raw);
    }
    if (!instant || Number.isNaN(instant.getTime())) {
      return { error: `${name} must be an ISO date (2026-11-25) or date-time.` };
    }
    filters[name] = instant.toISOString();
  }
  const cursor = get('cursor');
  if (cursor !== undefined) {
    filters.cursor = decodeCursor(cursor);
    if (!filters.cursor) return { error: 'cursor is not one this inbox gave out.' };
  }
  const limit = get('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 200) return { error: 'limit must be 1 to 200.' };
    filters.limit = n;
  }
  return { filters };
}

/**
 * `submissions s` narrowed to what `staff` may see and the filters ask for (not the cursor).
 *
 * @param {{ kind: string, db: import('kysely').Kysely<any> }} storage
 * @param {{ name: string, isAdmin: boolean, teams: string[] }} staff
 * @param {object} filters from parseFilters()
 */
export function filtered(storage, staff, filters) {
  let query = storage.db.selectFrom('submissions as s').where((eb) => visible(eb, staff));
  if (filters.form) query = query.where('s.form_id', '=', filters.form);
  if (filters.status) query = query.where('s.status', '=', filters.status);
  if (filters.route) {
    query = query.where((eb) =>
      eb(
        's.reference',
        'in',
        eb
          .selectFrom('submission_routing as fr')
          .select('fr.reference')
          .where('fr.pointer', '=', filters.route)
          .where('fr.value', '=', filters.value),
      ),
    );
  }
  if (filters.from) query = query.where('s.received_at', '>=', filters.from);
  if (filters.to) query = query.where('s.received_at', '<', filters.to);
  if (filters.words.length > 0)
    query = query.where((eb) => matches(eb, storage.kind, filters.words));
  if (filters.unread) {
    query = query.where((eb) =>
      eb(
        's.reference',
        'not in',
        eb
          .selectFrom('submission_reads as rd')
          .select('rd.reference')
          .where('rd.user_name', '=', staff.name),
      ),
    );
  }
  return query;
}

/** Newest first, from after the cursor. */
export function page(query, filters) {
  let ordered = query.orderBy('s.received_at', 'desc').orderBy('s.reference', 'desc');
  if (filters.cursor) {
    const [at, reference] = filters.cursor;
    ordered = ordered.where((eb) =>
      eb(eb.refTuple('s.received_at', 's.reference'), '<', eb.tuple(at, reference)),
    );
  }
  return ordered;
}

/** Counting stops here: beyond it the list says "more than 10 000". */
export const COUNT_CAP = 10_000;

/** How many match, up to COUNT_CAP + 1 (counted in the database, over a limited subquery). */
export async function countCapped(db, query) {
  const row = await db
    .selectFrom(
      query
        .select('s.reference')
        .limit(COUNT_CAP + 1)
        .as('x'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function encodeCursor(receivedAt, reference) {
  return Buffer.from(JSON.stringify([receivedAt, reference])).toString('base64url');
}

function decodeCursor(text) {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      value[1].length < 100
    ) {
      return [new Date(value[0]).toISOString(), value[1]];
    }
  } catch {
    // Not one of ours.
  }
  return undefined;
}
