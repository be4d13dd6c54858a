/**
 * Conditional questions: which parts of an object schema apply to the data at hand.
 * `if`/`then`/`else` (nested, and inside `allOf` members), `dependentRequired`, `dependentSchemas`
 * and draft-07 `dependencies` are evaluated against the object's current data; the parts that
 * apply are merged into one schema (properties appended, `required` united), and the properties
 * that only inactive parts declare are listed, so that their data can be left out.
 *
 * Whether data matches an `if` is decided by a {@link SchemaMatcher} (the validator), so that the
 * answer follows JSON Schema's own semantics, including vacuous matches: an `if` that tests a
 * property without requiring it matches when the property is missing.
 */
import { appendPointer, getAtPointer } from './json-pointer.js';
import type { ResolvedSchema, SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { JsonValue, Schema } from './types.js';
import { hasOwn, isPlainObject, setOwn } from './own.js';

/** Decides whether `data` is valid against the (sub-)schema at `at`. */
export type SchemaMatcher = (at: SchemaAt, data: unknown) => boolean;

/** A resolved schema with its conditions applied. */
export interface ConditionalSchema extends ResolvedSchema {
  /** Properties declared only by parts that do not apply now (their data is inactive). */
  inactiveProperties: string[];
}

/** How deep `then` inside `then` may go before we stop (a guard against pathological schemas). */
const MAX_DEPTH = 32;

function has(data: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, key) && data[key] !== undefined;
}

/** The raw schema node written at a definition location (before any merging). */
function rawAt(resolver: SchemaResolver, location: string): unknown {
  if (!location.startsWith(resolver.rootLocation)) return undefined;
  return getAtPointer(resolver.root, location.slice(resolver.rootLocation.length));
}

/** Applies the conditions of `resolved` to `data`. Without conditions it returns `resolved` as is. */
export function applyConditions(
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  data: JsonValue | undefined,
  matches: SchemaMatcher,
): ConditionalSchema {
  const object = isPlainObject(data) ? data : {};
  const schema = { ...resolved.schema };
  const properties: Record<string, Schema> = { ...(schema.properties ?? {}) };
  const propertyLocations = { ...resolved.propertyLocations };
  const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
  const declared = new Set<string>();
  const applied = new Set<string>();
  let changed = false;

  const merge = (part: ResolvedSchema): void => {
    changed = true;
    for (const [name, property] of Object.entries(part.schema.properties ?? {})) {
      declared.add(name);
      if (!hasOwn(properties, name)) {
        setOwn(properties, name, property);
        setOwn(propertyLocations, name, part.propertyLocations[name]);
      } else if (properties[name] !== property) {
        // A branch that narrows a property the base declares: both apply.
        setOwn(properties, name, { allOf: [properties[name], property] });
      }
    }
    for (const name of part.schema.required ?? []) required.add(name);
  };

  /** Names a part (and everything nested in it) would declare, were it active. */
  const declareAll = (at: SchemaAt, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const part = resolver.resolve(at);
    for (const name of Object.keys(part.schema.properties ?? {})) declared.add(name);
    for (const keyword of ['then', 'else'] as const) {
      const branch = part.schema[keyword];
      if (branch !== undefined) {
        declareAll(
          {
            schema: branch as Schema,
            location: appendPointer(part.origins[keyword], keyword),
          },
          depth + 1,
        );
      }
    }
  };

  const at = (part: ResolvedSchema, keyword: string, ...tokens: string[]): SchemaAt => {
    let location = appendPointer(part.origins[keyword], keyword);
    let node: unknown = part.schema[keyword];
    for (const token of tokens) {
      location = appendPointer(location, token);
      node = (node as Record<string, unknown>)[token];
    }
    return { schema: node as Schema, location };
  };

  const visit = (part: ResolvedSchema, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const { schema: s } = part;
    if (s.if !== undefined && !applied.has(part.origins.if)) {
      applied.add(part.origins.if);
      const holds = matches(at(part, 'if'), object);
      const take = holds ? 'then' : 'else';
      const skip = holds ? 'else' : 'then';
      if (s[skip] !== undefined) declareAll(at(part, skip), depth + 1);
      if (s[take] !== undefined) {
        const branch = resolver.resolve(at(part, take));
        merge(branch);
        visit(branch, depth + 1);
      }
    }
    // `allOf` members were merged by the resolver, but each may carry its own condition.
    if (part.origins.allOf !== undefined) {
      const members = rawAt(resolver, appendPointer(part.origins.allOf, 'allOf'));
      if (Array.isArray(members)) {
        members.forEach((member, i) => {
          const location = appendPointer(appendPointer(part.origins.allOf, 'allOf'), i);
          visit(resolver.resolve({ schema: member as Schema, location }), depth + 1);
        });
      }
    }
    if (isPlainObject(s.dependentRequired)) {
      for (const [key, names] of Object.entries(s.dependentRequired)) {
        if (has(object, key) && Array.isArray(names))
          names.forEach((name) => required.add(String(name)));
      }
    }
    for (const keyword of ['dependentSchemas', 'dependencies'] as const) {
      const map = s[keyword];
      if (!isPlainObject(map)) continue;
      for (const [key, dependency] of Object.entries(map)) {
        if (Array.isArray(dependency)) {
          if (has(object, key)) dependency.forEach((name) => required.add(String(name)));
          continue;
        }
        const where = at(part, keyword, key);
        if (has(object, key)) {
          const branch = resolver.resolve(where);
          merge(branch);
          visit(branch, depth + 1);
        } else {
          declareAll(where, depth + 1);
        }
      }
    }
  };

  visit(resolved, 0);
  const inactiveProperties = [...declared].filter((name) => !hasOwn(properties, name));
  if (!changed && required.size === (schema.required?.length ?? 0)) {
    return { ...resolved, inactiveProperties };
  }
  schema.properties = properties;
  schema.required = [...required];
  return { ...resolved, schema, propertyLocations, inactiveProperties };
}
