/**
 * The field tree: what the element renders, computed from schema + ui + current value.
 */
import type { SchemaAt } from './schema-resolver.js';
import type { JsonValue, SchemaObject, UiSchema } from './types.js';

/** A piece of form text and where it was written in the definition (its translation key). */
export interface Text {
  text: string;
  /** JSON Pointer into the definition document; `undefined` for generated text (property names). */
  key?: string;
}

/** One option of a choice list. */
export interface Choice {
  value: JsonValue;
  label: Text;
}

interface FieldBase {
  /** JSON Pointer of the value this field edits (also the control's `name`). */
  pointer: string;
  /** The resolved schema. */
  schema: SchemaObject;
  /** The field's uiSchema node and its location (`/ui/address/city`). */
  ui: UiSchema;
  uiLocation: string;
  label: Text;
  /** Whether the label is shown (`ui:options.label: false` hides it visually, not from AT). */
  showLabel: boolean;
  description?: Text;
  help?: Text;
  placeholder?: Text;
  required: boolean;
  readOnly: boolean;
  disabled: boolean;
  /** The widget that renders it (`text`, `select`, `checkboxes`, …, or a registered name). */
  widget: string;
  /** Current value at `pointer`. */
  value: JsonValue | undefined;
}

/** A string, number, integer, boolean or null value. */
export interface ValueField extends FieldBase {
  kind: 'value';
  type: 'string' | 'number' | 'integer' | 'boolean' | 'null';
  choices?: Choice[];
}

/** An object: rendered as a fieldset with a legend. */
export interface ObjectField extends FieldBase {
  kind: 'object';
  children: Field[];
  /** Properties that only parts not applying now declare: their data is kept but not submitted. */
  inactiveProperties?: string[];
  /** Object alternatives without a discriminator: the person picks one. */
  alternatives?: { labels: Text[]; selected: number };
  /**
   * An optional (or recursive) object without data, shown as "Add …" until the person asks for
   * it (see `startsCollapsed` in field-limit.ts); it then gets `expand`'s defaults.
   */
  collapsed?: boolean;
  /** An optional object below the top level that has data: "Remove …" collapses it again. */
  removable?: boolean;
  /** The schema "Add …" fills in. Expanded once even where it is the recursive one above it. */
  expand?: SchemaAt;
  /** Entries under names that `properties` does not list (a map; see map-model.ts). */
  map?: MapInfo;
}

/** The part of an object that is a map (`additionalProperties`, `patternProperties`). */
export interface MapInfo {
  /** Index in `children` of the first entry: the listed properties come before. */
  firstEntry: number;
  /** The schema of an entry whose name matches a pattern (`patternProperties`, in order). */
  patterns: { pattern: string; at: SchemaAt }[];
  /** The schema of an entry under any other name (`additionalProperties`); none: not allowed. */
  other?: SchemaAt;
  /** Names the object's `properties` list: no entry can take them. */
  fixed: string[];
  /** The resolved `propertyNames` schema, if any. */
  propertyNames?: SchemaObject;
  canAdd: boolean;
  canRemove: boolean;
}

/** An array of items the person can add, remove and reorder. */
export interface ArrayField extends FieldBase {
  kind: 'array';
  items: Field[];
  minItems: number;
  maxItems: number;
  canAdd: boolean;
  canRemove: boolean;
  orderable: boolean;
  /** Number of leading items that are fixed (tuples) and cannot be removed or moved. */
  fixedItems: number;
  /** The schema a newly added item follows. */
  newItem?: SchemaAt;
  /**
   * `$ref` targets to count as already expanded when computing a new item's defaults (passed to
   * `computeDefaults`). Empty: a new item is always expanded once, even in a recursive schema.
   */
  refTargets: readonly string[];
}

/** An array of distinct choices (checkbox group or multiple select). */
export interface MultiChoiceField extends FieldBase {
  kind: 'multi-choice';
  choices: Choice[];
}

/** An array of files (`format: data-url` items). */
export interface FilesField extends FieldBase {
  kind: 'files';
}

export type Field = ValueField | ObjectField | ArrayField | MultiChoiceField | FilesField;
