/**
 * Editing operations on a definition. Each takes a definition and returns a new one that differs
 * only where the edit applies (see json.ts); nothing the builder does not know is rewritten.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { BLOCKS, newQuestion, type QuestionKind } from './kinds.js';
import {
  findQuestion,
  levelOf,
  listLevel,
  ROOT_LEVEL,
  type Level,
  type Question,
} from './questions.js';
import { getAt, isObject, own, removeAt, setAt, type Json, type JsonObject } from './json.js';

/** Texts of a question and where they are written. */
export const TEXT_FIELDS = {
  title: 'schema',
  description: 'schema',
  'ui:help': 'ui',
  'ui:placeholder': 'ui',
} as const;
export type TextField = keyof typeof TEXT_FIELDS;

function requireQuestion(definition: Json, path: readonly string[]): Question {
  const question = findQuestion(definition, path);
  if (!question) throw new Error(`no question at ${path.join('/')}`);
  return question;
}

/** Sets or (with `undefined` or an empty text) removes a keyword of a question's schema. */
export function setSchemaKeyword(
  definition: Json,
  path: readonly string[],
  keyword: string,
  value: Json | undefined,
): Json {
  const q = requireQuestion(definition, path);
  const pointer = appendPointer(q.schemaPointer, keyword);
  if (value === undefined || value === '') {
    return getAt(definition, pointer) === undefined
      ? definition
      : setAt(definition, pointer, undefined);
  }
  return setAt(definition, pointer, value);
}

/** Sets or removes a `ui:` key of a question (empty ui entries it leaves are removed). */
export function setUiKey(
  definition: Json,
  path: readonly string[],
  key: string,
  value: Json | undefined,
): Json {
  const q = requireQuestion(definition, path);
  return setUiAt(definition, appendPointer(q.uiPointer, key), value);
}

function setUiAt(definition: Json, pointer: string, value: Json | undefined): Json {
  if (value === undefined || value === '') {
    if (getAt(definition, pointer) === undefined) return definition;
    return removeAt(definition, pointer, 1);
  }
  return setAt(definition, pointer, value);
}

/** Sets one of a question's texts (title, description, help, placeholder). */
export function setText(
  definition: Json,
  path: readonly string[],
  field: TextField,
  text: string,
): Json {
  return TEXT_FIELDS[field] === 'schema'
    ? setSchemaKeyword(definition, path, field, text)
    : setUiKey(definition, path, field, text);
}

/** Sets the message shown when a keyword's check fails (`ui:options.errorMessages`). */
export function setErrorMessage(
  definition: Json,
  path: readonly string[],
  keyword: string,
  text: string,
): Json {
  const q = requireQuestion(definition, path);
  return setUiAt(
    definition,
    appendPointer(`${q.uiPointer}/ui:options/errorMessages`, keyword),
    text === '' ? undefined : text,
  );
}

/** Sets a widget option (`ui:options.<name>`: accept, maxSize, rows …). */
export function setUiOption(
  definition: Json,
  path: readonly string[],
  name: string,
  value: Json | undefined,
): Json {
  const q = requireQuestion(definition, path);
  return setUiAt(definition, appendPointer(`${q.uiPointer}/ui:options`, name), value);
}

function withoutKey(list: Json | undefined, key: string): Json[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const next = list.filter((k) => k !== key);
  return next.length === 0 ? undefined : next;
}

/** Makes a question required or optional (in the `required` list of where it is declared). */
export function setRequired(definition: Json, path: readonly string[], required: boolean): Json {
  const q = requireQuestion(definition, path);
  if (q.required === required) return definition;
  const list = getAt(definition, q.requiredPointer);
  const next = required ? [...(Array.isArray(list) ? list : []), q.key] : withoutKey(list, q.key);
  const changed = setAt(definition, q.requiredPointer, next);
  // A list is never missing in the form (it starts empty), so "required" is one answer at least.
  if (q.kind !== 'severalChoices' && q.kind !== 'group') return changed;
  const min = getAt(definition, appendPointer(q.schemaPointer, 'minItems'));
  if (required && min === undefined) return setSchemaKeyword(changed, path, 'minItems', 1);
  if (!required && min === 1) return setSchemaKeyword(changed, path, 'minItems', undefined);
  return changed;
}

