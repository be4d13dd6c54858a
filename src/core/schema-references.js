// @ts-check
/* global URL */
/**
 * Where every `$ref` of a schema document leads: local JSON Pointers, embedded `$id` resources,
 * `$anchor`s and draft-07 fragment `$id`s, each resolved against the base URI in force where the
 * `$ref` is written. The result is a table from the location of each schema that holds a `$ref`
 * to the location of its target, both JSON Pointers into the definition document.
 *
 * The command line writes the table into every compiled module (`refs`), and the element builds
 * it for a raw definition in the raw-definition chunk, so that the element's main file follows a
 * `$ref` by looking it up (src/model/schema-resolver.ts) and carries no URI resolution. The
 * command line's reference check (cli/lib/check-refs.js) uses the same lookup.
 */
import { appendPointer, unescapeToken } from './json-pointer.js';
import { descends, SCHEMA_MAPS } from './schema-keywords.js';
import { idKeyword, isMetaSchemaUri } from './dialect.js';

/** The base URI of a schema document without an `$id` of its own. */
export const DEFAULT_BASE = 'intake:/form/schema.json';

/** @typedef {{ schema: unknown, location: string, base: string }} SchemaPlace */

/** @param {string} uri */
function stripFragment(uri) {
  const index = uri.indexOf('#');
  return index === -1 ? uri : uri.slice(0, index);
}

/**
 * @param {string} reference
 * @param {string} base
 */
export function toUri(reference, base) {
  try {
    return new URL(reference, base).href;
  } catch {
    return reference;
  }
}

/** @param {string} fragment */
function decodeFragment(fragment) {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * What a schema's `$id` declares: a new base URI, and/or (draft-07 style, `"$id": "#address"` or
 * `"$id": "other.json#address"`) a plain-name anchor. A fragment-only `$id` keeps the base.
 *
 * @param {Record<string, unknown>} schema
 * @param {string} base
 * @param {'$id' | 'id'} [key] the keyword naming a resource: draft-04's `id`, later drafts' `$id`
 * @returns {{ base?: string, anchor?: string }}
 */
export function idOf(schema, base, key = '$id') {
  const id = schema[key];
  if (typeof id !== 'string' || id === '' || id === '#') return {};
  const uri = toUri(id, base);
  const hash = uri.indexOf('#');
  const fragment = hash === -1 ? '' : decodeFragment(uri.slice(hash + 1));
  const anchor = fragment !== '' && !fragment.startsWith('/') ? fragment : undefined;
  return id.startsWith('#') ? { anchor } : { base: stripFragment(uri), anchor };
}

/**
 * The base URI inside `schema`, which may declare its own with `$id`.
 *
 * @param {Record<string, unknown>} schema
 * @param {string} base
 * @param {'$id' | 'id'} [key] see {@link idOf}
 */
export function baseOf(schema, base, key = '$id') {
  return idOf(schema, base, key).base ?? base;
}

/** The `$id` resources and anchors of one schema document, and where its `$ref`s are written. */
export class ReferenceIndex {
  /**
   * @param {unknown} root the schema document
   * @param {string} [rootLocation] its location in the definition document
   */
  constructor(root, rootLocation = '/schema') {
    this.root = root;
    this.rootLocation = rootLocation;
    const isObject = typeof root === 'object' && root !== null && !Array.isArray(root);
    /** The keyword naming a resource in this document's dialect (draft-04: `id`). */
    this.idKey = isObject ? idKeyword(/** @type {Record<string, unknown>} */ (root)) : '$id';
    this.rootBase = isObject
      ? baseOf(/** @type {Record<string, unknown>} */ (root), DEFAULT_BASE, this.idKey)
      : DEFAULT_BASE;
    /** @type {Map<string, SchemaPlace>} */
    this.resources = new Map();
    /** @type {Map<string, SchemaPlace>} */
    this.anchors = new Map();
    /** Every schema that holds a `$ref`, with the base URI in force there. @type {SchemaPlace[]} */
    this.sites = [];
    this.#walk(root, rootLocation, this.rootBase, 0, false);
  }

