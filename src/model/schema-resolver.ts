/**
 * Follows `$ref` and merges `allOf`, so that the field tree sees one plain schema per value.
 * Remembers where in the definition document each piece was written, because translations are
 * keyed by that location.
 *
 * Where each `$ref` leads (URIs, `$id` resources, anchors) is worked out before: by the command
 * line for a compiled module (its `refs`), by the raw-definition chunk for a raw schema (see
 * src/core/schema-references.js). Here a `$ref` is a lookup in that table.
 */
import { DefinitionError } from './definition-error.js';
import { appendPointer, getAtPointer } from './json-pointer.js';
import type { Schema, SchemaObject } from './types.js';
import { hasOwn, setOwn } from './own.js';
import { descends, SCHEMA_MAPS } from '../core/schema-keywords.js';

/** A schema together with its location in the definition document. */
export interface SchemaAt {
  schema: Schema;
  /** JSON Pointer into the definition document, e.g. `/schema/$defs/address`. */
  location: string;
}

/** A schema with `$ref` followed and `allOf` merged. */
export interface ResolvedSchema {
  schema: SchemaObject;
  /** For each keyword, the location of the schema object it was taken from. */
  origins: Record<string, string>;
  /** For each property, the location of its (unresolved) schema. */
  propertyLocations: Record<string, string>;
  /** Locations of every `$ref` target followed to get here; used to stop recursive expansion. */
  refTargets: string[];
  /**
   * Whether this resolution followed a `$ref` to a target already expanded on the way here (one
   * of the inherited `refTargets`): the schema recurses at this point.
   */
  recursive: boolean;
}

/**
 * Where each `$ref` of a document leads: the location of the schema that holds it → the location
 * of its target (src/core/schema-references.js).
 */
export type ReferenceTable = Readonly<Record<string, string>>;

// The resolver's index walk and the reference check skip the same places as every other walk.
export { descends, SCHEMA_MAPS };

/** Follows references inside one schema document. Create one per definition. */
export class SchemaResolver {
  readonly root: SchemaObject;
  readonly rootLocation: string;
  /**
   * Where each `$ref` leads, by the schema object that holds it: the model also places a schema
   * elsewhere than where it is written (a property narrowed by a condition is merged as an
   * `allOf` at the property's place), and the object is the same wherever it goes.
   */
  readonly #targets = new WeakMap<object, string>();
  /** Locations of the `allOf`s being merged right now (to detect cycles through `allOf`). */
  readonly #merging = new Set<string>();
  /** Every keyword written anywhere in the document (see {@link uses}). */
  readonly #keywords = new Set<string>();
  /** Every `format` value written anywhere in the document. */
  readonly formats = new Set<string>();
  /** Every `type` written anywhere in the document (`"array"`: the form needs the lists chunk). */
  readonly types = new Set<string>();

  /**
   * @param refs where each `$ref` leads; without it, a `$ref` is reported as unresolvable
   */
  constructor(root: SchemaObject, refs: ReferenceTable = {}, rootLocation = '/schema') {
    this.root = root;
    this.rootLocation = rootLocation;
    for (const [location, target] of Object.entries(refs)) {
      const holder = this.#at(location);
      if (typeof holder === 'object' && holder !== null) this.#targets.set(holder, target);
    }
    this.#index(root, false);
  }

  /**
   * Whether `keyword` is written anywhere in the schema document (as a keyword, not as a property
   * name): decides which parts of the library a form needs, such as the condition logic.
   */
  uses(keyword: string): boolean {
    return this.#keywords.has(keyword);
  }

  /** The root schema as a {@link SchemaAt}. */
  rootAt(): SchemaAt {
    return { schema: this.root, location: this.rootLocation };
  }

