/**
 * The walk over one submission's answers that the inbox lists, exports and summarises: each
 * value with its pointer, its label from the schema's titles (the definition's source language,
 * German) and, when the person used another language, the label and value they saw. Files are
 * handed to the caller, who lists them apart.
 *
 * Plain JavaScript without Node or DOM: the receiver runs it for plain submissions
 * (server/inbox/answers.js) and the caseworker's browser for decrypted ones
 * (src/inbox/decrypted-answers.ts). Each supplies how a value is worded (`show`) and what a file
 * becomes (`file`); the walk itself is the same in both places.
 */
import { appendPointer, getAtPointer, parsePointer } from './json-pointer.js';

/** Schema keywords whose subschemas may declare more properties of the same object. */
const BRANCHES = ['allOf', 'anyOf', 'oneOf'];
const MAX_DEPTH = 32;

/**
 * @typedef {object} AnswerFormat
 * @property {(value: unknown, schema: object | undefined, root: unknown) => string} show a plain
 *   value in words, under its (resolved or not) schema
 * @property {(dataUrl: string, pointer: string) => { text: string, file: object }} file what a
 *   file answer shows in the list, and the file the caller keeps apart
 */

/**
 * A copy of `definition` with the strings of a translation table (pointer → text, as
 * `translations.<locale>` holds them) put in place.
 *
 * @param {object} definition
 * @param {Record<string, unknown>} table
 */
export function translateDefinition(definition, table) {
  // A definition is JSON: a JSON round trip copies it deeply.
  const copy = JSON.parse(JSON.stringify(definition));
  for (const [pointer, value] of Object.entries(table)) {
    if (typeof value !== 'string') continue;
    let tokens;
    try {
      tokens = parsePointer(pointer);
    } catch {
      continue;
    }
    let parent;
    try {
      parent = tokens.length > 0 && getAtPointer(copy, pointer.slice(0, pointer.lastIndexOf('/')));
    } catch {
      continue;
    }
    const key = tokens.at(-1);
    if (parent && typeof parent === 'object' && Object.hasOwn(parent, key)) parent[key] = value;
  }
  return copy;
}

/**
 * @param {object | undefined} definition the German definition the submission was checked with
 * @param {object | undefined} translated the same definition in the person's language, or undefined
 * @param {unknown} data
 * @param {AnswerFormat} format
 * @returns {{ answers: Array<{ pointer: string, label: string, value: string,
 *   originalLabel?: string, originalValue?: string }>, files: object[] }}
 */
export function walkAnswers(definition, translated, data, format) {
  const answers = [];
  const files = [];
  const root = definition?.schema;
  const translatedRoot = translated?.schema;
  const show = (value, schema, schemaRoot) =>
    format.show(value, resolveSchema(schemaRoot, schema), schemaRoot);

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

  const visit = (value, pointer, schema, original, labels, originalLabels, depth) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value) && value.every((item) => !isContainer(item))) {
      // A list of plain values is one answer; files in it are listed each on their own.
      const items = itemsOf(root, schema);
      const originalItems = itemsOf(translatedRoot, original);
      value.forEach((item, index) => {
        if (!isDataUrl(item)) return;
        const path = appendPointer(pointer, index);
        visit(item, path, items, originalItems, labels, originalLabels, depth + 1);
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
      const { text, file } = format.file(value, pointer);
      files.push(file);
      push(pointer, labels, originalLabels, text, undefined);
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
  return { answers, files };
}

/** Whether a value is a file as the element writes it: a `data:` URL. */
export function isDataUrl(value) {
  return typeof value === 'string' && /^data:[^,]*,/i.test(value);
}

/** Name and declared type of a data URL (`data:<type>;name=<name>;base64,…`). */
export function fileNameAndType(dataUrl) {
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
  };
}

/** The choice's title when `value` is one of the schema's `oneOf`/`anyOf` constants. */
export function choiceTitle(value, node, root) {
  for (const keyword of ['oneOf', 'anyOf']) {
    const choice = Array.isArray(node?.[keyword])
      ? node[keyword]
          .map((entry) => resolveSchema(root, entry))
          .find((entry) => entry && entry.const === value)
      : undefined;
    if (choice && typeof choice.title === 'string') return singleLine(choice.title);
  }
  return undefined;
}

/** C0 and C1 control characters, and the bidi controls that could reorder a line. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a definition or a file name on one line: runs of white space (line breaks too)
 * become one space, control characters and bidi overrides are removed.
 */
export function singleLine(text) {
  return String(text).replace(/\s+/g, ' ').replace(CONTROLS, '').trim();
}

function isContainer(value) {
  return typeof value === 'object' && value !== null;
}

/** Follows a local `$ref` ("#/$defs/person"), a few times at most. */
function resolveSchema(root, schema) {
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
  const node = resolveSchema(root, schema);
  if (!node || depth > 6) return undefined;
  if (isContainer(node.properties) && Object.hasOwn(node.properties, key)) {
    return resolveSchema(root, node.properties[key]);
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
  const node = resolveSchema(root, schema);
  return node && resolveSchema(root, Array.isArray(node.items) ? node.items[0] : node.items);
}

function titleOf(schema, key) {
  return typeof schema?.title === 'string' && schema.title.trim() ? singleLine(schema.title) : key;
}
