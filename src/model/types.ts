/**
 * Shared types of the form model. Plain data, no DOM.
 */

/** Any JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object value. */
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema object (draft-07 or 2020-12); boolean schemas are handled where they occur. */
export interface SchemaObject {
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  additionalItems?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  readOnly?: boolean;
  examples?: unknown[];
  [keyword: string]: unknown;
}

/** A JSON Schema: an object or `true` / `false`. */
export type Schema = SchemaObject | boolean;

/** A uiSchema node (react-jsonschema-form's keys plus intake-elements' own). */
export interface UiSchema {
  'ui:order'?: string[];
  'ui:widget'?: string;
  'ui:placeholder'?: string;
  'ui:help'?: string;
  'ui:title'?: string;
  'ui:description'?: string;
  'ui:options'?: Record<string, unknown>;
  'ui:disabled'?: boolean;
  'ui:readonly'?: boolean;
  'ui:autofocus'?: boolean;
  /** Choice labels: a list in `enum` order, or a map from value to label. */
  'ui:enumNames'?: string[] | Record<string, string>;
  'ui:autocomplete'?: string;
  [key: string]: unknown;
}

/** One step of a multi-step form (`ui:steps`). */
export interface StepDefinition {
  title: string;
  description?: string;
  fields: string[];
}

/** Pointer-keyed translations of one locale: an object, or the URL of one. */
export type LocaleTranslations = Record<string, string> | string;

/** A form definition document (see API.md). */
export interface FormDefinition {
  $schema?: string;
  id: string;
  version?: string;
  lang?: string;
  schema: SchemaObject;
  ui?: UiSchema;
  translations?: Record<string, LocaleTranslations>;
  /** Present when submissions are encrypted to the office's key (docs/security.md). */
  encryption?: EncryptionSettings;
}

/** The definition's `encryption` property (schemas/intake-definition.schema.json). */
export interface EncryptionSettings {
  /** The office's public key (JWK with `kid`); without it, it is fetched from `keyUrl`. */
  key?: Record<string, unknown>;
  /** Where the current public key is served; default: `key` beside the submission URL. */
  keyUrl?: string;
  /** JSON Pointers into the data whose answers travel in clear for routing (a town, a team). */
  routing?: string[];
}

/** A validation error in the shape of the public API. */
export interface FieldError {
  /** JSON Pointer of the offending value (for `required`: of the missing property). */
  pointer: string;
  /** The JSON Schema keyword that failed. */
  keyword: string;
  /** The keyword's parameters (limits, allowed values, …) used to word the message. */
  params: Record<string, unknown>;
}
