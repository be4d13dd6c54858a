// @ts-check
/**
 * Follows `$ref` and merges `allOf`, so that a walk over the data sees one plain schema per
 * value, and remembers where in the definition document each piece was written (translations
 * and ajv's compiled parts are keyed by that location).
 *
 * The one resolver of the project, in plain JavaScript so that Node runs it without a build: the
 * element (src/model/schema-resolver.ts gives it the model's types and errors), the receiver's
 * staff summary and the command line's reference check all follow references with it.
 *
 * Where each `$ref` leads (URIs, `$id` resources, anchors) is worked out before, by
 * `referenceTable` of src/core/schema-references.js: by the command line for a compiled module
 * (its `refs`), by the raw-definition chunk for a raw schema. Here a `$ref` is a lookup in that
 * table, so that the element's main file carries no URI resolution.
 */
import { appendPointer, getAtPointer } from './json-pointer.js';
import { hasOwn, setOwn } from './own.js';
import { descends, SCHEMA_MAPS } from './schema-keywords.js';

/** @typedef {Record<string, any>} SchemaObject */
/** @typedef {SchemaObject | boolean} Schema */
/**
 * @typedef {object} SchemaAt A schema together with its location in the definition document.
 * @property {Schema} schema
 * @property {string} location JSON Pointer into the definition document (`/schema/$defs/x`).
 */
/**
 * @typedef {object} ResolvedSchema A schema with `$ref` followed and `allOf` merged.
 * @property {SchemaObject} schema
 * @property {Record<string, string>} origins for each keyword, the location of the schema
 *   object it was taken from
 * @property {Record<string, string>} propertyLocations for each property, the location of its
 *   (unresolved) schema
 * @property {string[]} refTargets locations of every `$ref` target followed to get here
 * @property {boolean} recursive whether a `$ref` led to a target already expanded on the way here
 */

/**
 * @typedef {object} RefProblem Where a `$ref` cannot be followed.
 * @property {string} ref the `$ref` (for an `allOf` cycle, a reference to the schema it belongs to)
 * @property {string} pointer where the `$ref` (or the `allOf`) is written
 * @property {string[]} [chain] for a cycle of `$ref`s, the targets followed before it, in order
 * @property {string} [target] for a cycle of `$ref`s, the target met again
 */

/** A `$ref` that leads nowhere, or a cycle of `$ref`s or `allOf`s. */
export class SchemaReferenceError extends Error {
  /**
   * @param {'unresolvable-ref' | 'cyclic-ref'} code
   * @param {string} message
   * @param {{ ref: string, pointer: string, cycle?: string[] }} where `ref`: the `$ref` (for an
   *   `allOf` cycle, a reference to the schema it belongs to); `pointer`: where the `$ref` (or the
   *   `allOf`) is written; `cycle`: for a cycle of `$ref`s, the locations on it, in order
   */
  constructor(code, message, { ref, pointer, cycle = [] }) {
    super(message);
    this.name = 'SchemaReferenceError';
    this.code = code;
    this.ref = ref;
    this.pointer = pointer;
    this.cycle = cycle;
  }
}

/**
 * The resolver's rules, reporting a `$ref` it cannot follow as a plain `Error`: subclasses word
 * it ({@link SchemaResolver} for Node, src/model/schema-resolver.ts for the element, whose main
 * file then carries no {@link SchemaReferenceError}).
 */
export class BaseSchemaResolver {
  /** @type {WeakMap<object, string>} where each `$ref` leads, by the schema object holding it */
  #targets = new WeakMap();
  /** @type {Set<string>} locations of the `allOf`s being merged right now (cycles through `allOf`) */
  #merging = new Set();
  /** @type {Set<string>} every keyword written anywhere in the document (see {@link uses}) */
  #keywords = new Set();
  /** @type {Set<string>} every `format` value written anywhere in the document */
  formats = new Set();
  /** @type {Set<string>} every `type` written anywhere (`"array"`: the form needs the lists chunk) */
  types = new Set();

  /**
   * The model places a schema elsewhere than where it is written (a property narrowed by a
   * condition is merged as an `allOf` at the property's place), so a `$ref`'s target is found by
   * the schema object that holds it, the same wherever it goes.
   *
   * @param {SchemaObject} root the definition's `schema`
   * @param {Record<string, string>} [refs] where each `$ref` leads, by the location of the schema
   *   that holds it (`referenceTable`); without it, every `$ref` is unresolvable
   * @param {string} [rootLocation]
   */
  constructor(root, refs = {}, rootLocation = '/schema') {
    this.root = root;
    this.rootLocation = rootLocation;
    for (const [location, target] of Object.entries(refs)) {
      const holder = this.rawAt(location);
      if (typeof holder === 'object' && holder !== null) this.#targets.set(holder, target);
    }
    this.#index(root, false, 0);
  }

