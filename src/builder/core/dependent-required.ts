/**
 * "*Question* is required when *other question* is answered", written as JSON Schema's
 * `dependentRequired` on the object that holds both (`{ "email": ["phone"] }`: answering e-mail
 * requires a phone number), and read back into the same words. Only a `dependentRequired` whose
 * every entry is a list of keys reads as words; any other is kept as written.
 */
import { appendPointer } from '../../core/json-pointer.js';
import type { Condition } from './conditions.js';
import { findQuestion, levelOf } from './questions.js';
import { getAt, isObject, own, setAt, type Json } from './json.js';

/** The conditions in words of an object's `dependentRequired`, or undefined when it has none. */
export function readDependentRequired(
  definition: Json,
  objectPointer: string,
): Condition[] | undefined {
  const value = own(getAt(definition, objectPointer), 'dependentRequired');
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value);
  const readable = entries.every(
    ([, keys]) => Array.isArray(keys) && keys.every((k) => typeof k === 'string'),
  );
  if (!readable) return undefined;
  const pointer = `${objectPointer}/dependentRequired`;
  return entries.map(([subject, keys]) => ({
    pointer: appendPointer(pointer, subject),
    objectPointer,
    subject,
    operator: 'isAnswered',
    values: [],
    shows: [],
    requires: keys as string[],
  }));
}

/** `definition` without `q` in its level's `required` (the list goes when it empties). */
export function dropRequired(definition: Json, q: { key: string; requiredPointer: string }): Json {
  const required = getAt(definition, q.requiredPointer) as Json[];
  const rest = required.filter((k) => k !== q.key);
  return setAt(definition, q.requiredPointer, rest.length ? rest : undefined);
}

/** "Question `path` is required when `subject` is answered." */
export function addRequiredWhenAnswered(
  definition: Json,
  path: readonly string[],
  subject: string,
): Json {
  const q = findQuestion(definition, path);
  const level = levelOf(definition, path);
  if (!q || !level) throw new Error(`no question at ${path.join('/')}`);
  let next = definition;
  // Required always would make the condition meaningless: it becomes required only then.
  if (q.required && !q.conditionPointer) {
    next = dropRequired(next, q);
  }
  const pointer = appendPointer(`${level.objectPointer}/dependentRequired`, subject);
  const list = getAt(next, pointer);
  const keys = Array.isArray(list) ? list : [];
  return keys.includes(q.key) ? next : setAt(next, pointer, [...keys, q.key]);
}

/**
 * Removes "required when answered" conditions: `key` from one entry (the sentence about that
 * question), or the whole entry; an emptied entry, and an emptied `dependentRequired`, go.
 */
export function removeDependentRequired(
  definition: Json,
  condition: Condition,
  key?: string,
): Json {
  const list = getAt(definition, condition.pointer);
  const rest = key !== undefined && Array.isArray(list) ? list.filter((k) => k !== key) : [];
  let next = setAt(definition, condition.pointer, rest.length ? rest : undefined);
  const keyword = `${condition.objectPointer}/dependentRequired`;
  const remaining = getAt(next, keyword);
  if (isObject(remaining) && Object.keys(remaining).length === 0)
    next = setAt(next, keyword, undefined);
  return next;
}
