/**
 * Questions by what they mean: how a schema (with its ui entry) reads as one kind of question,
 * and the schema and ui entry a new question of a kind starts with.
 */
import { isObject, own, type Json, type JsonObject } from './json.js';

/** The kinds of question an author picks from. */
export const QUESTION_KINDS = [
  'shortText',
  'longText',
  'number',
  'wholeNumber',
  'date',
  'time',
  'yesNo',
  'consent',
  'oneChoice',
  'severalChoices',
  'email',
  'phone',
  'postalCode',
  'file',
  'group',
  'section',
  'person',
  'address',
] as const;

export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What a question reads as: one of the kinds, a reusable block, or something kept as written. */
export type ReadKind = QuestionKind | 'block' | 'other';

/** The pattern of a German postal code (five digits). */
export const POSTAL_CODE_PATTERN = '^[0-9]{5}$';
/** The pattern a new phone question gets (digits, spaces, + ( ) / -). */
export const PHONE_PATTERN = '^\\+?[0-9 ()/-]{6,30}$';

/** The reusable blocks the builder offers, written once under `$defs` and referenced. */
export const BLOCKS: Record<'person' | 'address', JsonObject> = {
  person: {
    type: 'object',
    title: 'Person',
    additionalProperties: false,
    required: ['givenName', 'familyName'],
    properties: {
      givenName: { type: 'string', minLength: 1, maxLength: 100, title: 'Vorname' },
      familyName: { type: 'string', minLength: 1, maxLength: 100, title: 'Familienname' },
      birthDate: { type: 'string', format: 'date', title: 'Geburtsdatum' },
    },
  },
  address: {
    type: 'object',
    title: 'Anschrift',
    additionalProperties: false,
    required: ['street', 'postalCode', 'city'],
    properties: {
      street: { type: 'string', minLength: 1, maxLength: 200, title: 'Straße und Hausnummer' },
      postalCode: { type: 'string', pattern: POSTAL_CODE_PATTERN, title: 'Postleitzahl' },
      city: { type: 'string', minLength: 1, maxLength: 100, title: 'Ort' },
    },
  },
};

function typeOf(schema: JsonObject): string | undefined {
  const type = own(schema, 'type');
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const first = type.find((t) => t !== 'null');
    return typeof first === 'string' ? first : undefined;
  }
  if (isObject(own(schema, 'properties'))) return 'object';
  if (own(schema, 'items') !== undefined) return 'array';
  return undefined;
}

/** Whether a schema lists its answers (enum, or oneOf/anyOf of consts). */
export function hasChoices(schema: Json | undefined): boolean {
  if (!isObject(schema)) return false;
  if (Array.isArray(own(schema, 'enum'))) return true;
  const list = own(schema, 'oneOf') ?? own(schema, 'anyOf');
  return Array.isArray(list) && list.length > 0 && list.every((e) => isObject(e) && 'const' in e);
}

