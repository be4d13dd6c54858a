// @ts-check
/**
 * The options of a choice list: `enum` (labels from `ui:enumNames`), or `oneOf` / `anyOf` whose
 * members each fix one value with `const` (or a one-value `enum`) and give it a `title`. One home,
 * in plain JavaScript: the element (src/model/get-choices.ts gives it the model's types) and the
 * receiver's staff summary read the same labels for the same codes.
 */
import { appendPointer } from './json-pointer.js';

/** @typedef {import('./schema-resolver.js').BaseSchemaResolver} SchemaResolver */
/** @typedef {import('./schema-resolver.js').ResolvedSchema} ResolvedSchema */
/** @typedef {{ text: string, key?: string }} Text a text of the definition and its location */
/** @typedef {{ value: unknown, label: Text }} Choice */

/** @param {unknown} value */
function display(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The choices of a resolved schema, or `undefined` when it is not a choice list.
 *
 * @param {SchemaResolver} resolver
 * @param {ResolvedSchema} resolved
 * @param {Record<string, unknown>} ui the uiSchema of the value
 * @param {string} uiLocation where `ui` is in the definition document
 * @returns {Choice[] | undefined}
 */
export function getChoices(resolver, resolved, ui, uiLocation) {
  const { schema, origins } = resolved;
  if (Array.isArray(schema.enum)) {
    // `ui:enumNames` is a list in enum order, or (react-jsonschema-form 6) a map from value to name.
    const names = ui['ui:enumNames'];
    const namesKey = appendPointer(uiLocation, 'ui:enumNames');
    return schema.enum.map((value, i) => {
      const token = Array.isArray(names) ? String(i) : display(value);
      const name =
        typeof names === 'object' && names !== null
          ? /** @type {Record<string, unknown>} */ (names)[token]
          : undefined;
      return {
        value,
        label:
          typeof name === 'string'
            ? { text: name, key: appendPointer(namesKey, token) }
            : { text: display(value) },
      };
    });
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const members = schema[keyword];
    if (!Array.isArray(members) || members.length === 0) continue;
    /** @type {Choice[]} */
    const choices = [];
    for (let i = 0; i < members.length; i++) {
      const location = appendPointer(appendPointer(origins[keyword], keyword), i);
      const member = resolver.resolve({ schema: members[i], location });
      const fixed =
        'const' in member.schema
          ? member.schema.const
          : Array.isArray(member.schema.enum) && member.schema.enum.length === 1
            ? member.schema.enum[0]
            : undefined;
      if (fixed === undefined) return undefined;
      const title = member.schema.title;
      choices.push({
        value: fixed,
        label:
          typeof title === 'string'
            ? { text: title, key: `${member.origins.title}/title` }
            : { text: display(fixed) },
      });
    }
    return choices;
  }
  return undefined;
}
