/**
 * Conditional questions and object alternatives, as the field tree and the defaults take them
 * (`TreeContext.conditions`, `applyDefaults(…, conditions)`): without a logic they treat a schema
 * as having no conditions and no alternatives. A lazy part (src/internal/lazy-parts.ts), since
 * most forms have neither.
 */
import type { ConditionalSchema, SchemaMatcher } from './apply-conditions.js';
import { appendPointer } from './json-pointer.js';
import type { ResolvedSchema, SchemaResolver } from './schema-resolver.js';
import { activeSchema, type Alternatives } from './select-alternative.js';
import type { JsonValue } from './types.js';

/** What applies of an object schema for the data at hand. */
export interface ActiveSchema {
  /** The schema with the conditions that apply and the chosen alternative merged in. */
  active: ConditionalSchema;
  /** The object alternatives (`oneOf` / `anyOf` of objects), when the schema has them. */
  alternatives?: Alternatives;
}

/** Decides conditions and alternatives of object schemas against their data. */
export interface ConditionLogic {
  /**
   * The parts of `resolved` (an object schema) that apply to `data`: conditions, then the
   * alternative that the data (a discriminator) or the person (`chosen`) selects.
   */
  activeSchema(
    resolver: SchemaResolver,
    resolved: ResolvedSchema,
    data: JsonValue | undefined,
    chosen?: number,
  ): ActiveSchema;
  /**
   * The logic for the member `token` of the value at hand, where it depends on the place (see
   * `withChoices`); without it, the same logic serves every place.
   */
  within?(token: string): ConditionLogic;
}

/** Condition logic deciding with `matches` (the form's validator). */
export function conditionLogic(matches: SchemaMatcher): ConditionLogic {
  return {
    activeSchema: (resolver, resolved, data, chosen) =>
      activeSchema(resolver, resolved, data, matches, chosen),
  };
}

/**
 * `logic` that decides object alternatives as the person picked them where the data cannot tell
 * (`chosen`, asked with the pointer of the object), for the defaults of the value at `pointer`:
 * picking an alternative brings its defaults, as the field tree shows its questions.
 */
export function withChoices(
  logic: ConditionLogic,
  chosen: (pointer: string) => number | undefined,
  pointer = '',
): ConditionLogic {
  return {
    activeSchema: (resolver, resolved, data) =>
      logic.activeSchema(resolver, resolved, data, chosen(pointer)),
    within: (token) => withChoices(logic, chosen, appendPointer(pointer, token)),
  };
}
