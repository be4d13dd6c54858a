/**
 * The field tree of the form state's data, kept between changes: rebuilt when data or definition
 * changed, and after one change only along the changed path (see `updateFieldTree`); with the
 * index of its fields and the data that applies, each computed once per tree.
 */
import { activeValue } from '../model/active-value.js';
import type { ListModel } from '../model/array-model.js';
import type { MapModel } from '../model/map-model.js';
import { buildFieldTree, updateFieldTree, type TreeContext } from '../model/build-field-tree.js';
import type { ConditionLogic } from '../model/condition-logic.js';
import type { Field } from '../model/field.js';
import type { SchemaResolver } from '../model/schema-resolver.js';
import type { JsonValue, UiSchema } from '../model/types.js';

/** What the tree is built from besides the data. */
export interface TreeInputs {
  resolver: SchemaResolver;
  ui: UiSchema;
  conditions?: ConditionLogic;
  lists?: ListModel;
  maps?: MapModel;
  chosenAlternative(pointer: string): number | undefined;
  hasWidget(name: string): boolean;
  widgetsVersion(): number;
}

/** Every field by its pointer, in the order people read them. */
function indexFields(root: Field): Map<string, Field> {
  const index = new Map<string, Field>();
  const visit = (field: Field) => {
    index.set(field.pointer, field);
    const children =
      field.kind === 'object' ? field.children : field.kind === 'array' ? field.items : [];
    for (const child of children) visit(child);
  };
  visit(root);
  return index;
}

export class FieldTree {
  #cache?: { data: JsonValue | undefined; resolver: SchemaResolver; widgets: number; tree: Field };
  /** Set when something besides the data decides the tree (an alternative picked). */
  #stale = false;
  #index?: { tree: Field; fields: Map<string, Field> };
  #active?: { tree: Field; value: JsonValue | undefined };

  /** `inputs` gives what the tree is built from, or `undefined` before a definition is loaded. */
  constructor(private readonly inputs: () => TreeInputs | undefined) {}

  /** Something besides the data decides the tree now (an alternative was picked). */
  invalidate(): void {
    this.#stale = true;
  }

  /** The tree last built, if any (a cache key for what is derived from it). */
  get current(): Field | undefined {
    return this.#cache?.tree;
  }

  /** The field tree for `data`. */
  tree(data: JsonValue | undefined): Field | undefined {
    const inputs = this.inputs();
    if (!inputs) return undefined;
    const cache = this.#cache;
    if (this.#fits(inputs, data)) return cache!.tree;
    const widgets = inputs.widgetsVersion();
    const tree = buildFieldTree(
      this.#context(inputs, widgets),
      data,
      cache?.resolver === inputs.resolver ? cache.tree : undefined,
    );
    this.#set(inputs, data, tree, widgets);
    return tree;
  }

  /** After one change at `pointer` (from `before` to `data`): only the fields on its path built again. */
  advance(before: JsonValue | undefined, data: JsonValue | undefined, pointer: string): void {
    const inputs = this.inputs();
    if (!inputs || !this.#fits(inputs, before)) return;
    const widgets = inputs.widgetsVersion();
    const tree = updateFieldTree(this.#context(inputs, widgets), this.#cache!.tree, data, pointer);
    this.#set(inputs, data, tree, widgets);
  }

  /**
   * Every field of the tree for `data` by its pointer, in form order. Indexed when asked for,
   * not on every change: typing does not need it.
   */
  fields(data: JsonValue | undefined): Map<string, Field> {
    const tree = this.tree(data);
    if (!tree) return new Map();
    if (this.#index?.tree !== tree) this.#index = { tree, fields: indexFields(tree) };
    return this.#index.fields;
  }

  /** The data of the questions that apply (see `activeValue`). */
  activeData(data: JsonValue | undefined): JsonValue | undefined {
    const tree = this.tree(data);
    if (!tree) return data;
    // Asked for twice on every change (validation, then the intake-change value): computed once
    // per tree, which is rebuilt whenever the data changes.
    if (this.#active?.tree !== tree) this.#active = { tree, value: activeValue(tree, data) };
    return this.#active.value;
  }

  /** Whether the cached tree was built for `data` and nothing else changed since. */
  #fits(inputs: TreeInputs, data: JsonValue | undefined): boolean {
    const cache = this.#cache;
    return (
      cache !== undefined &&
      cache.resolver === inputs.resolver &&
      !this.#stale &&
      cache.data === data &&
      cache.widgets === inputs.widgetsVersion()
    );
  }

  #context(inputs: TreeInputs, widgets: number): TreeContext {
    return {
      resolver: inputs.resolver,
      ui: inputs.ui,
      hasWidget: inputs.hasWidget,
      conditions: inputs.conditions,
      lists: inputs.lists,
      maps: inputs.maps,
      chosenAlternative: inputs.chosenAlternative,
      widgetsVersion: widgets,
    };
  }

  #set(inputs: TreeInputs, data: JsonValue | undefined, tree: Field, widgets: number): void {
    this.#stale = false;
    this.#cache = { data, resolver: inputs.resolver, widgets, tree };
  }
}
