/**
 * GET /inbox/api/export?format=csv|xlsx|json&<list filters> — the filtered selection (what the
 * person may see and the filters ask for, newest first, at most EXPORT_LIMIT) as a download.
 * One row per submission: reference, form, times, status, language, routing answers, then one
 * column per answer label (German), files by name and size only. Audit 'export' with the format,
 * the count and the references, never the content.
 *
 * Spreadsheet programs run cells that start with = + - @ (and TAB or CR before them) as
 * formulas ("CSV injection"). In CSV such a cell gets a leading apostrophe; in XLSX every cell
 * is written as a string cell, which is never evaluated.
 */
import writeXlsxFile from 'write-excel-file/node';
import { problem, sendJson } from '../http.js';
import { listAnswers } from './answers.js';
import { audit } from './audit.js';
import { formTitle } from './definitions.js';
import { requireStaff } from './index.js';
import { filtered, page, parseFilters } from './query.js';
import { isoTime } from './time.js';

/** A larger selection is refused (narrow the filters): the export is built in memory. */
export const EXPORT_LIMIT = 5000;
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
    const rows = await page(filtered(storage, request.staff, filters), filters)
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
      .limit(EXPORT_LIMIT + 1)
      .execute();
    if (rows.length > EXPORT_LIMIT) {
      return problem(reply, 413, 'Content Too Large', {
        detail: `More than ${EXPORT_LIMIT} submissions match; narrow the filters.`,
      });
    }
    const routing = await routingRows(
      storage.db,
      rows.map((row) => row.reference),
    );
    const records = [];
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
        ? // A byte order mark, so that spreadsheet programs read UTF-8 (umlauts, Arabic).
          `\uFEFF${table.map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`
        : await writeXlsxFile(
            table.map((line) => line.map((value) => ({ type: String, value }))),
          ).toBuffer();
    return reply
      .code(200)
      .headers({ ...headers, 'Content-Type': FORMATS[format] })
      .send(body);
  });
}

/** Header row and one row of strings per record; answer columns in order of first appearance. */
export function toTable(records) {
  const routePointers = [...new Set(records.flatMap((r) => Object.keys(r.routing)))].sort();
  const labels = [];
  const seen = new Set();
  for (const record of records) {
    for (const answer of record.answers) {
      if (!seen.has(answer.label)) {
        seen.add(answer.label);
        labels.push(answer.label);
      }
    }
  }
  const header = [
    'Aktenzeichen',
    'Formular',
    'Eingang',
    'Gesendet',
    'Status',
    'Sprache',
    ...routePointers,
    ...labels,
  ];
  const lines = records.map((record) => {
    const values = new Map(record.answers.map((answer) => [answer.label, answer.value]));
    return [
      record.reference,
      record.formTitle,
      record.receivedAt,
      record.submittedAt,
      record.status,
      record.locale,
      ...routePointers.map((pointer) => record.routing[pointer] ?? ''),
      ...labels.map((label) => values.get(label) ?? ''),
    ];
  });
  return [header, ...lines];
}

/** A leading apostrophe before what a spreadsheet would run as a formula. */
export function neutralise(value) {
  const text = String(value ?? '');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: neutralised, always quoted, quotes doubled. */
export function csvCell(value) {
  return `"${neutralise(value).replace(/"/g, '""')}"`;
}

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
