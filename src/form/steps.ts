/**
 * Steps of a multi-step form (`ui:steps`): which top-level fields each step shows, and which
 * steps are active (a step whose fields are all inactive is skipped).
 */
import type { Field, ObjectField, Text } from '../model/field.js';
import { topLevelName } from '../model/json-pointer.js';
import type { UiSchema } from '../model/types.js';

/** One step as the element shows it. */
export interface Step {
  /** Position in `ui:steps`. */
  index: number;
  title: Text;
  description?: Text;
  /** The active top-level fields shown on this step, in form order. */
  fields: Field[];
}

interface StepDefinitionLike {
  title?: unknown;
  description?: unknown;
  fields?: unknown;
}

/**
 * The active steps of a form. Without `ui:steps` the whole form is one step. Top-level fields
 * that no step names are shown on the last step, so that nothing a schema asks for is hidden.
 */
export function computeSteps(ui: UiSchema, root: Field): Step[] {
  const children = root.kind === 'object' ? (root as ObjectField).children : [root];
  const definitions = Array.isArray(ui['ui:steps']) ? (ui['ui:steps'] as StepDefinitionLike[]) : [];
  if (definitions.length === 0) {
    return [{ index: 0, title: root.label, description: root.description, fields: children }];
  }
  const named = new Set<string>();
  const steps: Step[] = definitions.map((definition, index) => {
    const names = Array.isArray(definition.fields)
      ? definition.fields.filter((f): f is string => typeof f === 'string')
      : [];
    names.forEach((name) => named.add(name));
    const wanted = new Set(names);
    return {
      index,
      title: {
        text: typeof definition.title === 'string' ? definition.title : '',
        key: `/ui/ui:steps/${index}/title`,
      },
      description:
        typeof definition.description === 'string'
          ? { text: definition.description, key: `/ui/ui:steps/${index}/description` }
          : undefined,
      fields: children.filter((child) => wanted.has(topLevelName(child.pointer))),
    };
  });
  const leftover = children.filter((child) => !named.has(topLevelName(child.pointer)));
  if (leftover.length > 0) steps[steps.length - 1].fields.push(...leftover);
  return steps.filter((step) => step.fields.length > 0);
}

/** The step (position in the active list) that shows `pointer`, or -1. */
export function stepOf(steps: readonly Step[], pointer: string): number {
  const name = topLevelName(pointer);
  return steps.findIndex((step) =>
    step.fields.some((field) => topLevelName(field.pointer) === name),
  );
}
