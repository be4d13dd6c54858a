// @ts-check
/**
 * The size limits of a submission, one number from one place for the element (its file widget
 * and the request it sends) and the reference receiver (its body limit and file checks).
 *
 * Files travel inside the JSON as data URLs (`data:<type>;name=<name>;base64,…`), so a file of
 * `n` bytes takes `4·⌈n/3⌉` characters plus its header. The receiver's body limit for a form is
 * therefore derived from the form: every file field's `maxSize` as base64, times how many such
 * files the form can hold, plus an allowance for everything else. Any file the form accepts then
 * arrives, and nothing much larger is read.
 *
 * Plain JavaScript (checked by tsc through its JSDoc): the receiver runs it in Node unbuilt.
 */

import { appendPointer } from './json-pointer.js';
import { referenceTable } from './schema-references.js';

/** The largest file a file field accepts without `ui:options.maxSize`: 10 MB. */
export const DEFAULT_MAX_FILE_SIZE = 10_000_000;

/**
 * Room for everything but the files' contents: the envelope, the answers, each data URL's
 * header (type, file name). 1 MiB is some hundred times a long form's text.
 */
export const JSON_ALLOWANCE = 1024 * 1024;

/** How many files a list of files (or a list holding file fields) counts as without `maxItems`. */
export const DEFAULT_MAX_FILES = 10;

/** The most a body may be, whatever a definition says (a definition is trusted, not boundless). */
export const MAX_BODY_LIMIT = 512 * 1024 * 1024;

/**
 * How many characters `bytes` bytes take as base64.
 *
 * @param {number} bytes
 */
export function base64Length(bytes) {
  return 4 * Math.ceil(bytes / 3);
}

/**
 * @typedef {object} FileField
 * @property {string[]} path where in `data`: property names, `*` for any index of a list
 * @property {number} maxSize the largest file, in bytes
 * @property {string | undefined} accept as in `<input accept>`: `.pdf,image/*,application/pdf`
 * @property {number} count how many files the field can hold in the whole form (lists multiply)
 */

/**
 * The options a file field's UI gives (`ui:options.accept`/`maxSize`, or the top-level
 * `ui:accept`/`ui:maxSize` react-jsonschema-form also reads).
 *
 * @param {unknown} ui the field's UI schema
 * @returns {{ accept: string | undefined, maxSize: number }}
 */
export function fileOptions(ui) {
  const node = isObject(ui) ? ui : {};
  const nested = isObject(node['ui:options']) ? node['ui:options'] : {};
  const pick = (/** @type {string} */ key) =>
    hasOwn(nested, key) ? nested[key] : hasOwn(node, `ui:${key}`) ? node[`ui:${key}`] : undefined;
  const accept = pick('accept');
  const maxSize = pick('maxSize');
  return {
    accept:
      typeof accept === 'string'
        ? accept
        : Array.isArray(accept)
          ? accept.filter((entry) => typeof entry === 'string').join(',')
          : undefined,
    maxSize:
      typeof maxSize === 'number' && Number.isFinite(maxSize) && maxSize > 0
        ? maxSize
        : DEFAULT_MAX_FILE_SIZE,
  };
}

/**
 * Every file field of a definition: a string with `format: "data-url"` (or `ui:widget: "file"`),
 * or a list of them, wherever it may appear (`properties`, lists, `$ref`, `allOf`/`anyOf`/`oneOf`,
 * `if`/`then`/`else`, `dependentSchemas`). A field declared in several branches counts once,
 * with its largest limit. Files under `additionalProperties`/`patternProperties` (maps of files,
 * which the element does not render as fields) are not found, so not counted or checked.
 *
 * @param {{ schema?: unknown, ui?: unknown }} definition
 * @returns {FileField[]}
 */
