/**
 * Which JSON Schema dialect a schema is written in. `$schema` decides; without it the default is
 * 2020-12 (API.md), unless the schema uses keywords that only draft-07 has, as schemas written for
 * react-jsonschema-form usually do.
 */
import { DefinitionError } from '../model/definition-error.js';
import type { SchemaObject } from '../model/types.js';

export type Dialect = 'draft-07' | '2020-12';

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-0[67]\/schema#?$/;
const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

/** Keywords whose values are data: nothing in them is a keyword. */
const DATA = new Set(['enum', 'const', 'default', 'examples']);

/** Keywords whose values map names to schemas: their keys are names, not keywords. */
const MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

function usesDraft07Keywords(node: unknown, depth = 0, inMap = false): boolean {
  if (typeof node !== 'object' || node === null || depth > 200) return false;
  if (Array.isArray(node)) return node.some((item) => usesDraft07Keywords(item, depth + 1));
  const schema = node as Record<string, unknown>;
  if (inMap) return Object.values(schema).some((value) => usesDraft07Keywords(value, depth + 1));
  if (
    'definitions' in schema ||
    'dependencies' in schema ||
    'additionalItems' in schema ||
    Array.isArray(schema.items)
  )
    return true;
  return Object.entries(schema).some(
    ([key, value]) => !DATA.has(key) && usesDraft07Keywords(value, depth + 1, MAPS.has(key)),
  );
}

/** Returns the dialect, or throws a `DefinitionError` for a `$schema` this library does not know. */
export function detectDialect(schema: SchemaObject): Dialect {
  const declared = schema.$schema;
  if (typeof declared === 'string') {
    if (DRAFT_2020.test(declared)) return '2020-12';
    if (DRAFT_07.test(declared)) return 'draft-07';
    throw new DefinitionError(
      'unsupported-dialect',
      `Unsupported $schema: ${declared}`,
      { dialect: declared },
      '/schema/$schema',
    );
  }
  return usesDraft07Keywords(schema) ? 'draft-07' : '2020-12';
}
