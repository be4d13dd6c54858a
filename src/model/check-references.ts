/**
 * Checks every `$ref` of a schema document before the form is shown: each must resolve, and none
 * may only lead to itself (a pure cycle). A compiled definition was checked when it was compiled
 * (`intake-elements compile`), so only raw definitions are checked here (raw-definition-checks.ts).
 */
import { DefinitionError } from './definition-error.js';
import { appendPointer } from './json-pointer.js';
import { SCHEMA_MAPS, descends, type SchemaAt, type SchemaResolver } from './schema-resolver.js';
import type { Schema, SchemaObject } from './types.js';

/** The first problem with the document's `$ref`s as a {@link DefinitionError}, or `undefined`. */
export function checkReferences(resolver: SchemaResolver): DefinitionError | undefined {
  try {
    checkNode(resolver, { schema: resolver.root, location: resolver.rootLocation }, 0);
    return undefined;
  } catch (error) {
    if (error instanceof DefinitionError) return error;
    throw error;
  }
}

function checkNode(resolver: SchemaResolver, at: SchemaAt, depth: number, inMap = false): void {
  const schema = at.schema as unknown;
  if (typeof schema !== 'object' || schema === null || depth > 500) return;
  if (Array.isArray(schema)) {
    schema.forEach((item, i) =>
      checkNode(
        resolver,
        { schema: item as Schema, location: appendPointer(at.location, i) },
        depth + 1,
      ),
    );
    return;
  }
  const object = schema as SchemaObject;
  // Following a `$ref` (or merging an `allOf`) throws for a target that does not exist or a cycle.
  if (!inMap && (typeof object.$ref === 'string' || Array.isArray(object.allOf)))
    resolver.resolve({ schema: object, location: at.location });
  for (const [key, value] of Object.entries(object)) {
    if (descends(key, inMap))
      checkNode(
        resolver,
        { schema: value as Schema, location: appendPointer(at.location, key) },
        depth + 1,
        !inMap && SCHEMA_MAPS.has(key),
      );
  }
}
