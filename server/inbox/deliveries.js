/**
 * The inbox's view of what the service sends on after a submission is stored, for signed-in
 * staff: webhook deliveries (`kind=webhook`, ./webhooks.js) and new-request e-mails
 * (`kind=email`, ./notify.js), both rows of the outbox of ./outbox.js. Who sees a row is the
 * inbox's one access rule (./access.js) applied to the row's submission: administrators see
 * every row; others only those of submissions they may see.
 *
 *   GET  /inbox/api/deliveries?kind=webhook|email&state=failed|pending|delivered
 *        &reference=&before=<id>&limit=50
 *        → { items: [delivery…], next: <id for `before`> | null }   newest first
 *   GET  /inbox/api/deliveries/count?state=failed
 *        → { state, webhook: n, email: n }   (for the list page's hint)
 *   POST /inbox/api/deliveries/:id/retry?kind=webhook|email
 *        → 200 delivery (after one try right away); 404 when not there or not visible,
 *          409 when delivered already or nothing is configured to send it
 *
 * A delivery names its target by host only (a webhook's URL may carry a token; an e-mail's
 * address names a team, and its local part is nobody's business here): `target` is the
 * webhook URL's host or the address's domain. An error text is cleaned the same way.
 */
import { problem, sendJson } from '../http.js';
import { requireStaff } from './index.js';
import { visible } from './access.js';
import { isoTime } from './time.js';

const STATES = new Set(['pending', 'delivered', 'failed']);

/** The two kinds: their table, the column that names the target, and their sender. */
const KINDS = {
  webhook: {
    table: 'webhook_deliveries',
    column: 'url',
    target: hostOf,
    sender: (background) => background?.webhooks,
    unconfigured: 'No webhook is configured any more; nothing can be sent.',
  },
  email: {
    table: 'notice_deliveries',
    column: 'recipient',
    target: domainOf,
    sender: (background) => background?.notices,
    unconfigured: 'No SMTP server is configured any more; nothing can be sent.',
  },
};

/**
 * Fastify plugin, registered by ./index.js.
 *
 * @param {import('fastify').FastifyInstance} app
 * @param {{ useStorage: () => Promise<object>, background?: { webhooks?: object,
 *   notices?: object } }} options
 */
export async function deliveriesPlugin(app, options) {
  const { useStorage } = options;

  /** The kind asked for (default webhook); undefined after answering 400. */
  function kindOf(request, reply) {
    const { kind = 'webhook' } = request.query;
    if (typeof kind === 'string' && Object.hasOwn(KINDS, kind)) {
      return { name: kind, ...KINDS[kind] };
    }
    problem(reply, 400, 'Bad Request', { detail: 'kind is webhook or email.' });
    return undefined;
  }

  function badState(reply) {
    return problem(reply, 400, 'Bad Request', {
      detail: 'state is one of pending, delivered, failed.',
    });
  }

  /** The rows of one kind that `staff` may see (joined to their submission as `s`). */
  function rowsOf(db, kind, staff) {
    return db
      .selectFrom(`${kind.table} as d`)
      .innerJoin('submissions as s', 's.reference', 'd.reference')
      .where((eb) => visible(eb, staff));
  }

  app.get('/api/deliveries', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const kind = kindOf(request, reply);
    if (!kind) return reply;
    const { state, reference, before } = request.query;
    if (state !== undefined && !STATES.has(state)) return badState(reply);
    const limit = Math.min(Math.max(Number(request.query.limit) || 50, 1), 200);
    const { db } = await useStorage();
    let query = rowsOf(db, kind, request.staff).selectAll('d').orderBy('d.id', 'desc').limit(limit);
    if (state) query = query.where('d.state', '=', state);
    if (typeof reference === 'string' && reference) {
      query = query.where('d.reference', '=', reference.toUpperCase());
    }
    if (Number(before) > 0) query = query.where('d.id', '<', Number(before));
    const items = (await query.execute()).map((row) => describe(kind, row));
    const next = items.length === limit ? items.at(-1).id : null;
    return sendJson(reply, 200, { items, next });
  });

  app.get('/api/deliveries/count', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const { state = 'failed' } = request.query;
    if (!STATES.has(state)) return badState(reply);
    const { db } = await useStorage();
    const counts = { state };
    for (const [name, kind] of Object.entries(KINDS)) {
      const row = await rowsOf(db, kind, request.staff)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('d.state', '=', state)
        .executeTakeFirst();
      counts[name] = Number(row?.n ?? 0);
    }
    return sendJson(reply, 200, counts);
  });

  app.post('/api/deliveries/:id/retry', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const kind = kindOf(request, reply);
    if (!kind) return reply;
    const notFound = () =>
      problem(reply, 404, 'Not Found', { detail: 'There is no delivery with this id.' });
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id < 1) return notFound();
    const { db } = await useStorage();
    const find = () =>
      rowsOf(db, kind, request.staff).selectAll('d').where('d.id', '=', id).executeTakeFirst();
    const row = await find();
    if (!row) return notFound();
    if (row.state === 'delivered') {
      return problem(reply, 409, 'Conflict', { detail: 'This delivery has arrived already.' });
    }
    const sender = kind.sender(options.background);
    if (!sender) {
      return problem(reply, 409, 'Conflict', {
        type: 'urn:intake-elements:problem:no-sender',
        detail: kind.unconfigured,
      });
    }
    await sender.retry(id);
    return sendJson(reply, 200, describe(kind, await find()));
  });
}

/** A row as the inbox shows it: its target by host or domain only, never a secret or address. */
function describe(kind, row) {
  const secret = row[kind.column];
  const target = kind.target(secret);
  let lastError = row.last_error ?? null;
  // An error text may quote the URL or the address (a refused recipient): name the target only.
  if (lastError && secret) {
    lastError = lastError.split(secret).join(kind.name === 'email' ? `…@${target}` : target);
  }
  if (lastError) lastError = lastError.replace(/[^\s<>"'@]+@([^\s<>"'@]+)/g, '…@$1');
  return {
    id: Number(row.id),
    kind: kind.name,
    reference: row.reference,
    formId: row.form_id,
    target,
    state: row.state,
    attempts: Number(row.attempts),
    lastStatus: row.last_status ?? null,
    lastError,
    createdAt: isoTime(row.created_at),
    lastAttemptAt: isoTime(row.last_attempt_at) ?? null,
    nextAttemptAt: isoTime(row.next_attempt_at) ?? null,
    deliveredAt: isoTime(row.delivered_at) ?? null,
  };
}

/** A URL's host (with its port), or '–' when it is not a URL. */
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return '–';
  }
}

/** An address's domain. */
function domainOf(address) {
  const at = String(address ?? '').lastIndexOf('@');
  return at >= 0 ? String(address).slice(at + 1) : '–';
}
