/**
 * The limits on the size of a raw definition (src/core/definition-limits.js, docs/limits.md) as
 * the element reports them: a definition error naming the limit and the place.
 */
import { DefinitionError } from './definition-error.js';
import { findLimitProblem, MAX_CHOICES, MAX_DEFINITION_DEPTH } from '../core/definition-limits.js';

export { MAX_CHOICES, MAX_DEFINITION_DEPTH };

/** Throws a {@link DefinitionError} (`invalid-schema`) for a definition beyond the limits. */
export function checkDefinitionLimits(definition: object): void {
  const problem = findLimitProblem(definition);
  if (!problem) return;
  if (problem.kind === 'too-deep')
    throw new DefinitionError(
      'invalid-schema',
      `The definition is nested more than ${MAX_DEFINITION_DEPTH} levels deep (at ${problem.pointer}).`,
      { limit: MAX_DEFINITION_DEPTH },
      problem.pointer,
    );
  throw new DefinitionError(
    'invalid-schema',
    `"${problem.keyword}" at ${problem.pointer} has ${problem.count} entries; at most ${MAX_CHOICES} are supported.`,
    { limit: MAX_CHOICES, count: problem.count },
    problem.pointer,
  );
}
