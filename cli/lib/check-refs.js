/**
 * `$ref` checks as the element follows references: where each `$ref` leads is the shared lookup
 * of src/core/schema-references.js (local JSON Pointers, embedded `$id` resources, `$anchor`s);
 * following chains and merging `allOf` is written again here as a checker that reports every
 * problem where the element stops at the first. `check()` finds every reference the element could
 * not follow (unresolvable, or a pure cycle), not only the first.
 *
 * cli/check.test.js compares the findings with the element's own resolver on every fixture.
 */
import { baseOf, ReferenceIndex } from '../../src/core/schema-references.js';
import { descends, SCHEMA_MAPS } from '../../src/core/schema-keywords.js';
import { appendPointer } from './json-pointer.js';

/** @typedef {{ schema: unknown, location: string, base: string }} SchemaAt */
/**
 * @typedef {object} Resolved
 * @property {Record<string, any>} schema the merged schema
 * @property {Record<string, string>} origins where each keyword was written
 * @property {string} base
 */
/** @typedef {{ code: 'unresolvable-ref' | 'cyclic-ref', pointer: string, ref: string, message: string }} RefProblem */

/** A `$ref` the element cannot follow. */
export class RefError extends Error {
  /**
   * @param {'unresolvable-ref' | 'cyclic-ref'} code
   * @param {string} message
   * @param {string} ref
   * @param {string} pointer where the `$ref` (or `allOf`) is written
   * @param {string[]} [cycle] for a cycle, the locations on it
   */
  constructor(code, message, ref, pointer, cycle = []) {
    super(message);
    this.name = 'RefError';
    this.code = code;
    this.ref = ref;
    this.pointer = pointer;
    this.cycle = cycle;
  }
}

export { descends, SCHEMA_MAPS } from '../../src/core/schema-keywords.js';

/**
 * Own-property access for keys that come from a definition (`__proto__`, `constructor` …), as
 * src/model/own.ts does it.
 * @param {object} object
 * @param {string} key
 */
