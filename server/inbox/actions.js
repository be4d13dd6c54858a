/**
 * The inbox's changing routes and the attachment download, each through the access rule (an
 * invisible submission is a 404 like a missing one) and each in the audit log:
 *
 *   POST   /inbox/api/submissions/:reference/unread           → 204
 *   PATCH  /inbox/api/submissions/:reference { status }        → the detail
 *   POST   /inbox/api/submissions/:reference/notes { text }    → 201 { id, author, at, text }
 *   DELETE /inbox/api/submissions/:reference                   → 204, attachments with it
 *   GET    /inbox/api/submissions/:reference/attachments/:index → the file, as a download
 */
import { problem, sendJson } from '../http.js';
import { findVisible, notFound } from './access.js';
import { attachmentAt } from './answers.js';
import { audit } from './audit.js';
import { readJson, requireStaff } from './index.js';
import { STATUSES } from './query.js';
import { describe, noteOf } from './submissions.js';

const NOTE_LIMIT = 10_000;

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ useStorage: () => Promise<any>, useDefinitions: () => Promise<any> }} options
 */
export async function actionsPlugin(app, { useStorage, useDefinitions }) {
  /** The visible submission of the route, or undefined after answering 401/404. */
  async function target(request, reply) {
    if (!requireStaff(request, reply)) return undefined;
    const storage = await useStorage();
    const row = await findVisible(storage.db, request.staff, request.params.reference);
    if (!row) notFound(reply, problem);
    return row && { storage, row };
  }

  app.post('/api/submissions/:reference/unread', async (request, reply) => {
    const found = await target(request, reply);
    if (!found) return reply;
    const { storage, row } = found;
    await storage.db
      .deleteFrom('submission_reads')
      .where('reference', '=', row.reference)
      .where('user_name', '=', request.staff.name)
      .execute();
    await audit(storage.db, {
      actor: request.staff.name,
      action: 'unread',
      reference: row.reference,
      formId: row.form_id,
    });
    return reply.code(204).send();
  });

  app.patch('/api/submissions/:reference', async (request, reply) => {
    const found = await target(request, reply);
    if (!found) return reply;
    const { storage, row } = found;
    const body = await readJson(request);
    if (!STATUSES.includes(body?.status)) {
      return problem(reply, 400, 'Bad Request', {
        detail: `Send { "status": ${STATUSES.map((s) => `"${s}"`).join(' | ')} }.`,
      });
    }
    const now = new Date().toISOString();
    if (body.status !== row.status) {
      await storage.db
        .updateTable('submissions')
        .set({
          status: body.status,
          status_changed_at: now,
          done_at: body.status === 'done' ? now : null,
        })
        .where('reference', '=', row.reference)
        .execute();
      await audit(storage.db, {
        actor: request.staff.name,
        action: 'status',
        reference: row.reference,
        formId: row.form_id,
        detail: { from: row.status, to: body.status },
      });
    }
    const fresh = await findVisible(storage.db, request.staff, row.reference);
    return sendJson(reply, 200, await describe(storage, await useDefinitions(), fresh));
  });

  app.post('/api/submissions/:reference/notes', async (request, reply) => {
    const found = await target(request, reply);
    if (!found) return reply;
    const { storage, row } = found;
    const body = await readJson(request);
    const text = typeof body?.text === 'string' ? body.text.trim() : '';
    if (text === '' || text.length > NOTE_LIMIT) {
      return problem(reply, 400, 'Bad Request', {
        detail: `Send { "text": "…" } of 1 to ${NOTE_LIMIT} characters.`,
      });
    }
    const note = await storage.db
      .insertInto('submission_notes')
      .values({
        reference: row.reference,
        author: request.staff.name,
        body: text,
        created_at: new Date().toISOString(),
      })
      .returning(['id', 'author', 'body', 'created_at'])
      .executeTakeFirstOrThrow();
    // The note's id, never its text: the audit log holds no content.
    await audit(storage.db, {
      actor: request.staff.name,
      action: 'note',
      reference: row.reference,
      formId: row.form_id,
      detail: { note: Number(note.id) },
    });
    return sendJson(reply, 201, noteOf(note));
  });

  app.delete('/api/submissions/:reference', async (request, reply) => {
    const found = await target(request, reply);
    if (!found) return reply;
    const { storage, row } = found;
    await deleteSubmission(storage, row.reference);
    await audit(storage.db, {
      actor: request.staff.name,
      action: 'delete',
      reference: row.reference,
      formId: row.form_id,
    });
    return reply.code(204).send();
  });

  app.get('/api/submissions/:reference/attachments/:index', async (request, reply) => {
    const found = await target(request, reply);
    if (!found) return reply;
    const { storage, row } = found;
    const index = /^(0|[1-9]\d{0,3})$/.test(request.params.index)
      ? Number(request.params.index)
      : -1;
    const file = index < 0 ? undefined : attachmentAt(JSON.parse(row.envelope).data, index);
    if (!file)
      return problem(reply, 404, 'Not Found', {
        detail: 'This submission has no such attachment.',
      });
    await audit(storage.db, {
      actor: request.staff.name,
      action: 'view',
      reference: row.reference,
      formId: row.form_id,
      detail: { attachment: index },
    });
    return reply
      .code(200)
      .headers({
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': contentDisposition(file.name),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': 'sandbox',
        'Cache-Control': 'no-store',
      })
      .send(file.bytes);
  });
}

/**
 * Deletes a submission with everything that hangs on it: its answers and files (they live in
 * the envelope), routing, reads, notes (ON DELETE CASCADE) and its search text (an FTS5 table in
 * SQLite has no foreign keys). The retention job uses it too.
 */
export async function deleteSubmission(storage, reference) {
  await storage.db.deleteFrom('submission_search').where('reference', '=', reference).execute();
  await storage.db.deleteFrom('submissions').where('reference', '=', reference).execute();
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266): the ASCII fallback for old
 * clients with everything but letters, digits and `._-` replaced, the full name percent-encoded.
 */
export function contentDisposition(name) {
  const safe =
    String(name)
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .slice(0, 200) || 'Datei';
  const ascii =
    safe
      .normalize('NFKD')
      .replace(/[^\w.\- ]/g, '_')
      .replace(/^\.+/, '_') || 'Datei';
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
