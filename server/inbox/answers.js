/**
 * One submission's answers as a flat list for the inbox's detail view and export: each value
 * with its pointer, its German label and value (the definition's source language) and, when the
 * person used another language, the label and value they saw (the definition's translations).
 * Files are listed apart as attachments, by name, type and size, never by content.
 *
 * The German staff summary (../staff-summary.js) remains the authority on which questions were
 * asked; this list is the plain walk of the data with the schema's titles beside it, so that
 * the two languages can stand side by side per answer.
 */
import { appendPointer, getAtPointer, parsePointer } from '../../src/core/json-pointer.js';
import { decodeDataUrl } from '../files.js';
import {
  describeFile,
  formatNumber,
  formatString,
  isDataUrl,
  singleLine,
} from '../summary-text.js';

/** Schema keywords whose subschemas may declare more properties of the same object. */
const BRANCHES = ['allOf', 'anyOf', 'oneOf'];
const MAX_DEPTH = 32;

/**
 * A copy of `definition` with the strings of a translation table (pointer → text, as
 * `translations.<locale>` holds them) put in place.
 *
 * @param {object} definition
 * @param {Record<string, unknown>} table
 */
export function translateDefinition(definition, table) {
  const copy = structuredClone(definition);
  for (const [pointer, value] of Object.entries(table)) {
    if (typeof value !== 'string') continue;
    let tokens;
    try {
      tokens = parsePointer(pointer);
    } catch {
      continue;
    }
    const parent =
      tokens.length > 0 && getAtPointer(copy, pointer.slice(0, pointer.lastIndexOf('/')));
    const key = tokens.at(-1);
    if (parent && typeof parent === 'object' && Object.hasOwn(parent, key)) parent[key] = value;
  }
  return copy;
}

/**
 * @param {object | undefined} definition the German definition the submission was checked with
 * @param {object | undefined} translated the same definition in the person's language, or undefined
 * @param {unknown} data
 * @returns {{ answers: Array<{ pointer: string, label: string, value: string,
 *   originalLabel?: string, originalValue?: string }>, attachments: Array<{ index: number,
 *   pointer: string, name: string, type: string, size: number }> }}
 */
export function listAnswers(definition, translated, data) {
  const answers = [];
  const attachments = [];
  const root = definition?.schema;
  const translatedRoot = translated?.schema;

  const visit = (value, pointer, schema, original, labels, originalLabels, depth) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value) && value.every((item) => !isContainer(item))) {
      const items = itemsOf(root, schema);
      const originalItems = itemsOf(translatedRoot, original);
      value.forEach((item, index) => {
        if (isDataUrl(item)) {
          visit(
            item,
            appendPointer(pointer, index),
            items,
            originalItems,
            labels,
            originalLabels,
            depth + 1,
          );
        }
      });
      const plain = value.filter((item) => !isDataUrl(item));
      if (plain.length > 0 || value.length === 0) {
        push(
          pointer,
          labels,
          originalLabels,
          plain.map((item) => show(item, items, root)).join(', '),
          plain.map((item) => show(item, originalItems, translatedRoot)).join(', '),
        );
      }
      return;
    }
    if (Array.isArray(value)) {
      const items = itemsOf(root, schema);
      const originalItems = itemsOf(translatedRoot, original);
      value.forEach((item, index) => {
        const suffix = ` ${index + 1}`;
        visit(
          item,
          appendPointer(pointer, index),
          items,
          originalItems,
          [...labels.slice(0, -1), `${labels.at(-1) ?? ''}${suffix}`],
          [...originalLabels.slice(0, -1), `${originalLabels.at(-1) ?? ''}${suffix}`],
          depth + 1,
        );
      });
      return;
    }
    if (isContainer(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childSchema = propertyOf(root, schema, key);
        const childOriginal = propertyOf(translatedRoot, original, key);
        visit(
          child,
          appendPointer(pointer, key),
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
      const file = fileOf(value);
      attachments.push({ index: attachments.length, pointer, ...file });
      push(pointer, labels, originalLabels, describeFile(value, false), undefined);
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

  const push = (pointer, labels, originalLabels, value, originalValue) => {
    const entry = { pointer, label: labels.join(' › '), value };
    if (translated) {
      const originalLabel = originalLabels.join(' › ');
      if (originalLabel !== entry.label) entry.originalLabel = originalLabel;
      if (originalValue !== undefined && originalValue !== value)
        entry.originalValue = originalValue;
    }
    answers.push(entry);
  };

  visit(data, '', root, translatedRoot, [], [], 0);
  return { answers, attachments };
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
  const comma = dataUrl.indexOf(',');
  const [type, ...params] = dataUrl.slice(5, comma).split(';');
  const nameParam = params.find((p) => p.toLowerCase().startsWith('name='));
  let name = nameParam?.slice(5) ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Kept as sent.
  }
  return {
    name: singleLine(name) || 'Datei',
    type: singleLine(type || 'application/octet-stream'),
    size: decodeDataUrl(dataUrl)?.length ?? 0,
  };
}

function isContainer(value) {
  return typeof value === 'object' && value !== null;
}

/** Follows a local `$ref` ("#/$defs/person"), a few times at most. */
function resolve(root, schema) {
  let current = schema;
  for (let i = 0; i < 8 && isContainer(current) && typeof current.$ref === 'string'; i++) {
    if (!current.$ref.startsWith('#')) break;
    try {
      current = getAtPointer(root, decodeURIComponent(current.$ref.slice(1)));
    } catch {
      return undefined;
    }
  }
  return isContainer(current) ? current : undefined;
}

/** The subschema of property `key`: from `properties` or any branch that declares it. */
function propertyOf(root, schema, key, depth = 0) {
  const node = resolve(root, schema);
  if (!node || depth > 6) return undefined;
  if (isContainer(node.properties) && Object.hasOwn(node.properties, key)) {
    return resolve(root, node.properties[key]);
  }
  const branches = [
    ...BRANCHES.flatMap((k) => (Array.isArray(node[k]) ? node[k] : [])),
    node.then,
    node.else,
    ...Object.values(isContainer(node.dependentSchemas) ? node.dependentSchemas : {}),
    ...Object.values(isContainer(node.dependencies) ? node.dependencies : {}),
  ];
  for (const branch of branches) {
    const found =
      isContainer(branch) && !Array.isArray(branch) && propertyOf(root, branch, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function itemsOf(root, schema) {
  const node = resolve(root, schema);
  return node && resolve(root, Array.isArray(node.items) ? node.items[0] : node.items);
}

function titleOf(schema, key) {
  return typeof schema?.title === 'string' && schema.title.trim() ? singleLine(schema.title) : key;
}

/** A plain value in words: a choice's title, a date the German way, "Ja"/"Nein". */
function show(value, schema, root) {
  const node = resolve(root, schema);
  for (const keyword of ['oneOf', 'anyOf']) {
    const choice = Array.isArray(node?.[keyword])
      ? node[keyword]
          .map((entry) => resolve(root, entry))
          .find((entry) => entry && entry.const === value)
      : undefined;
    if (choice && typeof choice.title === 'string') return singleLine(choice.title);
  }
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return formatString(value, node?.format, undefined);
  return singleLine(JSON.stringify(value));
}
