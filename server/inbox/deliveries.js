/**
 * The inbox's view of webhook deliveries (./webhooks.js), for signed-in staff. Administrators
 * see every delivery; others only those of submissions they may see (./audience.js).
 *
 *   GET  /inbox/api/deliveries?state=failed|pending|delivered&reference=&before=<id>&limit=50
 *        → { items: [delivery…], next: <id for `before`> | null }   newest first
 *   POST /inbox/api/deliveries/:id/retry
 *        → 200 delivery (after one try right away); 404 when not there or not visible,
 *          409 when delivered already
 */
import { problem, sendJson } from '../http.js';
import { requireStaff } from './index.js';
import { rulesOf, staffMaySee } from './audience.js';
import { describeDelivery } from './webhooks.js';

const STATES = new Set(['pending', 'delivered', 'failed']);

/**
 * Fastify plugin, registered by ./index.js.
 *
 * @param {import('fastify').FastifyInstance} app
 * @param {{ useStorage: () => Promise<object>, background?: { webhooks?: object } }} options
 */
export async function deliveriesPlugin(app, options) {
  const { useStorage } = options;

  app.get('/api/deliveries', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const { state, reference, before } = request.query;
    if (state !== undefined && !STATES.has(state)) {
      return problem(reply, 400, 'Bad Request', {
        detail: 'state is one of pending, delivered, failed.',
      });
    }
    const limit = Math.min(Math.max(Number(request.query.limit) || 50, 1), 200);
    const { db } = await useStorage();
    const rules = await rulesOf(db, request.staff);
    const items = [];
    let cursor = Number(before) > 0 ? Number(before) : undefined;
    // Reads in pages and filters by what the person may see, until the page is full.
    for (;;) {
      let query = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('submissions as s', 's.reference', 'd.reference')
        .selectAll('d')
        .orderBy('d.id', 'desc')
        .limit(limit);
      // The answers decide for routed teams only; an administrator's list needs no envelopes.
      if (rules !== null) query = query.select('s.envelope');
      if (state) query = query.where('d.state', '=', state);
      if (typeof reference === 'string' && reference) {
        query = query.where('d.reference', '=', reference.toUpperCase());
      }
      if (cursor !== undefined) query = query.where('d.id', '<', cursor);
      const rows = await query.execute();
      for (const row of rows) {
        if (visible(rules, row)) items.push(describeDelivery(row));
        if (items.length === limit) break;
      }
      if (items.length === limit || rows.length < limit) break;
      cursor = Number(rows.at(-1).id);
    }
    const next = items.length === limit ? items.at(-1).id : null;
    return sendJson(reply, 200, { items, next });
  });

  app.post('/api/deliveries/:id/retry', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const notFound = () =>
      problem(reply, 404, 'Not Found', { detail: 'There is no delivery with this id.' });
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id < 1) return notFound();
    const { db } = await useStorage();
    const find = () =>
      db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('submissions as s', 's.reference', 'd.reference')
        .selectAll('d')
        .select('s.envelope')
        .where('d.id', '=', id)
        .executeTakeFirst();
    const row = await find();
    if (!row || !visible(await rulesOf(db, request.staff), row)) return notFound();
    if (row.state === 'delivered') {
      return problem(reply, 409, 'Conflict', { detail: 'This delivery has arrived already.' });
    }
    const webhooks = options.background?.webhooks;
    if (!webhooks) {
      return problem(reply, 409, 'Conflict', {
        detail: 'No webhook is configured any more; nothing can be sent.',
      });
    }
    await webhooks.retry(id);
    return sendJson(reply, 200, describeDelivery(await find()));
  });
}

function visible(rules, row) {
  let data;
  if (rules !== null) {
    try {
      data = JSON.parse(row.envelope).data;
    } catch {
      return false;
    }
  }
  return staffMaySee(rules, { formId: row.form_id, data });
}
