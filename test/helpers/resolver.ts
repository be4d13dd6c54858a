/**
 * A schema resolver as the element builds it: with the table of where each `$ref` leads, worked
 * out as the command line and the raw-definition chunk do (src/core/schema-references.js).
 */
import { referenceTable } from '../../src/core/schema-references.js';
import { SchemaResolver } from '../../src/model/schema-resolver.js';
import type { SchemaObject } from '../../src/model/types.js';

export function resolverFor(schema: SchemaObject, rootLocation = '/schema'): SchemaResolver {
  return new SchemaResolver(schema, referenceTable(schema, rootLocation), rootLocation);
}
