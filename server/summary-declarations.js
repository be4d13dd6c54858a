/**
 * Where the properties are declared that an object's conditional parts (`then`, `else`,
 * `dependentSchemas`, `dependencies`) and alternatives (`oneOf`, `anyOf`) would add, were they
 * active: the staff summary labels an answer to a question the form did not ask with the
 * question's own title, rather than listing it as unknown.
 */
import { allOfMembers } from '../src/core/apply-conditions.js';
import { appendPointer } from '../src/core/json-pointer.js';
import { isPlainObject } from '../src/core/own.js';

/** @typedef {import('../src/core/schema-resolver.js').SchemaResolver} SchemaResolver */
/** @typedef {import('../src/core/schema-resolver.js').ResolvedSchema} ResolvedSchema */
/** @typedef {import('../src/core/schema-resolver.js').SchemaAt} SchemaAt */

/** How deep conditional parts may nest before we stop (as the element's condition logic). */
const MAX_DEPTH = 32;

/**
 * Every property the conditional parts and alternatives of `resolved` declare, at any depth, with
 * its schema and location (the first declaration of a name wins).
 *
 * @param {SchemaResolver} resolver
 * @param {ResolvedSchema} resolved
 * @returns {Map<string, SchemaAt>}
 */
export function declaredElsewhere(resolver, resolved) {
  /** @type {Map<string, SchemaAt>} */
  const found = new Map();
  const at = (part, keyword, token) => {
    const list = appendPointer(part.origins[keyword], keyword);
    return token === undefined
      ? { schema: part.schema[keyword], location: list }
      : { schema: part.schema[keyword][token], location: appendPointer(list, token) };
  };
  const visit = (part, depth) => {
    if (depth > MAX_DEPTH) return;
    const { schema } = part;
    const branches = [];
    for (const keyword of ['then', 'else']) {
      if (schema[keyword] !== undefined) branches.push(at(part, keyword));
    }
    for (const keyword of ['dependentSchemas', 'dependencies']) {
      if (!isPlainObject(schema[keyword])) continue;
      for (const [key, dependency] of Object.entries(schema[keyword])) {
        if (!Array.isArray(dependency)) branches.push(at(part, keyword, key));
      }
    }
    for (const keyword of ['oneOf', 'anyOf']) {
      if (!Array.isArray(schema[keyword])) continue;
      schema[keyword].forEach((_member, i) => branches.push(at(part, keyword, i)));
    }
    // `allOf` members were merged by the resolver, but each may carry conditions of its own.
    for (const member of allOfMembers(resolver, part)) visit(resolver.resolve(member), depth + 1);
    for (const branch of branches) {
      const inner = resolver.resolve(branch);
      for (const [name, property] of Object.entries(inner.schema.properties ?? {})) {
        if (!found.has(name))
          found.set(name, { schema: property, location: inner.propertyLocations[name] });
      }
      visit(inner, depth + 1);
    }
  };
  visit(resolved, 0);
  return found;
}
