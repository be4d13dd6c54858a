// @ts-check
/**
 * Conditional questions: which parts of an object schema apply to the data at hand.
 * `if`/`then`/`else` (nested, and inside `allOf` members), `dependentRequired`, `dependentSchemas`
 * and draft-07 `dependencies` are evaluated against the object's current data; the parts that
 * apply are merged into one schema (properties appended, `required` united), and the properties
 * that only inactive parts declare are listed, so that their data can be told apart.
 *
 * Whether data matches an `if` is decided by a {@link SchemaMatcher} (ajv), so that the answer
 * follows JSON Schema's own semantics, including vacuous matches: an `if` that tests a property
 * without requiring it matches when the property is missing.
 *
 * The one home of these rules, in plain JavaScript: the element (src/model/apply-conditions.ts
 * gives them the model's types) and the receiver's staff summary decide with the same code which
 * questions were asked.
 */
import { appendPointer } from './json-pointer.js';
import { hasOwn, isPlainObject, setOwn } from './own.js';

/** @typedef {import('./schema-resolver.js').BaseSchemaResolver} SchemaResolver */
/** @typedef {import('./schema-resolver.js').ResolvedSchema} ResolvedSchema */
/** @typedef {import('./schema-resolver.js').SchemaAt} SchemaAt */
/** @typedef {import('./schema-resolver.js').Schema} Schema */
/** @typedef {(at: SchemaAt, data: unknown) => boolean} SchemaMatcher whether `data` is valid
 *   against the (sub-)schema at `at` */
/**
 * @typedef {ResolvedSchema & { inactiveProperties: string[] }} ConditionalSchema A resolved
 *   schema with its conditions applied; `inactiveProperties`: properties declared only by parts
 *   that do not apply now.
 */

/** How deep `then` inside `then` may go before we stop (a guard against pathological schemas). */
const MAX_DEPTH = 32;

/**
 * @param {Record<string, unknown>} data
 * @param {string} key
 */
function has(data, key) {
  return Object.prototype.hasOwnProperty.call(data, key) && data[key] !== undefined;
}

/**
 * The members of the `allOf` merged into `part`, as written (a merge keeps only the first
 * member's `if`, so walks over conditions visit each member's own).
 *
 * @param {SchemaResolver} resolver
 * @param {ResolvedSchema} part
 * @returns {SchemaAt[]}
 */
export function allOfMembers(resolver, part) {
  if (part.origins.allOf === undefined) return [];
  const list = appendPointer(part.origins.allOf, 'allOf');
  const members = resolver.rawAt(list);
  if (!Array.isArray(members)) return [];
  return members.map((schema, i) => ({ schema, location: appendPointer(list, i) }));
}

/**
 * Applies the conditions of `resolved` to `data`. Without conditions it returns `resolved` as is
 * (with no inactive properties).
 *
 * @param {SchemaResolver} resolver
 * @param {ResolvedSchema} resolved
 * @param {unknown} data
 * @param {SchemaMatcher} matches
 * @returns {ConditionalSchema}
 */
export function applyConditions(resolver, resolved, data, matches) {
  const object = isPlainObject(data) ? data : {};
  const schema = { ...resolved.schema };
  /** @type {Record<string, Schema>} */
  const properties = { ...(schema.properties ?? {}) };
  const propertyLocations = { ...resolved.propertyLocations };
  /** @type {Set<string>} */
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  /** @type {Set<string>} */
  const declared = new Set();
  /** @type {Set<string>} */
  const applied = new Set();
  let changed = false;

  /** @param {ResolvedSchema} part */
  const merge = (part) => {
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

  /**
   * Names a part (and everything nested in it) would declare, were it active.
   *
   * @param {SchemaAt} at
   * @param {number} depth
   */
  const declareAll = (at, depth) => {
    if (depth > MAX_DEPTH) return;
    const part = resolver.resolve(at);
    for (const name of Object.keys(part.schema.properties ?? {})) declared.add(name);
    for (const keyword of ['then', 'else']) {
      const branch = part.schema[keyword];
      if (branch !== undefined) {
        const location = appendPointer(part.origins[keyword], keyword);
        declareAll({ schema: branch, location }, depth + 1);
      }
    }
  };

  /**
   * @param {ResolvedSchema} part
   * @param {string} keyword
   * @param {string[]} tokens
   * @returns {SchemaAt}
   */
  const at = (part, keyword, ...tokens) => {
    let location = appendPointer(part.origins[keyword], keyword);
    let node = part.schema[keyword];
    for (const token of tokens) {
      location = appendPointer(location, token);
      node = node[token];
    }
    return { schema: node, location };
  };

  /**
   * @param {ResolvedSchema} part
   * @param {number} depth
   */
  const visit = (part, depth) => {
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
    for (const member of allOfMembers(resolver, part)) visit(resolver.resolve(member), depth + 1);
    if (isPlainObject(s.dependentRequired)) {
      for (const [key, names] of Object.entries(s.dependentRequired)) {
        if (has(object, key) && Array.isArray(names))
          names.forEach((name) => required.add(String(name)));
      }
    }
    for (const keyword of ['dependentSchemas', 'dependencies']) {
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
