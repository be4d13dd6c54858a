/**
 * What the builder checks beyond the command line: conditions JSON Schema allows but that cannot
 * work in the form — one testing a question the form no longer has (it never holds, so what it
 * shows never appears), and a question shown under a condition at a level with
 * `additionalProperties: false`, which sees only the level's own `properties` and so refuses that
 * question whenever it is answered.
 */
import { danglingConditions } from '../core/condition-refs.js';
import { allConditions } from '../core/conditions.js';
import { appendPointer } from '../../core/json-pointer.js';
import { getAt, isObject, own, type Json } from '../core/json.js';
import type { CheckProblem } from './definition-check.js';

/** Shown questions a level's `additionalProperties: false` refuses (draft-07 definitions). */
function refusedConditionals(definition: Json): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const condition of allConditions(definition).conditions) {
    const level = getAt(definition, condition.objectPointer);
    if (own(level, 'additionalProperties') !== false) continue;
    const declared = own(level, 'properties');
    for (const key of condition.shows) {
      if (isObject(declared) && key in declared) continue;
      problems.push({
        pointer: appendPointer(`${condition.pointer}/then/properties`, key),
        message: `"${key}" is shown under a condition, but additionalProperties: false here refuses it whenever it is answered: use unevaluatedProperties: false (JSON Schema 2019-09 or later)`,
        code: 'condition-refused-by-additional',
        severity: 'error',
      });
    }
  }
  return problems;
}

/** The builder's own problems of a definition. */
export function builderProblems(definition: Json): CheckProblem[] {
  return [
    ...danglingConditions(definition).map((d): CheckProblem => ({
      pointer: d.pointer,
      message: `condition tests "${d.key}", which is no question here: it never holds`,
      code: 'condition-unknown-question',
      severity: 'error',
    })),
    ...refusedConditionals(definition),
  ];
}