  /** Which keywords and formats the document uses: one walk at load. */
  #index(schema: unknown, inMap: boolean, depth = 0): void {
    if (typeof schema !== 'object' || schema === null || depth > 500) return;
    const object = schema as Record<string, unknown>;
    const isArray = Array.isArray(schema);
    for (const key in object) {
      if (!hasOwn(object, key)) continue;
      const value = object[key];
      if (!inMap && !isArray) {
        this.#keywords.add(key);
        if (key === 'format' && typeof value === 'string') this.formats.add(value);
        if (key === 'type') for (const type of [value].flat()) this.types.add(type as string);
      }
      if (typeof value === 'object' && value !== null && (isArray || descends(key, inMap)))
        this.#index(value, !inMap && !isArray && SCHEMA_MAPS.has(key), depth + 1);
    }
  }

  /**
   * Finds the target of `reference`, the `$ref` of `site.schema`; throws a {@link DefinitionError}
   * if there is none.
   */
  lookup(reference: string, site: SchemaAt): SchemaAt {
    const target = typeof site.schema === 'object' ? this.#targets.get(site.schema) : undefined;
    // An official meta-schema (the table's location is then its URI, not a pointer): ajv knows
    // and validates it; for the form it says nothing.
    if (target && target[0] !== '/') return { schema: true, location: target };
    const schema = this.#at(target);
    if (
      typeof schema !== 'boolean' &&
      (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    ) {
      throw new DefinitionError(
        'unresolvable-ref',
        `Cannot resolve $ref "${reference}" at ${site.location}`,
        { ref: reference },
        site.location,
      );
    }
    return { schema: schema as Schema, location: target! };
  }

  /** The value at a location of the definition document inside the schema, if there is one. */
  #at(location: unknown): unknown {
    return typeof location === 'string' &&
      (location === this.rootLocation || location.startsWith(`${this.rootLocation}/`))
      ? getAtPointer(this.root, location.slice(this.rootLocation.length))
      : undefined;
  }

  /**
   * Follows `$ref` chains and merges `allOf` members into one schema. A `$ref`'s siblings combine
   * with its target, as 2019-09 and 2020-12 say (the pair means both) and as ajv validates in
   * every dialect: `properties` of both (the sibling's schema where both name a property),
   * `required` of both; for any other keyword written on both, the sibling's (its own `title`).
   * draft-04 to 07 say siblings are ignored; a form author who writes one means it, so the form
   * follows ajv here, and `intake-elements check` warns (docs/limits.md). `inheritedRefs` are the targets already expanded
   * on the way from the root, so that callers can detect recursion.
   */
  resolve(at: SchemaAt, inheritedRefs: readonly string[] = []): ResolvedSchema {
    const merged: SchemaObject = {};
    const origins: Record<string, string> = {};
    const propertyLocations: Record<string, string> = {};
    const refTargets = [...inheritedRefs];
    const chain: string[] = [];
    let current: SchemaAt = at;
    for (;;) {
      const schema = current.schema;
      if (schema === false) {
        if (!('not' in merged)) merged.not = {};
        break;
      }
      if (schema === true) break;
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
            setOwn(
              propertyLocations,
              name,
              appendPointer(appendPointer(current.location, 'properties'), name),
            );
          }
        }
      }
      if (typeof schema.$ref !== 'string') break;
      const target = this.lookup(schema.$ref, current);
      if (chain.includes(target.location) || target.location === current.location) {
        throw new DefinitionError(
          'cyclic-ref',
          `$ref cycle at ${at.location}`,
          { ref: schema.$ref },
          current.location,
        );
      }
      chain.push(target.location);
      refTargets.push(target.location);
      current = target;
    }
    const resolved: ResolvedSchema = {
      schema: merged,
      origins,
      propertyLocations,
      refTargets,
      recursive: chain.some((target) => inheritedRefs.includes(target)),
    };
    if (Array.isArray(merged.allOf)) this.#mergeAllOf(resolved, refTargets);
    return resolved;
  }

  #mergeAllOf(resolved: ResolvedSchema, refTargets: readonly string[]): void {
    const { schema } = resolved;
    const members = schema.allOf as Schema[];
    const location = resolved.origins.allOf;
    delete schema.allOf;
    // An `allOf` member that refers back to a schema whose `allOf` is being merged (`a: { allOf:
    // [{ $ref: a }] }`) would merge forever; it is a cycle like a pure `$ref` cycle.
    if (this.#merging.has(location)) {
      throw new DefinitionError(
        'cyclic-ref',
        `allOf refers to itself at ${location}`,
        { ref: `#${location.slice(this.rootLocation.length)}` },
        appendPointer(location, 'allOf'),
      );
    }
    this.#merging.add(location);
    try {
      this.#mergeMembers(resolved, members, location, refTargets);
    } finally {
      this.#merging.delete(location);
    }
  }

  #mergeMembers(
    resolved: ResolvedSchema,
    members: Schema[],
    location: string,
    refTargets: readonly string[],
  ): void {
    const { schema } = resolved;
    members.forEach((member, i) => {
      const part = this.resolve(
        {
          schema: member,
          location: appendPointer(appendPointer(location, 'allOf'), i),
        },
        refTargets,
      );
      for (const [key, value] of Object.entries(part.schema)) {
        if (key === 'properties' || key === 'required') {
          combine(schema, key, value);
          if (key === 'properties')
            for (const [name, where] of Object.entries(part.propertyLocations)) {
              if (!hasOwn(resolved.propertyLocations, name))
                setOwn(resolved.propertyLocations, name, where);
            }
        } else if (!hasOwn(schema, key)) {
          setOwn(schema, key, value);
          setOwn(resolved.origins, key, part.origins[key]);
        }
      }
    });
  }
}

/**
 * Adds `value`, a keyword of a schema that `merged` combines with (a `$ref` target, an `allOf`
 * member), to `merged`, which has that keyword already: `properties` are united (the target's
 * first, in their order; `merged`'s schema where both name one), `required` too; any other
 * keyword stays `merged`'s. New objects: the definition is not changed.
 */
function combine(merged: SchemaObject, key: string, value: unknown): void {
  if (key === 'properties') merged.properties = { ...(value as object), ...merged.properties };
  else if (key === 'required' && Array.isArray(value))
    merged.required = [...new Set([...(merged.required ?? []), ...value])];
}
