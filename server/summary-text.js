/**
 * The staff summary's German wording of values, and what makes untrusted text safe in it.
 *
 * Everything the person typed is treated as untrusted text: line breaks cannot start a line of
 * their own (multi-line answers are quoted with "> " by the layout), and control characters and
 * bidi overrides/isolates (U+202A–U+202E, U+2066–U+2069) are removed, so that an answer cannot make
 * the summary look as if it said something else. Ordinary right-to-left text is kept as it is.
 * Node ≥ 20 (Intl with full ICU).
 */
import { formatBytes } from '../src/core/format-bytes.js';

const LOCALE = 'de-DE';
const TIME_ZONE = 'Europe/Berlin';

/** Raw JSON of one unknown value is cut off here, so a huge payload cannot bury the summary. */
const MAX_RAW_JSON = 2000;

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
// Untrusted text

/**
 * Text the person entered, safe for a plain-text summary: line breaks normalised to "\n", tabs
 * to spaces, control characters and bidi overrides/isolates removed, surrounding blank space
 * trimmed. Right-to-left letters and the ordinary marks (LRM, RLM, ALM, ZWNJ) stay.
 *
 * @param {unknown} value
 */
export function text(value) {
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
export function singleLine(value) {
  return text(String(value).replace(LINE_BREAKS, ' '));
}

/** Wraps right-to-left text in FSI…PDI when our own text follows it on the same line. */
export function isolate(value) {
  return RTL_LETTER.test(value) ? `${FSI}${value}${PDI}` : value;
}

/** Not answered: nothing, null, an empty string or an empty list. */
export function isUnanswered(value) {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && text(value) === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

// ---------------------------------------------------------------------------------------------
// Values

/** A number the German way: "12.345,67", but "1985". */
export function formatNumber(value) {
  return numberFormat.format(value);
}

/**
 * A string answer: files by name and size, dates and times the German way where the schema's
 * `format` or the `ui:widget` says it is one, else the text itself.
 *
 * @param {string} value
 * @param {unknown} format the schema's `format`
 * @param {unknown} widget the `ui:widget`
 */
export function formatString(value, format, widget) {
  if (isDataUrl(value)) return describeFile(value, true);
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
export function formatInstant(value) {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return undefined;
  return `${dateTimeFormat.format(date)} Uhr`;
}

/** "Arabisch (ar)"; the tag alone when ICU has no German name for it. */
export function languageName(locale) {
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

export function isDataUrl(value) {
  return typeof value === 'string' && /^data:[^,]*,/i.test(value);
}

/**
 * "befund.pdf (12 kB)": name and decoded size of a data URL, never its content.
 *
 * @param {string} dataUrl
 * @param {boolean} isolated wrap a right-to-left name in FSI…PDI (it is followed by the size)
 */
export function describeFile(dataUrl, isolated) {
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
export function rawJson(value) {
  let json;
  try {
    json = JSON.stringify(value, (_key, v) =>
      isDataUrl(v) ? `[Datei: ${describeFile(v, false)}]` : v,
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
// Layout of one answer

/** A label as the start of a line: "Vorname:", but "Wie alt sind Sie?" keeps its question mark. */
export function heading(label) {
  return /[?:]$/.test(label) ? label : `${withoutFinalStop(label)}:`;
}

export function withoutFinalStop(value) {
  return value.replace(/[.\s]+$/, '');
}

/** "Label: Wert"; answers with several lines go below the label, each quoted with "> ". */
export function valueLines(indent, label, value) {
  const lines = value.split('\n');
  if (lines.length === 1) return [`${indent}${heading(label)} ${value}`];
  const quoted = lines.map((line) => `${indent}  > ${line}`);
  return [`${indent}${heading(label)}`, ...quoted];
}
