/**
 * Finds the options of a choice list: `enum` (labels from `ui:enumNames`), or `oneOf` / `anyOf`
 * whose members each fix one value with `const` (or a one-value `enum`) and give it a `title`.
 */
import { appendPointer } from './json-pointer.js';
import type { Choice } from './field.js';
import type { SchemaResolver, ResolvedSchema } from './schema-resolver.js';
import type { JsonValue, UiSchema } from './types.js';

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Returns the choices of a resolved schema, or `undefined` when it is not a choice list. */
export function getChoices(
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  ui: UiSchema,
  uiLocation: string,
): Choice[] | undefined {
  const { schema, origins } = resolved;
  if (Array.isArray(schema.enum)) {
    // `ui:enumNames` is a list in enum order, or (react-jsonschema-form 6) a map from value to name.
    const names: unknown = ui['ui:enumNames'];
    const namesKey = appendPointer(uiLocation, 'ui:enumNames');
    return schema.enum.map((value, i) => {
      const token = Array.isArray(names) ? String(i) : display(value);
      const name =
        typeof names === 'object' && names !== null
          ? (names as Record<string, unknown>)[token]
          : undefined;
      return {
        value: value as JsonValue,
        label:
          typeof name === 'string'
            ? { text: name, key: appendPointer(namesKey, token) }
            : { text: display(value) },
      };
    });
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const members = schema[keyword];
    if (!Array.isArray(members) || members.length === 0) continue;
    const choices: Choice[] = [];
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
        value: fixed as JsonValue,
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
