/**
 * Conditions in plain words. An `if` that tests one answer of the same object ("when A is x / is
 * not x / is one of x, y") with a `then` that only declares questions (shown) and lists required
 * ones reads as a {@link Condition}; every other `if`, `dependentRequired`, `dependentSchemas` or
 * `dependencies` is a {@link RawCondition}, kept exactly as written and editable as JSON.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { readDependentRequired } from './dependent-required.js';
import { conditionSites } from './questions.js';
import { deepEqual, getAt, isObject, own, type Json, type JsonObject } from './json.js';

/** What an `if` tests. */
export type TestOperator = 'is' | 'isNot' | 'isOneOf';
/** What a condition in words says; `isAnswered` is written as `dependentRequired`. */
export type ConditionOperator = TestOperator | 'isAnswered';

/** A condition the builder can say in words. */
export interface Condition {
  /** Where the `if`/`then` are written: an `allOf` member, or the object itself. */
  pointer: string;
  objectPointer: string;
  /** The key of the answer it tests (a sibling of the questions it governs). */
  subject: string;
  operator: ConditionOperator;
  values: Json[];
  /** Questions shown only when it holds (declared in `then.properties`). */
  shows: string[];
  /** Questions required when it holds (`then.required`). */
  requires: string[];
}

/** Something conditional the builder keeps as written. */
export interface RawCondition {
  pointer: string;
  objectPointer: string;
  json: Json;
}

function onlyKeys(value: Json | undefined, allowed: string[]): value is JsonObject {
  return isObject(value) && Object.keys(value).every((k) => allowed.includes(k));
}

/** Reads an `if` as "subject operator values", or undefined. */
export function readTest(
  test: Json | undefined,
): { subject: string; operator: TestOperator; values: Json[] } | undefined {
  if (!onlyKeys(test, ['properties', 'required'])) return undefined;
  const properties = own(test, 'properties');
  if (!isObject(properties) || Object.keys(properties).length !== 1) return undefined;
  const subject = Object.keys(properties)[0];
  if (!deepEqual(own(test, 'required'), [subject])) return undefined;
  const check = properties[subject];
  if (onlyKeys(check, ['const']) && 'const' in check)
    return { subject, operator: 'is', values: [check.const] };
  if (onlyKeys(check, ['enum']) && Array.isArray(check.enum) && check.enum.length > 0)
    return { subject, operator: 'isOneOf', values: check.enum };
  if (onlyKeys(check, ['not']) && onlyKeys(check.not, ['const']) && 'const' in check.not)
    return { subject, operator: 'isNot', values: [check.not.const] };
  return undefined;
}

/** The `if` for a test in words. */
export function writeTest(subject: string, operator: TestOperator, values: Json[]): JsonObject {
  const check: JsonObject =
    operator === 'is'
      ? { const: values[0] ?? null }
      : operator === 'isNot'
        ? { not: { const: values[0] ?? null } }
        : { enum: values };
  return { properties: { [subject]: check }, required: [subject] };
}

/** Reads the conditions of one object schema. */
export function readConditions(
  definition: Json,
  objectPointer: string,
): { conditions: Condition[]; raw: RawCondition[] } {
  const conditions: Condition[] = [];
  const raw: RawCondition[] = [];
  const object = getAt(definition, objectPointer);
  for (const [pointer, entry] of conditionSites(definition, objectPointer)) {
    const test = readTest(own(entry, 'if'));
    const then = own(entry, 'then');
    const allowed = pointer === objectPointer ? undefined : ['if', 'then'];
    const plain =
      test &&
      onlyKeys(then, ['properties', 'required']) &&
      (allowed === undefined || onlyKeys(entry, allowed)) &&
      own(entry, 'else') === undefined;
    if (!plain) {
      raw.push({
        pointer,
        objectPointer,
        json:
          pointer === objectPointer
            ? { if: own(entry, 'if') ?? null, then: own(entry, 'then') ?? null, ...elseOf(entry) }
            : entry,
      });
      continue;
    }
    const declared = own(then, 'properties');
    const required = own(then, 'required');
    conditions.push({
      pointer,
      objectPointer,
      ...test,
      shows: isObject(declared) ? Object.keys(declared) : [],
      requires: Array.isArray(required)
        ? required.filter((k): k is string => typeof k === 'string')
        : [],
    });
  }
  const dependent = readDependentRequired(definition, objectPointer);
  if (dependent) conditions.push(...dependent);
  for (const keyword of ['dependentRequired', 'dependentSchemas', 'dependencies']) {
    if (keyword === 'dependentRequired' && dependent) continue;
    const value = own(object, keyword);
    if (value !== undefined)
      raw.push({ pointer: appendPointer(objectPointer, keyword), objectPointer, json: value });
  }
  return { conditions, raw };
}

function elseOf(entry: Json): JsonObject {
  const value = own(entry, 'else');
  return value === undefined ? {} : { else: value };
}

/** All conditions of a definition, level by level (object schemas that have any). */
export function allConditions(definition: Json): { conditions: Condition[]; raw: RawCondition[] } {
  const conditions: Condition[] = [];
  const raw: RawCondition[] = [];
  const seen = new Set<string>();
  const visit = (pointer: string, depth: number): void => {
    if (seen.has(pointer) || depth > 16) return;
    seen.add(pointer);
    const node = getAt(definition, pointer);
    if (!isObject(node)) return;
    const found = readConditions(definition, pointer);
    conditions.push(...found.conditions);
    raw.push(...found.raw);
    const properties = own(node, 'properties');
    if (isObject(properties))
      for (const key of Object.keys(properties))
        visit(appendPointer(`${pointer}/properties`, key), depth + 1);
    if (isObject(own(node, 'items'))) visit(`${pointer}/items`, depth + 1);
    for (const c of found.conditions) {
      for (const key of c.shows)
        visit(appendPointer(`${c.pointer}/then/properties`, key), depth + 1);
    }
  };
  visit('/schema', 0);
  const defs = own(getAt(definition, '/schema'), '$defs');
  if (isObject(defs))
    for (const name of Object.keys(defs)) visit(appendPointer('/schema/$defs', name), 1);
  return { conditions, raw };
}