export function fileFields(definition) {
  const root = definition.schema;
  const refs = referenceTable(root, '');
  /** @type {Map<string, FileField>} */
  const found = new Map();

  /**
   * @param {unknown} schema
   * @param {string} location JSON Pointer of `schema` in the root
   * @param {string[]} path
   * @param {unknown} ui the UI schema at `path`
   * @param {number} count files per occurrence of `path` in the whole form
   * @param {number} depth
   */
  function walk(schema, location, path, ui, count, depth) {
    if (!isObject(schema) || depth > 64) return;
    const at = (/** @type {(string | number)[]} */ ...tokens) =>
      tokens.reduce((/** @type {string} */ l, t) => appendPointer(l, t), location);
    const here = (/** @type {unknown} */ sub, /** @type {string} */ subLocation) =>
      walk(sub, subLocation, path, ui, count, depth + 1);

    if (typeof schema.$ref === 'string' && refs[location] !== undefined) {
      here(pointAt(root, refs[location]), refs[location]);
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((sub, i) => here(sub, at(keyword, i)));
    }
    for (const keyword of ['then', 'else']) here(schema[keyword], at(keyword));
    for (const keyword of ['dependentSchemas', 'dependencies']) {
      const map = schema[keyword];
      if (isObject(map)) for (const name of Object.keys(map)) here(map[name], at(keyword, name));
    }

    const widget = isObject(ui) ? ui['ui:widget'] : undefined;
    if (schema.format === 'data-url' || widget === 'file' || widget === 'files') {
      const type = schema.type;
      if (
        type === undefined ||
        type === 'string' ||
        (Array.isArray(type) && type.includes('string'))
      ) {
        note(path, ui, count);
      }
    }

    const properties = schema.properties;
    if (isObject(properties)) {
      for (const name of Object.keys(properties)) {
        const childUi = isObject(ui) && hasOwn(ui, name) ? ui[name] : undefined;
        walk(properties[name], at('properties', name), [...path, name], childUi, count, depth + 1);
      }
    }

    const itemUi = isObject(ui) ? ui.items : undefined;
    const maxItems =
      typeof schema.maxItems === 'number' && schema.maxItems >= 0
        ? schema.maxItems
        : DEFAULT_MAX_FILES;
    const itemPath = [...path, '*'];
    const prefix = Array.isArray(schema.prefixItems)
      ? { keyword: 'prefixItems', list: schema.prefixItems }
      : Array.isArray(schema.items)
        ? { keyword: 'items', list: schema.items }
        : undefined;
    prefix?.list.forEach((sub, i) =>
      walk(sub, at(prefix.keyword, i), itemPath, itemUi, count, depth + 1),
    );
    const rest = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
    const restAt = Array.isArray(schema.items) ? 'additionalItems' : 'items';
    if (isObject(rest)) {
      // A list of files takes its options from the list's UI, as the element's file widget does.
      const isFileList = rest.format === 'data-url' || widget === 'files' || widget === 'file';
      if (isFileList) note(itemPath, ui, count * maxItems);
      else walk(rest, at(restAt), itemPath, itemUi, count * maxItems, depth + 1);
    }
  }

  /**
   * @param {string[]} path
   * @param {unknown} ui
   * @param {number} count
   */
  function note(path, ui, count) {
    const key = JSON.stringify(path);
    const { accept, maxSize } = fileOptions(ui);
    const known = found.get(key);
    if (!known || known.maxSize * known.count < maxSize * count) {
      found.set(key, { path, maxSize, accept, count });
    }
  }

  walk(root, '', [], definition.ui, 1, 0);
  return [...found.values()];
}

/**
 * The largest body the receiver reads for a form: every file it can hold at its largest, as
 * base64, plus {@link JSON_ALLOWANCE}. At most {@link MAX_BODY_LIMIT}.
 *
 * @param {{ schema?: unknown, ui?: unknown }} definition
 * @returns {number} bytes
 */
export function bodyLimitFor(definition) {
  let total = JSON_ALLOWANCE;
  for (const field of fileFields(definition)) total += field.count * base64Length(field.maxSize);
  return Math.min(total, MAX_BODY_LIMIT);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {object} object
 * @param {string} key
 */
function hasOwn(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * The value at a JSON Pointer into `root`.
 *
 * @param {unknown} root
 * @param {string} location
 */
function pointAt(root, location) {
  let node = root;
  for (const token of location.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !hasOwn(node, key)) return undefined;
    node = /** @type {Record<string, unknown>} */ (node)[key];
  }
  return node;
}
