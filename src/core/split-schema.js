// @ts-check
/**
 * The schemas behind `FormValidator.split` (src/validation/validator.ts): the shell (the root
 * schema with each of its `properties` replaced by `true`) and one schema per root property, laid
 * out so that ajv compiles each of them as part of the root document. The element's runtime
 * compiler and the command line's compiler both lay them out with this module.
 *
 * Why inside the root document: every `$ref` in them must resolve exactly as it does in the root
 * — `#/$defs/x`, `#/properties/other`, `$id`-relative references, `$anchor`s. Registered as a
 * document of its own, the shell would resolve `#/properties/a` to its own `true`, and a copy of
 * a subschema with an `$id` would clash with the original. So the split's schemas are appended to
 * (a copy of) the root under a keyword ajv does not know, and compiled by JSON Pointer
 * (`<root>#/x-intake-elements-split/0`), the way conditions already are: ajv then resolves their
 * references against the whole root document. They are held in an array because ajv, when it
 * collects the `$id`s and `$anchor`s of a document, walks objects under unknown keywords but not
 * arrays: the copies' identifiers are not registered a second time. (Should a later ajv walk
 * them, registering fails and the caller falls back to validating whole.)
 *
 * Why a property's schema is wrapped (`{ properties: { name: schema } }`) and not compiled where
 * it is (`#/properties/name`): errors then carry the schema paths and instance paths they carry in
 * the whole validation (`#/properties/name/oneOf`, `/name`), and `normalizeErrors` reads schema
 * paths to drop the noise of `oneOf` alternatives. The wrapper is given `{ [name]: value }`.
 */

import { idKeyword, isMetaSchemaUri } from './dialect.js';

/** @typedef {Record<string, unknown>} Schema A JSON Schema object as ajv takes it. */

/**
 * @typedef {object} SplitDocument
 * @property {Schema} document The root schema plus the split's schemas: register this with ajv
 *   instead of the root.
 * @property {string[]} properties The root's `properties`, in the schema's order.
 * @property {string} shell JSON Pointer (a URI fragment, without `#`) of the shell in `document`.
 * @property {string[]} wrappers JSON Pointer of each property's wrapper in `document`, in the
 *   order of `properties`.
 */

/** Where the split's schemas are put in the root document (a keyword no dialect has). */
export const SPLIT_KEYWORD = 'x-intake-elements-split';

/**
 * Keywords of the root the shell leaves out: the root's identity (kept by the root, which the
 * shell's references resolve against) and the definitions (reached through the root; copies
 * would carry `$id`s twice). None of them validates anything.
 */
const NOT_IN_SHELL = new Set([
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$recursiveAnchor',
  '$vocabulary',
  '$defs',
  'definitions',
  '$comment',
]);

/**
 * Keywords whose meaning depends on the dynamic scope (the chain of schemas evaluated to get
 * here), which the shell, compiled as a subschema, would not share with the root: a schema that
 * uses them is not split.
 */
const DYNAMIC = new Set(['$dynamicRef', '$recursiveRef']);

/** Nesting beyond which a schema is not searched (and not split). */
const MAX_DEPTH = 500;

/**
 * @param {unknown} value
 * @returns {value is Schema}
 */
function isSchemaObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `$dynamicRef` / `$recursiveRef` occurs anywhere (also in data: a false alarm costs only
 * the split).
 *
 * @param {unknown} node
 * @param {number} [depth]
 * @returns {boolean}
 */
function usesDynamicScope(node, depth = 0) {
  if (typeof node !== 'object' || node === null) return false;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(node)) return node.some((item) => usesDynamicScope(item, depth + 1));
  return Object.entries(node).some(
    ([key, value]) => DYNAMIC.has(key) || usesDynamicScope(value, depth + 1),
  );
}

/**
 * The document to register for a split validation of `schema`, or `undefined` where the root
 * cannot be split: it is not an object, has no `properties` object, or uses the dynamic scope.
 * `schema` itself is not changed.
 *
 * @param {unknown} schema
 * @returns {SplitDocument | undefined}
 */
export function splitDocument(schema) {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.properties)) return undefined;
  if (usesDynamicScope(schema)) return undefined;
  const ownSchemas = schema.properties;
  const properties = Object.keys(ownSchemas);
  let keyword = SPLIT_KEYWORD;
  while (Object.prototype.hasOwnProperty.call(schema, keyword)) keyword += '_';
  // Object.fromEntries, spread and computed keys define own properties: a property named
  // `__proto__` stays a property, as in the root.
  /** @type {Schema} */
  const shell = Object.fromEntries(
    Object.entries(schema).filter(([key]) => !NOT_IN_SHELL.has(key)),
  );
  shell.properties = Object.fromEntries(properties.map((name) => [name, true]));
  const wrappers = properties.map((name) => ({ properties: { [name]: ownSchemas[name] } }));
  return {
    document: { ...schema, [keyword]: [shell, ...wrappers] },
    properties,
    shell: `/${keyword}/0`,
    wrappers: properties.map((_name, index) => `/${keyword}/${index + 1}`),
  };
}

/**
 * Keywords that name a schema resource or a place in one. Inside the root's properties they make
 * a hollow root unsafe: a reference could lead to them.
 */
