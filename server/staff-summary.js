/**
 * A plain-text German summary of one submission, for the staff of the integration centre.
 *
 * The envelope carries language-neutral values (codes, ISO dates, data URLs), whatever language
 * the person filled the form in. This module reads them back through the form definition's
 * source text (German, `lang: "de"`): labels from the schema's `title`, choice titles instead of
 * codes, dates and numbers written the German way, files by name and size only.
 *
 * Everything the person typed is treated as untrusted text: line breaks cannot start a line of
 * their own (multi-line answers are quoted with "> "), and control characters and bidi
 * overrides/isolates (U+202A–U+202E, U+2066–U+2069) are removed, so that an answer cannot make the
 * summary look as if it said something else. Ordinary right-to-left text is kept as it is.
 *
 * No dependencies beyond the project's JSON Pointer escaping; Node ≥ 20 (Intl with full ICU).
 */
import { formatBytes } from '../src/core/format-bytes.js';
import { appendPointer } from '../src/core/json-pointer.js';

/**
 * @typedef {Record<string, any>} Schema A JSON Schema object (draft-07 or 2020-12).
 * @typedef {Record<string, any>} UiSchema A uiSchema node (react-jsonschema-form keys).
 * @typedef {{ id?: string, version?: string, lang?: string, schema?: Schema | boolean,
 *   ui?: UiSchema }} FormDefinition
 * @typedef {{ form?: { id?: string, version?: string }, locale?: string, submittedAt?: string,
 *   data?: unknown }} Envelope
 * @typedef {{ reference?: string, receivedAt?: string | Date }} SummaryOptions
 * @typedef {{ value: unknown, label: string }} Choice
 */

const LOCALE = 'de-DE';
const TIME_ZONE = 'Europe/Berlin';

/** How deep `$ref`, `allOf` and `then` may nest before we stop (guards against cycles). */
const MAX_DEPTH = 32;

/** Raw JSON of one unknown value is cut off here, so a huge payload cannot bury the summary. */
const MAX_RAW_JSON = 2000;

/** Indentation per nesting level. */
const INDENT = '  ';

