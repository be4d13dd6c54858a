/**
 * The element's limits on the size of a definition (src/core/definition-limits.js,
 * docs/limits.md), checked before compiling: a compiled definition is trusted by the element,
 * which does not check them again.
 */
import {
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
  if (problem.kind === 'too-deep')
    return [
      {
        pointer: problem.pointer,
        message: `nested more than ${MAX_DEFINITION_DEPTH} levels deep; the element refuses such definitions`,
        code: 'too-deep',
      },
    ];
  return [
    {
      pointer: problem.pointer,
      message: `${problem.count} entries; at most ${MAX_CHOICES} are supported`,
      code: 'too-many-choices',
    },
  ];
}
