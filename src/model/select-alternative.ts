/**
 * `oneOf` / `anyOf` of object alternatives: which alternative applies to the data. A property that
 * every alternative fixes with `const` is the discriminator: its value picks the alternative, and
 * the person chooses it like any other choice. Without one, the first alternative the data
 * matches applies, or the one the person picked, or the first. The rules live once, in
 * src/core/select-alternative.js (shared with the staff summary); this module gives them the
 * model's types.
 */
import * as core from '../core/select-alternative.js';
import type { ConditionalSchema, SchemaMatcher } from './apply-conditions.js';
import type { Text } from './field.js';
import type { ResolvedSchema, SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { JsonValue } from './types.js';

/** The alternatives of an object schema and the one that applies. */
export interface Alternatives {
  keyword: 'oneOf' | 'anyOf';
  options: { at: SchemaAt; resolved: ResolvedSchema; label: Text; fixed?: JsonValue }[];
  /** The property whose `const` tells the alternatives apart, if there is one. */
  discriminator?: string;
  selected: number;
}

/**
 * Finds the object alternatives of `resolved`, or `undefined` when it has none (no `oneOf`/`anyOf`,
 * or a choice list of constants, which is rendered as a select instead).
 */
export const selectAlternative = core.selectAlternative as (
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  data: JsonValue | undefined,
  matches: SchemaMatcher | undefined,
  chosen: number | undefined,
) => Alternatives | undefined;

/**
 * Merges the selected alternative into the object schema. With a discriminator, that property
 * becomes a choice list of the alternatives (labelled by their titles, which keep their
 * translation keys); the other alternatives' properties are inactive.
 */
export const applyAlternative = core.applyAlternative as (
  base: ConditionalSchema,
  alternatives: Alternatives,
) => ConditionalSchema;

/**
 * What applies of an object schema for the data at hand: the conditions that hold, then the
 * alternative that the data (a discriminator) or the person (`chosen`) selects.
 */
export const activeSchema = core.activeSchema as (
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  data: JsonValue | undefined,
  matches: SchemaMatcher,
  chosen?: number,
) => { active: ConditionalSchema; alternatives?: Alternatives };
