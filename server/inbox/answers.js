/**
 * One submission's answers as a flat list for the inbox's detail view and export: each value
 * with its pointer, its German label and value (the definition's source language) and, when the
 * person used another language, the label and value they saw (the definition's translations).
 * Files are listed apart as attachments, by name, type and size, never by content. The walk is
 * src/core/answer-walk.js, shared with the browser's reading of decrypted submissions; the
 * wording of values is the staff summary's (../summary-text.js).
 *
 * The German staff summary (../staff-summary.js) remains the authority on which questions were
 * asked; this list is the plain walk of the data with the schema's titles beside it, so that
 * the two languages can stand side by side per answer.
 */
import {
  choiceTitle,
  fileNameAndType,
  isDataUrl,
  translateDefinition,
  walkAnswers,
} from '../../src/core/answer-walk.js';
import { decodeDataUrl } from '../files.js';
import { describeFile, formatNumber, formatString, singleLine } from '../summary-text.js';

export { translateDefinition };

const MAX_DEPTH = 32;

/**
 * @param {object | undefined} definition the German definition the submission was checked with
 * @param {object | undefined} translated the same definition in the person's language, or undefined
 * @param {unknown} data
 * @returns {{ answers: Array<{ pointer: string, label: string, value: string,
 *   originalLabel?: string, originalValue?: string }>, attachments: Array<{ index: number,
 *   pointer: string, name: string, type: string, size: number }> }}
 */
export function listAnswers(definition, translated, data) {
  let index = 0;
  const { answers, files } = walkAnswers(definition, translated, data, {
    show,
    file: (dataUrl, pointer) => ({
      text: describeFile(dataUrl, false),
      file: { index: index++, pointer, ...fileOf(dataUrl) },
    }),
  });
  return { answers, attachments: files };
}

/** The bytes of attachment `index` (in listAnswers() order), with its name; undefined if none. */
export function attachmentAt(data, index) {
  let seen = 0;
  let found;
  const walk = (value, depth) => {
    if (found || depth > MAX_DEPTH) return;
    if (isDataUrl(value)) {
      if (seen++ === index) found = value;
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
    } else if (isContainer(value)) {
      for (const item of Object.values(value)) walk(item, depth + 1);
    }
  };
  walk(data, 0);
  if (!found) return undefined;
  const bytes = decodeDataUrl(found);
  return bytes && { ...fileOf(found), bytes };
}

/** Name, declared type and decoded size of a data URL. */
function fileOf(dataUrl) {
  return { ...fileNameAndType(dataUrl), size: decodeDataUrl(dataUrl)?.length ?? 0 };
}

function isContainer(value) {
  return typeof value === 'object' && value !== null;
}

/** A plain value in words: a choice's title, a date the German way, "Ja"/"Nein". */
function show(value, node, root) {
  const choice = choiceTitle(value, node, root);
  if (choice !== undefined) return choice;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return formatString(value, node?.format, undefined);
  return singleLine(JSON.stringify(value));
}
