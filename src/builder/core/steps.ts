/**
 * Steps (`ui:steps`): each a title, an optional introduction and the top-level questions it shows.
 */
import { getAt, own, removeAt, setAt, type Json } from './json.js';

export interface Step {
  title: string;
  description?: string;
  fields: string[];
}

const STEPS = '/ui/ui:steps';

/** The steps of a definition ([] for a one-page form). */
export function stepsOf(definition: Json): Step[] {
  const steps = getAt(definition, STEPS);
  if (!Array.isArray(steps)) return [];
  return steps.map((s) => {
    const title = own(s, 'title');
    const description = own(s, 'description');
    const fields = own(s, 'fields');
    return {
      title: typeof title === 'string' ? title : '',
      ...(typeof description === 'string' ? { description } : {}),
      fields: Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [],
    };
  });
}

/** Adds a step at the end, showing `fields` (taken out of the steps that showed them). */
export function addStep(definition: Json, title: string, fields: string[] = []): Json {
  let next = definition;
  for (const field of fields) next = unassign(next, field);
  const steps = getAt(next, STEPS);
  return setAt(next, STEPS, [...(Array.isArray(steps) ? steps : []), { title, fields }]);
}

/** Removes a step (its questions go to the last step, as the form does with unnamed ones). */
export function removeStep(definition: Json, index: number): Json {
  const steps = getAt(definition, STEPS);
  if (!Array.isArray(steps) || index < 0 || index >= steps.length) return definition;
  return steps.length === 1
    ? removeAt(definition, STEPS, 1)
    : setAt(definition, `${STEPS}/${index}`, undefined);
}

/** Sets a step's title or introduction (an empty introduction is removed). */
export function setStepText(
  definition: Json,
  index: number,
  field: 'title' | 'description',
  text: string,
): Json {
  const pointer = `${STEPS}/${index}/${field}`;
  if (field === 'description' && text === '')
    return getAt(definition, pointer) === undefined
      ? definition
      : setAt(definition, pointer, undefined);
  return setAt(definition, pointer, text);
}

/** Moves a step one place up (-1) or down (+1). */
export function moveStep(definition: Json, index: number, delta: -1 | 1): Json {
  const steps = getAt(definition, STEPS);
  const to = index + delta;
  if (!Array.isArray(steps) || to < 0 || to >= steps.length) return definition;
  const copy = steps.slice();
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return setAt(definition, STEPS, copy);
}

function unassign(definition: Json, field: string): Json {
  let next = definition;
  const steps = getAt(next, STEPS);
  if (!Array.isArray(steps)) return next;
  steps.forEach((step, i) => {
    const fields = own(step, 'fields');
    if (Array.isArray(fields) && fields.includes(field))
      next = setAt(
        next,
        `${STEPS}/${i}/fields`,
        fields.filter((f) => f !== field),
      );
  });
  return next;
}

/** Puts a top-level question on a step (or, with -1, on none of them). */
export function assignToStep(definition: Json, field: string, index: number): Json {
  const current = stepsOf(definition).findIndex((s) => s.fields.includes(field));
  if (current === index) return definition;
  const next = unassign(definition, field);
  if (index < 0) return next;
  const fields = getAt(next, `${STEPS}/${index}/fields`);
  return setAt(next, `${STEPS}/${index}/fields`, [...(Array.isArray(fields) ? fields : []), field]);
}
