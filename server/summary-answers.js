/**
 * The answers of one submission, walked the way the form asked them: the definition's schema is
 * resolved (`$ref`, `allOf`) and its conditions and object alternatives are decided against the
 * data by ajv, with the element's own rules (src/core/, which src/model/ runs too), so that the staff
 * summary and the form agree on which questions were asked. Labels, order (`ui:order`) and
 * choice labels are the form's too.
 *
 * What the data holds beyond that is kept apart: answers to questions the form did not ask for
 * these answers (a branch whose condition does not hold: only an older client or a hand-made
 * request sends them) and keys the form does not know at all.
 */
import { getChoices } from '../src/core/choices.js';
import { compileMatcher } from '../src/core/compile-matcher.js';
import { appendPointer } from '../src/core/json-pointer.js';
import { orderProperties } from '../src/core/order-properties.js';
import { getOwn, hasOwn, isPlainObject } from '../src/core/own.js';
import { SchemaResolver } from '../src/core/schema-resolver.js';
import { referenceTable } from '../src/core/schema-references.js';
import { activeSchema } from '../src/core/select-alternative.js';
import {
  formatNumber,
  formatString,
  heading,
  isDataUrl,
  isolate,
  isUnanswered,
  rawJson,
  singleLine,
  valueLines,
  withoutFinalStop,
} from './summary-text.js';
import { declaredElsewhere } from './summary-declarations.js';

/** @typedef {import('../src/core/schema-resolver.js').ResolvedSchema} ResolvedSchema */
/** @typedef {import('../src/core/schema-resolver.js').SchemaAt} SchemaAt */
/**
 * @typedef {object} Answers
 * @property {Array<{ name: string, lines: string[] }>} entries the top-level answers, in form
 *   order, one entry per property
 * @property {Array<{ trail: string[], lines: string[] }>} notAsked answers to questions that
 *   conditions or alternatives switched off, with the labels of the answers they are part of
 * @property {Array<{ pointer: string, value: unknown }>} unknown values at keys the form does not
 *   know
 * @property {string[]} asked the pointers of the answers printed as answers to questions asked
 *   (each value, each item of a list of values), in order
 */

/** Indentation per nesting level. */
const INDENT = '  ';

/** Data nested deeper than this is printed as raw JSON (a self-referencing schema, a hostile request). */
const MAX_DEPTH = 32;

/** A value without a schema: every key of it is unknown. */
const NO_SCHEMA = Object.freeze({
  schema: {},
  origins: {},
  propertyLocations: {},
  refTargets: [],
  recursive: false,
});

/**
 * The resolver and ajv's matcher of recent schemas, by their JSON text: compiling takes about
 * 150 ms, and the receiver parses the stored definition afresh for every summary.
 * @type {Map<string, { resolver: SchemaResolver, matches: Function }>}
 */
const models = new Map();
const MAX_MODELS = 16;

/**
 * The resolver and ajv's matcher for a definition's schema. Throws when the schema cannot be used
 * (ajv refuses it, a `$ref` leads nowhere).
 *
 * @param {{ schema?: unknown }} definition
 */
function formModel(definition) {
  const schema = isPlainObject(definition.schema) ? definition.schema : {};
  const key = JSON.stringify(schema);
  let model = models.get(key);
  if (model) {
    // Most recently used last, so that the oldest goes first.
    models.delete(key);
  } else {
    model = {
      resolver: new SchemaResolver(schema, referenceTable(schema)),
      matches: compileMatcher(schema),
    };
  }
  models.set(key, model);
  if (models.size > MAX_MODELS) models.delete(models.keys().next().value);
  return model;
}

/**
 * Walks `data` along the definition. Throws when the definition's schema cannot be used.
 *
 * @param {{ schema?: unknown, ui?: unknown }} definition
 * @param {Record<string, unknown>} data
 * @returns {Answers}
 */
export function collectAnswers(definition, data) {
  const { resolver, matches } = formModel(definition);
  /** @type {Answers & { resolver: SchemaResolver, matches: Function }} */
  const walk = { resolver, matches, entries: [], notAsked: [], unknown: [], asked: [] };
  const root = resolver.resolve(resolver.rootAt(), [resolver.rootLocation]);
  walk.entries = objectEntries(walk, root, asUi(definition.ui), data, '', 0, []);
  const { entries, notAsked, unknown, asked } = walk;
  return { entries, notAsked, unknown, asked };
}

