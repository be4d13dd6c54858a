/**
 * Who sees which submission (the inbox's one access rule, docs: /work contract "Access rule"):
 * an administrator sees all; anybody else sees a submission when one of their teams has a
 * `team_forms` row for its form that is either unrestricted (`route_pointer` NULL) or whose
 * routing answer (`submission_routing`, written at ingest by ./routing.js) equals the rule's
 * value. Every inbox route that reveals a submission filters through `visible()`, and a
 * submission that is not visible answers exactly as a missing one does (404).
 */
import { sql } from 'kysely';
import { REFERENCE_PATTERN } from '../references.js';

/**
 * A Kysely condition on the `submissions` table aliased as `s`: true for the submissions that
 * `staff` may see.
 *
 * Written as two IN subqueries (forms granted whole; references routed to a team) rather than a
 * correlated EXISTS, so that PostgreSQL runs each once and probes a hash.
 *
 * @param {import('kysely').ExpressionBuilder<any, any>} eb
 * @param {{ isAdmin: boolean, teams: string[] }} staff
 */
export function visible(eb, staff) {
  if (staff.isAdmin) return sql`1 = 1`;
  const teams = Array.isArray(staff.teams) ? staff.teams.filter((t) => typeof t === 'string') : [];
  if (teams.length === 0) return sql`1 = 0`;
  return eb.or([
    eb(
      's.form_id',
      'in',
      eb
        .selectFrom('team_forms')
        .select('team_forms.form_id')
        .where('team_forms.team_id', 'in', teams)
        .where('team_forms.route_pointer', 'is', null),
    ),
    // (form, reference) pairs: a routing answer counts only for the form the rule names.
    eb(
      eb.refTuple('s.form_id', 's.reference'),
      'in',
      eb
        .selectFrom('submission_routing as r')
        .innerJoin('team_forms as tf', (join) =>
          join.onRef('tf.route_pointer', '=', 'r.pointer').onRef('tf.route_value', '=', 'r.value'),
        )
        .select(['tf.form_id', 'r.reference'])
        .where('tf.team_id', 'in', teams),
    ),
  ]);
}

/** Columns of `submissions` the inbox reads (the envelope only where it needs the answers). */
export const SUMMARY_COLUMNS = [
  's.reference',
  's.form_id',
  's.form_version',
  's.locale',
  's.submitted_at',
  's.received_at',
  's.status',
  's.status_changed_at',
  's.done_at',
];

/**
 * One submission that `staff` may see, with its envelope and definition hash; undefined when
 * the reference is malformed, missing or not visible (the caller answers 404 for all three).
 * References are matched in upper case: people read them aloud and type them in lower case.
 *
 * @param {import('kysely').Kysely<any>} db
 * @param {{ isAdmin: boolean, teams: string[] }} staff
 * @param {unknown} reference
 */
export async function findVisible(db, staff, reference) {
  if (typeof reference !== 'string' || !REFERENCE_PATTERN.test(reference)) return undefined;
  return db
    .selectFrom('submissions as s')
    .select([...SUMMARY_COLUMNS, 's.envelope', 's.definition_hash'])
    .where('s.reference', '=', reference.toUpperCase())
    .where((eb) => visible(eb, staff))
    .executeTakeFirst();
}

/** The 404 every invisible or missing submission gets, word for word. */
export function notFound(reply, problem) {
  return problem(reply, 404, 'Not Found', {
    detail: 'There is no submission with this reference.',
  });
}
