/**
 * Checks that the uiSchema talks about the schema that is there: every nested ui key names a
 * property (of the object, of any of its conditional branches, dependent schemas or object
 * alternatives), or `items` / `additionalItems` of an array; every `ui:order` entry and every
 * `ui:steps` field names a property. A ui key for a missing property does nothing, which is
 * almost always a typo or a leftover of a renamed field.
 */
import { allOfMembers } from '../../src/core/apply-conditions.js';
import { isPlainObject as isObject } from '../../src/core/own.js';
import { RefError } from './check-refs.js';
import { appendPointer } from './json-pointer.js';
import { suggest } from './meta-schema-core.js';

/** @typedef {import('./check-refs.js').SchemaAt} SchemaAt */
/** @typedef {import('./check-refs.js').RefResolver} RefResolver */
/** @typedef {{ pointer: string, message: string, code: string }} Problem */

/**
 * @typedef {object} Shape What a ui node may talk about, summed over every schema it applies to.
 * @property {Map<string, SchemaAt[]>} properties
 * @property {SchemaAt[]} items schemas of every item (2020-12 `items`, draft-07 `items` object)
 * @property {SchemaAt[][]} tuple schemas per position (`prefixItems`, draft-07 `items` array)
 * @property {SchemaAt[]} additionalItems
 * @property {boolean} array whether any of the schemas describes an array
 * @property {boolean} unknown whether a schema could not be resolved (then nothing is reported)
 * @property {string[]} locations where the schemas are
 */

/** @returns {Shape} */
function emptyShape() {
  return {
    properties: new Map(),
    items: [],
    tuple: [],
    additionalItems: [],
    array: false,
    unknown: false,
    locations: [],
  };
}

/**
 * The shape of the schemas at `sites`, following `$ref`, `allOf`, `if`/`then`/`else`,
 * `dependentSchemas`, `dependencies`, `oneOf` and `anyOf`.
 * @param {RefResolver} resolver
 * @param {SchemaAt[]} sites
 * @returns {Shape}
 */
export function shapeOf(resolver, sites) {
  const shape = emptyShape();
  const seen = new Set();
  /**
   * @param {SchemaAt} at
   * @param {number} depth
   */
  const add = (at, depth) => {
    if (depth > 64 || seen.has(at.location)) return;
    seen.add(at.location);
    let resolved;
    try {
      resolved = resolver.resolve(at);
    } catch (error) {
      if (error instanceof RefError) {
        shape.unknown = true;
        return;
      }
      throw error;
    }
    const { schema, origins } = resolved;
    shape.locations.push(at.location);
    /**
     * @param {string} keyword
     * @param {...(string | number)} tokens
     */
    const site = (keyword, ...tokens) => {
      let location = appendPointer(origins[keyword] ?? at.location, keyword);
      let node = schema[keyword];
      for (const token of tokens) {
        location = appendPointer(location, token);
        node = node[token];
      }
      return { schema: node, location };
    };
    if (isObject(schema.properties)) {
      for (const name of Object.keys(schema.properties)) {
        const sites = shape.properties.get(name) ?? [];
        sites.push(site('properties', name));
        shape.properties.set(name, sites);
      }
    }
    const type = schema.type;
    if (
      type === 'array' ||
      (Array.isArray(type) && type.includes('array')) ||
      'items' in schema ||
      'prefixItems' in schema
    )
      shape.array = true;
    if (Array.isArray(schema.prefixItems)) {
      schema.prefixItems.forEach((_item, i) => {
        shape.tuple[i] = [...(shape.tuple[i] ?? []), site('prefixItems', i)];
      });
      if (schema.items !== undefined) shape.additionalItems.push(site('items'));
    } else if (Array.isArray(schema.items)) {
      schema.items.forEach((_item, i) => {
        shape.tuple[i] = [...(shape.tuple[i] ?? []), site('items', i)];
      });
      if (schema.additionalItems !== undefined) shape.additionalItems.push(site('additionalItems'));
    } else if (schema.items !== undefined) {
      shape.items.push(site('items'));
    }
    for (const keyword of ['then', 'else']) {
      if (schema[keyword] !== undefined) add(site(keyword), depth + 1);
    }
    for (const keyword of ['dependentSchemas', 'dependencies']) {
      if (!isObject(schema[keyword])) continue;
      for (const [key, value] of Object.entries(/** @type {object} */ (schema[keyword])))
        if (isObject(value) || typeof value === 'boolean') add(site(keyword, key), depth + 1);
    }
    for (const keyword of ['oneOf', 'anyOf']) {
      if (!Array.isArray(schema[keyword])) continue;
      schema[keyword].forEach((_member, i) => add(site(keyword, i), depth + 1));
    }
    // `allOf` members were merged, but only the first condition among them survives a merge:
    // each member's own `then`/`else` counts.
    for (const member of allOfMembers(resolver.resolver, resolved)) add(member, depth + 1);
  };
  for (const at of sites) add(at, 0);
  return shape;
}

