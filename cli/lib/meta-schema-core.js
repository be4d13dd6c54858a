// The pure part of meta-schema.js (no file access), shared by the command line and the builder in
// the browser: the validator of the definition format, built from the meta-schema object, and its
// problems in words.
import Ajv2020Module from 'ajv/dist/2020.js';
import { appendPointer } from './json-pointer.js';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

/** @typedef {{ pointer: string, message: string, code: string }} Problem */

/**
 * The validator of the definition format. The dialect meta-schema references of `$defs/jsonSchema`
 * are left out: the form's schema is checked by check-schema.js instead (see meta-schema.js).
 * @param {Record<string, any>} metaSchema schemas/intake-definition.schema.json, parsed
 * @returns {import('ajv').ValidateFunction}
 */
export function createMetaSchemaValidator(metaSchema) {
  const schema = structuredClone(metaSchema);
  const jsonSchema = schema.$defs.jsonSchema;
  delete jsonSchema.if;
  delete jsonSchema.then;
  delete jsonSchema.else;
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false, verbose: true });
  return ajv.compile(schema);
}

/** ui keys of the form as a whole, not of a field. */
const ROOT_ONLY_UI_KEYS = ['ui:steps', 'ui:review', 'ui:confirmation'];

/** Known keys by the schema location of the object that lists them, for "did you mean". */
function knownKeys(parentSchema) {
  if (!parentSchema || typeof parentSchema !== 'object') return [];
  return Object.keys(parentSchema.properties ?? {});
}

/**
 * Edit distance (optimal string alignment: a swap of neighbours counts as one edit), for
 * suggesting the key that was probably meant.
 * @param {string} a
 * @param {string} b
 */
export function distance(a, b) {
  /** @type {number[][]} */
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The closest of `candidates` to `name`, if it is close enough to be a typo.
 * @param {string} name
 * @param {Iterable<string>} candidates
 * @returns {string | undefined}
 */
export function suggest(name, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3))
    ? best
    : undefined;
}

/**
 * Turns one ajv error into a problem: the pointer names the offending value (for `required`,
 * the missing member; for unknown keys, the key), the message says what is wrong in words.
 * @param {import('ajv').ErrorObject} error
 * @returns {Problem | undefined}
 */
function toProblem(error) {
  const at = error.instancePath;
  const params = /** @type {Record<string, any>} */ (error.params);
  switch (error.keyword) {
    case 'required':
      return {
        pointer: appendPointer(at, params.missingProperty),
        message: `"${params.missingProperty}" is missing`,
        code: 'missing-key',
      };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = params.additionalProperty ?? params.unevaluatedProperty;
      const candidates = knownKeys(error.parentSchema);
      const hint = suggest(key, candidates);
      const what = key.startsWith('ui:') ? 'ui key' : 'key';
      if (ROOT_ONLY_UI_KEYS.includes(key))
        return {
          pointer: appendPointer(at, key),
          message: `"${key}" belongs to the top level of "ui", not to a field`,
          code: 'unknown-key',
        };
      return {
        pointer: appendPointer(at, key),
        message: `unknown ${what} "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        code: 'unknown-key',
      };
    }
    case 'type':
      return {
        pointer: at,
        message: `must be ${[].concat(params.type).join(' or ')}`,
        code: 'wrong-type',
      };
    case 'pattern':
      return { pointer: at, message: patternMessage(at), code: 'bad-value' };
    case 'propertyNames':
      // Reported through its sub-error (the offending name) by the `pattern` case.
      return undefined;
    case 'if':
    case 'anyOf':
      // The sub-errors say what is wrong.
      return undefined;
    case 'minItems':
      return {
        pointer: at,
        message: `must have at least ${params.limit} item${params.limit === 1 ? '' : 's'}`,
        code: 'bad-value',
      };
    case 'minimum':
    case 'maximum':
      return {
        pointer: at,
        message: `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${params.limit}`,
        code: 'bad-value',
      };
    case 'minLength':
      return { pointer: at, message: 'must not be empty', code: 'bad-value' };
    case 'uniqueItems':
      return {
        pointer: appendPointer(at, params.i),
        message: `repeats item ${params.j}`,
        code: 'duplicate',
      };
    default:
      return { pointer: at, message: error.message ?? error.keyword, code: 'bad-value' };
  }
}

/**
 * What a value that fails a `pattern` should look like, by where it is.
 * @param {string} pointer
 */
function patternMessage(pointer) {
  if (pointer === '/$schema')
    return 'does not name the intake definition format (expected a path or URL ending in "intake-definition.schema.json")';
  if (pointer === '/id') return 'must consist of letters, digits, ".", "_", "-"';
  if (pointer === '/lang') return 'must be a language tag (BCP 47), e.g. "de" or "pt-BR"';
  if (pointer === '/schema/$schema')
    return 'is not a JSON Schema dialect intake-elements knows (draft-04, draft-06, draft-07, 2019-09 or 2020-12)';
  if (/^\/translations\/[^/]+$/.test(pointer))
    return 'is not a language tag (BCP 47), e.g. "en" or "pt-BR"';
  if (/^\/translations\/[^/]+\/[^/]+$/.test(pointer))
    return 'is not a JSON Pointer into the definition (it must start with "/")';
  if (/\/ui:autocomplete$/.test(pointer))
    return 'is not an HTML autocomplete token ("given-name", "email", "shipping postal-code", "off", …)';
  if (/\/errorMessages\/[^/]+$/.test(pointer)) return 'is not a JSON Schema keyword';
  return 'has the wrong form';
}

/**
 * Validates a parsed definition against the meta-schema.
 * @param {unknown} definition
 * @param {import('ajv').ValidateFunction} validate from {@link createMetaSchemaValidator}
 * @returns {Problem[]}
 */
export function validateWith(definition, validate) {
  if (validate(definition)) return [];
  /** @type {Problem[]} */
  const problems = [];
  const seen = new Set();
  for (const error of validate.errors ?? []) {
    let problem = toProblem(error);
    // A name that fails `propertyNames` is reported at the name's own pointer.
    if (error.keyword === 'pattern' && error.propertyName !== undefined) {
      const pointer = appendPointer(error.instancePath, error.propertyName);
      problem = { pointer, message: patternMessage(pointer), code: 'bad-key' };
    }
    if (!problem) continue;
    // One wrong type per value (alternatives and their branches say it more than once).
    const key =
      problem.code === 'wrong-type'
        ? `${problem.pointer}\u0000wrong-type`
        : `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
