/**
 * The answers of a submission decrypted in the browser, in the shapes the inbox shows and
 * exports for plain submissions: a flat list (pointer, German label and value, and the label and
 * value the person saw in their language), the German staff summary text and the same in the
 * person's language, and the files apart. The walk is the receiver's (src/core/answer-walk.js,
 * also behind server/inbox/answers.js); what differs is only what cannot run here: files are
 * decoded with atob, not Node's Buffer, and the summary is the list's lines (the server's staff
 * summary judges conditions with ajv, which the inbox's CSP forbids).
 */
import {
  choiceTitle,
  fileNameAndType,
  singleLine,
  translateDefinition,
  walkAnswers,
} from '../core/answer-walk.js';
import type { FormDefinition, JsonValue } from '../model/types.js';

/** One answer, as the server's detail and export list it. */
export interface DecryptedAnswer {
  pointer: string;
  label: string;
  value: string;
  originalLabel?: string;
  originalValue?: string;
}

/** A file among the answers: name, declared type, size, and its decoded bytes. */
export interface DecryptedFile {
  pointer: string;
  name: string;
  type: string;
  size: number;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface DecryptedAnswers {
  answers: DecryptedAnswer[];
  files: DecryptedFile[];
  /** The German staff summary: one "Label: value" line per answer. */
  summary: string;
  /** The same in the person's language, when the definition carries that translation. */
  original: string | null;
}

type Node = Record<string, unknown>;

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Lists the answers of `data` under `definition` (German, its source language), with the
 * person's `locale` beside them where the definition has an inline translation for it.
 */
export function listDecrypted(
  definition: FormDefinition,
  data: JsonValue,
  locale: string | undefined,
): DecryptedAnswers {
  const german = !locale || locale.split('-')[0].toLowerCase() === 'de';
  const table = german ? undefined : translationTable(definition, locale);
  // Only the schema's texts are shown: the translation is applied to the schema alone.
  const schemaOnly = { schema: definition.schema };
  const translated = table ? translateDefinition(schemaOnly, table) : undefined;
  const { answers, files } = walkAnswers(schemaOnly, translated, data, {
    show,
    file: (dataUrl: string, pointer: string) => {
      const file = fileOf(dataUrl, pointer);
      return { text: `Datei: ${file.name} (${file.size} Bytes)`, file };
    },
  });
  const lines = (original: boolean) =>
    answers
      .map((a) =>
        original
          ? `${a.originalLabel ?? a.label}: ${a.originalValue ?? a.value}`
          : `${a.label}: ${a.value}`,
      )
      .join('\n') + '\n';
  return {
    answers,
    files: files as DecryptedFile[],
    summary: lines(false),
    original: translated ? lines(true) : null,
  };
}

/** The inline translation table of `locale` (or its language), if the definition has one. */
function translationTable(definition: FormDefinition, locale: string) {
  const all = definition.translations ?? {};
  const table = all[locale] ?? all[locale.split('-')[0]];
  // A table given by URL stays a URL in the compiled module: not read here.
  return isObject(table) ? (table as Record<string, unknown>) : undefined;
}

const germanDate = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' });
const germanNumber = new Intl.NumberFormat('de', { maximumFractionDigits: 20 });

/** A plain value in words: a choice's title, a date the German way, "Ja"/"Nein". */
function show(value: unknown, schema: object | undefined, root: unknown): string {
  const node = schema as Node | undefined;
  const choice = choiceTitle(value, node, root);
  if (choice !== undefined) return choice;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (typeof value === 'number') return germanNumber.format(value);
  if (typeof value === 'string') {
    if (node?.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const date = new Date(`${value}T00:00:00Z`);
      if (!Number.isNaN(date.getTime())) return germanDate.format(date);
    }
    return value;
  }
  return singleLine(JSON.stringify(value));
}

/** Name, type, size and bytes of a data URL. */
function fileOf(dataUrl: string, pointer: string): DecryptedFile {
  let bytes: Uint8Array<ArrayBuffer> = new Uint8Array();
  try {
    bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  } catch {
    // Not base64: an empty file.
  }
  return { pointer, ...fileNameAndType(dataUrl), size: bytes.length, bytes };
}
