/**
 * Who sees a submission, for the service's own needs: which teams get the new-request e-mail. The rule is the inbox contract's access rule:
 * an administrator sees everything; a team sees a submission when it has a `team_forms` row for
 * the submission's form with no routing pointer, or with a pointer whose answer in the envelope
 * equals the row's value.
 *
 * The answer is read from the envelope here rather than from `submission_routing`, because the
 * notice goes out right after the row is stored, and the routing rows are copied out of that
 * same envelope. server/inbox/access.js (the inbox's routes, the deliveries list included) is
 * the authority for what a signed-in person sees.
 */
import { getAtPointer } from '../../src/core/json-pointer.js';

/**
 * Whether one `team_forms` row grants a submission with these answers.
 *
 * @param {{ route_pointer: string | null, route_value: string | null }} rule
 * @param {unknown} data the envelope's `data`
 */
export function ruleGrants(rule, data) {
  if (rule.route_pointer === null || rule.route_pointer === undefined) return true;
  let answer;
  try {
    answer = getAtPointer(data, rule.route_pointer);
  } catch {
    return false;
  }
  if (!['string', 'number', 'boolean'].includes(typeof answer)) return false;
  return String(answer) === rule.route_value;
}

/**
 * The teams that see a new submission, each once, with their notice address (may be null).
 *
 * @param {import('kysely').Kysely<any>} db
 * @param {{ formId: string, data: unknown }} submission
 * @returns {Promise<Array<{ id: string, email: string | null }>>}
 */
export async function teamsSeeing(db, { formId, data }) {
  const rules = await db
    .selectFrom('team_forms')
    .innerJoin('teams', 'teams.id', 'team_forms.team_id')
    .select(['teams.id as id', 'teams.email as email', 'route_pointer', 'route_value'])
    .where('form_id', '=', formId)
    .orderBy('teams.id')
    .execute();
  const seen = new Map();
  for (const rule of rules) {
    if (!seen.has(rule.id) && ruleGrants(rule, data)) {
      seen.set(rule.id, { id: rule.id, email: rule.email ?? null });
    }
  }
  return [...seen.values()];
}
