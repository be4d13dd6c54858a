// @ts-check
/**
 * Whether data is valid against a part of a definition's schema, for Node: the staff summary
 * (server/summary-answers.js) decides conditions and alternatives with it, as the element's
 * `FormValidator.matches` does in the browser. The ajv instance comes from the one set-up of
 * every validator (ajv-setup.js).
 */
import { addRootSchema, createAjv, referenceOfPointer } from './ajv-setup.js';
import { detectDialect } from './dialect.js';

/**
 * Whether data is valid against a part of a definition's schema, decided by ajv as the element's
 * `FormValidator.matches` decides it: the part at a definition location (`/schema/allOf/0/if`)
 * is compiled inside the whole document, once, and a part that cannot be compiled never matches.
 * Throws when ajv refuses the schema itself (or its `$schema` is unknown).
 *
 * @param {Record<string, unknown>} schema the definition's `schema`
 * @param {string} [rootLocation] where `schema` is in the definition document
 * @returns {(at: { location: string }, data: unknown) => boolean}
 */
export function compileMatcher(schema, rootLocation = '/schema') {
  const dialect = detectDialect(schema);
  // logger: false — ajv would print warnings about unknown keywords to the console.
  const ajv = createAjv(dialect, { logger: false });
  const rootKey = addRootSchema(ajv, schema, dialect);
  if (!ajv.getSchema(rootKey)) throw new Error('the schema could not be compiled');
  /** @type {Map<string, ((data: unknown) => boolean) | undefined>} */
  const parts = new Map();
  return ({ location }, data) => {
    if (!parts.has(location)) {
      let part;
      const inside = location === rootLocation || location.startsWith(`${rootLocation}/`);
      const pointer = location.slice(rootLocation.length);
      try {
        if (inside)
          part = ajv.getSchema(pointer === '' ? rootKey : referenceOfPointer(rootKey, pointer));
      } catch {
        part = undefined;
      }
      parts.set(location, part);
    }
    const part = parts.get(location);
    return part ? part(data) === true : false;
  };
}
