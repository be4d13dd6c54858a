/**
 * The limits on the size of a raw definition (src/core/definition-limits.js, docs/limits.md) as
 * the element reports them: a definition error naming the limit and the place, in the command
 * line's words (describeLimitProblem).
 */
import { DefinitionError } from './definition-error.js';
import {
  describeLimitProblem,
  findLimitProblem,
  MAX_CHOICES,
  MAX_DEFINITION_DEPTH,
} from '../core/definition-limits.js';

export { MAX_CHOICES, MAX_DEFINITION_DEPTH };

/** Throws a {@link DefinitionError} (`invalid-schema`) for a definition beyond the limits. */
export function checkDefinitionLimits(definition: object): void {
  const problem = findLimitProblem(definition);
  if (!problem) return;
  if (problem.kind === 'too-deep')
    throw new DefinitionError(
      'invalid-schema',
      `The definition is ${describeLimitProblem(problem)} (at ${problem.pointer}).`,
      { limit: MAX_DEFINITION_DEPTH },
      problem.pointer,
    );
  throw new DefinitionError(
    'invalid-schema',
    `"${problem.keyword}" at ${problem.pointer} has ${describeLimitProblem(problem)}.`,
    { limit: MAX_CHOICES, count: problem.count },
    problem.pointer,
  );
}
