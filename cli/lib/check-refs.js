/**
 * `$ref` checks as the element follows references: following chains and merging `allOf` is the
 * resolver of src/core/schema-resolver.js (the one the element runs), whose errors are worded
 * here for the command line. `check()` finds every reference the element could not follow
 * (unresolvable, or a pure cycle), not only the first.
 *
 * cli/check.test.js compares the findings with the element's own resolver on every fixture.
 */
import { SchemaReferenceError, SchemaResolver } from '../../src/core/schema-resolver.js';
import { descends, SCHEMA_MAPS } from '../../src/core/schema-keywords.js';
import { referenceTable } from '../../src/core/schema-references.js';
import { appendPointer } from './json-pointer.js';

/** @typedef {import('../../src/core/schema-resolver.js').SchemaAt} SchemaAt */
/** @typedef {import('../../src/core/schema-resolver.js').ResolvedSchema} Resolved */

export { descends, SCHEMA_MAPS } from '../../src/core/schema-keywords.js';

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

/**
 * The resolver's error in the command line's words.
 * @param {SchemaReferenceError} error
 */
function refErrorOf(error) {
  const { code, ref, pointer, cycle } = error;
  if (code === 'unresolvable-ref')
    return new RefError(code, `$ref "${ref}" points at nothing in the schema`, ref, pointer);
  if (cycle.length === 0)
    return new RefError(
      code,
      `allOf refers back to the schema it belongs to (${pointer.slice(0, -'/allOf'.length)})`,
      ref,
      pointer,
    );
  const others = cycle.filter((location) => location !== pointer);
  return new RefError(
    code,
    others.length === 0
      ? `$ref "${ref}" refers to itself`
      : `$ref "${ref}" goes round in a cycle of references (through ${others.join(', ')})`,
    ref,
    pointer,
    [...cycle].sort(),
  );
}

/** Follows references inside one schema document, as the element does. */
export class RefResolver {
  /**
   * @param {Record<string, unknown>} root
   * @param {string} [rootLocation]
   */
  constructor(root, rootLocation = '/schema') {
    this.root = root;
    this.rootLocation = rootLocation;
    this.resolver = new SchemaResolver(root, referenceTable(root, rootLocation), rootLocation);
  }

  /** @returns {SchemaAt} */
  rootAt() {
    return this.resolver.rootAt();
  }

  /**
   * The value written at a location of the definition document (before any merging).
   * @param {string} location
   */
  rawAt(location) {
    return this.resolver.rawAt(location);
  }

  /**
   * Follows `$ref` chains and merges `allOf` members (siblings win over the target's keywords);
   * throws a RefError where the element could not.
   * @param {SchemaAt} at
   * @returns {Resolved}
   */
  resolve(at) {
    try {
      return this.resolver.resolve(at);
    } catch (error) {
      if (error instanceof SchemaReferenceError) throw refErrorOf(error);
      throw error;
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
     * @param {number} depth
     * @param {boolean} inMap
     */
    const visit = (schema, location, depth, inMap) => {
      if (typeof schema !== 'object' || schema === null || depth > 500) return;
      if (Array.isArray(schema)) {
        schema.forEach((item, i) => visit(item, appendPointer(location, i), depth + 1, false));
        return;
      }
      const object = /** @type {Record<string, unknown>} */ (schema);
      if (!inMap && (typeof object.$ref === 'string' || Array.isArray(object.allOf))) {
        try {
          this.resolve({ schema: object, location });
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
          visit(value, appendPointer(location, key), depth + 1, !inMap && SCHEMA_MAPS.has(key));
      }
    };
    visit(this.root, this.rootLocation, 0, false);
    return problems;
  }
}
