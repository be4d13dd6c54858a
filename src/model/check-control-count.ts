/**
 * The limit of controls checked on the schema alone, before a raw definition is compiled (part of
 * the raw-definition checks, src/internal/chunks/raw-definition-checks.ts): compiling a schema of
 * 50 000 questions with ajv would itself be a long task. The count is the command line's too
 * (src/core/count-controls.js); the field tree's budget holds the same limit for every
 * definition, compiled ones too (field-limit.ts).
 */
import { findTooManyControls } from '../core/count-controls.js';
import { tooManyControls } from './field-limit.js';
import type { SchemaResolver } from './schema-resolver.js';

/**
 * Before anything is compiled: counts the controls an empty form of `resolver`'s schema shows
 * and throws the definition error beyond the limit. Costs at most {@link MAX_CONTROLS} visits,
 * however large the schema.
 */
export function checkControlCount(resolver: SchemaResolver): void {
  const crossed = findTooManyControls(resolver);
  if (crossed) throw tooManyControls(crossed.count, crossed.pointer);
}
