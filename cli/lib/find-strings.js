/**
 * Finds every translatable string of a form definition, in document order, with the JSON Pointer
 * that keys its translation and a note that tells translators where the text appears.
 *
 * Translatable: `title` and `description` of every subschema of `schema` (properties, `$defs` /
 * `definitions`, array items, `oneOf` / `anyOf` / `allOf` members, conditionals, …); in `ui`:
 * `ui:title`, `ui:description`, `ui:help`, `ui:placeholder`, each `ui:enumNames` entry, each
 * `ui:options.errorMessages` entry; and at the top of `ui`: `ui:steps[i].title` / `.description`
 * and `ui:confirmation` (a string, or every string inside it).
 */
import { appendPointer, escapeToken } from './json-pointer.js';
import { isPlainObject as isObject } from '../../src/core/own.js';

/**
 * @typedef {object} TranslatableString
 * @property {string} pointer JSON Pointer into the definition document: the translation key.
 * @property {string} text The source text (in the definition's `lang`).
 * @property {string} kind What kind of text it is: `form-title`, `form-description`, `label`,
 *   `description`, `choice`, `help`, `placeholder`, `error-message`, `step-title`,
 *   `step-description` or `confirmation`.
 * @property {string} note Context for translators, e.g. `Label of field /address/city.`
 */

/** Keywords whose value is one subschema that describes the same value. */
const SAME_VALUE = ['if', 'then', 'else', 'not'];
/** Keywords whose value is one subschema that describes any member (`/*`) of the value. */
const ANY_MEMBER = [
  'additionalProperties',
  'unevaluatedProperties',
  'additionalItems',
  'unevaluatedItems',
  'contains',
];
/** `ui:` keys whose string value is translatable, with the kind of text they hold. */
const UI_TEXT_KEYS = {
  'ui:title': 'label',
  'ui:description': 'description',
  'ui:help': 'help',
  'ui:placeholder': 'placeholder',
};

/**
 * @param {unknown} value
 * @returns {value is string}
 */
