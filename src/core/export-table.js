/**
 * The table of an export of submissions, shared by the receiver's export (server/inbox/export.js)
 * and the inbox's export of decrypted submissions in the browser (src/inbox/decrypted-export.ts):
 * both write the same columns and neutralise cells the same way. Plain JavaScript with no
 * imports, so that Node and the browser bundle use this one file.
 *
 * Spreadsheet programs run cells that start with = + - @ (and TAB or CR before them) as
 * formulas ("CSV injection"). In CSV such a cell gets a leading apostrophe.
 */

/**
 * @typedef {{ reference: string, formTitle: string, receivedAt?: string | null,
 *   submittedAt?: string | null, status?: string, locale?: string | null,
 *   routing: Record<string, unknown>, answers: Array<{ label: string, value: string }> }} ExportRecord
 */

/**
 * Header row and one row of strings per record; answer columns in order of first appearance.
 *
 * @param {ExportRecord[]} records
 * @returns {unknown[][]}
 */
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

/**
 * A leading apostrophe before what a spreadsheet would run as a formula.
 *
 * @param {unknown} value
 * @returns {string}
 */
export function neutralise(value) {
  const text = String(value ?? '');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell: neutralised, always quoted, quotes doubled.
 *
 * @param {unknown} value
 * @returns {string}
 */
export function csvCell(value) {
  return `"${neutralise(value).replace(/"/g, '""')}"`;
}

/**
 * A whole CSV file (semicolons, CRLF), with a byte order mark so that spreadsheet programs read
 * UTF-8 (umlauts, Arabic).
 *
 * @param {unknown[][]} table
 * @returns {string}
 */
export function csvText(table) {
  return `\uFEFF${table.map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
