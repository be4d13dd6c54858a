/**
 * Writing conditions in words: "show Q when A is …" moves Q's schema into the `then` of an
 * `allOf` member of the object that holds both; "Q is required when …" adds an `allOf` member that
 * only requires Q. Removing a condition puts the question back among the object's properties.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { readConditions, writeTest, type Condition, type TestOperator } from './conditions.js';
import { dropRequired, removeDependentRequired } from './dependent-required.js';
import { movePointers } from './edit.js';
import { findQuestion, levelOf, listLevel, type Level } from './questions.js';
import { getAt, own, setAt, type Json, type JsonObject } from './json.js';

function appendAllOf(definition: Json, objectPointer: string, entry: JsonObject): Json {
  const allOf = getAt(definition, `${objectPointer}/allOf`);
  const list = Array.isArray(allOf) ? allOf : [];
  return setAt(definition, `${objectPointer}/allOf`, [...list, entry]);
}

/** Keeps a level's display order (conditional questions would otherwise move to the end). */
function pinOrder(definition: Json, level: Level): Json {
  const pointer = `${level.uiPointer}/ui:order`;
  if (getAt(definition, pointer) !== undefined) return definition;
  return setAt(
    definition,
    pointer,
    listLevel(definition, level).map((q) => q.key),
  );
}

/**
 * `additionalProperties: false` sees only the object's own `properties`: a question moved into a
 * condition's `then` would be refused whenever it is answered. `unevaluatedProperties: false`
 * (JSON Schema 2019-09 and later) refuses the same extras and sees the `then` too.
 */
function letConditionalThrough(definition: Json, objectPointer: string): Json {
  const pointer = `${objectPointer}/additionalProperties`;
  if (getAt(definition, pointer) !== false) return definition;
  // Draft-07 and older have no unevaluatedProperties: left as written (check() cannot tell).
  if (/draft-0\d/.test(String(getAt(definition, '/schema/$schema') ?? ''))) return definition;
  const next = setAt(definition, pointer, undefined);
  const unevaluated = `${objectPointer}/unevaluatedProperties`;
  return getAt(next, unevaluated) === undefined ? setAt(next, unevaluated, false) : next;
}

/** "Show question `path` only when `subject` `operator` `values`." */
export function addShowCondition(
  definition: Json,
  path: readonly string[],
  subject: string,
  operator: TestOperator,
  values: Json[],
): Json {
  const q = findQuestion(definition, path);
  const level = levelOf(definition, path);
  if (!q || !level) throw new Error(`no question at ${path.join('/')}`);
  if (q.conditionPointer) throw new Error(`${q.key} is already shown under a condition`);
  if (subject === q.key) throw new Error('a question cannot depend on itself');
  let next = letConditionalThrough(pinOrder(definition, level), level.objectPointer);
  const schema = getAt(next, q.schemaPointer) as Json;
  next = setAt(next, q.schemaPointer, undefined);
  const then: JsonObject = { properties: { [q.key]: schema } };
  if (q.required) {
    then.required = [q.key];
    next = dropRequired(next, q);
  }
  const allOf = getAt(next, `${level.objectPointer}/allOf`);
  const index = Array.isArray(allOf) ? allOf.length : 0;
  next = appendAllOf(next, level.objectPointer, { if: writeTest(subject, operator, values), then });
  const to = appendPointer(`${level.objectPointer}/allOf/${index}/then/properties`, q.key);
  return movePointers(next, q.schemaPointer, to);
}

/** "Question `path` is required when `subject` `operator` `values`." */
export function addRequiredCondition(
  definition: Json,
  path: readonly string[],
  subject: string,
  operator: TestOperator,
  values: Json[],
): Json {
  const q = findQuestion(definition, path);
  const level = levelOf(definition, path);
  if (!q || !level) throw new Error(`no question at ${path.join('/')}`);
  let next = definition;
  if (q.required && !q.conditionPointer) {
    next = dropRequired(next, q);
  }
  return appendAllOf(next, level.objectPointer, {
    if: writeTest(subject, operator, values),
    then: { required: [q.key] },
  });
}

/** Changes what a condition tests. */
export function setConditionTest(
  definition: Json,
  condition: Condition,
  subject: string,
  operator: TestOperator,
  values: Json[],
): Json {
  return setAt(definition, `${condition.pointer}/if`, writeTest(subject, operator, values));
}

/**
 * Removes a condition: the questions it showed become unconditional (required ones stay
 * required), the requirement it added goes.
 */
export function removeCondition(definition: Json, condition: Condition, key?: string): Json {
  // "Required when answered" sentences are per question: `key` names the one to remove.
  if (condition.operator === 'isAnswered')
    return removeDependentRequired(definition, condition, key);
  let next = definition;
  const objectPointer = condition.objectPointer;
  for (const key of condition.shows) {
    const from = appendPointer(`${condition.pointer}/then/properties`, key);
    const to = appendPointer(`${objectPointer}/properties`, key);
    next = setAt(next, to, getAt(next, from) as Json);
    next = movePointers(next, from, to);
    if (condition.requires.includes(key)) {
      const required = getAt(next, `${objectPointer}/required`);
      const list = Array.isArray(required) ? required : [];
      if (!list.includes(key)) next = setAt(next, `${objectPointer}/required`, [...list, key]);
    }
  }
  if (condition.pointer === objectPointer) {
    for (const keyword of ['if', 'then', 'else'])
      next = setAt(next, `${objectPointer}/${keyword}`, undefined);
    return next;
  }
  const allOf = getAt(next, `${objectPointer}/allOf`) as Json[];
  const index = Number(condition.pointer.slice(`${objectPointer}/allOf/`.length));
  const rest = allOf.filter((_, i) => i !== index);
  // Later members move one place up: their translation keys move with them.
  next = setAt(next, `${objectPointer}/allOf`, rest.length ? rest : undefined);
  for (let i = index + 1; i < allOf.length; i++)
    next = movePointers(next, `${objectPointer}/allOf/${i}`, `${objectPointer}/allOf/${i - 1}`);
  return next;
}

/** The conditions that govern a question (that show it, or make it required). */
export function conditionsOf(definition: Json, path: readonly string[]): Condition[] {
  const level = levelOf(definition, path);
  const key = path[path.length - 1];
  if (!level) return [];
  return readConditions(definition, level.objectPointer).conditions.filter(
    (c) => c.shows.includes(key) || c.requires.includes(key),
  );
}

/** Whether a condition entry still has an `if` (a guard for stale references). */
export function conditionExists(definition: Json, condition: Condition): boolean {
  return own(getAt(definition, condition.pointer), 'if') !== undefined;
}
