/**
 * Fills schema defaults into missing data, never overwriting what is there. Follows
 * react-jsonschema-form's `getDefaultFormState` (with its Form's default behaviour) so that
 * forms moved from it prefill the same way:
 * - `default` on any schema, and an object's `default` handing defaults down to its properties;
 * - nested objects are added when they end up non-empty, or when they are required;
 * - the nearer default wins over one handed down from an object's default;
 * - a missing array is filled up to `minItems` (a tuple to its length) with its items' defaults
 *   (not an array of distinct choices, which starts with nothing ticked); given arrays are kept
 *   as they are; a missing array with nothing to fill becomes `[]` only where it is required (or
 *   is the root, or an array item), and stays absent otherwise;
 * - a `type: [..., "null"]` schema whose `default` is `null` stays `null` when nothing else fills it;
 * - `const` is a default, except on booleans (a `const: true` checkbox is a consent the person
 *   must tick; prefilling it would be consent they never gave). Deliberate deviation from
 *   react-jsonschema-form, which prefills it.
 * - Also deliberate: a choice list (`oneOf` / `anyOf` of `const` options) starts unanswered, where
 *   react-jsonschema-form preselects its first option; and a required boolean without a default is
 *   not prefilled with `false` (RJSF's `requiredBooleanDefault`): many forms mark a checkbox the
 *   person must tick as `required`, which `false` would satisfy without anyone ticking it.
 * - Differences where RJSF has quirks: an object's `default` keeps keys its `properties` do not
 *   name, and the items of an array's `default` get their items' defaults too.
 */
import { primaryType } from './choose-widget.js';
import { appendPointer } from './json-pointer.js';
import type { ResolvedSchema, SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { ConditionLogic } from './condition-logic.js';
import type { JsonValue, Schema } from './types.js';
import { cloneJson, getOwn, isPlainObject, setOwn } from './own.js';
import type { ListModel } from './array-model.js';
import { MAX_DEFAULT_SCHEMAS } from './field-limit.js';

const clone = cloneJson;

/** Returns `value` with defaults filled in where data is missing. */
export function applyDefaults(
  resolver: SchemaResolver,
  value: JsonValue | undefined,
  conditions?: ConditionLogic,
  lists?: ListModel,
): JsonValue | undefined {
  return computeDefaults(
    resolver,
    resolver.rootAt(),
    undefined,
    value,
    // The root counts as expanded (as in the field tree): a `$ref: "#"` below it is recursion,
    // and gets defaults only where there is data.
    [resolver.rootLocation],
    true,
    conditions,
    lists,
  );
}

const SIMPLE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * Whether `schema` is of one simple type, written in place (no `$ref`, no `allOf`), and `data` is
 * not an object or array: then its defaults cannot change `data`.
 */
function isGivenSimpleValue(schema: Schema, data: JsonValue): boolean {
  return (
    typeof schema === 'object' &&
    typeof schema.type === 'string' &&
    SIMPLE_TYPES.has(schema.type) &&
    schema.$ref === undefined &&
    schema.allOf === undefined &&
    (typeof data !== 'object' || data === null)
  );
}

/** Whether a value holds anything: a non-empty string, array or object. */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  return isPlainObject(value) && Object.keys(value).length > 0;
}

/**
 * The defaults of one schema, merged with the data given for it. `required` says whether the value
 * must be present (a required property, an array item, the root): only then does a missing array
 * with nothing to fill become `[]`.
 */
export function computeDefaults(...args: Parameters<typeof fillDefaults>): JsonValue | undefined {
  // The budget is counted per outermost call (defaults of the form, of a new entry, of a part
  // added); nested calls share it.
  if (budget.depth === 0) budget.left = MAX_DEFAULT_SCHEMAS;
  budget.depth += 1;
  try {
    return fillDefaults(...args);
  } finally {
    budget.depth -= 1;
  }
}

/**
 * Schemas still to look at for defaults (see `MAX_DEFAULT_SCHEMAS`): once spent, parts without
 * data get none up front, however deep the chain of `$ref`s they are written with.
 */
const budget = { left: MAX_DEFAULT_SCHEMAS, depth: 0 };

