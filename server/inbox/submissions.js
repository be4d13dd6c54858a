/**
 * The inbox's reading routes (all behind a session, all through the access rule):
 *
 *   GET /inbox/api/forms                       forms the person may see, with routing filters
 *                                              and whether they encrypt
 *   GET /inbox/api/submissions?<filters>       newest first, keyset pages, total (capped)
 *   GET /inbox/api/submissions/:reference      the detail; audit 'view', marks it read (not
 *                                              with ?search=1: the browser-side search)
 *
 * The changing routes are in ./actions.js, the export in ./export.js.
 */
import { getAtPointer, parsePointer } from '../../src/core/json-pointer.js';
import { problem, sendJson } from '../http.js';
import { summaryOf } from '../receiver.js';
import { summarizeSubmission } from '../staff-summary.js';
import { sealedOf } from '../encryption.js';
import { languageName } from '../summary-text.js';
import { findVisible, notFound, SUMMARY_COLUMNS } from './access.js';
import { listAnswers, translateDefinition } from './answers.js';
import { audit } from './audit.js';
import { formTitle } from './definitions.js';
import { requireStaff } from './index.js';
import { COUNT_CAP, countCapped, encodeCursor, filtered, page, parseFilters } from './query.js';
import { isoTime } from './time.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ useStorage: () => Promise<any>, useDefinitions: () => Promise<any> }} options
 */
export async function submissionsPlugin(app, { useStorage, useDefinitions }) {
  app.get('/api/forms', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const storage = await useStorage();
    const staff = request.staff;
    let grants = storage.db
      .selectFrom('team_forms')
      .select(['form_id', 'route_pointer', 'route_value']);
    if (!staff.isAdmin)
      grants = grants.where('team_id', 'in', staff.teams.length ? staff.teams : ['']);
    const rows = await grants.execute();
    const definitions = await (await useDefinitions()).latest();
    const formIds = new Set(rows.map((row) => row.form_id));
    if (staff.isAdmin) for (const id of definitions.keys()) formIds.add(id);

    const forms = [];
    for (const formId of [...formIds].sort()) {
      const definition = definitions.get(formId);
      const mine = rows.filter((row) => row.form_id === formId);
      const whole = staff.isAdmin || mine.some((row) => row.route_pointer === null);
      const pointers = [
        ...new Set(
          rows.filter((r) => r.form_id === formId && r.route_pointer).map((r) => r.route_pointer),
        ),
      ];
      const routes = [];
      for (const pointer of pointers.sort()) {
        let values;
        if (whole) {
          values =
            choicesAt(definition, pointer) ?? (await storedValues(storage.db, formId, pointer));
        } else {
          values = mine
            .filter((row) => row.route_pointer === pointer)
            .map((row) => row.route_value);
        }
        routes.push({
          pointer,
          title: schemaTitleAt(definition, pointer) ?? pointer,
          values: [...new Set(values)].sort(),
        });
      }
      forms.push({
        id: formId,
        title: formTitle(definition, formId),
        routes,
        // Its submissions are encrypted: the list says that its search covers only metadata.
        encrypted: Boolean(definition?.encryption),
      });
    }
    return sendJson(reply, 200, { forms });
  });

  app.get('/api/submissions', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const { filters, error } = parseFilters(request.query);
    if (error) return problem(reply, 400, 'Bad Request', { detail: error });
    const storage = await useStorage();
    const staff = request.staff;
    const matching = filtered(storage, staff, filters);
    const [rows, total, definitions] = await Promise.all([
      page(matching, filters)
        .select(SUMMARY_COLUMNS)
        .limit(filters.limit + 1)
        .execute(),
      countCapped(storage.db, matching),
      useDefinitions().then((d) => d.latest()),
    ]);
    const items = rows.slice(0, filters.limit);
    const references = items.map((row) => row.reference);
    const [routing, reads] = await Promise.all([
      routingOf(storage.db, references),
      references.length === 0
        ? []
        : storage.db
            .selectFrom('submission_reads')
            .select('reference')
            .where('user_name', '=', staff.name)
            .where('reference', 'in', references)
            .execute(),
    ]);
    const read = new Set(reads.map((row) => row.reference));
    const last = items.at(-1);
    return sendJson(reply, 200, {
      items: items.map((row) => ({
        reference: row.reference,
        formId: row.form_id,
        formTitle: formTitle(definitions.get(row.form_id), row.form_id),
        receivedAt: isoTime(row.received_at),
        status: row.status,
        unread: !read.has(row.reference),
        locale: row.locale,
        routing: routing.get(row.reference) ?? {},
        // The language of an encrypted submission is inside it: stored as "und".
        encrypted: row.locale === 'und',
      })),
      next:
        rows.length > filters.limit
          ? encodeCursor(isoTime(last.received_at), last.reference)
          : null,
      total: Math.min(total, COUNT_CAP),
      totalCapped: total > COUNT_CAP,
    });
  });

  app.get('/api/submissions/:reference', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const storage = await useStorage();
    const row = await findVisible(storage.db, request.staff, request.params.reference);
    if (!row) return notFound(reply, problem);
    const detail = await describe(storage, await useDefinitions(), row);
    // `?search=1`: the inbox's search inside encrypted submissions fetches many details to
    // decrypt them in the browser; that leaves them unread, and the audit says why it viewed.
    const search = request.query?.search === '1';
    if (!search) await markRead(storage.db, row.reference, request.staff.name);
    await audit(storage.db, {
      actor: request.staff.name,
      action: 'view',
      reference: row.reference,
      formId: row.form_id,
      ...(search ? { detail: { purpose: 'search in encrypted submissions' } } : {}),
    });
    return sendJson(reply, 200, detail);
  });
}