const IDENTIFIERS = new Set(['$id', '$anchor', '$dynamicAnchor', '$recursiveAnchor']);

/**
 * Whether a `$ref` leads to the same place whether the root's own `properties` are there or not:
 * a JSON Pointer into the document that does not pass through them, or an official meta-schema.
 * Anything else (`#`, an anchor, another URI that may be the root's own `$id`) might reach them.
 *
 * @param {string} reference
 */
function avoidsRootProperties(reference) {
  if (isMetaSchemaUri(reference)) return true;
  if (!reference.startsWith('#/')) return false;
  try {
    return !/^\/properties(\/|$)/.test(decodeURIComponent(reference.slice(1)));
  } catch {
    return false;
  }
}

/**
 * Whether the root's own `properties` can be left out of the document ajv compiles as a whole:
 * no reference leads into them and none of them names a resource (see `hollowSplit`). Iterative,
 * as definitions may nest deeply; a false alarm (a property named `$id`, an `examples` entry that
 * looks like a reference) costs only the speed-up.
 *
 * @param {Schema} schema
 */
function propertiesStandAlone(schema) {
  const id = idKeyword(schema);
  /** @type {[unknown, number][]} */
  const stack = [[schema, 0]];
  while (stack.length > 0) {
    const [node, depth] = /** @type {[unknown, number]} */ (stack.pop());
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) return false;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        if (key === '$ref' && !avoidsRootProperties(value)) return false;
        if (node !== schema && (IDENTIFIERS.has(key) || key === id)) return false;
      } else stack.push([value, depth + 1]);
    }
  }
  return true;
}

/**
 * @typedef {SplitDocument & { chunks: Chunk[] }} HollowSplit A split whose document's root has no
 *   property schemas of its own (`hollowSplit`).
 * @typedef {object} Chunk Some of the root's properties together: `{ properties: { … } }`, the
 *   same schemas as their wrappers, compiled as one.
 * @property {string} pointer JSON Pointer of the chunk in the document.
 * @property {string[]} properties The root's properties it holds, in the schema's order.
 */

/** Root properties per chunk: few enough for a short task, many enough to save ajv's overhead. */
export const PROPERTIES_PER_CHUNK = 50;

/**
 * The split of `splitDocument`, laid out so that compiling the root costs no more than compiling
 * the shell: the registered document's own `properties` are each `true`, and the properties'
 * schemas live only in their wrappers, and in chunks of {@link PROPERTIES_PER_CHUNK}. ajv
 * compiles a whole document before any part of it; with the full root that is one task as long
 * as the form (hundreds of milliseconds for thousands of questions), with the hollow one each
 * chunk (for the whole value) or wrapper (for one property) is compiled on its own, in tasks of
 * their own. (Each of a thousand wrappers on its own costs ajv about twice the time of the whole
 * root at once; a chunk costs about what its part of the root does.)
 *
 * Only where nothing can tell the difference (`propertiesStandAlone`): otherwise, and where the
 * root cannot be split, `undefined`. The document is not validated by ajv when it is registered
 * (its schemas sit under an unknown keyword): validate `schema` itself against the meta-schema.
 * Map JSON Pointers into `schema` with `pointerInSplit`.
 *
 * @param {unknown} schema
 * @returns {HollowSplit | undefined}
 */
export function hollowSplit(schema) {
  const split = splitDocument(schema);
  if (!split || !propertiesStandAlone(/** @type {Schema} */ (schema))) return undefined;
  const own = /** @type {Schema} */ (/** @type {Schema} */ (schema).properties);
  const keyword = split.shell.split('/')[1];
  const parts = /** @type {Schema[]} */ (split.document[keyword]);
  /** @type {Chunk[]} */
  const chunks = [];
  for (let start = 0; start < split.properties.length; start += PROPERTIES_PER_CHUNK) {
    const properties = split.properties.slice(start, start + PROPERTIES_PER_CHUNK);
    chunks.push({ pointer: `/${keyword}/${parts.length + chunks.length}`, properties });
  }
  const chunkSchemas = chunks.map(({ properties }) => ({
    properties: Object.fromEntries(properties.map((name) => [name, own[name]])),
  }));
  const hollow = Object.fromEntries(split.properties.map((name) => [name, true]));
  return {
    ...split,
    document: { ...split.document, properties: hollow, [keyword]: [...parts, ...chunkSchemas] },
    chunks,
  };
}

/**
 * Where the schema at `pointer` (a JSON Pointer into the root schema) is in `split`'s document:
 * a place inside one of the root's properties is inside that property's wrapper, any other place
 * where it is in the root. For a `hollowSplit`, whose root has no property schemas of its own.
 *
 * @param {SplitDocument} split
 * @param {string} pointer
 */
export function pointerInSplit(split, pointer) {
  const match = /^\/properties\/([^/]*)(.*)$/.exec(pointer);
  if (!match) return pointer;
  const name = match[1].replace(/~1/g, '/').replace(/~0/g, '~');
  const index = split.properties.indexOf(name);
  return index < 0 ? pointer : `${split.wrappers[index]}/properties/${match[1]}${match[2]}`;
}