export function hasOwn(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * @param {Record<string, unknown>} object
 * @param {string} key
 * @param {unknown} value
 */
export function setOwn(object, key, value) {
  Object.defineProperty(object, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * As src/model/schema-resolver.ts's `combine`: `properties` and `required` of both.
 * @param {Record<string, any>} merged
 * @param {string} key
 * @param {unknown} value
 */
function combine(merged, key, value) {
  if (key === 'properties' && isObject(value)) {
    merged.properties = { .../** @type {object} */ (value), ...(merged.properties ?? {}) };
  } else if (key === 'required' && Array.isArray(value)) {
    merged.required = [
      ...new Set([...(Array.isArray(merged.required) ? merged.required : []), ...value]),
    ];
  }
}

/** @param {unknown} value */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows references inside one schema document. */
export class RefResolver {
  /**
   * @param {Record<string, unknown>} root
   * @param {string} [rootLocation]
   */
  constructor(root, rootLocation = '/schema') {
    this.root = root;
    this.rootLocation = rootLocation;
    /** The document's resources and anchors, as the element's table is built from them. */
    this.references = new ReferenceIndex(root, rootLocation);
    this.rootBase = this.references.rootBase;
    /** @type {Set<string>} */
    this.merging = new Set();
  }

  /** @returns {SchemaAt} */
  rootAt() {
    return { schema: this.root, location: this.rootLocation, base: this.rootBase };
  }

  /**
   * The target of `$ref` written at `site`; throws a RefError if there is none.
   * @param {string} reference
   * @param {SchemaAt} site
   * @returns {SchemaAt}
   */
  lookup(reference, site) {
    const target = this.references.lookup(reference, site.base);
    if (target) return target;
    throw new RefError(
      'unresolvable-ref',
      `$ref "${reference}" points at nothing in the schema`,
      reference,
      site.location,
    );
  }

  /**
   * Follows `$ref` chains and merges `allOf` members: a `$ref`'s siblings combine with its target
   * as the element's resolver does (src/model/schema-resolver.ts): `properties` and `required` of
   * both, the sibling's other keywords over the target's.
   * @param {SchemaAt} at
   * @returns {Resolved}
   */
  resolve(at) {
    /** @type {Record<string, any>} */
    const merged = {};
    /** @type {Record<string, string>} */
    const origins = {};
    /** @type {string[]} */
    const chain = [];
    let current = at;
    let base = at.base;
    for (;;) {
      const schema = current.schema;
      if (schema === false) {
        if (!hasOwn(merged, 'not')) merged.not = {};
        break;
      }
      if (!isObject(schema)) break;
      const object = /** @type {Record<string, unknown>} */ (schema);
      base = baseOf(object, current.base, this.references.idKey);
      for (const [key, value] of Object.entries(object)) {
        if (key === '$ref') continue;
        if (hasOwn(merged, key)) combine(merged, key, value);
        else {
          setOwn(merged, key, value);
          setOwn(origins, key, current.location);
        }
      }
      if (typeof object.$ref !== 'string') break;
      const target = this.lookup(object.$ref, { ...current, base });
      if (chain.includes(target.location) || target.location === current.location) {
        const cycle = chain.includes(target.location)
          ? [...chain.slice(chain.indexOf(target.location)), current.location]
          : [current.location];
        const others = [...new Set(cycle)].filter((location) => location !== current.location);
        throw new RefError(
          'cyclic-ref',
          others.length === 0
            ? `$ref "${object.$ref}" refers to itself`
            : `$ref "${object.$ref}" goes round in a cycle of references (through ${others.join(', ')})`,
          object.$ref,
          current.location,
          [...new Set(cycle)].sort(),
        );
      }
      chain.push(target.location);
      current = target;
    }
    const resolved = { schema: merged, origins, base };
    if (Array.isArray(merged.allOf)) this.mergeAllOf(resolved);
    return resolved;
  }

  /** @param {Resolved} resolved */
  mergeAllOf(resolved) {
    const { schema } = resolved;
    const members = schema.allOf;
    const location = resolved.origins.allOf;
    delete schema.allOf;
    if (this.merging.has(location)) {
      throw new RefError(
        'cyclic-ref',
        `allOf refers back to the schema it belongs to (${location})`,
        `#${location.slice(this.rootLocation.length)}`,
        appendPointer(location, 'allOf'),
      );
    }
    this.merging.add(location);
    try {
      members.forEach((/** @type {unknown} */ member, /** @type {number} */ i) => {
        const part = this.resolve({
          schema: member,
          location: appendPointer(appendPointer(location, 'allOf'), i),
          base: resolved.base,
        });
        for (const [key, value] of Object.entries(part.schema)) {
          if (key === 'properties' || key === 'required') {
            combine(schema, key, value);
          } else if (!hasOwn(schema, key)) {
            setOwn(schema, key, value);
            setOwn(resolved.origins, key, part.origins[key]);
          }
        }
      });
    } finally {
      this.merging.delete(location);
    }
  }

  /**
   * Every `$ref` (and `allOf`) in the document the element could not follow, each once.
   * @returns {RefError[]}
   */
  check() {
    /** @type {RefError[]} */
    const problems = [];
    const seen = new Set();
    /**
     * @param {unknown} schema
     * @param {string} location
     * @param {string} base
     * @param {number} depth
     * @param {boolean} inMap
     */
    const visit = (schema, location, base, depth, inMap) => {
      if (typeof schema !== 'object' || schema === null || depth > 500) return;
      if (Array.isArray(schema)) {
        schema.forEach((item, i) =>
          visit(item, appendPointer(location, i), base, depth + 1, false),
        );
        return;
      }
      const object = /** @type {Record<string, unknown>} */ (schema);
      const ownBase = inMap ? base : baseOf(object, base, this.references.idKey);
      if (!inMap && (typeof object.$ref === 'string' || Array.isArray(object.allOf))) {
        try {
          this.resolve({ schema: object, location, base });
        } catch (error) {
          if (!(error instanceof RefError)) throw error;
          // A cycle is one problem, however many of its members are visited.
          const key =
            error.cycle.length > 0 ? error.cycle.join(' ') : `${error.code} ${error.pointer}`;
          if (!seen.has(key)) {
            seen.add(key);
            problems.push(error);
          }
        }
      }
      for (const [key, value] of Object.entries(object)) {
        if (descends(key, inMap))
          visit(
            value,
            appendPointer(location, key),
            ownBase,
            depth + 1,
            !inMap && SCHEMA_MAPS.has(key),
          );
      }
    };
    visit(this.root, this.rootLocation, this.rootBase, 0, false);
    return problems;
  }
}