/**
 * @param {Shape} shape
 */
function describe(shape) {
  return shape.locations.length > 0 ? shape.locations[0] : 'the schema';
}

/**
 * Checks the uiSchema against the schema.
 * @param {RefResolver} resolver
 * @param {Record<string, unknown>} ui the definition's `ui`
 * @returns {Problem[]}
 */
export function checkUi(resolver, ui) {
  /** @type {Problem[]} */
  const problems = [];
  /**
   * @param {SchemaAt[]} sites
   * @param {unknown} node
   * @param {string} pointer
   * @param {number} depth
   */
  const visit = (sites, node, pointer, depth) => {
    if (!isObject(node) || depth > 64) return;
    const uiNode = /** @type {Record<string, unknown>} */ (node);
    const shape = shapeOf(resolver, sites);
    if (shape.unknown) return;
    const names = [...shape.properties.keys()];
    if (Array.isArray(uiNode['ui:order'])) {
      uiNode['ui:order'].forEach((name, i) => {
        if (typeof name !== 'string' || name === '*' || shape.properties.has(name)) return;
        const hint = suggest(name, names);
        problems.push({
          pointer: appendPointer(appendPointer(pointer, 'ui:order'), i),
          message: `"${name}" is not a property of ${describe(shape)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
          code: 'ui-unknown-property',
        });
      });
    }
    for (const [key, value] of Object.entries(uiNode)) {
      if (key.startsWith('ui:')) continue;
      const child = appendPointer(pointer, key);
      if (shape.properties.has(key)) {
        visit(/** @type {SchemaAt[]} */ (shape.properties.get(key)), value, child, depth + 1);
        continue;
      }
      if (shape.array && key === 'items') {
        if (Array.isArray(value)) {
          value.forEach((itemUi, i) => {
            const positional = shape.tuple[i] ?? [...shape.additionalItems, ...shape.items];
            if (positional.length === 0) {
              problems.push({
                pointer: appendPointer(child, i),
                message: `the array at ${describe(shape)} has no item ${i}`,
                code: 'ui-unknown-property',
              });
            } else visit(positional, itemUi, appendPointer(child, i), depth + 1);
          });
        } else {
          visit([...shape.items, ...shape.tuple.flat()], value, child, depth + 1);
        }
        continue;
      }
      if (shape.array && key === 'additionalItems') {
        visit([...shape.additionalItems, ...shape.items], value, child, depth + 1);
        continue;
      }
      const hint = suggest(key, names);
      problems.push({
        pointer: child,
        message:
          shape.properties.size === 0 && !shape.array
            ? `"${key}" names a property, but ${describe(shape)} has none`
            : `"${key}" is not a property of ${describe(shape)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        code: 'ui-unknown-property',
      });
    }
  };
  visit([resolver.rootAt()], ui, '/ui', 0);

  const steps = ui['ui:steps'];
  if (Array.isArray(steps)) {
    const shape = shapeOf(resolver, [resolver.rootAt()]);
    if (!shape.unknown) {
      const names = [...shape.properties.keys()];
      /** @type {Map<string, number>} */
      const stepOf = new Map();
      steps.forEach((step, s) => {
        if (!isObject(step) || !Array.isArray(step.fields)) return;
        step.fields.forEach((/** @type {unknown} */ name, i) => {
          if (typeof name !== 'string') return;
          const pointer = appendPointer(
            appendPointer(appendPointer('/ui/ui:steps', s), 'fields'),
            i,
          );
          if (!shape.properties.has(name)) {
            const hint = suggest(name, names);
            problems.push({
              pointer,
              message: `"${name}" is not a top-level property of the schema${hint ? ` (did you mean "${hint}"?)` : ''}`,
              code: 'step-unknown-field',
            });
          } else if (stepOf.has(name) && stepOf.get(name) !== s) {
            problems.push({
              pointer,
              message: `"${name}" is already a field of /ui/ui:steps/${stepOf.get(name)}; a field belongs to one step`,
              code: 'step-duplicate-field',
            });
          } else {
            stepOf.set(name, s);
          }
        });
      });
    }
  }
  return problems;
}