function asUi(value) {
  return isPlainObject(value) ? value : {};
}

/**
 * The lines of an object's answered properties that apply, in form order, one entry per
 * property; what does not apply goes to `walk.notAsked` or `walk.unknown`.
 */
function objectEntries(walk, resolved, ui, data, pointer, depth, trail) {
  const { active } = activeSchema(walk.resolver, resolved, data, walk.matches);
  const properties = active.schema.properties ?? {};
  const entries = [];
  for (const name of orderProperties(Object.keys(properties), ui['ui:order'])) {
    if (!hasOwn(data, name)) continue;
    const at = { schema: properties[name], location: active.propertyLocations[name] };
    const lines = entryLines(walk, at, resolved.refTargets, asUi(getOwn(ui, name)), name, {
      value: data[name],
      pointer: appendPointer(pointer, name),
      depth,
      trail,
    });
    if (lines.length > 0) entries.push({ name, lines });
  }
  const inactive = new Set(active.inactiveProperties);
  const elsewhere = inactive.size > 0 ? declaredElsewhere(walk.resolver, resolved) : new Map();
  for (const key of Object.keys(data)) {
    if (hasOwn(properties, key)) continue;
    const at = inactive.has(key) ? elsewhere.get(key) : undefined;
    if (!at) {
      walk.unknown.push({ pointer: appendPointer(pointer, key), value: data[key] });
      continue;
    }
    // Printed on its own (the section says what it is part of): one level in where nested.
    // Nothing in it was asked.
    const asked = walk.asked;
    walk.asked = [];
    const lines = entryLines(walk, at, resolved.refTargets, asUi(getOwn(ui, key)), key, {
      value: data[key],
      pointer: appendPointer(pointer, key),
      depth: trail.length > 0 ? 1 : 0,
      trail,
    });
    walk.asked = asked;
    if (lines.length > 0) walk.notAsked.push({ trail, lines });
  }
  return entries;
}

/**
 * The lines for one value: "Label: Wert", or a heading with an indented block for objects and
 * lists of objects. Nothing for an unanswered value.
 *
 * @param {SchemaAt | undefined} at the value's schema (none: a value the form does not describe)
 */
function entryLines(walk, at, refTargets, ui, name, { value, pointer, depth, trail }) {
  if (isUnanswered(value)) return [];
  const indent = INDENT.repeat(depth);
  const resolved = at ? walk.resolver.resolve(at, refTargets) : NO_SCHEMA;
  const label = labelOf(resolved, ui, name);
  if (depth > MAX_DEPTH) return valueLines(indent, label, rawJson(value));

  if (isPlainObject(value)) {
    const inner = [...trail, label];
    const entries = objectEntries(walk, resolved, ui, value, pointer, depth + 1, inner);
    if (entries.length === 0) return [];
    return [`${indent}${heading(label)}`, ...entries.flatMap((e) => e.lines)];
  }
  if (Array.isArray(value)) {
    return listLines(walk, resolved, ui, label, { value, pointer, depth, trail });
  }
  walk.asked.push(pointer);
  return valueLines(indent, label, formatScalar(walk, resolved, ui, value));
}

