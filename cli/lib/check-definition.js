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
import { checkDefinitionWith, withSeverity } from './check-definition-core.js';
import { positionAt } from './check-positions.js';
import { checkTranslations } from './check-translations.js';
import { validateAgainstMetaSchema } from './meta-schema.js';

/** @typedef {import('./check-definition-core.js').Problem} Problem */

/**
 * Checks a parsed definition.
 * @param {unknown} definition
 * @param {{ path?: string, displayPath?: (path: string) => string }} [options] `path`: the file it
 *   was read from, to check translation files given by relative URL
 * @returns {Problem[]}
 */
export function checkDefinition(definition, options = {}) {
  return checkDefinitionWith(definition, {
    validateMeta: validateAgainstMetaSchema,
    checkTranslations: (object) => checkTranslations(object, options),
  });
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
