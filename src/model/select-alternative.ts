/**
 * `oneOf` / `anyOf` of object alternatives: which alternative applies to the data. A property that
 * every alternative fixes with `const` is the discriminator: its value picks the alternative, and
 * the person chooses it like any other choice. Without one, the first alternative the data
 * matches applies, or the one the person picked, or the first.
 */
import type { SchemaMatcher } from './apply-conditions.js';
import { getChoices } from './get-choices.js';
import { appendPointer } from './json-pointer.js';
import type { ResolvedSchema, SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { Text } from './field.js';
import type { ConditionalSchema } from './apply-conditions.js';
import type { JsonValue, Schema, SchemaObject } from './types.js';
import { isPlainObject } from './own.js';

/** The alternatives of an object schema and the one that applies. */
export interface Alternatives {
  keyword: 'oneOf' | 'anyOf';
  options: { at: SchemaAt; resolved: ResolvedSchema; label: Text; fixed?: JsonValue }[];
  /** The property whose `const` tells the alternatives apart, if there is one. */
  discriminator?: string;
  selected: number;
}

function fixedValue(schema: Schema | undefined): JsonValue | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  if ('const' in schema) return schema.const as JsonValue;
  if (Array.isArray(schema.enum) && schema.enum.length === 1) return schema.enum[0] as JsonValue;
  return undefined;
}

/**
 * Finds the object alternatives of `resolved`, or `undefined` when it has none (no `oneOf`/`anyOf`,
 * or a choice list of constants, which is rendered as a select instead).
 */
export function selectAlternative(
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  data: JsonValue | undefined,
  matches: SchemaMatcher | undefined,
  chosen: number | undefined,
): Alternatives | undefined {
  const keyword = Array.isArray(resolved.schema.oneOf)
    ? 'oneOf'
    : Array.isArray(resolved.schema.anyOf)
      ? 'anyOf'
      : undefined;
  if (!keyword) return undefined;
  if (getChoices(resolver, resolved, {}, '') !== undefined) return undefined;
  const members = resolved.schema[keyword] as Schema[];
  const listLocation = appendPointer(resolved.origins[keyword], keyword);
  const options = members.map((member, i) => {
    const at = { schema: member, location: appendPointer(listLocation, i) };
    const option = resolver.resolve(at);
    const title = option.schema.title;
    const label: Text =
      typeof title === 'string'
        ? { text: title, key: `${option.origins.title}/title` }
        : { text: String(i + 1) };
    return { at, resolved: option, label };
  });
  // Only alternatives that are objects are "alternatives" here; anything else is left to validation.
  if (!options.every((o) => o.resolved.schema.properties || o.resolved.schema.type === 'object'))
    return undefined;
  const object = isPlainObject(data) ? data : {};
  const candidates = Object.keys(options[0].resolved.schema.properties ?? {}).filter((name) =>
    options.every((o) => fixedValue((o.resolved.schema.properties ?? {})[name]) !== undefined),
  );
  const discriminator = candidates.find((name) => {
    const values = options.map((o) =>
      JSON.stringify(fixedValue(o.resolved.schema.properties![name])),
    );
    return new Set(values).size === values.length;
  });
  let selected = -1;
  if (discriminator !== undefined) {
    const value = JSON.stringify(object[discriminator]);
    selected = options.findIndex(
      (o) => JSON.stringify(fixedValue(o.resolved.schema.properties![discriminator])) === value,
    );
  } else if (chosen !== undefined && chosen >= 0 && chosen < options.length) {
    selected = chosen;
  } else if (matches && Object.keys(object).length > 0) {
    selected = options.findIndex((o) => matches(o.at, object));
  }
  return {
    keyword,
    options: options.map((o) => ({
      ...o,
      fixed:
        discriminator !== undefined
          ? fixedValue(o.resolved.schema.properties![discriminator])
          : undefined,
    })),
    discriminator,
    // With a discriminator and no answer yet, no alternative applies until the person chooses.
    selected: selected === -1 && discriminator === undefined ? 0 : selected,
  };
}

/**
 * Merges the selected alternative into the object schema. With a discriminator, that property
 * becomes a choice list of the alternatives (labelled by their titles, which keep their
 * translation keys); the other alternatives' properties are inactive.
 */
export function applyAlternative(
  base: ConditionalSchema,
  alternatives: Alternatives,
): ConditionalSchema {
  const schema = { ...base.schema };
  delete schema[alternatives.keyword];
  const properties: Record<string, Schema> = { ...(schema.properties ?? {}) };
  const propertyLocations = { ...base.propertyLocations };
  const required = new Set<string>(schema.required ?? []);
  const { discriminator, options, keyword } = alternatives;
  if (discriminator !== undefined) {
    const existing = properties[discriminator] as SchemaObject | undefined;
    const first = (options[0].resolved.schema.properties ?? {})[discriminator] as SchemaObject;
    const fixed = options[0].fixed;
    // Placed at the object's own location, so that choice `i`'s title key is the alternative's:
    // `<object>/oneOf/<i>/title`.
    properties[discriminator] = {
      type:
        typeof fixed === 'number' ? (Number.isInteger(fixed) ? 'integer' : 'number') : typeof fixed,
      title: existing?.title ?? first.title,
      description: existing?.description ?? first.description,
      [keyword]: options.map((o) => ({ const: o.fixed, title: o.label.text })),
    } as SchemaObject;
    propertyLocations[discriminator] = base.origins[keyword];
    if (options.every((o) => (o.resolved.schema.required ?? []).includes(discriminator)))
      required.add(discriminator);
  }
  const chosen = options[alternatives.selected];
  if (chosen) {
    for (const [name, property] of Object.entries(chosen.resolved.schema.properties ?? {})) {
      if (name === discriminator || name in properties) continue;
      properties[name] = property;
      propertyLocations[name] = chosen.resolved.propertyLocations[name];
    }
    for (const name of chosen.resolved.schema.required ?? []) required.add(name);
  }
  const inactive = new Set(base.inactiveProperties);
  for (const option of options) {
    for (const name of Object.keys(option.resolved.schema.properties ?? {}))
      if (!(name in properties)) inactive.add(name);
  }
  schema.properties = properties;
  schema.required = [...required];
  return { ...base, schema, propertyLocations, inactiveProperties: [...inactive] };
}