/** A list: one numbered block per object ("Kind 1:", "Kind 2:", …), else one line of values. */
function listLines(walk, resolved, ui, label, { value, pointer, depth, trail }) {
  const answered = value.filter((item) => !isUnanswered(item));
  if (answered.length === 0) return [];
  const indent = INDENT.repeat(depth);
  const itemOf = (index) => {
    const item = itemAt(resolved, ui, index);
    const schema = item.at ? walk.resolver.resolve(item.at, resolved.refTargets) : NO_SCHEMA;
    return { resolved: schema, ui: item.ui };
  };

  if (value.every((item) => isPlainObject(item) || isUnanswered(item))) {
    const lines = [`${indent}${heading(label)}`];
    value.forEach((item, index) => {
      if (isUnanswered(item)) return;
      const { resolved: schema, ui: itemUi } = itemOf(index);
      const title = `${withoutFinalStop(labelOf(schema, itemUi, 'Eintrag'))} ${index + 1}`;
      const itemPointer = appendPointer(pointer, index);
      const inner = [...trail, label, title];
      const entries = objectEntries(walk, schema, itemUi, item, itemPointer, depth + 2, inner);
      lines.push(`${indent}${INDENT}${title}:`);
      if (entries.length === 0) lines.push(`${indent}${INDENT.repeat(2)}(keine Angaben)`);
      for (const entry of entries) lines.push(...entry.lines);
    });
    return lines;
  }

  // Choices, files or plain values, joined with commas. react-jsonschema-form reads the
  // `ui:enumNames` of a checkbox group from the list's own uiSchema: it is read there too.
  const texts = [];
  value.forEach((item, index) => {
    if (isUnanswered(item)) return;
    const { resolved: schema, ui: itemUi } = itemOf(index);
    const names = itemUi['ui:enumNames'] ?? ui['ui:enumNames'];
    const scalarUi = names === undefined ? itemUi : { ...itemUi, 'ui:enumNames': names };
    const formatted = formatScalar(walk, schema, scalarUi, item);
    walk.asked.push(appendPointer(pointer, index));
    // File names are isolated already; other right-to-left text is, before the next comma.
    texts.push(answered.length > 1 && !isDataUrl(item) ? isolate(formatted) : formatted);
  });
  return valueLines(indent, label, texts.join(', '));
}

/**
 * The schema and uiSchema of a list's item at `index`, as the element reads them: a tuple
 * (`prefixItems`, or draft-07's `items` as an array) and what follows it (`items`, or draft-07's
 * `additionalItems`), or `items` for all.
 *
 * @returns {{ at: SchemaAt | undefined, ui: Record<string, unknown> }}
 */
function itemAt(resolved, ui, index) {
  const { schema, origins } = resolved;
  const prefix = Array.isArray(schema.prefixItems);
  const tuple = prefix ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : null;
  const place = (keyword, ...tokens) =>
    tokens.reduce(
      (at, token) => appendPointer(at, token),
      appendPointer(origins[keyword], keyword),
    );
  if (tuple && index < tuple.length) {
    const keyword = prefix ? 'prefixItems' : 'items';
    const itemUi = Array.isArray(ui.items) ? ui.items[index] : ui.items;
    return { at: { schema: tuple[index], location: place(keyword, index) }, ui: asUi(itemUi) };
  }
  const rest = tuple && !prefix ? 'additionalItems' : 'items';
  if (schema[rest] === undefined) return { at: undefined, ui: {} };
  const restUi = tuple ? ui.additionalItems : ui.items;
  return { at: { schema: schema[rest], location: place(rest) }, ui: asUi(restUi) };
}

/** `ui:title`, else the schema's `title`, else the property name: the element's label. */
function labelOf(resolved, ui, fallback) {
  const fromUi = typeof ui['ui:title'] === 'string' ? ui['ui:title'] : undefined;
  const title = resolved.schema.title;
  const fromSchema = typeof title === 'string' && title !== '' ? title : undefined;
  return singleLine(fromUi ?? fromSchema ?? fallback) || singleLine(fallback);
}

/** One value as German text: a choice's label, "Ja"/"Nein", a German number, date or time. */
function formatScalar(walk, resolved, ui, value) {
  const choices = getChoices(walk.resolver, resolved, ui, '');
  if (choices) {
    const choice = choices.find((c) => sameValue(c.value, value));
    if (choice) return singleLine(choice.label.text);
  }
  let shown;
  if (typeof value === 'boolean') shown = value ? 'Ja' : 'Nein';
  else if (typeof value === 'number') shown = formatNumber(value);
  else if (typeof value === 'string')
    shown = formatString(value, resolved.schema.format, ui['ui:widget']);
  else shown = rawJson(value);
  // A code the form does not offer (an old version, a hand-made request): say so.
  return choices ? `${shown} (kein Wert der Auswahlliste)` : shown;
}

function sameValue(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
