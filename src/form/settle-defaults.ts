/**
 * Defaults that settle: a default can switch on a condition whose questions have defaults of
 * their own (or that makes a list required), and setting the data the form reports as its
 * `value` must give the same data again.
 */
import type { JsonValue } from '../model/types.js';

/** Passes at most: each reaches one conditional branch deeper. */
const MAX_PASSES = 5;

/** `fill(value)`, repeated while it still changes something (only where conditions exist). */
export function settleDefaults(
  fill: (data: JsonValue | undefined) => JsonValue | undefined,
  value: JsonValue | undefined,
  conditional: boolean,
): JsonValue | undefined {
  let current = fill(value);
  for (let pass = 1; conditional && pass < MAX_PASSES; pass += 1) {
    const next = fill(current);
    if (next === current || JSON.stringify(next) === JSON.stringify(current)) break;
    current = next;
  }
  return current;
}
