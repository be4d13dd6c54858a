/**
 * Which JSON Schema dialect a schema is written in (the rule is in src/core/dialect.js, shared
 * with the command line and the receiver); a `$schema` this library does not know is a
 * definition error.
 */
import { DefinitionError } from '../model/definition-error.js';
import type { SchemaObject } from '../model/types.js';
import {
  detectDialect as dialectOf,
  UnsupportedDialectError,
  type Dialect,
} from '../core/dialect.js';

export type { Dialect };

/** Returns the dialect, or throws a `DefinitionError` for a `$schema` this library does not know. */
export function detectDialect(schema: SchemaObject): Dialect {
  try {
    return dialectOf(schema);
  } catch (error) {
    if (!(error instanceof UnsupportedDialectError)) throw error;
    throw new DefinitionError(
      'unsupported-dialect',
      error.message,
      { dialect: error.dialect },
      error.pointer,
    );
  }
}
