/**
 * Checks a definition's `schema` the way the element will use it: its dialect, its validity for
 * ajv (the dialect's meta-schema, regular expressions, references), unknown formats, and whether
 * ajv compiles it and every sub-schema the form matches at run time.
 */
import { RefResolver } from './check-refs.js';
import {
  addRootSchema,
  createAjv,
  detectDialect,
  INTAKE_FORMATS,
  referenceOf,
} from './compile-ajv.js';
import { validatorLocations } from './compile-locations.js';
import { appendPointer } from './json-pointer.js';
import { suggest } from './meta-schema-core.js';
import { descends, SCHEMA_MAPS } from './check-refs.js';
import formatsModule from 'ajv-formats/dist/formats.js';

/** @typedef {{ pointer: string, message: string, code: string }} Problem */

const { fullFormats } = formatsModule;

/** Every format the element checks. */
export const KNOWN_FORMATS = [
  ...new Set([...Object.keys(fullFormats), ...Object.keys(INTAKE_FORMATS)]),
];

/**
 * Walks every schema node of a document (not into data keywords), calling `visit` with the node
 * and its location.
 * @param {unknown} node
 * @param {string} location
 * @param {(node: Record<string, unknown>, location: string) => void} visit
 * @param {number} [depth]
 * @param {boolean} [inMap]
 */
export function walkSchema(node, location, visit, depth = 0, inMap = false) {
  if (typeof node !== 'object' || node === null || depth > 500) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkSchema(item, appendPointer(location, i), visit, depth + 1));
    return;
  }
  const object = /** @type {Record<string, unknown>} */ (node);
  if (!inMap) visit(object, location);
  for (const [key, value] of Object.entries(object)) {
    if (descends(key, inMap))
      walkSchema(
        value,
        appendPointer(location, key),
        visit,
        depth + 1,
        !inMap && SCHEMA_MAPS.has(key),
      );
  }
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function show(value) {
  return JSON.stringify(value);
}

/**
 * One ajv error in words.
 * @param {import('ajv').ErrorObject} error
 */
