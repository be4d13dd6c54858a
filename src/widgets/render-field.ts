/**
 * Renders the field tree: objects as fieldsets, arrays as lists with add / remove / move, and
 * values through their widget inside a label, hint and error message.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { attributes } from './attributes.js';
import { msg, str } from '@lit/localize';
import type { FormText, ShownText } from '../i18n/form-text.js';
import type { ArrayField, Choice, Field, ObjectField } from '../model/field.js';
import type { JsonValue } from '../model/types.js';
import { topLevelName } from '../model/json-pointer.js';
import { moduleArrivals } from '../internal/lazy-module.js';
import { lazyParts } from '../internal/lazy-parts.js';
import { getWidget, type WidgetContext } from './registry.js';
import type { ArrayHost } from './render-array.js';
import type { ObjectHost } from './render-optional-object.js';
import { renderText } from './render-text.js';
import { formatNumber } from '../i18n/format-number.js';
import { FIELDS_PER_GROUP } from '../form/progressive.js';

/** What rendering needs from the element. */
export interface RenderContext {
  text: FormText;
  locale: string;
  /** The locale the library's own strings are loaded in (they may follow `locale` later). */
  stringsLocale: string;
  /**
   * Everything a top-level property's rendering shows besides its fields (shown errors, typed
   * text), as one string: a group whose field and signature did not change is not rendered again.
   */
  groupSignature(name: string): string | undefined;
  /** The error message shown for a value, if any. */
  shownError(pointer: string): string | undefined;
  setValue(pointer: string, value: JsonValue | undefined): void;
  touch(pointer: string): void;
  setLocalError(pointer: string, message: string | undefined): void;
  /** Input still on its way (a file being read): sending waits for it. */
  reading(work: Promise<unknown>): void;
  rawText(pointer: string): string | undefined;
  setRawText(pointer: string, text: string | undefined): void;
  chooseAlternative(pointer: string, index: number): void;
  /** What editing lists needs of the form. */
  arrays: ArrayHost;
  /** What opening optional objects and editing maps needs of the form. */
  objects: ObjectHost;
}

const ids = new Map<string, string>();

/** The id of the control that edits `pointer` (unique inside the form's shadow root). */
export function controlId(pointer: string): string {
  let id = ids.get(pointer);
  if (id === undefined) {
    id = `f${pointer.replace(/[^A-Za-z0-9_-]/g, (c) => `.${c.charCodeAt(0).toString(16)}.`).replace(/\./g, '_')}`;
    // Kept for the fields of the forms on the page; a page that shows many forms in turn starts
    // afresh now and then.
    if (ids.size > 50_000) ids.clear();
    ids.set(pointer, id);
  }
  return id;
}

function shown(context: RenderContext, text: Field['label']) {
  return context.text.get(text);
}

/** " (optional)" after the label of a question that need not be answered. */
export function optionalMark(field: Field): TemplateResult | typeof nothing {
  return field.required || field.readOnly
    ? nothing
    : html` <span class="optional" part="optional">${msg('(optional)')}</span>`;
}

/** "Enter a number from 1 to 10." for number fields, so the limits are known before typing. */
function numberLimits(field: Field, locale: string): string | undefined {
  if (field.kind !== 'value' || field.widget !== 'number') return undefined;
  const { minimum, maximum } = field.schema;
  const format = (n: number) => formatNumber(n, locale, 'min2');
  if (typeof minimum === 'number' && typeof maximum === 'number') {
    return msg(str`Enter a number from ${format(minimum)} to ${format(maximum)}.`);
  }
  if (typeof minimum === 'number') return msg(str`Enter a number of at least ${format(minimum)}.`);
  if (typeof maximum === 'number') return msg(str`Enter a number of at most ${format(maximum)}.`);
  return undefined;
}

/** A label's text with " (optional)" where the question need not be answered. */
function labelText(field: Field, label: ShownText): TemplateResult | string {
  const mark = optionalMark(field);
  return mark === nothing ? label.text : html`${label.text}${mark}`;
}

/**
 * Hint and error message together, through one binding (a form may have a thousand of them).
 */
function hintAndError(
  hint: TemplateResult | typeof nothing,
  error: TemplateResult | typeof nothing,
): TemplateResult | typeof nothing {
  if (hint === nothing) return error;
  return error === nothing ? hint : html`${hint} ${error}`;
}

