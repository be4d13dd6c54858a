/**
 * The model of lists (`type: "array"`): the field of a list and of its items, and a list's
 * defaults. A lazy part of its own (src/internal/parts.ts), loaded before a form whose schema
 * has lists is shown; a form without lists does not load it. The field tree and the defaults are
 * handed it explicitly (`TreeContext.lists`, `applyDefaults(…, lists)`): without it they keep a
 * list's value as it is and do not show it.
 */
import { computeDefaults, hasContent } from './apply-defaults.js';
import { shiftedPointer, withItemAdded, withItemMoved, withoutItem } from './list-operations.js';
import {
  asUi,
  buildField,
  getUiOptions,
  type FieldBaseProps,
  type Position,
  type TreeContext,
} from './build-field-tree.js';
import { WIDGET_ALIASES } from './choose-widget.js';
import type { ConditionLogic } from './condition-logic.js';
import type { ArrayField, Field } from './field.js';
import { getChoices } from './get-choices.js';
import { appendPointer } from './json-pointer.js';
import type { ResolvedSchema, SchemaAt, SchemaResolver } from './schema-resolver.js';
import type { JsonValue, Schema, SchemaObject } from './types.js';

/**
 * Where a list's schema keeps its items: a tuple (`prefixItems`, or draft-07's `items` as an
 * array) and the keyword of the items after it (`items`, or draft-07's `additionalItems`), or,
 * without a tuple, `items` for all.
 */
function listKeywords(schema: SchemaObject) {
  const prefix = Array.isArray(schema.prefixItems);
  const tuple = (
    prefix ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined
  ) as Schema[] | undefined;
  return {
    tuple,
    tupleKeyword: prefix ? 'prefixItems' : 'items',
    restKeyword: prefix || !tuple ? 'items' : 'additionalItems',
  };
}

/** The field of a list: its items' fields, or one field for a list of choices or of files. */
export function buildArray(
  context: TreeContext,
  position: Position,
  resolved: ResolvedSchema,
  base: FieldBaseProps,
  child: Position,
  previous: Field | undefined,
): Field {
  const { schema } = resolved;
  const { ui, uiLocation } = position;
  const options = getUiOptions(ui);
  const value = Array.isArray(position.value) ? position.value : [];
  const itemsLocation = appendPointer(
    resolved.origins.items ?? resolved.origins.prefixItems ?? position.at.location,
    'items',
  );
  const { tuple, tupleKeyword, restKeyword } = listKeywords(schema);
  const restSchema = tuple
    ? (schema[restKeyword] as Schema | undefined)
    : ((schema.items as Schema | undefined) ?? {});
  const restLocation = tuple
    ? appendPointer(resolved.origins[restKeyword] ?? position.at.location, restKeyword)
    : itemsLocation;
  const itemUi = asUi(ui.items);
  const itemUiLocation = appendPointer(uiLocation, 'items');

  if (!tuple && restSchema !== undefined && restSchema !== false) {
    const item = context.resolver.resolve(
      { schema: restSchema, location: itemsLocation },
      resolved.refTargets,
    );
    const choices = getChoices(context.resolver, item, itemUi, itemUiLocation);
    if (choices && (schema.uniqueItems === true || ui['ui:widget'] === 'checkboxes')) {
      const requested =
        typeof ui['ui:widget'] === 'string'
          ? (WIDGET_ALIASES[ui['ui:widget']] ?? ui['ui:widget'])
          : 'checkboxes';
      const widget =
        requested === 'select' || requested === 'checkboxes' || context.hasWidget(requested)
          ? requested
          : 'checkboxes';
      return { ...base, kind: 'multi-choice', widget, choices };
    }
    if (
      item.schema.format === 'data-url' ||
      ui['ui:widget'] === 'files' ||
      ui['ui:widget'] === 'file'
    ) {
      return { ...base, kind: 'files', widget: 'files' };
    }
  }

  const items: Field[] = [];
  const fixedItems = tuple ? tuple.length : 0;
  const count = Math.max(value.length, fixedItems);
  for (let i = 0; i < count; i++) {
    const itemSchema = tuple && i < tuple.length ? tuple[i] : restSchema;
    if (itemSchema === undefined) break;
    const at = {
      schema: itemSchema,
      location:
        tuple && i < tuple.length
          ? appendPointer(appendPointer(resolved.origins[tupleKeyword], tupleKeyword), i)
          : restLocation,
    };
    // A tuple's items take their ui from `items[i]` (a list, as react-jsonschema-form writes it,
    // or one object for all); the items after the tuple take it from `additionalItems`.
    const [uiForItem, uiForItemLocation] =
      tuple && i >= fixedItems
        ? [asUi(ui.additionalItems), appendPointer(uiLocation, 'additionalItems')]
        : tuple && Array.isArray(ui.items)
          ? [asUi((ui.items as unknown[])[i]), appendPointer(itemUiLocation, i)]
          : [itemUi, itemUiLocation];
    const built = buildField(
      context,
      {
        ...child,
        at,
        pointer: appendPointer(position.pointer, i),
        name: String(i + 1),
        ui: uiForItem,
        uiLocation: uiForItemLocation,
        value: value[i],
        required: true,
      },
      previous?.kind === 'array' ? previous.items[i] : undefined,
    );
    if (built) items.push(built);
  }
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const editable = !base.readOnly && !base.disabled;
  const arrayField: ArrayField = {
    ...base,
    kind: 'array',
    widget: 'array',
    items,
    minItems,
    maxItems,
    fixedItems,
    canAdd:
      editable &&
      options.addable !== false &&
      value.length < maxItems &&
      restSchema !== undefined &&
      restSchema !== false,
    canRemove:
      editable && options.removable !== false && value.length > Math.max(minItems, fixedItems),
    orderable: editable && options.orderable !== false,
    newItem:
      restSchema !== undefined && restSchema !== false
        ? { schema: restSchema, location: restLocation }
        : undefined,
    // A new item is one the person asked for: it is expanded (its defaults filled) even where its
    // schema is the recursive one above it; recursion inside it stops as everywhere else.
    refTargets: [],
  };
  return arrayField;
}

