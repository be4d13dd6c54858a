/**
 * The answers of a submission decrypted in the browser, in the shapes the inbox shows and
 * exports for plain submissions: a flat list (pointer, German label and value, and the label and
 * value the person saw in their language), the German staff summary text and the same in the
 * person's language, and the files apart. The browser-side counterpart of the receiver's
 * server/inbox/answers.js, which cannot run here (it reads files with Node's Buffer and the
 * summary judges conditions with ajv, which the inbox's CSP forbids): the same walk over the
 * data with the schema's titles and choice titles, German dates and "Ja"/"Nein".
 */
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
const MAX_DEPTH = 32;
const BRANCHES = ['allOf', 'anyOf', 'oneOf'];

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A data URL as the element writes files: `data:<type>;name=<name>;base64,<bytes>`. */
const isDataUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^data:[^,]*;base64,/.test(value);

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
  const translated = table ? translateDefinition(definition, table) : undefined;
  const root = definition.schema as unknown;
  const translatedRoot = translated?.schema as unknown;
  const answers: DecryptedAnswer[] = [];
  const files: DecryptedFile[] = [];

  const push = (
    pointer: string,
    labels: string[],
    originalLabels: string[],
    value: string,
    originalValue: string | undefined,
  ) => {
    const entry: DecryptedAnswer = { pointer, label: labels.join(' › '), value };
    if (translated) {
      const originalLabel = originalLabels.join(' › ');
      if (originalLabel !== entry.label) entry.originalLabel = originalLabel;
      if (originalValue !== undefined && originalValue !== value)
        entry.originalValue = originalValue;
    }
    answers.push(entry);
  };

  const visit = (
    value: unknown,
    pointer: string,
    schema: unknown,
    original: unknown,
    labels: string[],
    originalLabels: string[],
    depth: number,
  ): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      const items = itemsOf(root, schema);
      const originalItems = itemsOf(translatedRoot, original);
      if (value.every((item) => !isObject(item) && !Array.isArray(item) && !isDataUrl(item))) {
        push(
          pointer,
          labels,
          originalLabels,
          value.map((item) => show(item, items, root)).join(', '),
          value.map((item) => show(item, originalItems, translatedRoot)).join(', '),
        );
        return;
      }
      value.forEach((item, index) => {
        const suffix = ` ${index + 1}`;
        visit(
          item,
          `${pointer}/${index}`,
          items,
          originalItems,
          [...labels.slice(0, -1), `${labels.at(-1) ?? ''}${suffix}`],
          [...originalLabels.slice(0, -1), `${originalLabels.at(-1) ?? ''}${suffix}`],
          depth + 1,
        );
      });
      return;
    }
    if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childSchema = propertyOf(root, schema, key);
        const childOriginal = propertyOf(translatedRoot, original, key);
        visit(
          child,
          `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          childSchema,
          childOriginal,
          [...labels, titleOf(childSchema, key)],
          [...originalLabels, titleOf(childOriginal, key)],
          depth + 1,
        );
      }
      return;
    }
    if (isDataUrl(value)) {
      const file = fileOf(value, pointer);
      files.push(file);
      push(pointer, labels, originalLabels, `Datei: ${file.name} (${file.size} Bytes)`, undefined);
      return;
    }
    push(
      pointer,
      labels,
      originalLabels,
      show(value, schema, root),
      show(value, original, translatedRoot),
    );
  };

  visit(data, '', root, translatedRoot, [], [], 0);
  const lines = (original: boolean) =>
    answers
      .map((a) =>
        original
          ? `${a.originalLabel ?? a.label}: ${a.originalValue ?? a.value}`
          : `${a.label}: ${a.value}`,
      )
      .join('\n') + '\n';
  return { answers, files, summary: lines(false), original: translated ? lines(true) : null };
}

/** The inline translation table of `locale` (or its language), if the definition has one. */
function translationTable(definition: FormDefinition, locale: string) {
  const all = definition.translations ?? {};
  const table = all[locale] ?? all[locale.split('-')[0]];
  // A table given by URL stays a URL in the compiled module: not read here.
  return isObject(table) ? (table as Record<string, unknown>) : undefined;
}

/** A copy of the definition with a translation table's strings (pointer → text) in place. */
function translateDefinition(definition: FormDefinition, table: Record<string, unknown>) {
  const copy = structuredClone({ schema: definition.schema }) as { schema: unknown };
  for (const [pointer, text] of Object.entries(table)) {
    if (typeof text !== 'string' || !pointer.startsWith('/schema/')) continue;
    const tokens = pointer
      .split('/')
      .slice(1)
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const key = tokens.pop()!;
    const parent = tokens.reduce<unknown>(
      (node, token) => (isObject(node) || Array.isArray(node) ? (node as Node)[token] : undefined),
      copy,
    );
    if ((isObject(parent) || Array.isArray(parent)) && Object.hasOwn(parent, key))
      (parent as Node)[key] = text;
  }
  return copy;
}

/** Follows a local `$ref` ("#/$defs/person"), a few times at most. */
function resolve(root: unknown, schema: unknown): Node | undefined {
  let current = schema;
  for (let i = 0; i < 8 && isObject(current) && typeof current.$ref === 'string'; i++) {
    if (!current.$ref.startsWith('#')) break;
    current = decodeURIComponent(current.$ref.slice(1))
      .split('/')
      .slice(1)
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, token) => (isObject(node) ? node[token] : undefined), root);
  }
  return isObject(current) ? current : undefined;
}

/** The subschema of property `key`: from `properties` or any branch that declares it. */
function propertyOf(root: unknown, schema: unknown, key: string, depth = 0): Node | undefined {
  const node = resolve(root, schema);
  if (!node || depth > 6) return undefined;
  if (isObject(node.properties) && Object.hasOwn(node.properties, key)) {
    return resolve(root, node.properties[key]);
  }
  const branches = [
    ...BRANCHES.flatMap((k) => (Array.isArray(node[k]) ? (node[k] as unknown[]) : [])),
    node.then,
    node.else,
    ...Object.values(isObject(node.dependentSchemas) ? node.dependentSchemas : {}),
  ];
  for (const branch of branches) {
    const found = isObject(branch) && propertyOf(root, branch, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function itemsOf(root: unknown, schema: unknown) {
  const node = resolve(root, schema);
  return node && resolve(root, Array.isArray(node.items) ? node.items[0] : node.items);
}

const singleLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function titleOf(schema: Node | undefined, key: string) {
  return typeof schema?.title === 'string' && schema.title.trim() ? singleLine(schema.title) : key;
}

const germanDate = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' });
const germanNumber = new Intl.NumberFormat('de', { maximumFractionDigits: 20 });

/** A plain value in words: a choice's title, a date the German way, "Ja"/"Nein". */
function show(value: unknown, schema: unknown, root: unknown): string {
  const node = resolve(root, schema);
  for (const keyword of ['oneOf', 'anyOf']) {
    const list = node?.[keyword];
    const choice = Array.isArray(list)
      ? list.map((entry) => resolve(root, entry)).find((entry) => entry && entry.const === value)
      : undefined;
    if (choice && typeof choice.title === 'string') return singleLine(choice.title);
  }
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
  const comma = dataUrl.indexOf(',');
  const [type, ...params] = dataUrl.slice(5, comma).split(';');
  const nameParam = params.find((p) => p.toLowerCase().startsWith('name='));
  let name = nameParam?.slice(5) ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Kept as sent.
  }
  let bytes: Uint8Array<ArrayBuffer> = new Uint8Array();
  try {
    bytes = Uint8Array.from(atob(dataUrl.slice(comma + 1)), (c) => c.charCodeAt(0));
  } catch {
    // Not base64: an empty file.
  }
  return {
    pointer,
    name: singleLine(name) || 'Datei',
    type: singleLine(type || 'application/octet-stream'),
    size: bytes.length,
    bytes,
  };
}
