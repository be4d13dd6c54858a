/**
 * The element's limits on the size of a definition (src/core/definition-limits.js,
 * docs/limits.md), checked before compiling: a compiled definition is trusted by the element,
 * which does not check them again.
 */
import {
  describeLimitProblem,
  findLimitProblem,
  MAX_CHOICES,
  MAX_DEFINITION_DEPTH,
} from '../../src/core/definition-limits.js';

export { MAX_CHOICES, MAX_DEFINITION_DEPTH };

/**
 * The first limit a definition goes beyond, as a problem, or none.
 * @param {unknown} definition
 * @returns {{ pointer: string, message: string, code: string }[]}
 */
export function checkLimits(definition) {
  const problem = findLimitProblem(definition);
  if (!problem) return [];
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