/**
 * A list's defaults (see apply-defaults.ts for the rules): its items' defaults, and a missing
 * list filled up to `minItems` (a tuple to its length).
 */
export function arrayDefaults(
  resolver: SchemaResolver,
  resolved: ResolvedSchema,
  fallback: JsonValue | undefined,
  data: JsonValue[] | undefined,
  required: boolean,
  nullByDefault: boolean,
  conditions: ConditionLogic | undefined,
): JsonValue | undefined {
  const { schema } = resolved;
  const items = Array.isArray(data) ? data : Array.isArray(fallback) ? fallback : undefined;
  const { tuple, tupleKeyword, restKeyword } = listKeywords(schema);
  const rest = schema[restKeyword] as Schema | undefined;
  const itemAt = (index: number): SchemaAt | undefined => {
    if (tuple && index < tuple.length) {
      return {
        schema: tuple[index],
        location: appendPointer(appendPointer(resolved.origins[tupleKeyword], tupleKeyword), index),
      };
    }
    if (rest === undefined || typeof rest === 'boolean') return undefined;
    return {
      schema: rest,
      location: appendPointer(resolved.origins[restKeyword], restKeyword),
    };
  };
  const result = (items ?? []).map((item, index) => {
    const where = itemAt(index);
    return where
      ? (computeDefaults(
          resolver,
          where,
          Array.isArray(fallback) && data !== undefined ? fallback[index] : undefined,
          item,
          resolved.refTargets,
          true,
          conditions?.within?.(String(index)) ?? conditions,
          listModel,
        ) ?? item)
      : item;
  });
  const length = Math.max(
    typeof schema.minItems === 'number' ? schema.minItems : 0,
    tuple?.length ?? 0,
  );
  const first = itemAt(0);
  const multiChoice =
    !tuple &&
    first !== undefined &&
    schema.uniqueItems === true &&
    getChoices(resolver, resolver.resolve(first), {}, '') !== undefined;
  // Given data is kept as it is (RJSF pads only arrays it creates); a missing array is filled up
  // to `minItems` (and a tuple to its length), except an array of distinct choices.
  if (multiChoice || result.length >= length || data !== undefined) {
    // Nothing to fill: an absent optional array stays absent (RJSF's Form does the same).
    if (items === undefined && !required) return nullByDefault ? null : undefined;
    return nullByDefault && !hasContent(result) ? null : result;
  }
  for (let index = result.length; index < length; index++) {
    const where = itemAt(index);
    if (!where) break;
    const computed = computeDefaults(
      resolver,
      where,
      undefined,
      undefined,
      resolved.refTargets,
      true,
      conditions?.within?.(String(index)) ?? conditions,
      listModel,
    );
    result.push(computed === undefined ? null : computed);
  }
  return result;
}

/** The model of lists, as the field tree, the defaults and the form state take it. */
export const listModel = {
  buildArray,
  arrayDefaults,
  withItemAdded,
  withoutItem,
  withItemMoved,
  shiftedPointer,
};

/** What the field tree and the defaults use of the model of lists. */
export type ListModel = typeof listModel;