/** A question's description, help text and number limits, as one hint. */
export function renderHint(
  field: Field,
  context: RenderContext,
  id: string,
): TemplateResult | typeof nothing {
  const limits = numberLimits(field, context.locale);
  if (!field.description && !field.help && !limits) return nothing;
  const description = field.description ? shown(context, field.description) : undefined;
  const help = field.help ? shown(context, field.help) : undefined;
  return html`<div class="hint" part="hint" id=${id}>
    ${description ? html`<div lang=${description.lang}>${renderText(description.text)}</div>` : nothing}
    ${help ? html`<div class="help" lang=${help.lang}>${renderText(help.text)}</div>` : nothing}
    ${limits ? html`<span class="help limits">${limits}</span>` : nothing}
  </div>`;
}

/** A question's error message (with "Error:" for screen readers). */
export function renderError(
  id: string,
  message: string | undefined,
): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="error-message" part="error" id=${id}>
    <span class="visually-hidden">${msg('Error:')} </span>${message}
  </p>`;
}

/** Renders any field. `level` counts nesting, for heading levels and indentation. */
export function renderField(field: Field, context: RenderContext, level = 0): TemplateResult {
  switch (field.kind) {
    case 'object':
      return renderObject(field, context, level);
    case 'array': {
      const arrays = lazyParts.lists.module;
      if (arrays) return arrays.renderArray(field, context, level);
      // Loaded before the first render when the schema has lists; should one appear otherwise,
      // it is drawn as soon as its code has arrived.
      lazyParts.lists.load().catch(() => undefined);
      return html``;
    }
    default:
      return renderValue(field, context);
  }
}

/** A map's entries and its "Add entry" (the maps part), drawn once its code has arrived. */
function renderMap(field: ObjectField, context: RenderContext, level: number) {
  if (!field.map) return nothing;
  const maps = lazyParts.maps.module;
  if (maps) return maps.renderMapEntries(field, context, level);
  lazyParts.maps.load().catch(() => undefined);
  return nothing;
}

/**
 * The top-level fields, in templates of {@link FIELDS_PER_GROUP}: a group added to a long form
 * (progressive rendering, form/progressive.ts) is built apart and inserted at once. Chromium
 * handles form controls inserted one by one into a connected `<form>` in time that grows with
 * the form's size (200 questions into a form of 800: some 100 ms), a group at once in one step.
 * A change re-renders its own group only: the others' fields are the same objects (the field
 * tree keeps what did not change) and so are their signatures.
 */
function topLevelGroups(fields: Field[], context: RenderContext): TemplateResult[] {
  const groups: TemplateResult[] = [];
  for (let start = 0; start < fields.length; start += FIELDS_PER_GROUP) {
    const group = fields
      .slice(start, start + FIELDS_PER_GROUP)
      .map((child) =>
        guard(
          [
            child,
            context.text,
            context.stringsLocale,
            moduleArrivals(),
            context.groupSignature(topLevelName(child.pointer)),
          ],
          () => renderField(child, context, 1),
        ),
      );
    groups.push(html`${group}`);
  }
  return groups;
}

function renderObject(field: ObjectField, context: RenderContext, level: number): TemplateResult {
  // "Add …" and "Remove …" (a lazy part, loaded before the form shows when it has them).
  const optional = lazyParts.optionalObjects.module;
  if ((field.collapsed || field.removable) && !optional)
    lazyParts.optionalObjects.load().catch(() => undefined);
  if (field.collapsed) return optional ? optional.renderCollapsed(field, context) : html``;
  const properties = field.map ? field.children.slice(0, field.map.firstEntry) : field.children;
  // Asked for with the definition where its schema has alternatives (src/form/needed-parts.ts);
  // should that guess have missed them, they are drawn once their code arrives.
  if (field.alternatives && !lazyParts.alternatives.module)
    lazyParts.alternatives.load().catch(() => undefined);
  const children = [
    field.alternatives
      ? (lazyParts.alternatives.module?.renderAlternatives(field, context) ?? nothing)
      : nothing,
    ...(level === 0
      ? topLevelGroups(properties, context)
      : properties.map((child) => renderField(child, context, level + 1))),
    renderMap(field, context, level),
    field.removable && optional ? optional.renderRemove(field, context) : nothing,
  ];
  const error = context.shownError(field.pointer);
  const errorId = `${controlId(field.pointer)}-error`;
  if (level === 0) {
    return html`${renderError(errorId, error)}${children}`;
  }
  const label = shown(context, field.label);
  const hintId = `${controlId(field.pointer)}-hint`;
  return html`<fieldset
    class="group"
    part="fieldset"
    id=${controlId(field.pointer)}
    tabindex="-1"
    data-pointer=${field.pointer}
    aria-describedby=${ifDefined([field.description || field.help ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined)}
  >
    ${field.showLabel ? html`<legend part="legend" lang=${label.lang}>${label.text}${optionalMark(field)}</legend>` : nothing}
    ${renderHint(field, context, hintId)} ${renderError(errorId, error)} ${children}
  </fieldset>`;
}

type WidgetState = Pick<
  WidgetContext,
  'id' | 'describedBy' | 'errorId' | 'invalid' | 'readOnly' | 'autocomplete' | 'placeholder'
>;

/**
 * What a widget is given (see `WidgetContext`). The reporting methods live on the prototype, and
 * only `setValue` and `touch`, which widgets use as listeners, are bound per field: the form keeps
 * one of these per field while it is shown, and a form may have a thousand fields.
 */
class FieldWidgetContext implements WidgetContext {
  readonly name: string;
  readonly value: JsonValue | undefined;
  readonly required: boolean;
  readonly disabled: boolean;
  readonly locale: string;
  readonly rawText: string | undefined;
  readonly id: string;
  readonly describedBy: string | undefined;
  readonly errorId: string | undefined;
  readonly invalid: boolean;
  readonly readOnly: boolean;
  readonly autocomplete: string | undefined;
  readonly placeholder: WidgetContext['placeholder'];
  readonly setValue: (value: JsonValue | undefined) => void;
  readonly touch: () => void;

  constructor(
    readonly field: Field,
    private readonly form: RenderContext,
    state: WidgetState,
  ) {
    const { pointer } = field;
    this.name = pointer;
    this.value = field.value;
    this.required = field.required;
    this.disabled = field.disabled;
    this.locale = form.locale;
    this.rawText = form.rawText(pointer);
    this.id = state.id;
    this.describedBy = state.describedBy;
    this.errorId = state.errorId;
    this.invalid = state.invalid;
    this.readOnly = state.readOnly;
    this.autocomplete = state.autocomplete;
    this.placeholder = state.placeholder;
    this.setValue = (value) => form.setValue(pointer, value);
    this.touch = () => form.touch(pointer);
  }

  choiceLabel(choice: Choice): ShownText {
    return this.form.text.get(choice.label);
  }

  setLocalError(message: string | undefined): void {
    this.form.setLocalError(this.field.pointer, message);
  }

  reading(work: Promise<unknown>): void {
    this.form.reading(work);
  }

  setRawText(text: string | undefined): void {
    this.form.setRawText(this.field.pointer, text);
  }
}

function renderValue(
  field: Exclude<Field, ObjectField | ArrayField>,
  context: RenderContext,
): TemplateResult {
  const registration =
    getWidget(field.widget) ??
    getWidget(
      field.kind === 'multi-choice' ? 'checkboxes' : field.kind === 'files' ? 'files' : 'text',
    )!;
  const id = controlId(field.pointer);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = context.shownError(field.pointer);
  const hasHint = Boolean(field.description || field.help || numberLimits(field, context.locale));
  const describedBy =
    [hasHint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const autocomplete =
    typeof field.ui['ui:autocomplete'] === 'string' ? field.ui['ui:autocomplete'] : undefined;
  const widgetContext = new FieldWidgetContext(field, context, {
    id,
    describedBy,
    errorId: error ? errorId : undefined,
    invalid: Boolean(error),
    readOnly: field.readOnly || ('const' in field.schema && field.schema.const !== true),
    autocomplete,
    placeholder: field.placeholder ? shown(context, field.placeholder) : undefined,
  });
  const control = registration.render(widgetContext);
  const label = shown(context, field.label);
  const labelling = registration.options.labelling;
  const classes = `field${error ? ' field-error' : ''}`;
  if (labelling === 'none')
    return html`<div class="field-hidden" data-pointer=${field.pointer}>${control}</div>`;
  if (labelling === 'group') {
    return html`<fieldset
      class=${classes}
      part="field"
      data-pointer=${field.pointer}
      aria-describedby=${ifDefined(describedBy)}
    >
      <legend
        part="label legend"
        class=${field.showLabel ? '' : 'visually-hidden'}
        lang=${label.lang}
      >
        ${labelText(field, label)}
      </legend>
      ${hintAndError(renderHint(field, context, hintId), renderError(errorId, error))} ${control}
    </fieldset>`;
  }
  if (labelling === 'inline') {
    return html`<div class=${classes} part="field" data-pointer=${field.pointer}>
      ${renderError(errorId, error)} ${control} ${renderHint(field, context, hintId)}
    </div>`;
  }
  // One binding for each element's attributes: a form may have a thousand of these.
  return html`<div part="field" ${attributes({ class: classes, 'data-pointer': field.pointer })}>
    <label
      part="label"
      ${attributes({
        for: id,
        class: field.showLabel ? undefined : 'visually-hidden',
        lang: label.lang,
      })}
      >${labelText(field, label)}</label
    >
    ${hintAndError(renderHint(field, context, hintId), renderError(errorId, error))} ${control}
  </div>`;
}
