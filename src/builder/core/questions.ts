/**
 * The questions of a definition as a tree, in the order the form shows them, each with the places
 * in the definition where its schema, its ui entry and its "required" are written. Questions shown
 * only under a condition (`then.properties` of an `if`, in `allOf` or on the object) are listed at
 * their level too, with the condition that declares them.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { blockName, kindOf, type ReadKind } from './kinds.js';
import { getAt, isObject, own, type Json } from './json.js';

/** One question of the definition. */
export interface Question {
  key: string;
  /** Keys from the form's top level down to this question. */
  path: string[];
  /** JSON Pointer of its schema in the definition. */
  schemaPointer: string;
  /** JSON Pointer of its ui entry (which may not exist yet). */
  uiPointer: string;
  /** JSON Pointer of the object schema whose `properties` (or conditions) hold it. */
  levelPointer: string;
  /** JSON Pointer of the `required` list that makes it required. */
  requiredPointer: string;
  /** JSON Pointer of the condition (`allOf/<i>` or the object) that declares it, if any. */
  conditionPointer?: string;
  kind: ReadKind;
  title: string;
  required: boolean;
  /** The `$defs` name of a reusable block. */
  block?: string;
  children?: Question[];
}

/** An object schema whose questions are listed: where it is written and where its ui is. */
export interface Level {
  objectPointer: string;
  uiPointer: string;
  path: string[];
}

/** The object schema a question's children live in (through `items` and local `$ref`s). */
export function childLevel(definition: Json, question: Question): Level | undefined {
  let pointer = question.schemaPointer;
  let uiPointer = question.uiPointer;
  let schema = getAt(definition, pointer);
  if (question.kind === 'group') {
    pointer = `${pointer}/items`;
    uiPointer = `${uiPointer}/items`;
    schema = own(schema, 'items');
  } else if (question.kind !== 'section' && question.kind !== 'block') return undefined;
  for (let hops = 0; hops < 8; hops++) {
    const name = blockName(schema);
    if (name === undefined) break;
    pointer = appendPointer('/schema/$defs', name);
    schema = getAt(definition, pointer);
  }
  return isObject(schema) ? { objectPointer: pointer, uiPointer, path: question.path } : undefined;
}

/** The display order of keys: `ui:order` (with its `*`) where given, else as declared. */
export function orderKeys(keys: string[], order: Json | undefined): string[] {
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((k): k is string => typeof k === 'string' && keys.includes(k));
  const rest = keys.filter((k) => !listed.includes(k));
  const star = order.indexOf('*');
  if (star < 0) return [...listed, ...rest];
  const before = order.slice(0, star).filter((k): k is string => listed.includes(k as string));
  const after = order.slice(star + 1).filter((k): k is string => listed.includes(k as string));
  return [...before, ...rest, ...after];
}

/** The condition entries of an object schema: `[pointer, entry]` for `allOf` members and itself. */
export function conditionSites(definition: Json, objectPointer: string): [string, Json][] {
  const object = getAt(definition, objectPointer);
  const sites: [string, Json][] = [];
  if (own(object, 'if') !== undefined) sites.push([objectPointer, object as Json]);
  const allOf = own(object, 'allOf');
  if (Array.isArray(allOf)) {
    allOf.forEach((entry, i) => {
      if (own(entry, 'if') !== undefined) sites.push([`${objectPointer}/allOf/${i}`, entry]);
    });
  }
  return sites;
}

function stringList(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The questions of one level, in display order, with their children. */
export function listLevel(definition: Json, level: Level, depth = 0): Question[] {
  const object = getAt(definition, level.objectPointer);
  const found = new Map<string, Question>();
  const add = (
    key: string,
    schemaPointer: string,
    requiredPointer: string,
    conditionPointer?: string,
  ): void => {
    if (found.has(key)) return;
    const schema = getAt(definition, schemaPointer);
    const uiPointer = appendPointer(level.uiPointer, key);
    const ui = getAt(definition, uiPointer);
    const title = own(schema, 'title') ?? own(ui, 'ui:title');
    const question: Question = {
      key,
      path: [...level.path, key],
      schemaPointer,
      uiPointer,
      levelPointer: level.objectPointer,
      requiredPointer,
      conditionPointer,
      kind: kindOf(schema, ui),
      title: typeof title === 'string' ? title : '',
      required: stringList(getAt(definition, requiredPointer)).includes(key),
    };
    const block = blockName(schema);
    if (block !== undefined) {
      question.block = block;
      const target = getAt(definition, appendPointer('/schema/$defs', block));
      const blockTitle = own(target, 'title');
      if (!question.title && typeof blockTitle === 'string') question.title = blockTitle;
    }
    found.set(key, question);
  };
  const properties = own(object, 'properties');
  if (isObject(properties)) {
    for (const key of Object.keys(properties)) {
      add(
        key,
        appendPointer(`${level.objectPointer}/properties`, key),
        `${level.objectPointer}/required`,
      );
    }
  }
  for (const [pointer, entry] of conditionSites(definition, level.objectPointer)) {
    const declared = own(own(entry, 'then'), 'properties');
    if (!isObject(declared)) continue;
    for (const key of Object.keys(declared)) {
      add(
        key,
        appendPointer(`${pointer}/then/properties`, key),
        `${pointer}/then/required`,
        pointer,
      );
    }
  }
  const order = orderKeys([...found.keys()], getAt(definition, `${level.uiPointer}/ui:order`));
  return order.map((key) => {
    const question = found.get(key) as Question;
    // Children of a reusable block are listed (and edited in `$defs`); a guard stops cycles.
    const child = depth < 12 ? childLevel(definition, question) : undefined;
    if (child) question.children = listLevel(definition, child, depth + 1);
    return question;
  });
}

/** The root level of a definition. */
export const ROOT_LEVEL: Level = { objectPointer: '/schema', uiPointer: '/ui', path: [] };

/** All questions of a definition as a tree. */
export function listQuestions(definition: Json): Question[] {
  return listLevel(definition, ROOT_LEVEL);
}

/** The questions as a flat list, depth first (the order of the builder's list). */
export function flatQuestions(definition: Json): Question[] {
  const out: Question[] = [];
  const walk = (list: Question[]): void => {
    for (const q of list) {
      out.push(q);
      if (q.children) walk(q.children);
    }
  };
  walk(listQuestions(definition));
  return out;
}

/** Finds a question by its path of keys. */
export function findQuestion(definition: Json, path: readonly string[]): Question | undefined {
  let list = listQuestions(definition);
  let found: Question | undefined;
  for (const key of path) {
    found = list.find((q) => q.key === key);
    if (!found) return undefined;
    list = found.children ?? [];
  }
  return found;
}

/** The level (object schema) a question sits in. */
export function levelOf(definition: Json, path: readonly string[]): Level | undefined {
  if (path.length <= 1) return ROOT_LEVEL;
  const parent = findQuestion(definition, path.slice(0, -1));
  return parent ? childLevel(definition, parent) : undefined;
}