function isText(value) {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Whether a `oneOf` / `anyOf` member fixes one value (`const`, or a one-value `enum`), which makes
 * the list a list of choices.
 * @param {unknown} member
 */
function fixesValue(member) {
  return (
    isObject(member) &&
    ('const' in member || (Array.isArray(member.enum) && member.enum.length === 1))
  );
}

/**
 * @param {Record<string, unknown>} member
 * @returns {unknown}
 */
function fixedValue(member) {
  return 'const' in member ? member.const : /** @type {unknown[]} */ (member.enum)[0];
}

/**
 * @typedef {object} Child
 * @property {unknown} schema
 * @property {string} pointer
 * @property {string | null} dataPath `null`: no path known (a definition nothing refers to).
 * @property {'property' | 'items' | 'member' | 'definition' | 'choice' | 'alternative' | 'part'} role
 * @property {number} [index]
 * @property {number} [count]
 * @property {string} [name]
 */

/**
 * @param {string | null} dataPath
 * @param {string | number} token
 */
function below(dataPath, token) {
  return dataPath === null ? null : `${dataPath}/${escapeToken(token)}`;
}

/**
 * The subschemas under one keyword of a schema, with the data path each of them describes.
 * @param {string} keyword
 * @param {unknown} value
 * @param {string} pointer Pointer of the schema that holds the keyword.
 * @param {string | null} dataPath
 * @returns {Child[]}
 */
function childrenOf(keyword, value, pointer, dataPath) {
  const at = appendPointer(pointer, keyword);
  /** @type {Child[]} */
  const children = [];
  if ((keyword === 'properties' || keyword === 'patternProperties') && isObject(value)) {
    for (const [name, schema] of Object.entries(value))
      children.push({
        schema,
        pointer: appendPointer(at, name),
        dataPath: keyword === 'properties' ? below(dataPath, name) : below(dataPath, '*'),
        role: 'property',
        name,
      });
  } else if ((keyword === '$defs' || keyword === 'definitions') && isObject(value)) {
    for (const [name, schema] of Object.entries(value))
      children.push({
        schema,
        pointer: appendPointer(at, name),
        dataPath: null,
        role: 'definition',
        name,
      });
  } else if ((keyword === 'items' || keyword === 'prefixItems') && Array.isArray(value)) {
    value.forEach((schema, i) =>
      children.push({
        schema,
        pointer: appendPointer(at, i),
        dataPath: below(dataPath, i),
        role: 'items',
      }),
    );
  } else if (keyword === 'items' && isObject(value)) {
    children.push({ schema: value, pointer: at, dataPath: below(dataPath, '*'), role: 'items' });
  } else if (ANY_MEMBER.includes(keyword) && isObject(value)) {
    children.push({ schema: value, pointer: at, dataPath: below(dataPath, '*'), role: 'member' });
  } else if ((keyword === 'oneOf' || keyword === 'anyOf') && Array.isArray(value)) {
    const choices = value.length > 0 && value.every(fixesValue);
    value.forEach((schema, i) =>
      children.push({
        schema,
        pointer: appendPointer(at, i),
        dataPath,
        role: choices ? 'choice' : 'alternative',
        index: i,
        count: value.length,
      }),
    );
  } else if (keyword === 'allOf' && Array.isArray(value)) {
    value.forEach((schema, i) =>
      children.push({ schema, pointer: appendPointer(at, i), dataPath, role: 'part' }),
    );
  } else if (SAME_VALUE.includes(keyword) && isObject(value)) {
    children.push({ schema: value, pointer: at, dataPath, role: 'part' });
  } else if ((keyword === 'dependentSchemas' || keyword === 'dependencies') && isObject(value)) {
    for (const [name, schema] of Object.entries(value))
      if (isObject(schema))
        children.push({ schema, pointer: appendPointer(at, name), dataPath, role: 'part' });
  }
  return children;
}

/**
 * The pointer (into the definition) that a local `$ref` names, or `undefined`.
 * @param {unknown} ref
 * @returns {string | undefined}
 */
function refTarget(ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let fragment;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return '/schema';
  return fragment.startsWith('/') ? `/schema${fragment}` : undefined;
}

/**
 * What the walk learns about the data before it emits anything: which data path each subschema
 * describes (following `$ref`), the label of each data path, and which paths hold arrays.
 */
class DataMap {
  /** @param {Record<string, unknown>} definition */
  constructor(definition) {
    this.definition = definition;
    /** @type {Map<string, string>} first data path that reaches each schema pointer */
    this.pathOf = new Map();
    /** @type {Map<string, string>} label (source text) of each data path */
    this.labels = new Map();
    /** @type {Map<string, { array: boolean, properties: Set<string>, type?: string }>} */
    this.info = new Map();
    this.visit(definition.schema, '/schema', '', [], 0);
  }

  /**
   * @param {string} pointer
   * @returns {unknown}
   */
  schemaAt(pointer) {
    /** @type {unknown} */
    let current = this.definition;
    for (const token of pointer.slice(1).split('/')) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(current)) current = current[Number(key)];
      else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, key))
        current = current[key];
      else return undefined;
    }
    return current;
  }

  /**
   * @param {string} dataPath
   */
  infoOf(dataPath) {
    let info = this.info.get(dataPath);
    if (!info) {
      info = { array: false, properties: new Set() };
      this.info.set(dataPath, info);
    }
    return info;
  }

  /**
   * @param {unknown} schema
   * @param {string} pointer
   * @param {string} dataPath
   * @param {string[]} expanding `$ref` targets being expanded on this path (stops recursion)
   * @param {number} depth
   */
  visit(schema, pointer, dataPath, expanding, depth) {
    if (!isObject(schema) || depth > 64) return;
    if (!this.pathOf.has(pointer)) this.pathOf.set(pointer, dataPath);
    const info = this.infoOf(dataPath);
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    if (type === 'array' || 'items' in schema || 'prefixItems' in schema) info.array = true;
    if (typeof type === 'string' && !info.type) info.type = type;
    if (isObject(schema.properties))
      for (const name of Object.keys(schema.properties)) info.properties.add(name);
    if (isText(schema.title) && !this.labels.has(dataPath)) this.labels.set(dataPath, schema.title);
    const target = refTarget(schema.$ref);
    if (target !== undefined && !expanding.includes(target))
      this.visit(this.schemaAt(target), target, dataPath, [...expanding, target], depth + 1);
    for (const [keyword, value] of Object.entries(schema)) {
      for (const child of childrenOf(keyword, value, pointer, dataPath)) {
        if (child.role === 'definition' || child.role === 'choice') continue;
        this.visit(
          child.schema,
          child.pointer,
          /** @type {string} */ (child.dataPath),
          expanding,
          depth + 1,
        );
      }
    }
  }

  /**
   * The data path a uiSchema key leads to: a property, or `items` / `additionalItems` /
   * `additionalProperties` (any member, `*`) where the schema does not name a property so.
   * @param {string} dataPath
   * @param {string} key
   */
  uiChildPath(dataPath, key) {
    const info = this.info.get(dataPath);
    const property = info?.properties.has(key) ?? false;
    if ((key === 'items' || key === 'additionalItems') && !property && (info?.array ?? true))
      return `${dataPath}/*`;
    if (key === 'additionalProperties' && !property) return `${dataPath}/*`;
    return `${dataPath}/${escapeToken(key)}`;
  }
}

/**
 * How a note names a place in the data.
 * @param {string | null} dataPath
 * @param {string} pointer the schema pointer, used when no data path is known
 */
