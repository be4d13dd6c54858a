/**
 * The element's limits on the size of a definition (src/core/definition-limits.js,
 * src/core/control-count.js, docs/limits.md), checked before compiling: a compiled definition is
 * trusted by the element, which does not check them again.
 */
import { MAX_CONTROLS, tooManyControlsMessage } from '../../src/core/control-count.js';
import { findTooManyControls } from '../../src/core/count-controls.js';
import {
  describeLimitProblem,
  findLimitProblem,
  MAX_CHOICES,
  MAX_DEFINITION_DEPTH,
} from '../../src/core/definition-limits.js';
import { isPlainObject } from '../../src/core/own.js';
import { SchemaResolver } from '../../src/core/schema-resolver.js';
import { referenceTable } from '../../src/core/schema-references.js';

export { MAX_CHOICES, MAX_CONTROLS, MAX_DEFINITION_DEPTH };

/**
 * The first limit a definition goes beyond, as a problem, or none.
 * @param {unknown} definition
 * @returns {{ pointer: string, message: string, code: string }[]}
 */
export function checkLimits(definition) {
  const problem = findLimitProblem(definition);
  if (!problem) return controlLimit(definition);
  const message = describeLimitProblem(problem);
  return [
    problem.kind === 'too-deep'
      ? {
          pointer: problem.pointer,
          message: `${message}; the element refuses such definitions`,
          code: 'too-deep',
        }
      : { pointer: problem.pointer, message, code: 'too-many-choices' },
  ];
}

/**
 * The limit of controls on screen at once, counted as the element counts them before it compiles
 * a schema, and worded as its definition error is. A `$ref` that cannot be followed is reported
 * by the reference check; here it only stops the count.
 * @param {unknown} definition
 * @returns {{ pointer: string, message: string, code: string }[]}
 */
function controlLimit(definition) {
  const schema = isPlainObject(definition) ? definition.schema : undefined;
  if (!isPlainObject(schema)) return [];
  let crossed;
  try {
    crossed = findTooManyControls(new SchemaResolver(schema, referenceTable(schema)));
  } catch {
    return [];
  }
  if (!crossed) return [];
  return [
    {
      pointer: '/schema',
      message: `${tooManyControlsMessage(crossed.count, crossed.pointer)} The element refuses such a definition (docs/limits.md): make parts optional (they open on "Add …") or ask fewer questions.`,
      code: 'too-many-controls',
    },
  ];
}