/** Line breaks of every kind; an answer's lines are quoted separately. */
const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;
/** C0 and C1 control characters (line breaks and tab are handled before). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates: they can reorder what follows on the line. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, …, presentation forms). */
const RTL_LETTER =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** First strong isolate / pop directional isolate, for RTL text followed by our own text. */
const FSI = '\u2068';
const PDI = '\u2069';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
});
// 'min2': years and other four-digit numbers stay "1985", larger ones get "12.345".
const numberFormat = new Intl.NumberFormat(LOCALE, {
  useGrouping: 'min2',
  maximumFractionDigits: 20,
});
const languageNames = new Intl.DisplayNames('de', { type: 'language' });

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Summarises one submission in German plain text.
 *
 * @param {FormDefinition | undefined} definition the form definition the envelope was sent for
 *   (its source language should be German); without one, every value is listed raw
 * @param {Envelope} envelope `{ form: { id, version }, locale, submittedAt, data }`
 * @param {SummaryOptions} [options] what the receiver knows: the reference it gave out and when
 *   the submission arrived (default: the envelope's `submittedAt`)
 * @returns {string} the summary, lines separated by "\n", ending with a newline
 */
export function summarizeSubmission(definition, envelope, options = {}) {
  const env = isObject(envelope) ? envelope : {};
  const form = isObject(env.form) ? env.form : {};
  const def = isObject(definition) ? definition : undefined;
  const root = def && (isObject(def.schema) || typeof def.schema === 'boolean') ? def.schema : {};
  const ui = def && isObject(def.ui) ? def.ui : {};
  const data = isObject(env.data) ? env.data : {};
  const context = { root, unknown: /** @type {Array<{ pointer: string, value: unknown }>} */ ([]) };

  const title =
    (def && isObject(root) && typeof root.title === 'string' && singleLine(root.title)) ||
    `Formular ${singleLine(String(form.id ?? def?.id ?? ''))}`.trim();
  const out = [title, '='.repeat(Math.max(3, [...title].length))];

  if (options.reference) out.push(`Aktenzeichen: ${singleLine(String(options.reference))}`);
  const received = options.receivedAt ?? env.submittedAt;
  out.push(`Eingegangen: ${formatInstant(received) ?? 'unbekannt'}`);
  if (options.receivedAt !== undefined && typeof env.submittedAt === 'string') {
    // Queued submissions may arrive days after the person sent them; then both times matter.
    const sent = Date.parse(env.submittedAt);
    const got = new Date(options.receivedAt).getTime();
    if (!Number.isNaN(sent) && !Number.isNaN(got) && Math.abs(got - sent) >= 60_000) {
      out.push(`Abgeschickt: ${formatInstant(env.submittedAt)}`);
    }
  }
  out.push(`Ausgefüllt auf: ${languageName(env.locale)}`);
  const formLine = [form.id ?? def?.id, form.version && `Version ${form.version}`]
    .filter((part) => typeof part === 'string' && part !== '')
    .map((part) => singleLine(part))
    .join(', ');
  if (formLine) out.push(`Formular: ${formLine}`);

  if (!def) {
    out.push(
      'Hinweis: Die Formulardefinition liegt nicht vor; alle Angaben stehen unter „Weitere Angaben“.',
    );
  } else {
    if (typeof form.id === 'string' && typeof def.id === 'string' && form.id !== def.id) {
      out.push(
        `Hinweis: Gesendet für das Formular ${singleLine(form.id)}, gelesen mit der Definition von ${singleLine(def.id)}.`,
      );
    }
    if (
      typeof form.version === 'string' &&
      typeof def.version === 'string' &&
      form.version !== def.version
    ) {
      out.push(
        `Hinweis: Gesendet mit Version ${singleLine(form.version)}, gelesen mit Version ${singleLine(def.version)} der Formulardefinition.`,
      );
    }
  }

  if (def) {
    const groups = topLevelGroups(context, root, ui, data);
    for (const group of groups) {
      if (group.lines.length === 0) continue;
      out.push('');
      if (group.title) out.push(group.title, '-'.repeat(Math.max(3, [...group.title].length)));
      out.push(...group.lines);
    }
  } else {
    for (const key of Object.keys(data)) {
      context.unknown.push({ pointer: appendPointer('', key), value: data[key] });
    }
  }

  const unknown = context.unknown.filter(({ value }) => value !== undefined);
  if (unknown.length > 0) {
    const heading = 'Weitere Angaben (nicht im Formular vorgesehen)';
    out.push('', heading, '-'.repeat(heading.length));
    for (const { pointer, value } of unknown) {
      out.push(`${singleLine(pointer)}: ${rawJson(value)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Layout

/**
 * The top-level lines, grouped by `ui:steps` (fields no step names go to the last step, as the
 * element shows them); one untitled group without steps.
 *
 * @returns {Array<{ title: string, lines: string[] }>}
 */
function topLevelGroups(context, root, ui, data) {
  const entries = objectEntries(context, [root], ui, data, '', 0);
  const steps = Array.isArray(ui['ui:steps']) ? ui['ui:steps'].filter(isObject) : [];
  if (steps.length === 0) return [{ title: '', lines: entries.flatMap((e) => e.lines) }];

  const groups = steps.map((step) => ({
    title: typeof step.title === 'string' ? singleLine(step.title) : '',
    names: new Set(Array.isArray(step.fields) ? step.fields : []),
    lines: /** @type {string[]} */ ([]),
  }));
  for (const entry of entries) {
    const group = groups.find((g) => g.names.has(entry.name)) ?? groups[groups.length - 1];
    group.lines.push(...entry.lines);
  }
  return groups;
}

/**
 * The lines of an object's answered properties, in form order, one entry per property. Keys the
 * schema does not describe are collected in `context.unknown`.
 *
 * @returns {Array<{ name: string, lines: string[] }>}
 */
function objectEntries(context, nodes, ui, data, pointer, depth) {
  const { properties, known } = collectProperties(context, nodes, data);
  const order = orderNames([...properties.keys()], isObject(ui) ? ui['ui:order'] : undefined);
  const entries = [];
  for (const name of order) {
    if (!Object.hasOwn(data, name)) continue;
    const childUi = isObject(ui) && isObject(ui[name]) ? ui[name] : {};
    const lines = entryLines(
      context,
      properties.get(name) ?? [],
      childUi,
      name,
      data[name],
      appendPointer(pointer, name),
      depth,
    );
    if (lines.length > 0) entries.push({ name, lines });
  }
  for (const key of Object.keys(data)) {
    if (!properties.has(key) && !known(key)) {
      context.unknown.push({ pointer: appendPointer(pointer, key), value: data[key] });
    }
  }
  return entries;
}

/**
 * The lines for one value: "Label: Wert", or a heading with an indented block for objects and
 * lists of objects. Nothing for an unanswered value.
 *
 * @param {Array<Schema | boolean>} nodes the schemas that describe the value (base, then branches)
 * @returns {string[]}
 */
function entryLines(context, nodes, ui, name, value, pointer, depth) {
  if (isUnanswered(value)) return [];
  const indent = INDENT.repeat(depth);
  const facets = expand(context, nodes);
  const label = labelOf(facets, ui, name);
  // Data nested deeper than any form goes (a self-referencing schema, a hostile request).
  if (depth > MAX_DEPTH) return valueLines(indent, label, rawJson(value));

  if (isObject(value)) {
    const entries = objectEntries(context, nodes, ui, value, pointer, depth + 1);
    if (entries.length === 0) return [];
    return [`${indent}${heading(label)}`, ...entries.flatMap((e) => e.lines)];
  }

  if (Array.isArray(value)) {
    const items = value.filter((item) => !isUnanswered(item));
    if (items.length === 0) return [];
    const itemUi = isObject(ui.items) ? ui.items : {};
    if (value.every((item) => isObject(item) || isUnanswered(item))) {
      // A list of objects: one numbered block per item ("Kind 1:", "Kind 2:", …).
      const lines = [`${indent}${heading(label)}`];
      value.forEach((item, index) => {
        if (isUnanswered(item)) return;
        const itemNodes = itemSchemas(context, facets, index);
        const itemTitle = labelOf(expand(context, itemNodes), itemUi, 'Eintrag');
        const itemPointer = appendPointer(pointer, String(index));
        const entries = objectEntries(context, itemNodes, itemUi, item, itemPointer, depth + 2);
        lines.push(`${indent}${INDENT}${withoutFinalStop(itemTitle)} ${index + 1}:`);
        if (entries.length === 0) lines.push(`${indent}${INDENT.repeat(2)}(keine Angaben)`);
        for (const entry of entries) lines.push(...entry.lines);
      });
      return lines;
    }
    // A list of choices, files or plain values: one line, joined with commas. `ui:enumNames`
    // of a checkbox group may sit on the array itself.
    const scalarUi =
      ui['ui:enumNames'] !== undefined && itemUi['ui:enumNames'] === undefined
        ? { ...itemUi, 'ui:enumNames': ui['ui:enumNames'] }
        : itemUi;
    const texts = [];
    value.forEach((item, index) => {
      if (isUnanswered(item)) return;
      const itemFacets = expand(context, itemSchemas(context, facets, index));
      const formatted = formatScalar(context, itemFacets, scalarUi, item);
      // File names are isolated already; other right-to-left text is, before the next comma.
      texts.push(items.length > 1 && !isDataUrl(item) ? isolate(formatted) : formatted);
    });
    return valueLines(indent, label, texts.join(', '));
  }

  return valueLines(indent, label, formatScalar(context, facets, ui, value));
}

/** "Label: Wert"; answers with several lines go below the label, each quoted with "> ". */
function valueLines(indent, label, text) {
  const lines = text.split('\n');
  if (lines.length === 1) return [`${indent}${heading(label)} ${text}`];
  return [`${indent}${heading(label)}`, ...lines.map((line) => `${indent}${INDENT}> ${line}`)];
}

/** A label as the start of a line: "Vorname:", but "Wie alt sind Sie?" keeps its question mark. */
function heading(label) {
  return /[?:]$/.test(label) ? label : `${withoutFinalStop(label)}:`;
}

function withoutFinalStop(text) {
  return text.replace(/[.\s]+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * One value as German text.
 *
 * @param {Schema[]} facets
 * @param {UiSchema} ui
 * @param {unknown} value
 */
function formatScalar(context, facets, ui, value) {
  const choices = choicesOf(context, facets, ui);
  if (choices) {
    const choice = choices.find((c) => sameValue(c.value, value));
    if (choice) return singleLine(choice.label);
  }
  let text;
  if (typeof value === 'boolean') text = value ? 'Ja' : 'Nein';
  else if (typeof value === 'number') text = numberFormat.format(value);
  else if (typeof value === 'string') text = formatString(facets, ui, value);
  else text = rawJson(value);
  // A code the form does not offer (an old version, a hand-made request): say so.
  return choices ? `${text} (kein Wert der Auswahlliste)` : text;
}

function formatString(facets, ui, value) {
  if (isDataUrl(value)) return describeFile(value, true);
  const format = facets.map((f) => f.format).find((f) => typeof f === 'string');
  const widget = ui['ui:widget'];
  if (format === 'date' || widget === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match) {
      // Noon UTC, so that no time zone moves the date to the day before.
      const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], 12));
      if (!Number.isNaN(date.getTime())) return dateFormat.format(date);
    }
  }
  if (format === 'date-time' || widget === 'datetime' || widget === 'datetime-local') {
    const formatted = formatInstant(value);
    if (formatted) return formatted;
  }
  if (format === 'time' || widget === 'time') {
    const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
    if (match) return `${match[1]}:${match[2]} Uhr`;
  }
  return text(value);
}

/** An RFC 3339 date-time (or a Date) in Berlin time: "25. November 2026 um 11:00 Uhr". */
function formatInstant(value) {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return undefined;
  return `${dateTimeFormat.format(date)} Uhr`;
}

/** "Arabisch (ar)"; the tag alone when ICU has no German name for it. */
function languageName(locale) {
  if (typeof locale !== 'string' || locale === '') return 'unbekannt';
  const tag = singleLine(locale);
  // Only tags that start with a language subtag: ICU names private-use tags ("x-…") "root".
  if (!/^[a-z]{2,3}(?:-|$)/i.test(tag)) return tag;
  let name;
  try {
    name = languageNames.of(tag);
  } catch {
    return tag;
  }
  return name && name.toLowerCase() !== tag.toLowerCase() ? `${name} (${tag})` : tag;
}

function isDataUrl(value) {
  return /^data:[^,]*,/i.test(value);
}

/**
 * "befund.pdf (12 kB)": name and decoded size of a data URL, never its content.
 *
 * @param {string} dataUrl
 * @param {boolean} isolated wrap a right-to-left name in FSI…PDI (it is followed by the size)
 */
function describeFile(dataUrl, isolated) {
  const comma = dataUrl.indexOf(',');
  const [, ...params] = dataUrl.slice(5, comma).split(';');
  const nameParam = params.find((p) => p.toLowerCase().startsWith('name='));
  let name = nameParam?.slice(5) ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Keep it as sent.
  }
  const payload = dataUrl.slice(comma + 1);
  let size;
  if (params.some((p) => p.toLowerCase() === 'base64')) {
    const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
    size = Math.max(0, Math.floor((payload.length * 3) / 4) - padding);
  } else {
    try {
      size = Buffer.byteLength(decodeURIComponent(payload));
    } catch {
      size = payload.length;
    }
  }
  const shown = singleLine(name) || 'Datei';
  return `${isolated ? isolate(shown) : shown} (${formatBytes(size, LOCALE)})`;
}

/**
 * A value as compact JSON, safe to print: files replaced by their description, bidi and C1
 * controls escaped (JSON.stringify escapes C0 already), long payloads cut off.
 */
function rawJson(value) {
  let json;
  try {
    json = JSON.stringify(value, (_key, v) =>
      typeof v === 'string' && isDataUrl(v) ? `[Datei: ${describeFile(v, false)}]` : v,
    );
  } catch {
    json = undefined;
  }
  if (json === undefined) return '(nicht darstellbar)';
  json = json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // Lone surrogates are escaped by JSON.stringify already.
  if (json.length > MAX_RAW_JSON) {
    json = `${json.slice(0, MAX_RAW_JSON)} … (gekürzt, ${numberFormat.format(json.length)} Zeichen)`;
  }
  return json;
}

// ---------------------------------------------------------------------------------------------
// Untrusted text

/**
 * Text the person entered, safe for a plain-text summary: line breaks normalised to "\n", tabs
 * to spaces, control characters and bidi overrides/isolates removed, surrounding blank space
 * trimmed. Right-to-left letters and the ordinary marks (LRM, RLM, ALM, ZWNJ) stay.
 *
 * @param {string} value
 */
function text(value) {
  return String(value)
    .toWellFormed()
    .replace(LINE_BREAKS, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, (c) => (c === '\n' ? c : ''))
    .replace(BIDI_CONTROLS, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Like {@link text}, on one line (labels, names, codes). */
function singleLine(value) {
  return text(String(value).replace(LINE_BREAKS, ' '));
}

/** Wraps right-to-left text in FSI…PDI when our own text follows it on the same line. */
function isolate(value) {
  return RTL_LETTER.test(value) ? `${FSI}${value}${PDI}` : value;
}

// ---------------------------------------------------------------------------------------------
// Schemas

/**
 * Resolves a local `$ref` (`#/$defs/x`, `#/definitions/x`, any `#/…` pointer) against the root.
 * Remote references are not followed.
 */
function resolveRef(context, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  if (ref === '#') return context.root;
  if (!ref.startsWith('#/')) return undefined;
  let node = context.root;
  for (const raw of ref.slice(2).split('/')) {
    let token;
    try {
      token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

/**
 * The schema objects that together describe one value: each node, what its `$ref` points to
 * and its `allOf` members, in that order (so the node's own `title` wins over its target's).
 *
 * @param {Array<unknown>} nodes
 * @returns {Schema[]}
 */
function expand(context, nodes) {
  /** @type {Schema[]} */
  const facets = [];
  const seen = new Set();
  const visit = (node, depth) => {
    if (!isObject(node) || seen.has(node) || depth > MAX_DEPTH) return;
    seen.add(node);
    facets.push(node);
    if (node.$ref !== undefined) visit(resolveRef(context, node.$ref), depth + 1);
    if (Array.isArray(node.allOf)) for (const m of node.allOf) visit(m, depth + 1);
  };
  for (const node of nodes) visit(node, 0);
  return facets;
}

/**
 * The properties an object schema declares, with the schemas that describe each: its own
 * `properties` first, then those of `$ref`, `allOf`, the `then`/`else` branches that apply to
 * the data, `dependentSchemas`/`dependencies` whose key is present, and the matching `oneOf`/
 * `anyOf` member; then, for names the data has anyway, what inactive branches declare.
 * `known(key)` tells whether `additionalProperties`/`patternProperties` cover another key.
 *
 * @returns {{ properties: Map<string, Array<unknown>>, known: (key: string) => boolean }}
 */
function collectProperties(context, nodes, data) {
  /** @type {Map<string, Array<unknown>>} */
  const active = new Map();
  /** @type {Map<string, Array<unknown>>} */
  const inactive = new Map();
  const patterns = [];
  let additional = false;
  /** @type {Map<object, Set<string>>} */
  const seen = new Map();

  const add = (map, name, schema) => {
    if (!map.has(name)) map.set(name, []);
    map.get(name).push(schema);
  };

  const visit = (node, on, depth) => {
    if (!isObject(node) || depth > MAX_DEPTH) return;
    const key = `${on}`;
    // The same subschema may be reached twice (active, then inactive): visit it once per state.
    if (seen.has(node) && seen.get(node).has(key)) return;
    if (!seen.has(node)) seen.set(node, new Set());
    seen.get(node).add(key);

    if (isObject(node.properties)) {
      for (const [name, schema] of Object.entries(node.properties)) {
        add(on ? active : inactive, name, schema);
      }
    }
    if (on && isObject(node.patternProperties))
      patterns.push(...Object.keys(node.patternProperties));
    if (on && isObject(node.additionalProperties)) additional = true;
    if (node.$ref !== undefined) visit(resolveRef(context, node.$ref), on, depth + 1);
    if (Array.isArray(node.allOf)) for (const m of node.allOf) visit(m, on, depth + 1);
    for (const keyword of ['oneOf', 'anyOf']) {
      if (!Array.isArray(node[keyword])) continue;
      let chosen = false;
      for (const member of node[keyword]) {
        const fits = !chosen && matches(context, member, data, 0);
        if (fits && keyword === 'oneOf') chosen = true;
        visit(member, on && fits, depth + 1);
      }
    }
    if (node.if !== undefined) {
      const fits = matches(context, node.if, data, 0);
      visit(node.then, on && fits, depth + 1);
      visit(node.else, on && !fits, depth + 1);
    }
    for (const keyword of ['dependentSchemas', 'dependencies']) {
      if (!isObject(node[keyword])) continue;
      for (const [name, schema] of Object.entries(node[keyword])) {
        visit(schema, on && isObject(data) && Object.hasOwn(data, name), depth + 1);
      }
    }
  };
  for (const node of nodes) visit(node, true, 0);

  // Names only inactive parts declare come after the active ones (the envelope should not carry
  // them, but if it does, they still get their German label rather than raw JSON).
  for (const [name, schemas] of inactive) {
    if (!active.has(name) && isObject(data) && Object.hasOwn(data, name)) active.set(name, schemas);
  }
  const known = (key) =>
    additional ||
    patterns.some((pattern) => {
      try {
        return new RegExp(pattern, 'u').test(key);
      } catch {
        return false;
      }
    });
  return { properties: active, known };
}

/** Schemas of the array item at `index`: `prefixItems`/tuple `items`, then `items`. */
function itemSchemas(context, facets, index) {
  for (const facet of facets) {
    if (Array.isArray(facet.prefixItems) && index < facet.prefixItems.length) {
      return [facet.prefixItems[index]];
    }
    if (Array.isArray(facet.items)) {
      if (index < facet.items.length) return [facet.items[index]];
      if (facet.additionalItems !== undefined) return [facet.additionalItems];
      continue;
    }
    if (facet.items !== undefined) return [facet.items];
  }
  return [];
}

/** `ui:title`, else the first `title`, else the property name. */
function labelOf(facets, ui, fallback) {
  const fromUi = isObject(ui) && typeof ui['ui:title'] === 'string' ? ui['ui:title'] : undefined;
  const fromSchema = facets.map((f) => f.title).find((t) => typeof t === 'string' && t !== '');
  return singleLine(fromUi ?? fromSchema ?? fallback) || singleLine(fallback);
}

/**
 * The choices of a choice list: `oneOf`/`anyOf` of `const` (or one-value `enum`) with `title`,
 * or `enum` labelled by `ui:enumNames` (a list in enum order or a map from value to name). For
 * array of choices, this is called with the schemas of its items.
 *
 * @returns {Choice[] | undefined}
 */
function choicesOf(context, facets, ui) {
  for (const facet of facets) {
    if (Array.isArray(facet.enum)) {
      const names = ui['ui:enumNames'];
      return facet.enum.map((value, i) => {
        const name = Array.isArray(names)
          ? names[i]
          : isObject(names)
            ? names[typeof value === 'string' ? value : JSON.stringify(value)]
            : undefined;
        return { value, label: typeof name === 'string' ? name : display(value) };
      });
    }
    for (const keyword of ['oneOf', 'anyOf']) {
      const members = facet[keyword];
      if (!Array.isArray(members) || members.length === 0) continue;
      /** @type {Choice[]} */
      const choices = [];
      for (const member of members) {
        const parts = expand(context, [member]);
        const fixer = parts.find(
          (p) => 'const' in p || (Array.isArray(p.enum) && p.enum.length === 1),
        );
        if (!fixer) return undefined;
        const fixed = 'const' in fixer ? fixer.const : fixer.enum[0];
        const title = parts.map((p) => p.title).find((t) => typeof t === 'string');
        choices.push({ value: fixed, label: title ?? display(fixed) });
      }
      return choices;
    }
  }
  return undefined;
}

/**
 * Whether `value` is valid against `schema`, for deciding which `if` branch applies. A small,
 * best-effort subset of JSON Schema (const, enum, type, required, properties, items, the
 * combinators, bounds, pattern); keywords it does not know count as satisfied.
 */
function matches(context, schema, value, depth) {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (!isObject(schema) || depth > MAX_DEPTH) return true;
  const next = (s, v) => matches(context, s, v, depth + 1);

  if (schema.$ref !== undefined) {
    const target = resolveRef(context, schema.$ref);
    if (target !== undefined && !next(target, value)) return false;
  }
  if ('const' in schema && !sameValue(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => sameValue(e, value))) return false;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) return false;
  }
  if (isObject(value)) {
    if (Array.isArray(schema.required) && !schema.required.every((n) => Object.hasOwn(value, n))) {
      return false;
    }
    if (isObject(schema.properties)) {
      for (const [name, sub] of Object.entries(schema.properties)) {
        if (Object.hasOwn(value, name) && !next(sub, value[name])) return false;
      }
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
    if (isObject(schema.items) && !value.every((item) => next(schema.items, item))) return false;
    if (schema.contains !== undefined && !value.some((item) => next(schema.contains, item))) {
      return false;
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
      return false;
    }
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) {
      return false;
    }
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
    if (typeof schema.pattern === 'string') {
      try {
        if (!new RegExp(schema.pattern, 'u').test(value)) return false;
      } catch {
        // An expression JavaScript cannot compile: do not decide on it.
      }
    }
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => next(s, value))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => next(s, value))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => next(s, value)).length !== 1) {
    return false;
  }
  if (schema.not !== undefined && next(schema.not, value)) return false;
  if (schema.if !== undefined) {
    const branch = next(schema.if, value) ? schema.then : schema.else;
    if (branch !== undefined && !next(branch, value)) return false;
  }
  return true;
}

function hasType(value, type) {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

/** Orders names by `ui:order`; `"*"` stands for every name not listed (as the element does). */
function orderNames(names, order) {
  if (!Array.isArray(order) || order.length === 0) return names;
  const known = new Set(names);
  const listed = new Set(order.filter((name) => name !== '*' && known.has(name)));
  const rest = names.filter((name) => !listed.has(name));
  const star = order.indexOf('*');
  if (star === -1) return [...listed, ...rest];
  const before = order.slice(0, star).filter((name) => known.has(name));
  const after = order.slice(star + 1).filter((name) => known.has(name));
  return [...before, ...rest, ...after];
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Not answered: nothing, null, an empty string or an empty list. */
function isUnanswered(value) {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && text(value) === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function sameValue(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function display(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
