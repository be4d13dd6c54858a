/**
 * Maps: objects whose entries are named by the person (`additionalProperties`,
 * `patternProperties`), as react-jsonschema-form offers them. The listed `properties` stay
 * questions of their own; every other name in the data is an entry, shown with its name as its
 * label and a "Remove" button, and the person adds entries by name. Part of the maps chunk
 * (src/internal/chunks/maps.ts), loaded for forms whose schema has maps.
 */
import type { ConditionalSchema } from './apply-conditions.js';
import type { Field, MapInfo } from './field.js';
import { appendPointer } from './json-pointer.js';
import { asUi, buildField, type Position, type TreeContext } from './build-field-tree.js';
import type { SchemaAt } from './schema-resolver.js';
import type { JsonValue, Schema, SchemaObject } from './types.js';
import { getOwn, isPlainObject } from './own.js';

/** What the field tree uses of the model of maps. */
export interface MapModel {
  buildEntries(
    context: TreeContext,
    active: ConditionalSchema,
    position: Position,
    children: Field[],
    before: Map<string, Field> | undefined,
  ): MapInfo | undefined;
}

const patterns = new Map<string, RegExp | null>();

/** `pattern` as a regular expression (JSON Schema patterns are ECMA-262 with `u`), or `null`. */
function regExp(pattern: string): RegExp | null {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      compiled = null;
    }
    if (patterns.size > 1000) patterns.clear();
    patterns.set(pattern, compiled);
  }
  return compiled;
}

/** Whether `schema` makes its object a map: entries under names it does not list. */
export function hasMap(schema: SchemaObject): boolean {
  const other = schema.additionalProperties;
  return (
    isPlainObject(other as JsonValue) ||
    other === true ||
    (isPlainObject(schema.patternProperties as JsonValue) &&
      Object.keys(schema.patternProperties as object).length > 0)
  );
}

/** The schema of an entry named `name`: the first pattern it matches, else `other`. */
export function entrySchema(map: MapInfo, name: string): SchemaAt | undefined {
  for (const { pattern, at } of map.patterns) if (regExp(pattern)?.test(name)) return at;
  return map.other;
}

/** Why a name cannot name a new entry (worded by the view), or `undefined` when it can. */
export type NameProblem = 'empty' | 'taken' | 'not-allowed' | 'pattern' | 'length' | 'choice';

/** Checks the name of a new entry against the names in use, the patterns and `propertyNames`. */
export function checkEntryName(
  map: MapInfo,
  name: string,
  existing: readonly string[],
): NameProblem | undefined {
  if (name.trim() === '') return 'empty';
  if (map.fixed.includes(name) || existing.includes(name)) return 'taken';
  if (!entrySchema(map, name)) return 'not-allowed';
  const rule = map.propertyNames;
  if (!rule) return undefined;
  if (typeof rule.pattern === 'string' && regExp(rule.pattern)?.test(name) === false)
    return 'pattern';
  const length = [...name].length;
  if (
    (typeof rule.minLength === 'number' && length < rule.minLength) ||
    (typeof rule.maxLength === 'number' && length > rule.maxLength)
  )
    return 'length';
  if (Array.isArray(rule.enum) && !rule.enum.includes(name)) return 'choice';
  if ('const' in rule && rule.const !== name) return 'choice';
  return undefined;
}

/** The entries of the map `active` describes for `position.value`, appended to `children`. */
function buildEntries(
  context: TreeContext,
  active: ConditionalSchema,
  position: Position,
  children: Field[],
  before: Map<string, Field> | undefined,
): MapInfo | undefined {
  const { schema, origins } = active;
  if (!hasMap(schema)) return undefined;
  const fixed = Object.keys(schema.properties ?? {});
  const patternSchemas = isPlainObject(schema.patternProperties as JsonValue)
    ? (schema.patternProperties as Record<string, Schema>)
    : {};
  const other = schema.additionalProperties;
  const map: MapInfo = {
    firstEntry: children.length,
    patterns: Object.entries(patternSchemas).map(([pattern, entry]) => ({
      pattern,
      at: {
        schema: entry,
        location: appendPointer(
          appendPointer(origins.patternProperties ?? position.at.location, 'patternProperties'),
          pattern,
        ),
      },
    })),
    other:
      other === undefined || other === false
        ? undefined
        : {
            schema: other as Schema,
            location: appendPointer(
              origins.additionalProperties ?? position.at.location,
              'additionalProperties',
            ),
          },
    fixed,
    propertyNames: isPlainObject(schema.propertyNames as JsonValue)
      ? context.resolver.resolve({
          schema: schema.propertyNames as Schema,
          location: appendPointer(origins.propertyNames ?? position.at.location, 'propertyNames'),
        }).schema
      : undefined,
    canAdd: false,
    canRemove: false,
  };
  // A map may be written without the listed properties' patterns taking them: `fixed` first.
  const value = isPlainObject(position.value) ? position.value : undefined;
  const skip = new Set([...fixed, ...active.inactiveProperties]);
  const names = value ? Object.keys(value).filter((name) => !skip.has(name)) : [];
  const ui = asUi(getOwn(position.ui, 'additionalProperties'));
  const uiLocation = appendPointer(position.uiLocation, 'additionalProperties');
  for (const name of names) {
    const at = entrySchema(map, name);
    if (!at) continue;
    const pointer = appendPointer(position.pointer, name);
    const built = buildField(
      context,
      {
        ...position,
        at,
        pointer,
        name,
        ui,
        uiLocation,
        value: getOwn(value, name),
        required: false,
        entry: true,
      },
      before?.get(pointer.slice(position.pointer.length + 1)),
    );
    if (built) children.push(built);
  }
  const count = fixed.length + names.length;
  const editable = !position.parentReadOnly && !position.parentDisabled;
  map.canAdd =
    editable && !(typeof schema.maxProperties === 'number' && count >= schema.maxProperties);
  map.canRemove =
    editable && !(typeof schema.minProperties === 'number' && count <= schema.minProperties);
  return map;
}

/** The model of maps, as the field tree takes it (`TreeContext.maps`). */
export const mapModel: MapModel = { buildEntries };
