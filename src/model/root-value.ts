/**
 * The value a form starts from before defaults: `{}` for an object at the root, `[]` for a list,
 * nothing for a single answer (a root string, number, boolean). A root list that started as `{}`
 * could never be valid, and a root string that started as `{}` would submit an object.
 */
import { primaryType } from './choose-widget.js';
import type { SchemaResolver } from './schema-resolver.js';
import type { JsonValue } from './types.js';

/** The empty value of the root schema's type (see above). */
export function emptyRootValue(resolver: SchemaResolver | undefined): JsonValue | undefined {
  if (!resolver) return {};
  const type = primaryType(resolver.resolve(resolver.rootAt(), []).schema);
  if (type === 'array') return [];
  if (type === undefined || type === 'object') return {};
  return undefined;
}
