/**
 * Writes one audit-log row for the service's own actions (retention). A stand-in with the same
 * meaning as server/inbox/audit.js's `audit()` (the inbox's routes); the lead may route this
 * through it. `detail` never holds submission content.
 *
 * @param {import('kysely').Kysely<any>} db
 * @param {{ at?: string, actor: string, action: string, reference?: string, formId?: string,
 *   detail?: string }} entry
 */
export async function writeAudit(db, { at, actor, action, reference, formId, detail }) {
  await db
    .insertInto('audit_log')
    .values({
      at: at ?? new Date().toISOString(),
      actor,
      action,
      reference: reference ?? null,
      form_id: formId ?? null,
      detail: detail ?? null,
    })
    .execute();
}
