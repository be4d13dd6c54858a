/**
 * Conditional questions: which parts of an object schema apply to the data at hand (`if`/`then`/
 * `else`, `dependentRequired`, `dependentSchemas`, draft-07 `dependencies`). The rules live once,
 * in src/core/apply-conditions.js (shared with the staff summary); this module gives them the
 * model's types.
 */
import * as core from '../core/apply-conditions.js';
import type { ResolvedSchema, SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { JsonValue } from './types.js';

/** Decides whether `data` is valid against the (sub-)schema at `at`. */
export type SchemaMatcher = (at: SchemaAt, data: unknown) => boolean;

/** A resolved schema with its conditions applied. */
export interface ConditionalSchema extends ResolvedSchema {
  /** Properties declared only by parts that do not apply now (their data is inactive). */
  inactiveProperties: string[];
}

/**
 * Applies the conditions of `resolved` to `data`: the parts that apply are merged in (properties
 * appended, `required` united), and the properties only inactive parts declare are listed.
 * Whether data matches an `if` is decided by `matches` (the validator), so that the answer follows
 * JSON Schema's own semantics, vacuous matches included. Without conditions it returns `resolved`
 * as is.
 */
export const applyConditions = core.applyConditions as (
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  data: JsonValue | undefined,
  matches: SchemaMatcher,
) => ConditionalSchema;
