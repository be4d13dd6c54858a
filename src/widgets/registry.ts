/**
 * The widget registry: one render function per widget name. Built-in widgets register
 * themselves here; embedders add their own with {@link registerWidget}.
 */
import { html, type TemplateResult } from 'lit/html.js';
import type { LazyModule } from '../internal/lazy-module.js';
import type { ShownText } from '../i18n/form-text.js';
import type { Choice, Field } from '../model/field.js';
import type { JsonValue } from '../model/types.js';

/** Everything a widget needs to render one control and report changes. */
export interface WidgetContext {
  /** The field (schema, ui, choices, …) from the form model. */
  field: Field;
  /** The id the control must carry (the label's `for` points at it). */
  id: string;
  /** The control's `name`: the JSON Pointer of the value. */
  name: string;
  /** The current value. */
  value: JsonValue | undefined;
  /** Space-separated ids of the hint and error message, for `aria-describedby`. */
  describedBy: string | undefined;
  /** Id of the error message element, when an error is shown. */
  errorId: string | undefined;
  /** Whether an error is shown for this value. */
  invalid: boolean;
  required: boolean;
  disabled: boolean;
  readOnly: boolean;
  /** The HTML autocomplete token from `ui:autocomplete`, if any. */
  autocomplete: string | undefined;
  placeholder: ShownText | undefined;
  /** The current locale (BCP 47). */
  locale: string;
  /** A choice's label in the current locale. */
  choiceLabel(choice: Choice): ShownText;
  /** Report a new value typed or chosen by the person (`undefined` clears it). */
  setValue(value: JsonValue | undefined): void;
  /**
   * Report that the person left the control (errors show from then on). The form does this by
   * itself when focus leaves a control whose `name` is the field's pointer; a widget whose
   * controls have other names calls it.
   */
  touch(): void;
  /**
   * Text typed into the control that is not (yet) a valid value, such as "1," in a number field:
   * kept by the form so that re-rendering never wipes what the person typed.
   */
  rawText: string | undefined;
  /** Keep (or, with `undefined`, forget) such text. */
  setRawText(text: string | undefined): void;
  /** Report a problem found before the value exists (a file too large, a number that is not one). */
  setLocalError(message: string | undefined): void;
  /** Report input still on its way (a file being read): sending waits for it. */
  reading(work: Promise<unknown>): void;
}

/** Renders one widget. */
export type WidgetRender = (context: WidgetContext) => TemplateResult;

/** How the surrounding label is drawn. */
export interface WidgetOptions {
  /**
   * `label` (default): a `<label for>` above the control. `group`: a `<fieldset>` with a
   * `<legend>` around several controls (radio buttons, checkboxes). `inline`: the widget draws its
   * own label (a single checkbox). `none`: no label at all (hidden fields).
   */
  labelling?: 'label' | 'group' | 'inline' | 'none';
}

interface Registration {
  render: WidgetRender;
  options: Required<WidgetOptions>;
}

const widgets = new Map<string, Registration>();
/** Widgets whose code is a chunk of its own: the module registers them when it arrives. */
const lazyWidgets = new Map<string, LazyModule<unknown>>();
let version = 0;

/**
 * Registers a widget under `name`, so that `"ui:widget": name` uses it. A later registration of
 * the same name replaces the earlier one (so an embedder can restyle a built-in widget).
 *
 * @example
 * registerWidget('stars', (c) => html`<input id=${c.id} name=${c.name} type="range" min="1" max="5"
 *   .value=${String(c.value ?? 3)} @input=${(e) => c.setValue(Number(e.target.value))}>`);
 */
export function registerWidget(
  name: string,
  render: WidgetRender,
  options: WidgetOptions = {},
): void {
  widgets.set(name, { render, options: { labelling: options.labelling ?? 'label' } });
  version++;
}

/** A number that changes with every registration (fields built before it are built again). */
export function widgetsVersion(): number {
  return version;
}

/**
 * Registers a built-in widget that arrives in a chunk of its own, unless an embedder has already
 * registered their own under that name (theirs wins, as it would had they registered it later).
 */
export function registerBuiltInWidget(
  name: string,
  render: WidgetRender,
  options: WidgetOptions = {},
): void {
  if (!widgets.has(name)) registerWidget(name, render, options);
}

/**
 * Names a built-in widget whose code arrives on first use: `module` registers it under `name`.
 * Until then it counts as existing, and renders nothing while its code loads.
 */
export function registerLazyWidget(name: string, module: LazyModule<unknown>): void {
  lazyWidgets.set(name, module);
}

/** Loads the lazy widgets among `names` that have not arrived yet. */
export async function loadWidgets(names: Iterable<string>): Promise<void> {
  const modules = new Set<LazyModule<unknown>>();
  for (const name of names) {
    const module = lazyWidgets.get(name);
    if (module && !widgets.has(name)) modules.add(module);
  }
  await Promise.all([...modules].map((module) => module.load()));
}

/** The registration of a widget, if any. */
export function getWidget(name: string): Registration | undefined {
  const registration = widgets.get(name);
  if (registration) return registration;
  const module = lazyWidgets.get(name);
  if (!module) return undefined;
  module.load().catch(() => undefined);
  return LOADING;
}

/** Stands in for a lazy widget while its code loads (a moment: forms load them before showing). */
const LOADING: Registration = { render: () => html``, options: { labelling: 'none' } };

/** Whether a widget of that name exists. */
export function hasWidget(name: string): boolean {
  return widgets.has(name) || lazyWidgets.has(name);
}