function describePath(dataPath, pointer) {
  if (dataPath === null) return `#${pointer.replace(/^\/schema/, '')} (a definition no field uses)`;
  return dataPath === '' ? '(the whole form)' : dataPath;
}

/**
 * @param {string} text
 */
function quote(text) {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `“${short}”`;
}

/**
 * Finds every translatable string of a definition, in document order.
 * @param {Record<string, unknown>} definition a parsed form definition
 * @returns {TranslatableString[]}
 */
export function findTranslatableStrings(definition) {
  const map = new DataMap(definition);
  /** @type {TranslatableString[]} */
  const found = [];
  // ui:title overrides the schema's title as a field's label; notes quote the label shown.
  if (isObject(definition.ui)) collectUiTitles(definition.ui, '', map);

  /**
   * @param {string} dataPath
   * @param {string} [except]
   */
  const labelPart = (dataPath, except) => {
    const label = map.labels.get(dataPath);
    return label !== undefined && label !== except ? ` ${quote(label)}` : '';
  };

  /**
   * @param {unknown} schema
   * @param {string} pointer
   * @param {string | null} inherited
   * @param {Child | null} position
   */
  const walkSchema = (schema, pointer, inherited, position) => {
    if (!isObject(schema)) return;
    const dataPath = map.pathOf.get(pointer) ?? inherited;
    const where = describePath(dataPath, pointer);
    const resolved = resolveForType(schema, map);
    const type = Array.isArray(resolved.type)
      ? resolved.type.find((t) => t !== 'null')
      : (resolved.type ??
        (isObject(resolved.properties) ? 'object' : 'items' in resolved ? 'array' : undefined));
    const isRoot = pointer === '/schema';
    const isEntry = position?.role === 'items' && type === 'object';
    const listPath = dataPath?.replace(/\/[^/]*$/, '') ?? null;
    const thing =
      type === 'object'
        ? 'group'
        : type === 'array'
          ? 'list'
          : type === 'boolean'
            ? 'checkbox'
            : 'field';
    for (const [keyword, value] of Object.entries(schema)) {
      if ((keyword === 'title' || keyword === 'description') && isText(value)) {
        const title = keyword === 'title';
        const at = appendPointer(pointer, keyword);
        if (isRoot) {
          found.push({
            pointer: at,
            text: value,
            kind: title ? 'form-title' : 'form-description',
            note: title ? 'Title of the form.' : 'Introduction of the form, shown under its title.',
          });
        } else if (position?.role === 'choice') {
          const member = /** @type {Record<string, unknown>} */ (schema);
          // Choices of an array's items are the options of a checkbox list.
          const list = dataPath !== null && dataPath.endsWith('/*') ? listPath : null;
          const choice =
            list !== null
              ? `choice ${(position.index ?? 0) + 1} of ${position.count} in list ${list || '(the whole form)'}${labelPart(list)}`
              : `choice ${(position.index ?? 0) + 1} of ${position.count} for ${where}${labelPart(dataPath ?? '')}`;
          found.push({
            pointer: at,
            text: value,
            kind: title ? 'choice' : 'description',
            note: title
              ? `${capitalize(choice)} (stored value ${JSON.stringify(fixedValue(member))}).`
              : `Description of ${choice}.`,
          });
        } else if (position?.role === 'alternative') {
          found.push({
            pointer: at,
            text: value,
            kind: title ? 'label' : 'description',
            note: `${title ? 'Title' : 'Description'} of alternative ${(position.index ?? 0) + 1} of ${position.count} for ${where}.`,
          });
        } else if (isEntry && listPath !== null) {
          found.push({
            pointer: at,
            text: value,
            kind: title ? 'label' : 'description',
            note: title
              ? `Heading of each entry of the list ${listPath}${labelPart(listPath)}.`
              : `Description of each entry of the list ${listPath}${labelPart(listPath)}.`,
          });
        } else {
          const heading = type === 'object' ? 'Heading' : 'Label';
          found.push({
            pointer: at,
            text: value,
            kind: title ? 'label' : 'description',
            note: title
              ? `${heading} of ${thing} ${where}.`
              : `Description of ${thing} ${where}${labelPart(dataPath ?? '', value)}, shown under its ${type === 'object' ? 'heading' : 'label'}.`,
          });
        }
        continue;
      }
      for (const child of childrenOf(keyword, value, pointer, dataPath))
        walkSchema(child.schema, child.pointer, child.dataPath, child);
    }
  };

  /**
   * @param {Record<string, unknown>} ui
   * @param {string} pointer
   * @param {string} dataPath
   */
  const walkUi = (ui, pointer, dataPath) => {
    const where = describePath(dataPath, pointer);
    const info = map.info.get(dataPath);
    const thing =
      info?.type === 'object'
        ? 'group'
        : info?.array
          ? 'list'
          : info?.type === 'boolean'
            ? 'checkbox'
            : 'field';
    const label = labelPart(dataPath);
    for (const [key, value] of Object.entries(ui)) {
      const at = appendPointer(pointer, key);
      if (key in UI_TEXT_KEYS && isText(value)) {
        const kind = /** @type {'label' | 'description' | 'help' | 'placeholder'} */ (
          UI_TEXT_KEYS[/** @type {keyof typeof UI_TEXT_KEYS} */ (key)]
        );
        const note = {
          label: `Label of ${thing} ${where} (replaces the schema's title).`,
          description: `Description of ${thing} ${where}${labelPart(dataPath, value)}, shown under its label.`,
          help: `Help text shown with ${thing} ${where}${label}.`,
          placeholder: `Placeholder: example input shown inside the empty ${thing} ${where}${label}.`,
        }[kind];
        found.push({ pointer: at, text: value, kind, note });
      } else if (key === 'ui:enumNames' && Array.isArray(value)) {
        value.forEach((name, i) => {
          if (isText(name))
            found.push({
              pointer: appendPointer(at, i),
              text: name,
              kind: 'choice',
              note: `Choice ${i + 1} of ${value.length} for ${where}${label}.`,
            });
        });
      } else if (key === 'ui:options' && isObject(value) && isObject(value.errorMessages)) {
        const messages = appendPointer(at, 'errorMessages');
        for (const [keyword, message] of Object.entries(value.errorMessages))
          if (isText(message))
            found.push({
              pointer: appendPointer(messages, keyword),
              text: message,
              kind: 'error-message',
              note: `Error message for ${thing} ${where}${label} when the “${keyword}” check fails.`,
            });
      } else if (key === 'ui:steps' && pointer === '/ui' && Array.isArray(value)) {
        value.forEach((step, i) => {
          if (!isObject(step)) return;
          for (const [part, text] of Object.entries(step))
            if ((part === 'title' || part === 'description') && isText(text))
              found.push({
                pointer: appendPointer(appendPointer(at, i), part),
                text,
                kind: `step-${part}`,
                note: `${part === 'title' ? 'Title' : 'Description'} of step ${i + 1} of ${value.length} of the form.`,
              });
        });
      } else if (key === 'ui:confirmation' && pointer === '/ui') {
        collectLeaves(value, at, (leaf, leafPointer) =>
          found.push({
            pointer: leafPointer,
            text: leaf,
            kind: 'confirmation',
            note: 'Confirmation shown to the person after the form was sent.',
          }),
        );
      } else if (!key.startsWith('ui:') && isObject(value)) {
        walkUi(value, at, map.uiChildPath(dataPath, key));
      }
    }
  };

  for (const [key, value] of Object.entries(definition)) {
    if (key === 'schema') walkSchema(value, '/schema', '', null);
    else if (key === 'ui' && isObject(value)) walkUi(value, '/ui', '');
  }
  return found;
}

