// @ts-check
/**
 * `oneOf` / `anyOf` of object alternatives: which alternative applies to the data. A property that
 * every alternative fixes with `const` is the discriminator: its value picks the alternative.
 * Without one, the first alternative the data matches applies, or the one the person picked, or
 * the first. One home, in plain JavaScript: the element (src/model/select-alternative.ts gives it
 * the model's types; `conditionLogic` of src/model/condition-logic.ts decides with
 * {@link activeSchema}) and the receiver's staff summary pick the same alternative.
 */
import { applyConditions } from './apply-conditions.js';
import { getChoices } from './choices.js';
import { appendPointer } from './json-pointer.js';
import { isPlainObject } from './own.js';

/** @typedef {import('./schema-resolver.js').BaseSchemaResolver} SchemaResolver */
/** @typedef {import('./schema-resolver.js').ResolvedSchema} ResolvedSchema */
/** @typedef {import('./schema-resolver.js').SchemaAt} SchemaAt */
/** @typedef {import('./apply-conditions.js').ConditionalSchema} ConditionalSchema */
/** @typedef {import('./apply-conditions.js').SchemaMatcher} SchemaMatcher */
/** @typedef {import('./choices.js').Text} Text */
/**
 * @typedef {object} Alternatives The alternatives of an object schema and the one that applies.
 * @property {'oneOf' | 'anyOf'} keyword
 * @property {{ at: SchemaAt, resolved: ResolvedSchema, label: Text, fixed?: unknown }[]} options
 * @property {string} [discriminator] the property whose `const` tells the alternatives apart
 * @property {number} selected
 */

/** @param {unknown} schema */
function fixedValue(schema) {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const object = /** @type {Record<string, unknown>} */ (schema);
  if ('const' in object) return object.const;
  if (Array.isArray(object.enum) && object.enum.length === 1) return object.enum[0];
  return undefined;
}

/**
 * Finds the object alternatives of `resolved`, or `undefined` when it has none (no `oneOf` /
 * `anyOf`, or a choice list of constants).
 *
 * @param {SchemaResolver} resolver
 * @param {ResolvedSchema} resolved
 * @param {unknown} data
 * @param {SchemaMatcher | undefined} matches
 * @param {number | undefined} chosen the alternative the person picked, where known
 * @returns {Alternatives | undefined}
 */
export function selectAlternative(resolver, resolved, data, matches, chosen) {
  const keyword = Array.isArray(resolved.schema.oneOf)
    ? 'oneOf'
    : Array.isArray(resolved.schema.anyOf)
      ? 'anyOf'
      : undefined;
  if (!keyword) return undefined;
  if (getChoices(resolver, resolved, {}, '') !== undefined) return undefined;
  const members = /** @type {unknown[]} */ (resolved.schema[keyword]);
  const listLocation = appendPointer(resolved.origins[keyword], keyword);
  const options = members.map((member, i) => {
    const at = { schema: /** @type {any} */ (member), location: appendPointer(listLocation, i) };
    const option = resolver.resolve(at);
    const title = option.schema.title;
    /** @type {Text} */
    const label =
      typeof title === 'string'
        ? { text: title, key: `${option.origins.title}/title` }
        : { text: String(i + 1) };
    return { at, resolved: option, label };
  });
  // Only alternatives that are objects are "alternatives" here; anything else is left to validation.
  if (!options.every((o) => o.resolved.schema.properties || o.resolved.schema.type === 'object'))
    return undefined;
  const object = isPlainObject(data) ? data : {};
  /** @param {{ resolved: ResolvedSchema }} o */
  const propertiesOf = (o) => o.resolved.schema.properties ?? {};
  const candidates = Object.keys(propertiesOf(options[0])).filter((name) =>
    options.every((o) => fixedValue(propertiesOf(o)[name]) !== undefined),
  );
  const discriminator = candidates.find((name) => {
    const values = options.map((o) => JSON.stringify(fixedValue(propertiesOf(o)[name])));
    return new Set(values).size === values.length;
  });
  let selected = -1;
  if (discriminator !== undefined) {
    const value = JSON.stringify(object[discriminator]);
    selected = options.findIndex(
      (o) => JSON.stringify(fixedValue(propertiesOf(o)[discriminator])) === value,
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
      fixed: discriminator !== undefined ? fixedValue(propertiesOf(o)[discriminator]) : undefined,
    })),
    discriminator,
    // With a discriminator and no answer yet, no alternative applies until the person chooses.
    selected: selected === -1 && discriminator === undefined ? 0 : selected,
  };
}

/**
 * Merges the selected alternative into the object schema. With a discriminator, that property
 * becomes a choice list of the alternatives (labelled by their titles); the other alternatives'
 * properties are inactive.
 *
 * @param {ConditionalSchema} base
 * @param {Alternatives} alternatives
 * @returns {ConditionalSchema}
 */
export function applyAlternative(base, alternatives) {
  const schema = { ...base.schema };
  delete schema[alternatives.keyword];
  /** @type {Record<string, any>} */
  const properties = { ...(schema.properties ?? {}) };
  const propertyLocations = { ...base.propertyLocations };
  /** @type {Set<string>} */
  const required = new Set(schema.required ?? []);
  const { discriminator, options, keyword } = alternatives;
  if (discriminator !== undefined) {
    const existing = properties[discriminator];
    const first = (options[0].resolved.schema.properties ?? {})[discriminator];
    const fixed = options[0].fixed;
    // Placed at the object's own location, so that choice `i`'s title key is the alternative's.
    properties[discriminator] = {
      type:
        typeof fixed === 'number' ? (Number.isInteger(fixed) ? 'integer' : 'number') : typeof fixed,
      title: existing?.title ?? first.title,
      description: existing?.description ?? first.description,
      [keyword]: options.map((o) => ({ const: o.fixed, title: o.label.text })),
    };
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

/**
 * What applies of an object schema for the data at hand: the conditions that hold, then the
 * alternative that the data (or the person, `chosen`) selects; as the element's field tree
 * decides it.
 *
 * @param {SchemaResolver} resolver
 * @param {ResolvedSchema} resolved
 * @param {unknown} data
 * @param {SchemaMatcher} matches
 * @param {number} [chosen]
 * @returns {{ active: ConditionalSchema, alternatives?: Alternatives }}
 */
export function activeSchema(resolver, resolved, data, matches, chosen) {
  const conditional = applyConditions(resolver, resolved, data, matches);
  const alternatives = selectAlternative(resolver, conditional, data, matches, chosen);
  return {
    active: alternatives ? applyAlternative(conditional, alternatives) : conditional,
    alternatives,
  };
}