  /**
   * Whether `keyword` is written anywhere in the schema document (as a keyword, not as a property
   * name): decides which parts of the library a form needs, such as the condition logic.
   *
   * @param {string} keyword
   */
  uses(keyword) {
    return this.#keywords.has(keyword);
  }

  /** @returns {SchemaAt} the root schema */
  rootAt() {
    return { schema: this.root, location: this.rootLocation };
  }

  /**
   * Which keywords, formats and types the document uses: one walk at load.
   *
   * @param {unknown} schema
   * @param {boolean} inMap whether `schema` is a map of names to schemas (`properties`…)
   * @param {number} depth
   */
  #index(schema, inMap, depth) {
    if (typeof schema !== 'object' || schema === null || depth > 500) return;
    const object = /** @type {Record<string, unknown>} */ (schema);
    const isArray = Array.isArray(schema);
    for (const key in object) {
      if (!hasOwn(object, key)) continue;
      const value = object[key];
      if (!inMap && !isArray) {
        this.#keywords.add(key);
        if (key === 'format' && typeof value === 'string') this.formats.add(value);
        if (key === 'type') for (const type of [value].flat()) this.types.add(String(type));
      }
      if (typeof value === 'object' && value !== null && (isArray || descends(key, inMap)))
        this.#index(value, !inMap && !isArray && SCHEMA_MAPS.has(key), depth + 1);
    }
  }

  /**
   * The error for a `$ref` that cannot be followed, or a cycle.
   *
   * @param {'unresolvable-ref' | 'cyclic-ref'} _code
   * @param {string} message
   * @param {RefProblem} _where
   * @returns {Error}
   */
  refError(_code, message, _where) {
    return new Error(message);
  }

  /**
   * The value written at a location of the definition document inside the schema (before any
   * merging), if there is one.
   *
   * @param {unknown} location
   * @returns {unknown}
   */
  rawAt(location) {
    return typeof location === 'string' &&
      (location === this.rootLocation || location.startsWith(`${this.rootLocation}/`))
      ? getAtPointer(this.root, location.slice(this.rootLocation.length))
      : undefined;
  }

  /**
   * Finds the target of `reference`, the `$ref` of `site.schema`; throws a
   * {@link SchemaReferenceError} if there is none.
   *
   * @param {string} reference
   * @param {SchemaAt} site
   * @returns {SchemaAt}
   */
  lookup(reference, site) {
    const target = typeof site.schema === 'object' ? this.#targets.get(site.schema) : undefined;
    // An official meta-schema (the table's location is then its URI, not a pointer): ajv knows
    // and validates it; for the form it says nothing.
    if (target && target[0] !== '/') return { schema: true, location: target };
    const schema = this.rawAt(target);
    if (
      target === undefined ||
      (typeof schema !== 'boolean' &&
        (typeof schema !== 'object' || schema === null || Array.isArray(schema)))
    ) {
      throw this.refError(
        'unresolvable-ref',
        `Cannot resolve $ref "${reference}" at ${site.location}`,
        { ref: reference, pointer: site.location },
      );
    }
    return { schema: /** @type {Schema} */ (schema), location: target };
  }

  /**
   * Follows `$ref` chains and merges `allOf` members into one schema. A `$ref`'s siblings combine
   * with its target, as 2019-09 and 2020-12 say (the pair means both) and as ajv validates in
   * every dialect: `properties` of both (the sibling's schema where both name a property),
   * `required` of both; for any other keyword written on both, the sibling's (its own `title`).
   * draft-04 to 07 say siblings are ignored; a form author who writes one means it, so the form
   * follows ajv here, and `intake-elements check` warns (docs/limits.md). `inheritedRefs` are the
   * targets already expanded on the way from the root, so that callers can detect recursion.
   *
   * @param {SchemaAt} at
   * @param {readonly string[]} [inheritedRefs]
   * @returns {ResolvedSchema}
   */
  resolve(at, inheritedRefs = []) {
    /** @type {SchemaObject} */
    const merged = {};
    /** @type {Record<string, string>} */
    const origins = {};
    /** @type {Record<string, string>} */
    const propertyLocations = {};
    const refTargets = [...inheritedRefs];
    /** @type {string[]} */
    const chain = [];
    let current = at;
    for (;;) {
      const schema = current.schema;
      if (schema === false) {
        if (!('not' in merged)) merged.not = {};
        break;
      }
      if (schema === true || typeof schema !== 'object' || schema === null) break;
      for (const [key, value] of Object.entries(schema)) {
        if (key === '$ref') continue;
        if (hasOwn(merged, key)) combine(merged, key, value);
        else {
          setOwn(merged, key, value);
          setOwn(origins, key, current.location);
        }
      }
      if (schema.properties) {
        for (const name of Object.keys(schema.properties)) {
          if (!hasOwn(propertyLocations, name)) {
            const where = appendPointer(appendPointer(current.location, 'properties'), name);
            setOwn(propertyLocations, name, where);
          }
        }
      }
      if (typeof schema.$ref !== 'string') break;
      const target = this.lookup(schema.$ref, current);
      if (chain.includes(target.location) || target.location === current.location) {
        throw this.refError('cyclic-ref', `$ref cycle at ${at.location}`, {
          ref: schema.$ref,
          pointer: current.location,
          chain,
          target: target.location,
        });
      }
      chain.push(target.location);
      refTargets.push(target.location);
      current = target;
    }
    /** @type {ResolvedSchema} */
    const resolved = {
      schema: merged,
      origins,
      propertyLocations,
      refTargets,
      recursive: chain.some((target) => inheritedRefs.includes(target)),
    };
    if (Array.isArray(merged.allOf)) this.#mergeAllOf(resolved, refTargets);
    return resolved;
  }

  /**
   * @param {ResolvedSchema} resolved
   * @param {readonly string[]} refTargets
   */
  #mergeAllOf(resolved, refTargets) {
    const { schema } = resolved;
    const members = /** @type {Schema[]} */ (schema.allOf);
    const location = resolved.origins.allOf;
    delete schema.allOf;
    // An `allOf` member that refers back to a schema whose `allOf` is being merged (`a: { allOf:
    // [{ $ref: a }] }`) would merge forever; it is a cycle like a pure `$ref` cycle.
    if (this.#merging.has(location)) {
      throw this.refError('cyclic-ref', `allOf refers to itself at ${location}`, {
        ref: `#${location.slice(this.rootLocation.length)}`,
        pointer: appendPointer(location, 'allOf'),
      });
    }
    this.#merging.add(location);
    try {
      members.forEach((member, i) => {
        const where = appendPointer(appendPointer(location, 'allOf'), i);
        const part = this.resolve({ schema: member, location: where }, refTargets);
        for (const [key, value] of Object.entries(part.schema)) {
          if (key === 'properties' || key === 'required') {
            combine(schema, key, value);
            if (key === 'properties')
              for (const [name, at] of Object.entries(part.propertyLocations)) {
                if (!hasOwn(resolved.propertyLocations, name))
                  setOwn(resolved.propertyLocations, name, at);
              }
          } else if (!hasOwn(schema, key)) {
            setOwn(schema, key, value);
            setOwn(resolved.origins, key, part.origins[key]);
          }
        }
      });
    } finally {
      this.#merging.delete(location);
    }
  }
}

