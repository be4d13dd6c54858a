/**
 * Everything `intake-elements check` (and, before compiling, `intake-elements compile`) finds wrong
 * with a form definition, each problem with the JSON Pointer of where it is:
 *
 * - errors — the form cannot work: not JSON, not an object, against the definition format
 *   (schemas/intake-definition.schema.json), a schema ajv refuses (meta-schema, regular
 *   expressions, unknown dialect), `$ref`s the element cannot follow (unresolvable, cyclic), a
 *   definition beyond the element's limits (nesting, number of choices: docs/limits.md);
 * - warnings — the form works, but not as meant: ui keys, `ui:order` entries and `ui:steps` fields
 *   naming properties that do not exist, translation keys that point at no text, unknown formats.
 */
import { checkLimits } from './check-limits.js';
import { positionAt } from './check-positions.js';
import { RefResolver } from './check-refs.js';
import { checkSchema } from './check-schema.js';
import { checkTranslations } from './check-translations.js';
import { checkUi } from './check-ui.js';
import { validateAgainstMetaSchema } from './meta-schema.js';
import { isPlainObject as isObject } from '../../src/core/own.js';

/**
 * @typedef {object} Problem
 * @property {string} pointer JSON Pointer of the offending value ('' = the whole document)
 * @property {string} message what is wrong, in words
 * @property {string} code a stable identifier of the kind of problem
 * @property {'error' | 'warning'} severity
 * @property {string} [file] the file the pointer is in, when it is not the definition
 */

const WARNINGS = new Set([
  'ui-unknown-property',
  'step-unknown-field',
  'step-duplicate-field',
  'translation-unknown-key',
  'translation-not-text',
  'translation-file-missing',
  'unknown-format',
  'ref-siblings',
]);

/**
 * @param {{ pointer: string, message: string, code: string, file?: string }} problem
 * @returns {Problem}
 */
function withSeverity(problem) {
  return { ...problem, severity: WARNINGS.has(problem.code) ? 'warning' : 'error' };
}

/**
 * Checks a parsed definition.
 * @param {unknown} definition
 * @param {{ path?: string, displayPath?: (path: string) => string }} [options] `path`: the file it
 *   was read from, to check translation files given by relative URL
 * @returns {Problem[]}
 */
export function checkDefinition(definition, options = {}) {
  if (!isObject(definition))
    return [
      withSeverity({
        pointer: '',
        message: 'a form definition must be a JSON object',
        code: 'not-object',
      }),
    ];
  const object = /** @type {Record<string, unknown>} */ (definition);
  // Beyond the element's limits nothing else is worth checking (and could take long).
  const limits = checkLimits(object);
  if (limits.length > 0) return limits.map(withSeverity);
  /** @type {{ pointer: string, message: string, code: string, file?: string }[]} */
  const problems = [];
  const schemaProblems = isObject(object.schema)
    ? checkSchema(/** @type {Record<string, unknown>} */ (object.schema))
    : [];
  const schemaPointers = new Set(schemaProblems.map((p) => p.pointer));
  // The schema check words a bad `$schema` better; everything else comes from the meta-schema.
  problems.push(...validateAgainstMetaSchema(object).filter((p) => !schemaPointers.has(p.pointer)));
  problems.push(...schemaProblems);
  if (isObject(object.schema)) {
    const resolver = new RefResolver(/** @type {Record<string, unknown>} */ (object.schema));
    if (isObject(object.ui))
      problems.push(...checkUi(resolver, /** @type {Record<string, unknown>} */ (object.ui)));
  }
  problems.push(...checkTranslations(object, options));
  const all = problems.map(withSeverity);
  // A value that is wrong in itself is reported once, as the error.
  const errors = new Set(
    all.filter((p) => p.severity === 'error' && !p.file).map((p) => p.pointer),
  );
  return all.filter((p) => p.severity === 'error' || p.file || !errors.has(p.pointer));
}

/**
 * Parses and checks the text of a definition file.
 * @param {string} text
 * @param {{ path?: string, displayPath?: (path: string) => string }} [options]
 * @returns {{ definition?: unknown, problems: Problem[] }}
 */
export function checkDefinitionText(text, options = {}) {
  let definition;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    const message = /** @type {Error} */ (error).message;
    const offset = /at position (\d+)/.exec(message);
    const where = offset ? positionAt(text, Number(offset[1])) : undefined;
    return {
      problems: [
        withSeverity({
          pointer: '',
          message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}${where ? ` (line ${where.line}, column ${where.column})` : ''}`,
          code: 'not-json',
        }),
      ],
    };
  }
  return { definition, problems: checkDefinition(definition, options) };
}
