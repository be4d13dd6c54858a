// @ts-check
// The pure part of check-definition.js (no file access), shared by the command line and the
// builder in the browser: every check of a parsed definition, in the order the command line runs them.
import { checkLimits } from './check-limits.js';
import { RefResolver } from './check-refs.js';
import { checkSchema } from './check-schema.js';
import { checkUi } from './check-ui.js';
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
export function withSeverity(problem) {
  return { ...problem, severity: WARNINGS.has(problem.code) ? 'warning' : 'error' };
}

/**
 * Checks a parsed definition, with the two checks that differ between the command line (files)
 * and the browser given by the caller.
 * @param {unknown} definition
 * @param {{ validateMeta: (definition: unknown) => { pointer: string, message: string, code: string }[],
 *   checkTranslations: (definition: Record<string, unknown>) => { pointer: string, message: string, code: string, file?: string }[] }} checks
 * @returns {Problem[]}
 */
export function checkDefinitionWith(definition, checks) {
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
  problems.push(...checks.validateMeta(object).filter((p) => !schemaPointers.has(p.pointer)));
  problems.push(...schemaProblems);
  if (isObject(object.schema)) {
    const resolver = new RefResolver(/** @type {Record<string, unknown>} */ (object.schema));
    if (isObject(object.ui))
      problems.push(...checkUi(resolver, /** @type {Record<string, unknown>} */ (object.ui)));
  }
  problems.push(...checks.checkTranslations(object));
  const all = problems.map(withSeverity);
  // A value that is wrong in itself is reported once, as the error.
  const errors = new Set(
    all.filter((p) => p.severity === 'error' && !p.file).map((p) => p.pointer),
  );
  return all.filter((p) => p.severity === 'error' || p.file || !errors.has(p.pointer));
}
