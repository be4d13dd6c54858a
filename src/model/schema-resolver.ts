/**
 * Resolves `$ref` (local pointers, embedded `$id` resources, `$anchor`) and merges `allOf`, so that
 * the field tree sees one plain schema per value. Remembers where in the definition document each
 * piece was written, because translations are keyed by that location.
 */
import { DefinitionError } from './definition-error.js';
import { appendPointer, parsePointer } from './json-pointer.js';
import type { Schema, SchemaObject } from './types.js';
import { hasOwn, setOwn } from './own.js';
import { descends, SCHEMA_MAPS } from '../core/schema-keywords.js';

/** A schema together with its location in the definition document and its base URI. */
export interface SchemaAt {
  schema: Schema;
  /** JSON Pointer into the definition document, e.g. `/schema/$defs/address`. */
  location: string;
  /** Base URI for resolving `$ref` inside it. */
  base: string;
}

/** A schema with `$ref` followed and `allOf` merged. */
export interface ResolvedSchema {
  schema: SchemaObject;
  /** For each keyword, the location of the schema object it was taken from. */
  origins: Record<string, string>;
  /** For each property, the location of its (unresolved) schema. */
  propertyLocations: Record<string, string>;
  base: string;
  /** Locations of every `$ref` target followed to get here; used to stop recursive expansion. */
  refTargets: string[];
  /**
   * Whether this resolution followed a `$ref` to a target already expanded on the way here (one
   * of the inherited `refTargets`): the schema recurses at this point.
   */
  recursive: boolean;
}

// The resolver's index walk and the reference check skip the same places as every other walk.
export { descends, SCHEMA_MAPS };

const DEFAULT_BASE = 'intake:/form/schema.json';

function stripFragment(uri: string): string {
  const index = uri.indexOf('#');
  return index === -1 ? uri : uri.slice(0, index);
}

function toUri(reference: string, base: string): string {
  try {
    return new URL(reference, base).href;
  } catch {
    return reference;
  }
}

/**
 * What a schema's `$id` declares: a new base URI, and/or (draft-07 style, `"$id": "#address"` or
 * `"$id": "other.json#address"`) a plain-name anchor. A fragment-only `$id` keeps the base.
 */
