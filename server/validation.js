/**
 * Server-side checks: the envelope's shape, and `data` against the form's JSON Schema with ajv,
 * the same way the element checks it: the element's own dialect rule, ajv options, formats and
 * error normalisation (src/core/), with one addition for the server: an extra property
 * (`additionalProperties`, `unevaluatedProperties`) is reported at its own pointer, because only
 * a hand-made request can carry one and its sender wants to know which.
 */
import { createAjv } from '../src/core/create-ajv.js';
import { detectDialect, withCanonicalSchema } from '../src/core/dialect.js';
import { appendPointer } from '../src/core/json-pointer.js';
import { normalizeErrors } from '../src/core/normalize-errors.js';

/** At most this many errors go back to the sender; a hostile body could produce thousands. */
const MAX_ERRORS = 100;

/** Nesting deeper than this is refused before anything walks the body (no form goes near it). */
export const MAX_DEPTH = 100;

/**
 * Compiles a form's schema. Throws when ajv rejects the schema (a broken definition file).
 *
 * @param {Record<string, unknown>} schema
 * @returns {(data: unknown) => Array<{ pointer: string, keyword: string, detail: string }>}
 */
export function compileSchema(schema) {
  const dialect = detectDialect(schema);
  // The form's ajv options have no messages: `describe` words the details below. logger: false —
  // ajv would print warnings about unknown keywords to the console, outside the structured log.
  const ajv = createAjv(dialect, { logger: false });
  const check = ajv.compile(withCanonicalSchema(schema, dialect));
  return (data) => {
    check(data);
    return normalizeErrors(check.errors, { extraAtOwnPointer: true })
      .slice(0, MAX_ERRORS)
      .map((error) => ({ ...error, detail: describe(error) }));
  };
}

// ---------------------------------------------------------------------------------------------
// The envelope

const ENVELOPE_KEYS = new Set(['form', 'locale', 'submittedAt', 'data']);
const FORM_KEYS = new Set(['id', 'version']);
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,6}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
/** Printable, no control characters: it goes into a database column and the staff summary. */
const VERSION = /^[\x20-\x7e]{1,100}$/;

/**
 * Checks `{ form: { id, version }, locale, submittedAt, data }`. Pointers are into the request
 * body (`/form/id`), unlike data errors, whose pointers are into `data`.
 *
 * @returns {Array<{ pointer: string, detail: string }>}
 */
export function checkEnvelope(envelope, formId) {
  const errors = [];
  const fail = (pointer, detail) => errors.push({ pointer, detail });
  if (!isObject(envelope)) {
    fail('', 'The body must be a JSON object.');
    return errors;
  }
  for (const key of Object.keys(envelope)) {
    if (!ENVELOPE_KEYS.has(key)) fail(appendPointer('', key), 'Not part of the envelope.');
  }

  if (!isObject(envelope.form)) {
    fail('/form', 'Must be an object with id and version.');
  } else {
    const { id, version } = envelope.form;
    for (const key of Object.keys(envelope.form)) {
      if (!FORM_KEYS.has(key)) fail(appendPointer('/form', key), 'Not part of the envelope.');
    }
    if (typeof id !== 'string' || id === '') fail('/form/id', 'Must be a non-empty string.');
    else if (id !== formId) fail('/form/id', 'Does not match the form in the URL.');
    if (typeof version !== 'string' || !VERSION.test(version)) {
      fail('/form/version', 'Must be a non-empty string of printable characters.');
    }
  }

  if (typeof envelope.locale !== 'string' || !LOCALE.test(envelope.locale)) {
    fail('/locale', 'Must be a BCP 47 language tag.');
  }

  const at = envelope.submittedAt;
  if (typeof at !== 'string' || !RFC3339.test(at) || Number.isNaN(Date.parse(at))) {
    fail('/submittedAt', 'Must be an RFC 3339 date-time.');
  }

  if (!isObject(envelope.data)) fail('/data', 'Must be an object.');
  return errors;
}

/** Whether a parsed JSON value nests deeper than `limit` (iterative: no stack to overflow). */
export function nestsDeeperThan(value, limit = MAX_DEPTH) {
  const stack = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Details: short English sentences, safe to show next to the field (no echo of the value)

const TYPE_NAMES = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'empty',
};

function describe({ keyword, params }) {
  switch (keyword) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      return 'Required.';
    case 'type': {
      const types = String(params.type ?? '').split(',');
      return `Must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}.`;
    }
    case 'format':
      return `Must be a valid ${params.format}.`;
    case 'minLength':
      return `Must be at least ${params.limit} characters long.`;
    case 'maxLength':
      return `Must be at most ${params.limit} characters long.`;
    case 'minimum':
      return `Must be at least ${params.limit}.`;
    case 'maximum':
      return `Must be at most ${params.limit}.`;
    case 'exclusiveMinimum':
      return `Must be more than ${params.limit}.`;
    case 'exclusiveMaximum':
      return `Must be less than ${params.limit}.`;
    case 'multipleOf':
      return `Must be a multiple of ${params.multipleOf}.`;
    case 'pattern':
      return 'Does not have the expected form.';
    case 'enum':
    case 'const':
      return 'Is not one of the allowed values.';
    case 'minItems':
      return `Must have at least ${params.limit} entries.`;
    case 'maxItems':
      return `Must have at most ${params.limit} entries.`;
    case 'uniqueItems':
      return 'Must not contain the same entry twice.';
    case 'minProperties':
    case 'maxProperties':
      return 'Has the wrong number of entries.';
    case 'additionalProperties':
    case 'unevaluatedProperties':
    case 'unevaluatedItems':
    case 'additionalItems':
    case 'false schema':
    case 'not':
      return 'Is not allowed here.';
    case 'oneOf':
    case 'anyOf':
      return 'Does not match any of the allowed choices.';
    case 'contains':
    case 'minContains':
    case 'maxContains':
      return 'Does not contain the expected entries.';
    default:
      return `Is not valid (${keyword}).`;
  }
}

// ---------------------------------------------------------------------------------------------

export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