/**
 * Adds `value`, a keyword of a schema that `merged` combines with (a `$ref` target, an `allOf`
 * member), to `merged`, which has that keyword already: `properties` are united (the target's
 * first; `merged`'s schema where both name one), `required` too; any other keyword stays
 * `merged`'s. New objects: the definition is not changed.
 *
 * @param {SchemaObject} merged
 * @param {string} key
 * @param {unknown} value
 */
function combine(merged, key, value) {
  if (key === 'properties')
    merged.properties = { .../** @type {object} */ (value), ...merged.properties };
  else if (key === 'required' && Array.isArray(value))
    merged.required = [...new Set([...(merged.required ?? []), ...value])];
}

/**
 * Follows references inside one schema document, reporting a `$ref` it cannot follow as a
 * {@link SchemaReferenceError} (with the locations on a cycle); create one per definition.
 */
export class SchemaResolver extends BaseSchemaResolver {
  /**
   * @param {'unresolvable-ref' | 'cyclic-ref'} code
   * @param {string} message
   * @param {RefProblem} where
   * @returns {SchemaReferenceError}
   * @override
   */
  refError(code, message, { ref, pointer, chain, target = '' }) {
    // The cycle runs from the first visit of the target on the chain to the `$ref` that returns.
    const from = chain ? chain.indexOf(target) : -1;
    const cycle = chain ? [...new Set([...(from < 0 ? [] : chain.slice(from)), pointer])] : [];
    return new SchemaReferenceError(code, message, { ref, pointer, cycle });
  }
}
