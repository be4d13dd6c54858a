/**
 * The checks of `npx intake-elements check`, run in the browser: the same modules as the command
 * line (cli/lib/*-core.js and the checks they call), with the meta-schema bundled and translations
 * only as written in the definition (the builder keeps them inline).
 *
 * This module pulls in ajv and the meta-schema; the builder loads it lazily, and the test runner
 * serves it bundled whole (web-test-runner.config.js).
 */
import metaSchema from '../../../schemas/intake-definition.schema.json';
import { checkDefinitionWith } from '../../../cli/lib/check-definition-core.js';
import { checkEntries, checkInlineTranslations } from '../../../cli/lib/check-translations-core.js';
import { appendPointer } from '../../../cli/lib/json-pointer.js';
import { createMetaSchemaValidator, validateWith } from '../../../cli/lib/meta-schema-core.js';

/** One problem as the command line reports it (English message, stable code). */
export interface CheckProblem {
  pointer: string;
  message: string;
  code: string;
  severity: 'error' | 'warning';
}

let validator: ReturnType<typeof createMetaSchemaValidator> | undefined;

/**
 * Checks a definition as `intake-elements check` does. `files`: the translations of locales the
 * definition names by file, as the builder read them (locale → pointer → text); they are
 * checked as the command line checks the files, their problems placed under
 * `/translations/<locale>/…`.
 */
export function checkDefinitionProblems(
  definition: unknown,
  files: Record<string, Record<string, unknown>> = {},
): CheckProblem[] {
  validator ??= createMetaSchemaValidator(metaSchema as Record<string, unknown>);
  const validate = validator;
  return checkDefinitionWith(definition, {
    validateMeta: (d: unknown) => validateWith(d, validate),
    checkTranslations: (d: Record<string, unknown>) => [
      ...checkInlineTranslations(d),
      ...Object.entries(files).flatMap(([locale, table]) =>
        checkEntries(
          d,
          table,
          appendPointer('/translations', locale),
          String((d.translations as Record<string, unknown> | undefined)?.[locale] ?? ''),
        ),
      ),
    ],
  }) as CheckProblem[];
}