  /**
   * @param {unknown} schema
   * @param {string} location
   * @param {string} base
   * @param {number} depth
   * @param {boolean} inMap
   */
  #walk(schema, location, base, depth, inMap) {
    if (typeof schema !== 'object' || schema === null || depth > 500) return;
    if (Array.isArray(schema)) {
      schema.forEach((item, i) =>
        this.#walk(item, appendPointer(location, i), base, depth + 1, false),
      );
      return;
    }
    const object = /** @type {Record<string, unknown>} */ (schema);
    let ownBase = base;
    if (!inMap) {
      const id = idOf(object, base, this.idKey);
      if (id.base !== undefined) ownBase = id.base;
      const place = { schema: object, location, base: ownBase };
      if (id.base !== undefined || location === this.rootLocation)
        this.resources.set(ownBase, place);
      // `$anchor` (2019-09, 2020-12), `$dynamicAnchor` (2020-12: a `$ref` to it is a plain
      // reference), or a draft-07 `$id` that is only a fragment (`"$id": "#address"`).
      for (const anchor of [object.$anchor, object.$dynamicAnchor, id.anchor]) {
        if (typeof anchor === 'string') this.anchors.set(`${ownBase}#${anchor}`, place);
      }
      if (typeof object.$ref === 'string') this.sites.push(place);
    }
    for (const [key, value] of Object.entries(object)) {
      if (descends(key, inMap))
        this.#walk(
          value,
          appendPointer(location, key),
          ownBase,
          depth + 1,
          !inMap && SCHEMA_MAPS.has(key),
        );
    }
  }

  /**
   * The target of `reference` written where the base URI is `base`, or `undefined` where there is
   * none (or it is not a schema). An official meta-schema that the document does not hold itself
   * (`http://json-schema.org/draft-07/schema#`, any part of it) is known to ajv, which validates
   * against it; for the form it says nothing (`true`), at the location of its URI.
   *
   * @param {string} reference
   * @param {string} base
   * @returns {SchemaPlace | undefined}
   */
  lookup(reference, base) {
    const uri = toUri(reference, base);
    const hash = uri.indexOf('#');
    const resourceUri = hash === -1 ? uri : uri.slice(0, hash);
    const fragment = hash === -1 ? '' : uri.slice(hash + 1);
    const resource = this.resources.get(resourceUri);
    if (!resource)
      return isMetaSchemaUri(uri) ? { schema: true, location: uri, base: resourceUri } : undefined;
    if (fragment === '') return resource;
    if (!fragment.startsWith('/'))
      return this.anchors.get(`${resourceUri}#${decodeFragment(fragment)}`);
    let decoded;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
    /** @type {unknown} */
    let current = resource.schema;
    let location = resource.location;
    for (const token of decoded.split('/').slice(1).map(unescapeToken)) {
      if (
        typeof current !== 'object' ||
        current === null ||
        !Object.prototype.hasOwnProperty.call(current, token)
      )
        return undefined;
      current = /** @type {Record<string, unknown>} */ (current)[token];
      location = appendPointer(location, token);
    }
    if (
      typeof current !== 'boolean' &&
      (typeof current !== 'object' || current === null || Array.isArray(current))
    )
      return undefined;
    // The base in force at the target: the resource's, or an `$id` on the way to it.
    return { schema: current, location, base: this.#baseAt(location, resource) };
  }

  /**
   * The base URI in force at `location` inside `resource`: the resource's, changed by each `$id`
   * on the way (not by the target's own, which whoever follows the reference reads there).
   *
   * @param {string} location
   * @param {SchemaPlace} resource
   */
  #baseAt(location, resource) {
    let base = resource.base;
    let current = /** @type {unknown} */ (resource.schema);
    let inMap = false;
    const tokens = location.slice(resource.location.length).split('/').slice(1);
    tokens.forEach((token, i) => {
      if (typeof current !== 'object' || current === null) return;
      const isSchema = !Array.isArray(current) && !inMap;
      if (i > 0 && isSchema)
        base = baseOf(/** @type {Record<string, unknown>} */ (current), base, this.idKey);
      const key = unescapeToken(token);
      inMap = isSchema && SCHEMA_MAPS.has(key);
      current = /** @type {Record<string, unknown>} */ (current)[key];
    });
    return base;
  }

  /**
   * Where each `$ref` leads: `{ [location of the schema holding it]: location of its target }`.
   * A `$ref` that leads nowhere is left out (the element reports it when it follows it).
   *
   * @returns {Record<string, string>}
   */
  table() {
    /** @type {Record<string, string>} */
    const table = {};
    for (const site of this.sites) {
      const schema = /** @type {Record<string, unknown>} */ (site.schema);
      const target = this.lookup(/** @type {string} */ (schema.$ref), site.base);
      if (target)
        Object.defineProperty(table, site.location, {
          value: target.location,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return table;
  }
}

/**
 * Where every `$ref` of `schema` leads (see {@link ReferenceIndex.table}).
 *
 * @param {unknown} schema
 * @param {string} [rootLocation]
 * @returns {Record<string, string>}
 */
export function referenceTable(schema, rootLocation = '/schema') {
  return new ReferenceIndex(schema, rootLocation).table();
}
