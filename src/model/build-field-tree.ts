/**
 * Walks schema + ui + value into the field tree that the element renders.
 */
import { chooseWidget, primaryType } from './choose-widget.js';
import type { Field, ObjectField, Text } from './field.js';
import { getChoices } from './get-choices.js';
import { appendPointer, parsePointer } from './json-pointer.js';
import { orderProperties } from './order-properties.js';
import type { ConditionalSchema } from './apply-conditions.js';
import type { ConditionLogic } from './condition-logic.js';
import type { Alternatives } from './select-alternative.js';
import type { ResolvedSchema, SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { JsonValue, Schema, UiSchema } from './types.js';
import { getOwn, isPlainObject } from './own.js';
import type { ListModel } from './array-model.js';
import {
  ControlBudget,
  MAX_CONTROLS,
  pointerDepth,
  startsCollapsed,
  tooManyControls,
} from './field-limit.js';
import type { MapModel } from './map-model.js';

/** What the walk needs besides the schema. */
export interface TreeContext {
  resolver: SchemaResolver;
  /** The whole uiSchema (`ui` of the definition). */
  ui: UiSchema;
  /** Whether a widget of that name exists (built in or registered). */
  hasWidget: (name: string) => boolean;
  /**
   * Decides `if` conditions and object alternatives against the data (see `condition-logic.ts`,
   * loaded only for schemas that have them). Without it, conditional parts and alternatives are
   * left out.
   */
  conditions?: ConditionLogic;
  /**
   * The model of lists (array-model.ts, loaded only for schemas that have lists). Without it, a
   * list's value is kept as it is and not shown.
   */
  lists?: ListModel;
  /**
   * The model of maps (map-model.ts, loaded only for schemas that have them). Without it, entries
   * under names `properties` does not list are kept and not shown.
   */
  maps?: MapModel;
  /** Counts the controls built; throws the definition error beyond the limit (field-limit.ts). */
  budget?: ControlBudget;
  /** The alternative the person picked for the object at `pointer` (when no discriminator tells). */
  chosenAlternative?: (pointer: string) => number | undefined;
  /**
   * Changes whenever a widget is registered: fields built under another version are not reused
   * (their widget may be another one now).
   */
  widgetsVersion?: number;
}

export interface Position {
  at: SchemaAt;
  pointer: string;
  name: string;
  ui: UiSchema;
  uiLocation: string;
  value: JsonValue | undefined;
  required: boolean;
  parentDisabled: boolean;
  parentReadOnly: boolean;
  refTargets: readonly string[];
  /** A map's entry: labelled with its name (the person's), not with its schema's title. */
  entry?: boolean;
}

/** One empty uiSchema for every field without one, so that rebuilt positions compare equal. */
const NO_UI: UiSchema = Object.freeze({}) as UiSchema;

export function asUi(value: unknown): UiSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as UiSchema)
    : NO_UI;
}

/** `ui:options` merged with top-level `ui:` keys, as react-jsonschema-form reads them. */
export function getUiOptions(ui: UiSchema): Record<string, unknown> {
  const options: Record<string, unknown> = { ...asUi(ui['ui:options']) };
  for (const [key, value] of Object.entries(ui)) {
    if (key.startsWith('ui:') && key !== 'ui:options') options[key.slice(3)] = value;
  }
  return options;
}

function uiText(ui: UiSchema, uiLocation: string, key: string): Text | undefined {
  const value = ui[key];
  return typeof value === 'string'
    ? { text: value, key: appendPointer(uiLocation, key) }
    : undefined;
}

function schemaText(resolved: ResolvedSchema, keyword: 'title' | 'description'): Text | undefined {
  const value = resolved.schema[keyword];
  return typeof value === 'string'
    ? { text: value, key: `${resolved.origins[keyword]}/${keyword}` }
    : undefined;
}

/**
 * What a field was built from. A field of the previous tree whose inputs are all the same (the
 * same objects: data and schema are never changed in place) is reused as it is, so that a change
 * rebuilds only the fields on its path. Kept beside the field, not in it, so that the tree stays
 * plain data.
 */
