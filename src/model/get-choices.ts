/**
 * Finds the options of a choice list: `enum` (labels from `ui:enumNames`), or `oneOf` / `anyOf`
 * whose members each fix one value with `const` (or a one-value `enum`) and give it a `title`.
 * The rule lives once, in src/core/choices.js (shared with the staff summary); this module gives
 * it the model's types.
 */
import { getChoices as coreGetChoices } from '../core/choices.js';
import type { Choice } from './field.js';
import type { ResolvedSchema, SchemaResolver } from './schema-resolver.js';
import type { UiSchema } from './types.js';

/** Returns the choices of a resolved schema, or `undefined` when it is not a choice list. */
export const getChoices = coreGetChoices as (
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  ui: UiSchema,
  uiLocation: string,
) => Choice[] | undefined;