/**
 * Registers `ui:title` as the label of its data path (it overrides the schema's title).
 * @param {Record<string, unknown>} ui
 * @param {string} dataPath
 * @param {DataMap} map
 */
function collectUiTitles(ui, dataPath, map) {
  if (isText(ui['ui:title'])) map.labels.set(dataPath, ui['ui:title']);
  for (const [key, value] of Object.entries(ui))
    if (!key.startsWith('ui:') && isObject(value))
      collectUiTitles(value, map.uiChildPath(dataPath, key), map);
}

/**
 * Calls `emit` for every non-empty string in a value (a string, or strings inside objects and
 * arrays), with its pointer.
 * @param {unknown} value
 * @param {string} pointer
 * @param {(text: string, pointer: string) => void} emit
 */
function collectLeaves(value, pointer, emit) {
  if (isText(value)) emit(value, pointer);
  else if (Array.isArray(value))
    value.forEach((item, i) => collectLeaves(item, appendPointer(pointer, i), emit));
  else if (isObject(value))
    for (const [key, item] of Object.entries(value))
      collectLeaves(item, appendPointer(pointer, key), emit);
}

/**
 * Follows `$ref` chains for the schema's type (a `$ref` with a sibling `title` names its target's
 * type).
 * @param {Record<string, unknown>} schema
 * @param {DataMap} map
 * @returns {Record<string, any>}
 */
function resolveForType(schema, map) {
  let current = schema;
  for (let i = 0; i < 16 && !('type' in current); i++) {
    const target = refTarget(current.$ref);
    const next = target === undefined ? undefined : map.schemaAt(target);
    if (!isObject(next)) break;
    current = next;
  }
  return current;
}

/**
 * @param {string} text
 */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
