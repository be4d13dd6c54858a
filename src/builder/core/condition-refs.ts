/**
 * Which conditions test a question ("show … when *this question* is …"), removing a question
 * together with them, and finding conditions that test a question the form no longer has (an
 * `if` on a missing answer never holds: the questions it shows silently never appear).
 */
import { appendPointer } from '../../core/json-pointer.js';
import { removeCondition } from './condition-edit.js';
import { allConditions, type Condition, type RawCondition } from './conditions.js';
import { removeQuestion } from './edit.js';
import { getAt, isObject, own, type Json } from './json.js';
import { conditionSites, levelOf } from './questions.js';

const DEPENDENT = /\/(dependentRequired|dependentSchemas|dependencies)$/;

/** The keys of answers a condition kept as written tests, each with the pointer that names it. */
function rawTests(raw: RawCondition): [string, string][] {
  if (DEPENDENT.test(raw.pointer))
    return isObject(raw.json)
      ? Object.keys(raw.json).map((k) => [k, appendPointer(raw.pointer, k)])
      : [];
  const properties = own(own(raw.json, 'if'), 'properties');
  return isObject(properties)
    ? Object.keys(properties).map((k) => [k, appendPointer(`${raw.pointer}/if/properties`, k)])
    : [];
}

/** The conditions of `objectPointer`'s level that test the answer `key`. */
export function conditionsTesting(
  definition: Json,
  path: readonly string[],
): { words: Condition[]; raw: RawCondition[] } {
  const level = levelOf(definition, path);
  const key = path[path.length - 1];
  if (!level) return { words: [], raw: [] };
  const found = allConditions(definition);
  return {
    words: found.conditions.filter(
      (c) => c.objectPointer === level.objectPointer && c.subject === key,
    ),
    raw: found.raw.filter(
      (r) => r.objectPointer === level.objectPointer && rawTests(r).some(([k]) => k === key),
    ),
  };
}

/** Index of an `allOf` member (conditions on the object itself sort last). */
function memberIndex(condition: Condition): number {
  const match = /\/allOf\/(\d+)$/.exec(condition.pointer);
  return match ? Number(match[1]) : -1;
}

/**
 * Removes a question and the conditions in words that test it, as one edit: the questions those
 * conditions showed become always shown (removing a question never removes others). Conditions
 * kept as written are left as they are (the check names them).
 */
export function removeQuestionWithConditions(definition: Json, path: readonly string[]): Json {
  const { words } = conditionsTesting(definition, path);
  const key = path[path.length - 1];
  let next = definition;
  // From the last allOf member back, so the earlier members' places stay valid.
  for (const c of [...words].sort((a, b) => memberIndex(b) - memberIndex(a)))
    next = removeCondition(next, c);
  // "Required when … is answered" must not require a question that is gone.
  const level = levelOf(next, path);
  if (level)
    for (const c of allConditions(next).conditions)
      if (
        c.objectPointer === level.objectPointer &&
        c.operator === 'isAnswered' &&
        c.requires.includes(key)
      )
        next = removeCondition(next, c, key);
  return removeQuestion(next, path);
}

/** The answers an object level has: its properties and those its conditions declare. */
function keysOf(definition: Json, objectPointer: string): Set<string> {
  const keys = new Set<string>();
  const add = (properties: Json | undefined): void => {
    if (isObject(properties)) for (const k of Object.keys(properties)) keys.add(k);
  };
  add(own(getAt(definition, objectPointer), 'properties'));
  for (const [, entry] of conditionSites(definition, objectPointer)) {
    add(own(own(entry, 'then'), 'properties'));
    add(own(own(entry, 'else'), 'properties'));
  }
  return keys;
}

/** A condition that tests an answer its level does not have. */
export interface DanglingCondition {
  /** Where the test names the missing answer. */
  pointer: string;
  key: string;
}

/** Every condition that tests a question missing from its level. */
export function danglingConditions(definition: Json): DanglingCondition[] {
  const { conditions, raw } = allConditions(definition);
  const out: DanglingCondition[] = [];
  const known = new Map<string, Set<string>>();
  const keys = (objectPointer: string): Set<string> => {
    let set = known.get(objectPointer);
    if (!set) known.set(objectPointer, (set = keysOf(definition, objectPointer)));
    return set;
  };
  // A level without `properties` is declared elsewhere (a `$ref`, a combination): not judged.
  const judged = (objectPointer: string): boolean =>
    isObject(own(getAt(definition, objectPointer), 'properties'));
  for (const c of conditions)
    if (judged(c.objectPointer) && !keys(c.objectPointer).has(c.subject))
      out.push({
        pointer:
          c.operator === 'isAnswered'
            ? c.pointer
            : appendPointer(`${c.pointer}/if/properties`, c.subject),
        key: c.subject,
      });
  for (const r of raw)
    if (judged(r.objectPointer))
      for (const [key, pointer] of rawTests(r))
        if (!keys(r.objectPointer).has(key)) out.push({ pointer, key });
  return out;
}