function wordError(error) {
  const params = /** @type {Record<string, any>} */ (error.params);
  switch (error.keyword) {
    case 'type':
      return `must be of type ${String(params.type).split(',').join(' or ')}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `must be ${error.keyword === 'minimum' ? 'at least' : 'more than'} ${params.limit}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `must be ${error.keyword === 'maximum' ? 'at most' : 'less than'} ${params.limit}`;
    case 'minItems':
      return `must have at least ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return `must not repeat items (${params.j} and ${params.i} are the same)`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * Words the errors of ajv's `validateSchema` (the dialect's meta-schema), one problem per
 * offending value: alternatives (`anyOf`) are merged into one message, and an error whose value
 * contains a more specific error is left out.
 * @param {import('ajv').ErrorObject[]} errors
 * @param {string} base the pointer of the schema in the definition (`/schema`)
 * @returns {Problem[]}
 */
export function wordMetaSchemaErrors(errors, base) {
  const paths = [...new Set(errors.map((e) => e.instancePath))];
  const leaves = paths.filter(
    (path) => !paths.some((other) => other !== path && other.startsWith(`${path}/`)),
  );
  /** @type {Problem[]} */
  const problems = [];
  for (const path of leaves) {
    const here = errors.filter((e) => e.instancePath === path);
    const alternatives = here.some((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
    const pointer = base + path;
    if (alternatives) {
      const options = [];
      const enumError = here.find((e) => e.keyword === 'enum');
      for (const e of here) {
        const params = /** @type {Record<string, any>} */ (e.params);
        if (e.keyword === 'enum')
          options.push(`one of ${params.allowedValues.map(show).join(', ')}`);
        else if (e.keyword === 'type' && params.type === 'array' && enumError)
          options.push('a list of them');
        else if (e.keyword === 'type')
          options.push(`of type ${[].concat(params.type).join(' or ')}`);
        else if (e.keyword === 'const') options.push(show(params.allowedValue));
      }
      problems.push({
        pointer,
        message: options.length > 0 ? `must be ${options.join(', or ')}` : 'is not valid here',
        code: 'invalid-schema',
      });
      continue;
    }
    for (const e of here) {
      const params = /** @type {Record<string, any>} */ (e.params);
      if (e.keyword === 'required') {
        problems.push({
          pointer: appendPointer(pointer, params.missingProperty),
          message: `"${params.missingProperty}" is missing`,
          code: 'invalid-schema',
        });
      } else if (e.keyword === 'enum') {
        problems.push({
          pointer,
          message: `must be one of ${params.allowedValues.map(show).join(', ')}`,
          code: 'invalid-schema',
        });
      } else {
        problems.push({ pointer, message: wordError(e), code: 'invalid-schema' });
      }
    }
  }
  const seen = new Set();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Regular expressions the element cannot use (ajv compiles them with the `u` flag).
 * @param {unknown} schema
 * @param {string} base
 * @returns {Problem[]}
 */
function checkPatterns(schema, base) {
  /** @type {Problem[]} */
  const problems = [];
  /**
   * @param {string} source
   * @param {string} pointer
   */
  const test = (source, pointer) => {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      problems.push({
        pointer,
        message: `is not a valid regular expression: ${/** @type {Error} */ (error).message.replace(/^Invalid regular expression: /, '')}`,
        code: 'invalid-pattern',
      });
    }
  };
  walkSchema(schema, base, (node, location) => {
    if (typeof node.pattern === 'string') test(node.pattern, appendPointer(location, 'pattern'));
    const patternProperties = node.patternProperties;
    if (typeof patternProperties === 'object' && patternProperties !== null) {
      for (const key of Object.keys(patternProperties))
        test(key, appendPointer(appendPointer(location, 'patternProperties'), key));
    }
  });
  return problems;
}

/**
 * `format`s the element does not know: ajv ignores them, so nothing is checked.
 * @param {unknown} schema
 * @param {string} base
 * @returns {Problem[]}
 */
function checkFormats(schema, base) {
  /** @type {Problem[]} */
  const problems = [];
  walkSchema(schema, base, (node, location) => {
    if (typeof node.format !== 'string' || KNOWN_FORMATS.includes(node.format)) return;
    const hint = suggest(node.format, KNOWN_FORMATS);
    problems.push({
      pointer: appendPointer(location, 'format'),
      message: `unknown format "${node.format}": nothing would be checked${hint ? ` (did you mean "${hint}"?)` : ''}`,
      code: 'unknown-format',
    });
  });
  return problems;
}

/** Siblings of `$ref` that carry no constraint and no field: nothing to warn about. */
const QUIET_SIBLINGS = new Set([
  '$ref',
  '$comment',
  '$id',
  'id',
  '$schema',
  'definitions',
  'title',
  'description',
  'examples',
]);

/**
 * draft-04 to 07 say a `$ref`'s siblings are ignored; ajv and intake-elements apply them (a form
 * author who writes `required` beside a `$ref` means it), so other tools will read the form
 * differently: a warning names them.
 * @param {Record<string, unknown>} schema
 * @param {string} base
 * @param {string} dialect
 * @returns {Problem[]}
 */
function checkRefSiblings(schema, base, dialect) {
  if (!/^draft-0[467]$/.test(dialect)) return [];
  /** @type {Problem[]} */
  const problems = [];
  walkSchema(schema, base, (node, location) => {
    if (typeof node.$ref !== 'string') return;
    const siblings = Object.keys(node).filter((key) => !QUIET_SIBLINGS.has(key));
    if (siblings.length === 0) return;
    problems.push({
      pointer: appendPointer(location, '$ref'),
      message: `${siblings.map((key) => `"${key}"`).join(', ')} beside "$ref": ${dialect} says they are ignored, intake-elements (and ajv) apply them with the referenced schema; write them in an "allOf" with the "$ref", or use 2020-12, so that every tool reads the form alike`,
      code: 'ref-siblings',
    });
  });
  return problems;
}

/**
 * Checks the `schema` of a definition (already known to be an object).
 * @param {Record<string, unknown>} schema
 * @param {string} [base]
 * @returns {Problem[]}
 */
export function checkSchema(schema, base = '/schema') {
  let dialect;
  try {
    dialect = detectDialect(schema);
  } catch (error) {
    return [
      {
        pointer: appendPointer(base, '$schema'),
        message: `${show(/** @type {{ dialect: string }} */ (error).dialect)} is not a JSON Schema dialect intake-elements knows: use the $schema of draft-04, draft-06, draft-07, 2019-09 or 2020-12 (e.g. "https://json-schema.org/draft/2020-12/schema")`,
        code: 'unsupported-dialect',
      },
    ];
  }
  const ajv = createAjv(dialect, { logger: false, messages: true });
  /** @type {Problem[]} */
  const problems = [];
  const { $schema: _declared, ...withoutDialect } = schema;
  if (!ajv.validateSchema(withoutDialect))
    problems.push(...wordMetaSchemaErrors(ajv.errors ?? [], base));
  problems.push(...checkPatterns(schema, base));
  for (const error of new RefResolver(schema, base).check()) {
    problems.push({
      pointer:
        error.code === 'cyclic-ref' && error.pointer.endsWith('/allOf')
          ? error.pointer
          : appendPointer(error.pointer, '$ref'),
      message: error.message,
      code: error.code,
    });
  }
  problems.push(...checkFormats(schema, base), ...checkRefSiblings(schema, base, dialect));
  if (problems.some((p) => p.code !== 'unknown-format' && p.code !== 'ref-siblings'))
    return problems;
  // Anything else ajv refuses: compile the whole schema and every part the form matches.
  try {
    const rootKey = addRootSchema(ajv, schema, dialect);
    for (const location of validatorLocations(schema, base)) {
      const pointer = location;
      try {
        const reference = location === base ? rootKey : referenceOf(rootKey, location);
        if (!ajv.getSchema(reference)) throw new Error('ajv found nothing to compile');
      } catch (error) {
        problems.push({
          pointer,
          message: `ajv cannot compile this: ${/** @type {Error} */ (error).message}`,
          code: 'invalid-schema',
        });
        if (location === base) break;
      }
    }
  } catch (error) {
    problems.push({
      pointer: base,
      message: `ajv cannot compile the schema: ${/** @type {Error} */ (error).message}`,
      code: 'invalid-schema',
    });
  }
  return problems;
}
