/**
 * The audit log: who did what to which submission, when. Kept in its own table (`audit_log`),
 * apart from the submissions, and never with a submission's content: `detail` holds what kind
 * of change it was (a status, an export's format and count), not what anybody wrote.
 *
 * Actions: sign-in, sign-in-failed, sign-out, view, export, status, note, delete,
 * retention-delete, unread.
 *
 *   GET /inbox/api/audit?reference=&actor=&action=&cursor=&limit=   administrators only
 *     → { items: [{ at, actor, action, reference, detail }], next }
 */
import { problem, sendJson } from '../http.js';
import { requireStaff } from './index.js';
import { isoTime } from './time.js';

export const AUDIT_ACTIONS = Object.freeze([
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'view',
  'export',
  'status',
  'note',
  'delete',
  'retention-delete',
  'unread',
]);

/**
 * Writes one audit entry.
 *
 * @param {import('kysely').Kysely<any>} db the storage's `db`
 * @param {{ actor: string, action: string, reference?: string | null, formId?: string | null,
 *   detail?: object | null, at?: string }} entry `detail` is stored as JSON; never put answers,
 *   notes or names of applicants in it
 */
export async function audit(
  db,
  { actor, action, reference = null, formId = null, detail = null, at },
) {
  if (!AUDIT_ACTIONS.includes(action)) throw new Error(`unknown audit action: ${action}`);
  await db
    .insertInto('audit_log')
    .values({
      at: at ?? new Date().toISOString(),
      actor: String(actor),
      action,
      reference,
      form_id: formId,
      detail: detail === null || detail === undefined ? null : JSON.stringify(detail),
    })
    .execute();
}

const PAGE = 100;

/**
 * Fastify plugin: GET /api/audit for administrators.
 *
 * @param {import('fastify').FastifyInstance} app
 * @param {{ useStorage: () => Promise<any> }} options
 */
export async function auditPlugin(app, { useStorage }) {
  app.get('/api/audit', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    if (!request.staff.isAdmin) {
      return problem(reply, 403, 'Forbidden', {
        detail: 'Only administrators read the audit log.',
      });
    }
    const { db } = await useStorage();
    const query = request.query ?? {};
    const text = (name) =>
      typeof query[name] === 'string' && query[name] !== '' ? query[name] : undefined;
    const limit = Math.min(Math.max(Number(text('limit')) || PAGE, 1), 500);
    const cursor = Number(text('cursor'));
    let select = db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (text('reference')) select = select.where('reference', '=', text('reference').toUpperCase());
    if (text('actor')) select = select.where('actor', '=', text('actor'));
    if (text('action')) select = select.where('action', '=', text('action'));
    if (Number.isSafeInteger(cursor) && cursor > 0) select = select.where('id', '<', cursor);
    const rows = await select.execute();
    const page = rows.slice(0, limit);
    return sendJson(reply, 200, {
      items: page.map((row) => ({
        id: Number(row.id),
        at: isoTime(row.at),
        actor: row.actor,
        action: row.action,
        reference: row.reference,
        formId: row.form_id,
        detail: row.detail === null ? null : JSON.parse(row.detail),
      })),
      next: rows.length > limit ? String(page.at(-1).id) : null,
    });
  });
}
