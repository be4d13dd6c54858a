/**
 * The audit log: who did what to which submission, when. Never the submission's content: the
 * `detail` is a short object or text about the action (a status, a reason, a count).
 *
 * Minimal version from the sign-in work; the inbox API's version is the one that stays.
 */

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {{ actor: string, action: string, reference?: string | null,
 *   detail?: string | object | null }} entry
 */
export async function audit(db, { actor, action, reference = null, detail = null }) {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor,
      action,
      reference,
      detail: detail === null || typeof detail === 'string' ? detail : JSON.stringify(detail),
    })
    .execute();
}