/**
 * The detail of one visible submission (row from findVisible()).
 *
 * @returns {Promise<object>} the contract's detail shape
 */
export async function describe(storage, definitions, row) {
  const envelope = JSON.parse(row.envelope);
  const definition = await definitions.byHash(row.definition_hash);
  const record = {
    reference: row.reference,
    definitionHash: row.definition_hash ?? undefined,
    envelope: row.envelope,
    receivedAt: isoTime(row.received_at),
  };
  const german = !row.locale || row.locale.split('-')[0].toLowerCase() === 'de';
  const table =
    german || !definition ? undefined : await definitions.translations(definition, row.locale);
  const translated = table && translateDefinition(definition, table);
  // An encrypted submission's answers are read and validated in the caseworker's browser only.
  const sealed = sealedOf(envelope) !== null;
  const { answers, attachments } = sealed
    ? { answers: [], attachments: [] }
    : listAnswers(definition, translated, envelope.data);
  const [summary, validation, notes, routing] = await Promise.all([
    summaryOf(storage, record),
    sealed ? { valid: true, errors: [] } : definitions.validate(row.definition_hash, envelope.data),
    storage.db
      .selectFrom('submission_notes')
      .select(['id', 'author', 'body', 'created_at'])
      .where('reference', '=', row.reference)
      .orderBy('id')
      .execute(),
    routingOf(storage.db, [row.reference]),
  ]);
  const base = `/inbox/api/submissions/${encodeURIComponent(row.reference)}`;
  return {
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: formTitle(definition, row.form_id),
    receivedAt: isoTime(row.received_at),
    submittedAt: row.submitted_at,
    status: row.status,
    statusChangedAt: isoTime(row.status_changed_at) ?? null,
    doneAt: isoTime(row.done_at) ?? null,
    locale: row.locale,
    localeName: languageName(row.locale),
    summary,
    original: translated
      ? summarizeSubmission(translated, envelope, {
          reference: row.reference,
          receivedAt: record.receivedAt,
        })
      : null,
    answers,
    attachments: attachments.map((file) => ({ ...file, url: `${base}/attachments/${file.index}` })),
    validation,
    notes: notes.map(noteOf),
    routing: routing.get(row.reference) ?? {},
    encrypted: envelopeEncryption(envelope),
  };
}

export function noteOf(row) {
  return { id: Number(row.id), author: row.author, at: isoTime(row.created_at), text: row.body };
}

/** An encrypted envelope's JWE and key id, else null (server/encryption.js). */
function envelopeEncryption(envelope) {
  const sealed = sealedOf(envelope);
  return sealed && { jwe: sealed.jwe, kid: sealed.kid ?? null };
}

async function markRead(db, reference, userName) {
  await db
    .insertInto('submission_reads')
    .values({ reference, user_name: userName, read_at: new Date().toISOString() })
    .onConflict((oc) =>
      oc.columns(['reference', 'user_name']).doUpdateSet({ read_at: new Date().toISOString() }),
    )
    .execute();
}

/** reference → { pointer: value } */
async function routingOf(db, references) {
  const map = new Map();
  if (references.length === 0) return map;
  const rows = await db
    .selectFrom('submission_routing')
    .select(['reference', 'pointer', 'value'])
    .where('reference', 'in', references)
    .execute();
  for (const row of rows) {
    if (!map.has(row.reference)) map.set(row.reference, {});
    map.get(row.reference)[row.pointer] = row.value;
  }
  return map;
}

/** The schema node that answers at `pointer` (/kommune → schema.properties.kommune). */
function schemaAt(definition, pointer) {
  let node = definition?.schema;
  try {
    for (const token of parsePointer(pointer)) {
      if (node?.$ref?.startsWith('#')) node = getAtPointer(definition.schema, node.$ref.slice(1));
      node = node?.properties?.[token] ?? node?.items;
    }
  } catch {
    return undefined;
  }
  return node;
}

function schemaTitleAt(definition, pointer) {
  const title = schemaAt(definition, pointer)?.title;
  return typeof title === 'string' ? title : undefined;
}

/** The values a choice question offers (`enum` or `oneOf` consts), or undefined. */
function choicesAt(definition, pointer) {
  const node = schemaAt(definition, pointer);
  if (Array.isArray(node?.enum)) return node.enum.map(String);
  if (Array.isArray(node?.oneOf) && node.oneOf.every((entry) => 'const' in (entry ?? {}))) {
    return node.oneOf.map((entry) => String(entry.const));
  }
  return undefined;
}

async function storedValues(db, formId, pointer) {
  const rows = await db
    .selectFrom('submission_routing as r')
    .innerJoin('submissions as s', 's.reference', 'r.reference')
    .select('r.value')
    .distinct()
    .where('r.pointer', '=', pointer)
    .where('s.form_id', '=', formId)
    .limit(500)
    .execute();
  return rows.map((row) => row.value);
}