/** A key for a new question: letters of its title, unique in its level. */
export function keyFor(title: string, taken: readonly string[]): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 4);
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  if (!/^[A-Za-z]/.test(base)) base = `question${base}`;
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}${n}`;
  return key;
}

function levelFor(definition: Json, parentPath: readonly string[]): Level {
  if (parentPath.length === 0) return ROOT_LEVEL;
  const level = levelOf(definition, [...parentPath, '']);
  if (!level) throw new Error(`no section or group at ${parentPath.join('/')}`);
  return level;
}

/**
 * Adds a question of a kind at the end of a level (the top level, a section, a group's items).
 * Reusable blocks add their `$defs` entry once. Returns the new definition and the question's path.
 */
export function addQuestion(
  definition: Json,
  parentPath: readonly string[],
  kind: QuestionKind,
  title: string,
): { definition: Json; path: string[] } {
  const level = levelFor(definition, parentPath);
  const taken = listLevel(definition, level).map((q) => q.key);
  const key = keyFor(title || kind, taken);
  const { schema, ui } = newQuestion(kind, title);
  let next = definition;
  if (kind === 'person' || kind === 'address') {
    const defPointer = appendPointer('/schema/$defs', kind);
    if (getAt(next, defPointer) === undefined) next = setAt(next, defPointer, BLOCKS[kind]);
    if (title) schema.title = title;
  }
  next = setAt(next, appendPointer(`${level.objectPointer}/properties`, key), schema);
  if (ui) next = setAt(next, appendPointer(level.uiPointer, key), ui);
  const order = getAt(next, `${level.uiPointer}/ui:order`);
  if (Array.isArray(order)) next = setAt(next, `${level.uiPointer}/ui:order`, [...order, key]);
  return { definition: next, path: [...parentPath, key] };
}

/** Rewrites translation keys under `from` to start with `to` (after a question moved). */
export function movePointers(definition: Json, from: string, to: string): Json {
  const translations = own(definition, 'translations');
  if (!isObject(translations) || from === to) return definition;
  let next = definition;
  for (const locale of Object.keys(translations)) {
    const table = translations[locale];
    if (!isObject(table)) continue;
    const keys = Object.keys(table);
    if (!keys.some((k) => k === from || k.startsWith(`${from}/`))) continue;
    const moved: JsonObject = {};
    for (const k of keys) {
      const nk = k === from || k.startsWith(`${from}/`) ? to + k.slice(from.length) : k;
      Object.defineProperty(moved, nk, {
        value: table[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    next = setAt(next, ['translations', locale], moved);
  }
  return next;
}

function dropPointers(definition: Json, prefix: string): Json {
  const translations = own(definition, 'translations');
  if (!isObject(translations)) return definition;
  let next = definition;
  for (const locale of Object.keys(translations)) {
    const table = translations[locale];
    if (!isObject(table)) continue;
    for (const k of Object.keys(table)) {
      if (k === prefix || k.startsWith(`${prefix}/`))
        next = setAt(next, ['translations', locale, k], undefined);
    }
  }
  return next;
}

/** Removes a question, with its ui entry, its place in orders and steps, and its translations. */
export function removeQuestion(definition: Json, path: readonly string[]): Json {
  const q = requireQuestion(definition, path);
  const level = levelOf(definition, path) as Level;
  let next = setAt(definition, q.schemaPointer, undefined);
  const required = getAt(next, q.requiredPointer);
  if (Array.isArray(required) && required.includes(q.key))
    next = setAt(next, q.requiredPointer, withoutKey(required, q.key));
  next = setUiAt(next, q.uiPointer, undefined);
  const order = getAt(next, `${level.uiPointer}/ui:order`);
  if (Array.isArray(order) && order.includes(q.key))
    next = setAt(
      next,
      `${level.uiPointer}/ui:order`,
      order.filter((k) => k !== q.key),
    );
  if (level === ROOT_LEVEL) {
    const steps = getAt(next, '/ui/ui:steps');
    if (Array.isArray(steps)) {
      steps.forEach((step, i) => {
        const fields = own(step, 'fields');
        if (Array.isArray(fields) && fields.includes(q.key))
          next = setAt(
            next,
            `/ui/ui:steps/${i}/fields`,
            fields.filter((k) => k !== q.key),
          );
      });
    }
  }
  next = dropPointers(next, q.schemaPointer);
  return dropPointers(next, q.uiPointer);
}

/**
 * Moves a question to another place in its level. With a `ui:order` (or questions shown under
 * conditions, whose place only `ui:order` can give) the order is written there; otherwise the
 * `properties` are reordered.
 */
export function moveQuestionTo(definition: Json, path: readonly string[], index: number): Json {
  const level = levelOf(definition, path) as Level;
  const siblings = listLevel(definition, level);
  const from = siblings.findIndex((q) => q.key === path[path.length - 1]);
  const to = Math.max(0, Math.min(siblings.length - 1, index));
  if (from < 0 || from === to) return definition;
  const keys = siblings.map((q) => q.key);
  const [moved] = keys.splice(from, 1);
  keys.splice(to, 0, moved);
  const orderPointer = `${level.uiPointer}/ui:order`;
  if (getAt(definition, orderPointer) !== undefined || siblings.some((q) => q.conditionPointer)) {
    return setAt(definition, orderPointer, keys);
  }
  const propertiesPointer = `${level.objectPointer}/properties`;
  const properties = getAt(definition, propertiesPointer) as JsonObject;
  const reordered: JsonObject = {};
  for (const key of keys)
    Object.defineProperty(reordered, key, {
      value: properties[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return setAt(definition, propertiesPointer, reordered);
}

/** Moves a question one place up (-1) or down (+1). */
export function moveQuestion(definition: Json, path: readonly string[], delta: -1 | 1): Json {
  const level = levelOf(definition, path) as Level;
  const keys = listLevel(definition, level).map((q) => q.key);
  return moveQuestionTo(definition, path, keys.indexOf(path[path.length - 1]) + delta);
}

/** Sets a form-level value: `/schema/title`, `/ui/ui:confirmation`, `/id` … (empty removes it). */
export function setFormValue(definition: Json, pointer: string, value: Json | undefined): Json {
  if (value === undefined || value === '') {
    return getAt(definition, pointer) === undefined ? definition : removeAt(definition, pointer, 1);
  }
  return setAt(definition, pointer, value);
}

/** Replaces the JSON at a place (the expert's edit of something the builder keeps as written). */
export function setJsonAt(definition: Json, pointer: string, value: Json | undefined): Json {
  return setAt(definition, pointer, value);
}

/** Writes a choice list (`oneOf` of `const` + `title`) of a one- or several-choices question. */
export function setChoices(
  definition: Json,
  path: readonly string[],
  choices: { value: Json; title: string }[],
): Json {
  const q = requireQuestion(definition, path);
  const pointer = q.kind === 'severalChoices' ? `${q.schemaPointer}/items` : q.schemaPointer;
  const schema = getAt(definition, pointer);
  let next = definition;
  if (Array.isArray(own(schema, 'enum')) && choices.every((c) => c.title === String(c.value))) {
    return setAt(
      next,
      `${pointer}/enum`,
      choices.map((c) => c.value),
    );
  }
  if (own(schema, 'enum') !== undefined) next = setAt(next, `${pointer}/enum`, undefined);
  const keyword =
    own(schema, 'anyOf') !== undefined && own(schema, 'oneOf') === undefined ? 'anyOf' : 'oneOf';
  return setAt(
    next,
    `${pointer}/${keyword}`,
    choices.map((c) => ({ const: c.value, title: c.title })),
  );
}

/** The choices of a question: `[{ value, title }]`. */
export function choicesOf(definition: Json, q: Question): { value: Json; title: string }[] {
  const schema = getAt(
    definition,
    q.kind === 'severalChoices' ? `${q.schemaPointer}/items` : q.schemaPointer,
  );
  if (q.kind === 'yesNo')
    return [
      { value: true, title: 'true' },
      { value: false, title: 'false' },
    ];
  const list = own(schema, 'oneOf') ?? own(schema, 'anyOf');
  if (Array.isArray(list)) {
    return list.map((e) => {
      const title = own(e, 'title');
      return {
        value: own(e, 'const') ?? null,
        title: typeof title === 'string' ? title : String(own(e, 'const')),
      };
    });
  }
  const values = own(schema, 'enum');
  return Array.isArray(values) ? values.map((v) => ({ value: v, title: String(v) })) : [];
}

export { isObject };