function idOf(schema: Record<string, unknown>, base: string): { base?: string; anchor?: string } {
  const id = schema.$id;
  if (typeof id !== 'string' || id === '' || id === '#') return {};
  const uri = toUri(id, base);
  const hash = uri.indexOf('#');
  const fragment = hash === -1 ? '' : decodeFragment(uri.slice(hash + 1));
  const anchor = fragment !== '' && !fragment.startsWith('/') ? fragment : undefined;
  return id.startsWith('#') ? { anchor } : { base: stripFragment(uri), anchor };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The base URI inside `schema`, which may declare its own with `$id`. */
export function baseOf(schema: Record<string, unknown>, base: string): string {
  return idOf(schema, base).base ?? base;
}

/** Follows references inside one schema document. Create one per definition. */
export class SchemaResolver {
  readonly root: SchemaObject;
  readonly rootLocation: string;
  readonly rootBase: string;
  readonly #resources = new Map<string, SchemaAt>();
  readonly #anchors = new Map<string, SchemaAt>();
  /** Locations of the `allOf`s being merged right now (to detect cycles through `allOf`). */
  readonly #merging = new Set<string>();
  /** Every keyword written anywhere in the document (see {@link uses}). */
  readonly #keywords = new Set<string>();
  /** Every `format` value written anywhere in the document. */
  readonly formats = new Set<string>();

  constructor(root: SchemaObject, rootLocation = '/schema') {
    this.root = root;
    this.rootLocation = rootLocation;
    this.rootBase = baseOf(root, DEFAULT_BASE);
    this.#index(root, rootLocation, this.rootBase, 0);
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
    return { schema: this.root, location: this.rootLocation, base: this.rootBase };
  }

  #index(schema: unknown, location: string, base: string, depth: number, inMap = false): void {
    if (typeof schema !== 'object' || schema === null || depth > 500) return;
    if (Array.isArray(schema)) {
      schema.forEach((item, i) => this.#index(item, appendPointer(location, i), base, depth + 1));
      return;
    }
    const object = schema as Record<string, unknown>;
    let ownBase = base;
    if (!inMap) {
      const id = idOf(object, base);
      if (id.base !== undefined) {
        ownBase = id.base;
        this.#resources.set(ownBase, { schema: object as SchemaObject, location, base: ownBase });
      }
      if (location === this.rootLocation)
        this.#resources.set(ownBase, { schema: object as SchemaObject, location, base: ownBase });
      // `$anchor` (2020-12), or a draft-07 `$id` that is only a fragment (`"$id": "#address"`).
      for (const anchor of [object.$anchor, id.anchor]) {
        if (typeof anchor !== 'string') continue;
        this.#anchors.set(`${ownBase}#${anchor}`, {
          schema: object as SchemaObject,
          location,
          base: ownBase,
        });
      }
    }
    for (const [key, value] of Object.entries(object)) {
      if (!inMap) {
        this.#keywords.add(key);
        if (key === 'format' && typeof value === 'string') this.formats.add(value);
      }
      if (descends(key, inMap))
        this.#index(
          value,
          appendPointer(location, key),
          ownBase,
          depth + 1,
          !inMap && SCHEMA_MAPS.has(key),
        );
    }
  }

  /** Finds the target of `$ref` written at `site`; throws a {@link DefinitionError} if there is none. */
  lookup(reference: string, site: SchemaAt): SchemaAt {
    const uri = toUri(reference, site.base);
    const hash = uri.indexOf('#');
    const resourceUri = hash === -1 ? uri : uri.slice(0, hash);
    const fragment = hash === -1 ? '' : uri.slice(hash + 1);
    const resource = this.#resources.get(resourceUri);
    const fail = (): never => {
      throw new DefinitionError(
        'unresolvable-ref',
        `Cannot resolve $ref "${reference}" at ${site.location}`,
        { ref: reference },
        site.location,
      );
    };
    if (!resource) return fail();
    if (fragment === '') return resource;
    if (!fragment.startsWith('/'))
      return this.#anchors.get(`${resourceUri}#${decodeFragment(fragment)}`) ?? fail();
    let decoded: string;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      return fail();
    }
    let current: unknown = resource.schema;
    let location = resource.location;
    for (const token of parsePointer(decoded)) {
      if (
        typeof current !== 'object' ||
        current === null ||
        !Object.prototype.hasOwnProperty.call(current, token)
      )
        return fail();
      current = (current as Record<string, unknown>)[token];
      location = appendPointer(location, token);
    }
    if (
      typeof current !== 'boolean' &&
      (typeof current !== 'object' || current === null || Array.isArray(current))
    )
      return fail();
    return { schema: current as Schema, location, base: resource.base };
  }

  /**
   * Follows `$ref` chains (sibling keywords win over the target's, as react-jsonschema-form does)
   * and merges `allOf` members into one schema. `inheritedRefs` are the targets already expanded
   * on the way from the root, so that callers can detect recursion.
   */
  resolve(at: SchemaAt, inheritedRefs: readonly string[] = []): ResolvedSchema {
    const merged: SchemaObject = {};
    const origins: Record<string, string> = {};
    const propertyLocations: Record<string, string> = {};
    const refTargets = [...inheritedRefs];
    const chain: string[] = [];
    let current: SchemaAt = at;
    let base = at.base;
    for (;;) {
      const schema = current.schema;
      if (schema === false) {
        if (!('not' in merged)) merged.not = {};
        break;
      }
      if (schema === true) break;
      base = baseOf(schema, current.base);
      for (const [key, value] of Object.entries(schema)) {
        if (key === '$ref' || hasOwn(merged, key)) continue;
        setOwn(merged, key, value);
        setOwn(origins, key, current.location);
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
      const target = this.lookup(schema.$ref, { ...current, base });
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
      base,
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
          base: resolved.base,
        },
        refTargets,
      );
      for (const [key, value] of Object.entries(part.schema)) {
        if (key === 'properties') {
          schema.properties = {
            ...(value as Record<string, Schema>),
            ...(schema.properties ?? {}),
          };
          for (const [name, where] of Object.entries(part.propertyLocations)) {
            if (!hasOwn(resolved.propertyLocations, name))
              setOwn(resolved.propertyLocations, name, where);
          }
        } else if (key === 'required') {
          schema.required = [...new Set([...(schema.required ?? []), ...(value as string[])])];
        } else if (!hasOwn(schema, key)) {
          setOwn(schema, key, value);
          setOwn(resolved.origins, key, part.origins[key]);
        }
      }
    });
  }
}
