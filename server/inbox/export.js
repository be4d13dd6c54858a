/**
 * GET /inbox/api/export?format=csv|xlsx|json&<list filters> — the filtered selection (what the
 * person may see and the filters ask for, newest first, at most EXPORT_LIMIT) as a download.
 * One row per submission: reference, form, times, status, language, routing answers, then one
 * column per answer label (German), files by name and size only. Audit 'export' with the format,
 * the count and the references, never the content.
 *
 * Spreadsheet programs run cells that start with = + - @ (and TAB or CR before them) as
 * formulas ("CSV injection"). In CSV such a cell gets a leading apostrophe (the rule and the
 * table are src/core/export-table.js, which the inbox's browser-side export of decrypted
 * submissions uses too); in XLSX every cell is written as a string cell, never evaluated.
 */
import writeXlsxFile from 'write-excel-file/node';
import { csvText, toTable } from '../../src/core/export-table.js';
import { problem, sendJson } from '../http.js';
import { listAnswers } from './answers.js';
import { audit } from './audit.js';
import { formTitle } from './definitions.js';
import { requireStaff } from './index.js';
import { countCapped, filtered, page, parseFilters } from './query.js';
import { isoTime } from './time.js';

/** A larger selection is refused (narrow the filters): the export is built in memory. */
export const EXPORT_LIMIT = 5000;
const BATCH = 200;
const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ useStorage: () => Promise<any>, useDefinitions: () => Promise<any> }} options
 */
export async function exportPlugin(app, { useStorage, useDefinitions }) {
  app.get('/api/export', async (request, reply) => {
    if (!requireStaff(request, reply)) return reply;
    const format = request.query?.format ?? 'csv';
    if (!Object.hasOwn(FORMATS, format)) {
      return problem(reply, 400, 'Bad Request', { detail: 'format must be csv, xlsx or json.' });
    }
    const { filters, error } = parseFilters({
      ...request.query,
      cursor: undefined,
      limit: undefined,
    });
    if (error) return problem(reply, 400, 'Bad Request', { detail: error });
    const storage = await useStorage();
    const definitions = await useDefinitions();
    const matching = filtered(storage, request.staff, filters);
    if ((await countCapped(storage.db, matching)) > EXPORT_LIMIT) {
      return problem(reply, 413, 'Content Too Large', {
        detail: `More than ${EXPORT_LIMIT} submissions match; narrow the filters.`,
      });
    }
    // In batches, keyset-paged like the list: only one batch of envelopes (which hold the
    // files) is in memory at a time; each becomes its answers without file content.
    const records = [];
    let cursor;
    for (;;) {
      const rows = await page(matching, { cursor })
        .select([
          's.reference',
          's.form_id',
          's.form_version',
          's.locale',
          's.submitted_at',
          's.received_at',
          's.status',
          's.envelope',
          's.definition_hash',
        ])
        .limit(BATCH)
        .execute();
      const routing = await routingRows(
        storage.db,
        rows.map((row) => row.reference),
      );
      for (const row of rows) {
        const definition = await definitions.byHash(row.definition_hash);
        const { answers } = listAnswers(definition, undefined, JSON.parse(row.envelope).data);
        records.push({
          reference: row.reference,
          formId: row.form_id,
          formTitle: formTitle(definition, row.form_id),
          formVersion: row.form_version,
          receivedAt: isoTime(row.received_at),
          submittedAt: row.submitted_at,
          status: row.status,
          locale: row.locale,
          routing: routing.get(row.reference) ?? {},
          answers,
        });
      }
      if (rows.length < BATCH || records.length >= EXPORT_LIMIT) break;
      const last = rows.at(-1);
      cursor = [isoTime(last.received_at), last.reference];
    }
    await audit(storage.db, {
      actor: request.staff.name,
      action: 'export',
      detail: { format, count: records.length, references: records.map((r) => r.reference) },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    const headers = {
      'Content-Disposition': `attachment; filename="eingang-${stamp}.${format}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (format === 'json') {
      return sendJson(
        reply,
        200,
        { items: records },
        { headers: { ...headers, 'Content-Type': FORMATS.json } },
      );
    }
    const table = toTable(records);
    const body =
      format === 'csv'
        ? csvText(table)
        : await writeXlsxFile(
            table.map((line) => line.map((value) => ({ type: String, value }))),
          ).toBuffer();
    return reply
      .code(200)
      .headers({ ...headers, 'Content-Type': FORMATS[format] })
      .send(body);
  });
}

// The shared rule, exported here as before.
export { csvCell, neutralise, toTable } from '../../src/core/export-table.js';

async function routingRows(db, references) {
  const map = new Map();
  for (let i = 0; i < references.length; i += 500) {
    const rows = await db
      .selectFrom('submission_routing')
      .select(['reference', 'pointer', 'value'])
      .where('reference', 'in', references.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      if (!map.has(row.reference)) map.set(row.reference, {});
      map.get(row.reference)[row.pointer] = row.value;
    }
  }
  return map;
}