function fillDefaults(
  resolver: SchemaResolver,
  at: SchemaAt,
  parentDefault: JsonValue | undefined,
  data: JsonValue | undefined,
  refTargets: readonly string[],
  required = true,
  conditions?: ConditionLogic,
  lists?: ListModel,
): JsonValue | undefined {
  // A value given for a plain schema of a simple type is kept as it is: nothing to resolve (most
  // fields of a prefilled form).
  if (data !== undefined && isGivenSimpleValue(at.schema, data)) return data;
  if (data === undefined && --budget.left < 0) return undefined;
  const resolved = resolver.resolve(at, refTargets);
  // Recursive schemas get defaults only as deep as the data goes.
  if (resolved.recursive && data === undefined) return undefined;
  const { schema } = resolved;
  // The nearer default wins over the one handed down (RJSF's `descendantWins`); object defaults
  // are merged key by key.
  let fallback: JsonValue | undefined = parentDefault;
  if (isPlainObject(fallback) && isPlainObject(schema.default))
    fallback = { ...fallback, ...clone(schema.default as Record<string, JsonValue>) };
  else if (schema.default !== undefined) fallback = clone(schema.default as JsonValue);
  const type = primaryType(schema);
  if ('const' in schema && type !== 'boolean' && fallback === undefined)
    fallback = clone(schema.const as JsonValue);
  // `type: ["object", "null"], default: null`: null unless something below fills it (as RJSF).
  const nullByDefault =
    data === undefined &&
    schema.default === null &&
    Array.isArray(schema.type) &&
    schema.type.includes('null');

  if (type === 'object' || (type === undefined && isPlainObject(data))) {
    if (data !== undefined && !isPlainObject(data)) return data;
    const source = isPlainObject(data) ? data : undefined;
    const defaults = isPlainObject(fallback) ? fallback : undefined;
    const result: Record<string, JsonValue> = { ...(defaults ?? {}), ...(source ?? {}) };
    // Defaults of conditional parts and of the applying object alternative count too (as in
    // react-jsonschema-form), decided against the data as it is.
    let active: ResolvedSchema = resolved;
    if (conditions) active = conditions.activeSchema(resolver, resolved, source ?? defaults).active;
    const properties = (active.schema.properties ?? {}) as Record<string, Schema>;
    const requiredNames = new Set(
      Array.isArray(active.schema.required) ? active.schema.required : [],
    );
    const fill = (name: string, at: SchemaAt) => {
      const given = getOwn(source, name);
      const computed = computeDefaults(
        resolver,
        at,
        getOwn(defaults, name),
        given,
        resolved.refTargets,
        requiredNames.has(name),
        conditions?.within?.(name) ?? conditions,
        lists,
      );
      if (given !== undefined) {
        setOwn(result, name, computed ?? given);
      } else if (computed === undefined) {
        delete result[name];
      } else if (isPlainObject(computed)) {
        if (Object.keys(computed).length > 0 || requiredNames.has(name))
          setOwn(result, name, computed);
        else delete result[name];
      } else {
        setOwn(result, name, computed);
      }
    };
    for (const [name, propertySchema] of Object.entries(properties)) {
      fill(name, {
        schema: propertySchema,
        location: active.propertyLocations[name],
      });
    }
    // Data kept under other names (the entries of a map) gets the defaults of the entry's
    // schema, as the map editor picks it (`entrySchema` in map-model.ts): the first of
    // `patternProperties` whose pattern matches the name, else `additionalProperties` where that
    // is a schema. So an entry holding an object gets its properties' defaults like any object.
    if (source) {
      const entryAt = entrySchemaOf(active, at.location);
      for (const name of Object.keys(source)) {
        if (Object.prototype.hasOwnProperty.call(properties, name)) continue;
        const at = entryAt(name);
        if (at) fill(name, at);
      }
    }
    return nullByDefault && !hasContent(result) ? null : result;
  }

  if (type === 'array') {
    if (data !== undefined && !Array.isArray(data)) return data;
    // Without the model of lists (a lazy part), a list is kept as it is.
    return lists
      ? lists.arrayDefaults(resolver, resolved, fallback, data, required, nullByDefault, conditions)
      : data;
  }

  return data !== undefined ? data : fallback;
}

/** A map's `pattern` as a regular expression (ECMA-262 with `u`), or `null` if it is not one. */
function entryPattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/**
 * The schema of a map entry by its name in the object `resolved` describes: the first matching
 * `patternProperties` schema, else `additionalProperties` (a schema; `true` and `false` hold no
 * defaults).
 */
function entrySchemaOf(
  resolved: ResolvedSchema,
  location: string,
): (name: string) => SchemaAt | undefined {
  const { schema, origins } = resolved;
  const patterns = isPlainObject(schema.patternProperties as JsonValue)
    ? Object.entries(schema.patternProperties as Record<string, Schema>).map(
        ([pattern, entry]) => ({
          test: entryPattern(pattern),
          at: {
            schema: entry,
            location: appendPointer(
              appendPointer(origins.patternProperties ?? location, 'patternProperties'),
              pattern,
            ),
          },
        }),
      )
    : [];
  const other = isPlainObject(schema.additionalProperties as JsonValue)
    ? {
        schema: schema.additionalProperties as Schema,
        location: appendPointer(origins.additionalProperties ?? location, 'additionalProperties'),
      }
    : undefined;
  return (name) => patterns.find(({ test }) => test?.test(name))?.at ?? other;
}
