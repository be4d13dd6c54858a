/**
 * Downloads of a submission decrypted in the browser, as JSON and CSV: made here as a Blob and
 * saved through a temporary link; nothing of it goes to the server. The same record shape and
 * the same table as the receiver's export of plain submissions (server/inbox/export.js), with
 * cells that a spreadsheet would run as formulas neutralised by the same rule
 * (src/core/export-table.js). Files are listed by name and size only, as there.
 */
import { csvText, toTable } from '../core/export-table.js';
import type { Detail } from './api.js';
import type { DecryptedAnswers } from './decrypted-answers.js';

/** One exported record: the server's export record of a plain submission. */
export interface DecryptedRecord {
  reference: string;
  formId: string;
  formTitle: string;
  formVersion: string | null;
  receivedAt: string;
  submittedAt: string | null;
  status: string;
  locale: string | null;
  routing: Record<string, unknown>;
  answers: Array<{ pointer: string; label: string; value: string }>;
}

/** The export record of `detail` with its decrypted answers. */
export function recordOf(detail: Detail, opened: DecryptedAnswers, locale?: string) {
  return {
    reference: detail.reference,
    formId: detail.formId,
    formTitle: detail.formTitle,
    formVersion: detail.formVersion ?? null,
    receivedAt: detail.receivedAt,
    submittedAt: detail.submittedAt ?? null,
    status: detail.status,
    locale: locale ?? detail.locale ?? null,
    routing: detail.routing ?? {},
    answers: opened.answers,
  } satisfies DecryptedRecord;
}

/** The JSON export (`{ items }`, as GET /inbox/api/export?format=json answers). */
export function jsonBlob(records: DecryptedRecord[]): Blob {
  return new Blob([JSON.stringify({ items: records }, null, 2)], {
    type: 'application/json;charset=utf-8',
  });
}

/** The CSV export: semicolons, a byte order mark, formulas neutralised. */
export function csvBlob(records: DecryptedRecord[]): Blob {
  return new Blob([csvText(toTable(records))], { type: 'text/csv;charset=utf-8' });
}

/**
 * Saves `blob` as `name`: a link to a blob URL of this origin (the inbox's CSP allows it),
 * clicked and removed; the URL is revoked once the browser has taken the file.
 */
export function saveBlob(blob: Blob, name: string, near: Element): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  (near.shadowRoot ?? near).append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