interface BuiltFrom {
  schema: Schema;
  location: string;
  value: JsonValue | undefined;
  ui: UiSchema;
  uiLocation: string;
  name: string;
  required: boolean;
  parentDisabled: boolean;
  parentReadOnly: boolean;
  refTargets: readonly string[];
  chosen: number | undefined;
  widgetsVersion: number | undefined;
  entry: boolean | undefined;
}

const builtFrom = new WeakMap<Field, BuiltFrom>();

/** The controls of a field and everything below it (counted against `MAX_CONTROLS`). */
const sizes = new WeakMap<Field, number>();

/** The controls the field tree `field` shows (questions, lists, "Add …" buttons). */
export function controlCount(field: Field): number {
  return sizes.get(field) ?? 0;
}

/** Whether a field is a control of its own (a group of fields is not). */
function isControl(field: Field): boolean {
  return field.kind !== 'object' || field.collapsed === true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function reusable(field: Field | undefined, from: BuiltFrom): field is Field {
  const before = field && builtFrom.get(field);
  return (
    before !== undefined &&
    before.value === from.value &&
    before.schema === from.schema &&
    before.location === from.location &&
    before.ui === from.ui &&
    before.uiLocation === from.uiLocation &&
    before.name === from.name &&
    before.required === from.required &&
    before.parentDisabled === from.parentDisabled &&
    before.parentReadOnly === from.parentReadOnly &&
    before.chosen === from.chosen &&
    before.widgetsVersion === from.widgetsVersion &&
    before.entry === from.entry &&
    sameList(before.refTargets, from.refTargets)
  );
}

/**
 * Builds the field tree of the whole form for the current value. With the tree built for an
 * earlier value (of the same definition), every field whose value and position did not change is
 * taken over unchanged: a keystroke in one field of a thousand rebuilds that field and its
 * ancestors only, and the untouched fields keep their identity (which rendering relies on).
 */
export function buildFieldTree(
  context: TreeContext,
  value: JsonValue | undefined,
  previous?: Field,
): Field {
  // A build of its own counts from nothing (the budget stops it early when the form is too large).
  context = { ...context, budget: new ControlBudget() };
  const field = buildField(
    context,
    {
      at: context.resolver.rootAt(),
      pointer: '',
      name: '',
      ui: context.ui,
      uiLocation: '/ui',
      value,
      required: false,
      parentDisabled: false,
      parentReadOnly: false,
      // The root counts as expanded: a `$ref: "#"` below it is recursion, and stops where the
      // data ends, just like a recursive `$ref` into `$defs`.
      refTargets: [context.resolver.rootLocation],
    },
    previous,
  );
  return field ?? emptyObject(context);
}

function emptyObject(context: TreeContext): ObjectField {
  return {
    kind: 'object',
    pointer: '',
    schema: context.resolver.root,
    ui: context.ui,
    uiLocation: '/ui',
    label: { text: '' },
    showLabel: false,
    required: false,
    readOnly: false,
    disabled: false,
    widget: 'object',
    value: undefined,
    children: [],
  };
}

export function buildField(
  context: TreeContext,
  position: Position,
  previous: Field | undefined,
): Field | undefined {
  const from: BuiltFrom = {
    schema: position.at.schema,
    location: position.at.location,
    value: position.value,
    ui: position.ui,
    uiLocation: position.uiLocation,
    name: position.name,
    required: position.required,
    parentDisabled: position.parentDisabled,
    parentReadOnly: position.parentReadOnly,
    refTargets: position.refTargets,
    chosen: context.chosenAlternative?.(position.pointer),
    widgetsVersion: context.widgetsVersion,
    entry: position.entry,
  };
  const { budget } = context;
  if (reusable(previous, from)) {
    budget?.spend(position.pointer, sizes.get(previous) ?? 0);
    return previous;
  }
  const start = budget?.count ?? 0;
  const field = buildNewField(context, position, previous);
  if (field) {
    builtFrom.set(field, from);
    if (isControl(field)) budget?.spend(position.pointer);
    sizes.set(field, (budget?.count ?? 0) - start);
  }
  return field;
}

/**
 * The tree after the value at `pointer` changed (`data` is the whole new value): the fields on
 * the path to `pointer` are built again, their siblings are kept without being looked at. That
 * holds where no field on the path decides its children by the data: with conditions or
 * alternatives in the schema (`context.conditions`), and where a list changed its length, the
 * rest is built as {@link buildFieldTree} builds it. Gives the same tree as `buildFieldTree`
 * (test/model/build-field-tree.test.ts).
 */
export function updateFieldTree(
  context: TreeContext,
  tree: Field,
  data: JsonValue | undefined,
  pointer: string,
): Field {
  const counted = { ...context, budget: new ControlBudget() };
  return (
    updatePath(counted, tree, data, parsePointer(pointer), 0) ?? buildFieldTree(context, data, tree)
  );
}

function updatePath(
  context: TreeContext,
  field: Field,
  value: JsonValue | undefined,
  tokens: readonly string[],
  depth: number,
): Field | undefined {
  const from = builtFrom.get(field);
  if (!from) return undefined;
  const rebuild = () =>
    buildField(
      context,
      {
        at: { schema: from.schema, location: from.location },
        pointer: field.pointer,
        name: from.name,
        ui: from.ui,
        uiLocation: from.uiLocation,
        value,
        required: from.required,
        parentDisabled: from.parentDisabled,
        parentReadOnly: from.parentReadOnly,
        refTargets: from.refTargets,
      },
      field,
    );
  const token = tokens[depth];
  if (token === undefined || context.conditions) return rebuild();
  let children: Field[];
  let at: number;
  if (field.kind === 'object') {
    const childPointer = appendPointer(field.pointer, token);
    at = field.children.findIndex((child) => child.pointer === childPointer);
    children = field.children;
  } else if (
    field.kind === 'array' &&
    Array.isArray(value) &&
    value.length === field.items.length
  ) {
    at = ARRAY_INDEX.test(token) ? Number(token) : -1;
    children = field.items;
  } else {
    return rebuild();
  }
  // A property the tree does not show (not in the schema), or a list that changed: the field is
  // built again.
  if (at === -1 || at >= children.length) return rebuild();
  const childValue: JsonValue | undefined =
    field.kind === 'object'
      ? isPlainObject(value)
        ? getOwn(value, token)
        : undefined
      : (value as JsonValue[])[at];
  const child = updatePath(context, children[at], childValue, tokens, depth + 1);
  if (!child) return undefined;
  const replaced = children.slice();
  replaced[at] = child;
  const updated = (
    field.kind === 'object'
      ? { ...field, value, children: replaced }
      : { ...field, value, items: replaced }
  ) as Field;
  builtFrom.set(updated, { ...from, value });
  const size = controlCount(field) - controlCount(children[at]) + controlCount(child);
  sizes.set(updated, size);
  // An "Add …" that opened a large part: the limit holds after every change too.
  if (depth === 0 && size > MAX_CONTROLS) throw tooManyControls(size, field.pointer);
  return updated;
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** The children of the previous tree's field at the same pointer, by name or index. */
function previousChildren(previous: Field | undefined): Map<string, Field> | undefined {
  if (previous?.kind === 'object') {
    const map = new Map<string, Field>();
    const prefix = previous.pointer.length + 1;
    for (const child of previous.children) map.set(child.pointer.slice(prefix), child);
    return map;
  }
  return undefined;
}

function buildNewField(
  context: TreeContext,
  position: Position,
  previous: Field | undefined,
): Field | undefined {
  const resolved = context.resolver.resolve(position.at, position.refTargets);
  const { schema } = resolved;
  const { ui, uiLocation } = position;
  const type = primaryType(schema);
  const objectLike =
    type === 'object' ||
    (type === undefined &&
      (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) &&
      !getChoices(context.resolver, resolved, ui, uiLocation));
  // A schema that refers to itself would expand forever; stop where the data ends, as
  // react-jsonschema-form does (an object then shows "Add …", below).
  if (resolved.recursive && position.value === undefined && !objectLike) return undefined;
  const options = getUiOptions(ui);
  const disabled = position.parentDisabled || options.disabled === true;
  const readOnly = position.parentReadOnly || options.readonly === true || schema.readOnly === true;
  const label = position.entry
    ? { text: position.name }
    : (uiText(ui, uiLocation, 'ui:title') ??
      schemaText(resolved, 'title') ?? { text: position.name });
  const base = {
    pointer: position.pointer,
    schema,
    ui,
    uiLocation,
    label,
    showLabel: options.label !== false && label.text !== '',
    description: uiText(ui, uiLocation, 'ui:description') ?? schemaText(resolved, 'description'),
    help: uiText(ui, uiLocation, 'ui:help'),
    placeholder: uiText(ui, uiLocation, 'ui:placeholder'),
    required: position.required,
    readOnly,
    disabled,
    value: position.value,
  };
  const child = {
    ...position,
    parentDisabled: disabled,
    parentReadOnly: readOnly,
    refTargets: resolved.refTargets,
  };

  if (objectLike) {
    const optional = !position.required && position.pointer !== '';
    if (
      position.value === undefined &&
      position.pointer !== '' &&
      startsCollapsed(position.pointer, position.required, resolved.recursive, options.collapsed)
    )
      return {
        ...base,
        kind: 'object',
        widget: 'object',
        children: [],
        collapsed: true,
        expand: position.at,
      };
    const value = isPlainObject(position.value) ? position.value : undefined;
    // Conditions and alternatives decide which properties apply to the current data.
    let active: ConditionalSchema = { ...resolved, inactiveProperties: [] };
    let alternatives: Alternatives | undefined;
    if (context.conditions)
      ({ active, alternatives } = context.conditions.activeSchema(
        context.resolver,
        resolved,
        position.value,
        context.chosenAlternative?.(position.pointer),
      ));
    const schema = active.schema;
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const names = orderProperties(
      Object.keys(schema.properties ?? {}),
      ui['ui:order'] as string[] | undefined,
    );
    const children: Field[] = [];
    const before = previousChildren(previous);
    for (const name of names) {
      const propertyUiLocation = appendPointer(uiLocation, name);
      const pointer = appendPointer(position.pointer, name);
      const built = buildField(
        context,
        {
          ...child,
          at: {
            schema: (schema.properties as Record<string, Schema>)[name],
            location: active.propertyLocations[name],
          },
          pointer,
          name,
          ui: asUi(getOwn(ui, name)),
          uiLocation: propertyUiLocation,
          value: getOwn(value, name),
          required: required.has(name),
        },
        before?.get(pointer.slice(position.pointer.length + 1)),
      );
      if (built) children.push(built);
    }
    const map = context.maps?.buildEntries(context, active, { ...child, value }, children, before);
    return {
      ...base,
      kind: 'object',
      widget: 'object',
      children,
      map,
      removable:
        optional &&
        !readOnly &&
        !disabled &&
        options.collapsed !== false &&
        (pointerDepth(position.pointer) >= 2 || options.collapsed === true || resolved.recursive),
      expand: position.at,
      inactiveProperties: active.inactiveProperties,
      alternatives:
        alternatives && alternatives.discriminator === undefined
          ? { labels: alternatives.options.map((o) => o.label), selected: alternatives.selected }
          : undefined,
    };
  }

  if (type === 'array') {
    const { lists } = context;
    if (lists) return lists.buildArray(context, position, resolved, base, child, previous);
    return { ...base, kind: 'value', type: 'string', widget: 'hidden', choices: undefined };
  }

  const valueType = (
    ['string', 'number', 'integer', 'boolean', 'null'].includes(type ?? '') ? type : 'string'
  ) as 'string' | 'number' | 'integer' | 'boolean' | 'null';
  const choices = getChoices(context.resolver, resolved, ui, uiLocation);
  const widget = chooseWidget(schema, ui, valueType, choices !== undefined, context.hasWidget);
  return { ...base, kind: 'value', type: valueType, widget, choices };
}

/** What every field has, as `buildNewField` works it out. */
export type FieldBaseProps = Omit<ObjectField, 'kind' | 'children' | 'widget'>;