/** The `$defs` name a `$ref` names, when it is a local `#/$defs/<name>`. */
export function blockName(schema: Json | undefined): string | undefined {
  const ref = own(schema, '$ref');
  if (typeof ref !== 'string') return undefined;
  const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Reads a question's schema (and ui entry) as a kind. */
export function kindOf(schema: Json | undefined, ui: Json | undefined): ReadKind {
  if (!isObject(schema)) return 'other';
  if (blockName(schema) !== undefined) return 'block';
  const widget = own(ui, 'ui:widget');
  const type = typeOf(schema);
  const format = own(schema, 'format');
  switch (type) {
    case 'object':
      return 'section';
    case 'array': {
      const items = own(schema, 'items');
      if (hasChoices(items) && own(schema, 'uniqueItems') === true) return 'severalChoices';
      if (isObject(items) && (typeOf(items) === 'object' || blockName(items) !== undefined))
        return 'group';
      if (format === 'data-url' || widget === 'file' || widget === 'files') return 'file';
      return 'other';
    }
    case 'boolean':
      return own(schema, 'const') === true ? 'consent' : 'yesNo';
    case 'number':
      return hasChoices(schema) ? 'oneChoice' : 'number';
    case 'integer':
      return hasChoices(schema) ? 'oneChoice' : 'wholeNumber';
    case 'string':
      if (hasChoices(schema)) return 'oneChoice';
      if (format === 'data-url' || widget === 'file' || widget === 'files') return 'file';
      if (format === 'email' || widget === 'email') return 'email';
      if (format === 'date') return 'date';
      if (format === 'time') return 'time';
      if (own(schema, 'pattern') === POSTAL_CODE_PATTERN) return 'postalCode';
      if (widget === 'tel' || widget === 'phone') return 'phone';
      if (widget === 'textarea' || widget === 'TextareaWidget') return 'longText';
      return format === undefined ? 'shortText' : 'other';
    default:
      return 'other';
  }
}

/** The schema and ui entry a new question of a kind starts with. */
export function newQuestion(
  kind: QuestionKind,
  title: string,
): { schema: JsonObject; ui?: JsonObject } {
  switch (kind) {
    case 'shortText':
      return { schema: { type: 'string', maxLength: 200, title } };
    case 'longText':
      return {
        schema: { type: 'string', maxLength: 2000, title },
        ui: { 'ui:widget': 'textarea' },
      };
    case 'number':
      return { schema: { type: 'number', title } };
    case 'wholeNumber':
      return { schema: { type: 'integer', title } };
    case 'date':
      return { schema: { type: 'string', format: 'date', title } };
    case 'time':
      return { schema: { type: 'string', format: 'time', title } };
    case 'yesNo':
      return { schema: { type: 'boolean', title } };
    case 'consent':
      return { schema: { type: 'boolean', const: true, title } };
    case 'oneChoice':
      return {
        schema: { type: 'string', title, oneOf: [{ const: 'a', title: 'A' }] },
        ui: { 'ui:widget': 'radio' },
      };
    case 'severalChoices':
      return {
        schema: {
          type: 'array',
          title,
          uniqueItems: true,
          items: { type: 'string', oneOf: [{ const: 'a', title: 'A' }] },
        },
        ui: { 'ui:widget': 'checkboxes' },
      };
    case 'email':
      return {
        schema: { type: 'string', format: 'email', maxLength: 254, title },
        ui: { 'ui:autocomplete': 'email' },
      };
    case 'phone':
      return {
        schema: { type: 'string', pattern: PHONE_PATTERN, title },
        ui: { 'ui:widget': 'tel', 'ui:autocomplete': 'tel' },
      };
    case 'postalCode':
      return {
        schema: { type: 'string', pattern: POSTAL_CODE_PATTERN, title },
        ui: {
          'ui:autocomplete': 'postal-code',
          'ui:options': { errorMessages: { pattern: 'Bitte geben Sie fünf Ziffern ein.' } },
        },
      };
    case 'file':
      return {
        schema: { type: 'string', format: 'data-url', title },
        ui: {
          'ui:widget': 'file',
          'ui:options': { accept: '.pdf,image/*', maxSize: 5_000_000 },
        },
      };
    case 'group':
      return {
        schema: {
          type: 'array',
          title,
          maxItems: 10,
          items: { type: 'object', title, additionalProperties: false, properties: {} },
        },
      };
    case 'section':
      return { schema: { type: 'object', title, properties: {} } };
    case 'person':
    case 'address':
      return { schema: { $ref: `#/$defs/${kind}` } };
  }
}

/** Keywords of the limits an author sets, by kind. */
export function limitsOf(kind: ReadKind): string[] {
  switch (kind) {
    case 'shortText':
    case 'longText':
    case 'email':
      return ['minLength', 'maxLength'];
    case 'number':
    case 'wholeNumber':
      return ['minimum', 'maximum'];
    case 'group':
    case 'severalChoices':
      return ['minItems', 'maxItems'];
    default:
      return [];
  }
}
