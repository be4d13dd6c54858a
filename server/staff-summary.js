/**
 * A plain-text German summary of one submission, for the staff of the integration centre.
 *
 * The envelope carries language-neutral values (codes, ISO dates, data URLs), whatever language
 * the person filled the form in. This module reads them back through the form definition's
 * source text (German, `lang: "de"`): labels from the schema's `title`, choice titles instead of
 * codes, dates and numbers written the German way, files by name and size only.
 *
 * Which questions were asked is decided as the form decides it (summary-answers.js: the element's
 * rules from src/core/, conditions judged by ajv). Answers to questions the form did not ask for
 * these answers, and keys the form does not know, are listed apart at the end. Everything the
 * person typed is untrusted text (summary-text.js).
 */
import { appendPointer } from '../src/core/json-pointer.js';
import { isPlainObject } from '../src/core/own.js';
import { collectAnswers } from './summary-answers.js';
import { formatInstant, heading, languageName, rawJson, singleLine } from './summary-text.js';

/**
 * @typedef {Record<string, any>} Schema A JSON Schema object (draft-07 or 2020-12).
 * @typedef {Record<string, any>} UiSchema A uiSchema node (react-jsonschema-form keys).
 * @typedef {{ id?: string, version?: string, lang?: string, schema?: Schema | boolean,
 *   ui?: UiSchema }} FormDefinition
 * @typedef {{ form?: { id?: string, version?: string }, locale?: string, submittedAt?: string,
 *   data?: unknown }} Envelope
 * @typedef {{ reference?: string, receivedAt?: string | Date }} SummaryOptions
 */

const NOT_ASKED = 'Angaben zu Fragen, die bei diesen Antworten nicht gestellt werden';
const UNKNOWN = 'Weitere Angaben (nicht im Formular vorgesehen)';

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
  const env = isPlainObject(envelope) ? envelope : {};
  const form = isPlainObject(env.form) ? env.form : {};
  const def = isPlainObject(definition) ? definition : undefined;
  const data = isPlainObject(env.data) ? env.data : {};

  let answers;
  let unreadable;
  if (def) {
    try {
      answers = collectAnswers(def, data);
    } catch (error) {
      // Not for a definition the receiver checked the submission with: ajv compiled it then.
      unreadable = singleLine(error instanceof Error ? error.message : String(error));
    }
  }
  answers ??= {
    entries: [],
    notAsked: [],
    unknown: Object.keys(data).map((key) => ({
      pointer: appendPointer('', key),
      value: data[key],
    })),
  };

  const out = headerLines(def, env, form, options);
  if (!def) {
    out.push(
      'Hinweis: Die Formulardefinition liegt nicht vor; alle Angaben stehen unter „Weitere Angaben“.',
    );
  } else if (unreadable !== undefined) {
    out.push(
      `Hinweis: Die Formulardefinition kann nicht gelesen werden (${unreadable}); alle Angaben stehen unter „Weitere Angaben“.`,
    );
  }
  if (def) {
    for (const group of stepGroups(answers.entries, isPlainObject(def.ui) ? def.ui : {})) {
      if (group.lines.length === 0) continue;
      out.push('');
      if (group.title) out.push(group.title, '-'.repeat(Math.max(3, [...group.title].length)));
      out.push(...group.lines);
    }
  }

  if (answers.notAsked.length > 0) {
    out.push('', NOT_ASKED, '-'.repeat(NOT_ASKED.length));
    for (const { trail, lines } of answers.notAsked) {
      if (trail.length > 0) out.push(heading(trail.join(' › ')));
      out.push(...lines);
    }
  }
  const unknown = answers.unknown.filter(({ value }) => value !== undefined);
  if (unknown.length > 0) {
    out.push('', UNKNOWN, '-'.repeat(UNKNOWN.length));
    for (const { pointer, value } of unknown) {
      out.push(`${singleLine(pointer)}: ${rawJson(value)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The title, reference, times, language and form, and where envelope and definition differ. */
function headerLines(def, env, form, options) {
  const root = def && isPlainObject(def.schema) ? def.schema : {};
  const title =
    (def && typeof root.title === 'string' && singleLine(root.title)) ||
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

  if (def && typeof form.id === 'string' && typeof def.id === 'string' && form.id !== def.id) {
    out.push(
      `Hinweis: Gesendet für das Formular ${singleLine(form.id)}, gelesen mit der Definition von ${singleLine(def.id)}.`,
    );
  }
  if (
    def &&
    typeof form.version === 'string' &&
    typeof def.version === 'string' &&
    form.version !== def.version
  ) {
    out.push(
      `Hinweis: Gesendet mit Version ${singleLine(form.version)}, gelesen mit Version ${singleLine(def.version)} der Formulardefinition.`,
    );
  }
  return out;
}

/**
 * The top-level lines, grouped by `ui:steps` (fields no step names go to the last step, as the
 * element shows them); one untitled group without steps.
 *
 * @param {Array<{ name: string, lines: string[] }>} entries
 * @param {UiSchema} ui
 * @returns {Array<{ title: string, lines: string[] }>}
 */
function stepGroups(entries, ui) {
  const steps = Array.isArray(ui['ui:steps']) ? ui['ui:steps'].filter(isPlainObject) : [];
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
