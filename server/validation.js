/**
 * Server-side checks: the envelope's shape, and `data` against the form's JSON Schema with ajv,
 * the same way the element checks it (same dialect rule, same formats, same error pointers).
 *
 * The error normalisation is a plain-JavaScript copy of src/validation/normalize-errors.ts (one
 * entry per offending value and keyword, `required` pointing at the missing property, the noise
 * of `oneOf`/`anyOf` alternatives left out), with one addition for the server: an extra property
 * (`additionalProperties`, `unevaluatedProperties`) is reported at its own pointer, because only
 * a hand-made request can carry one and its sender wants to know which.
 */
import { createRequire } from 'node:module';
import { addIntakeFormats, detectDialect } from './formats.js';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

/** The `$schema` URI under which ajv knows each dialect's meta-schema. */
const META_SCHEMA = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

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
  const AjvClass = dialect === '2020-12' ? Ajv2020 : Ajv;
  // messages: false — details are written below; logger: false — ajv would print warnings about
  // unknown keywords to the console, outside the structured log.
  const ajv = new AjvClass({
    allErrors: true,
    // As in the browser: `constructor`, `toString`… are ordinary property names here.
    ownProperties: true,
    strict: false,
    messages: false,
    validateFormats: true,
    logger: false,
  });
  addFormats(ajv);
  addIntakeFormats(ajv);
  const canonical =
    typeof schema.$schema === 'string' ? { ...schema, $schema: META_SCHEMA[dialect] } : schema;
  const check = ajv.compile(canonical);
  return (data) => {
    check(data);
    return normalizeErrors(check.errors)
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
// Normalisation (copy of src/validation/normalize-errors.ts; keep the two in step)

const MISSING = new Set(['required', 'dependentRequired', 'dependencies']);
/** Server addition: keywords whose error names an extra property. */
const EXTRA = {
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
};
const PRIORITY = [
  'required',
  'dependentRequired',
  'dependencies',
  'type',
  'const',
  'enum',
  'format',
  'minLength',
  'maxLength',
  'pattern',
];
const OTHERS = [
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'multipleOf',
  'maxItems',
  'minItems',
  'additionalItems',
  'items',
  'contains',
  'uniqueItems',
  'maxContains',
  'minContains',
  'unevaluatedItems',
  'maxProperties',
  'minProperties',
  'propertyNames',
  'additionalProperties',
  'unevaluatedProperties',
  'false schema',
];
const COMPOSITE_ORDER = [
  '$ref',
  'not',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'then',
  'else',
  'dependentSchemas',
];
const RANK = new Map(
  [...PRIORITY, ...OTHERS, ...COMPOSITE_ORDER].map((keyword, index) => [keyword, index]),
);
const UNKNOWN_RANK = PRIORITY.length + OTHERS.length - 0.5;
const CHECKED_BEFORE = new Set(['type', '$ref', 'const', 'enum', 'not', 'anyOf']);

function rank(keyword) {
  return RANK.get(keyword) ?? UNKNOWN_RANK;
}

function compareKeywords(a, b) {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0 || a === b) return byRank;
  return a < b ? -1 : 1;
}

function insideAlternative(schemaPath) {
  return /\/(oneOf|anyOf)\/\d+\//.test(schemaPath);
}

function isWithin(pointer, ancestor) {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function alternativeNoise(errors) {
  const noise = new Set();
  errors.forEach((error, index) => {
    if (insideAlternative(error.schemaPath)) noise.add(index);
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') return;
    const suffix = `/${error.keyword}`;
    if (!error.schemaPath.endsWith(suffix)) return;
    const owner = error.schemaPath.slice(0, -suffix.length);
    for (let j = index - 1; j >= 0; j--) {
      const earlier = errors[j];
      if (!isWithin(earlier.instancePath, error.instancePath)) break;
      const path = earlier.schemaPath;
      if (path.startsWith(`${error.schemaPath}/`)) {
        noise.add(j);
        continue;
      }
      if (path.startsWith(`${owner}/`)) {
        const keyword = path.slice(owner.length + 1).split('/')[0];
        if (CHECKED_BEFORE.has(keyword)) break;
        noise.add(j);
        continue;
      }
      if (sharedSegments(path, owner) > 1) break;
      if (error.instancePath !== '' && leadsTo(path, earlier.keyword, earlier.instancePath)) break;
      noise.add(j);
    }
  });
  return noise;
}

const TO_ANY_MEMBER = new Set([
  'additionalProperties',
  'unevaluatedProperties',
  'additionalItems',
  'unevaluatedItems',
  'contains',
]);
const NAMED = new Set([
  'allOf',
  'anyOf',
  'oneOf',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function leadsTo(path, keyword, instancePath) {
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === keyword) segments.pop();
  const tokens = instancePath === '' ? [] : instancePath.slice(1).split('/');
  let depth = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (NAMED.has(segment)) {
      i++;
      continue;
    }
    let member = null;
    if (segment === 'properties' || segment === 'prefixItems')
      member = decodeSegment(segments[++i] ?? '');
    else if (segment === 'patternProperties') i++;
    else if (segment === 'items') {
      if (/^\d+$/.test(segments[i + 1] ?? '')) member = segments[++i];
    } else if (!TO_ANY_MEMBER.has(segment)) continue;
    if (depth >= tokens.length) return false;
    if (member !== null && member !== tokens[depth]) return false;
    depth++;
  }
  return depth === tokens.length;
}

function sharedSegments(a, b) {
  const left = a.split('/');
  const right = b.split('/');
  let count = 0;
  while (count < left.length && count < right.length && left[count] === right[count]) count++;
  return count;
}

/** @returns {Array<{ pointer: string, keyword: string, params: Record<string, unknown> }>} */
export function normalizeErrors(errors) {
  if (!errors) return [];
  const seen = new Set();
  const result = [];
  const noise = alternativeNoise(errors);
  for (const [index, error] of errors.entries()) {
    if (error.keyword === 'if') continue;
    if (noise.has(index)) continue;
    let pointer = error.instancePath;
    if (MISSING.has(error.keyword) && typeof error.params.missingProperty === 'string') {
      pointer = appendPointer(pointer, error.params.missingProperty);
    }
    const extra = EXTRA[error.keyword];
    if (extra && typeof error.params[extra] === 'string') {
      pointer = appendPointer(pointer, error.params[extra]);
    }
    const key = `${pointer}\u0000${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ pointer, keyword: error.keyword, params: { ...error.params } });
  }
  const order = new Map();
  result.forEach((error) => order.has(error.pointer) || order.set(error.pointer, order.size));
  return result
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        order.get(a.error.pointer) - order.get(b.error.pointer) ||
        compareKeywords(a.error.keyword, b.error.keyword) ||
        a.index - b.index,
    )
    .map(({ error }) => error);
}

// ---------------------------------------------------------------------------------------------

/** RFC 6901: appends one reference token to a JSON Pointer. */
export function appendPointer(pointer, token) {
  return `${pointer}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
