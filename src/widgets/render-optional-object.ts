/**
 * Optional objects below the top level (and recursive ones) that have no data: one "Add …"
 * button in their place, which fills in their defaults, opens them, moves focus to their first
 * control and says so. An open one gets "Remove …", which takes its data out again. This keeps
 * the work of a large or recursive definition to what the person asked for (field-limit.ts).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import type { Field, ObjectField } from '../model/field.js';
import type { SchemaAt } from '../model/schema-resolver.js';
import type { JsonValue } from '../model/types.js';
import { controlId, renderHint, type RenderContext } from './render-field.js';

/** What opening and closing parts of the form needs of the element. */
export interface ObjectHost {
  /** The shadow root that holds the controls (focus moves inside it). */
  readonly root: ParentNode;
  /** Sets the value at `pointer` (`undefined` takes it out), as the person entering it. */
  setValue(pointer: string, value: JsonValue | undefined): void;
  /** The value a part starts with when the person asks for it (its defaults; see new-value.ts). */
  newValue(at: SchemaAt): JsonValue | undefined;
  /** Runs `action` once the next rendering is done. */
  afterUpdate(action: () => void): void;
  /** Says `text` through the live region. */
  announce(text: string): void;
}

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** Focuses the first control inside the field at `pointer` (or the field itself). */
export function focusInside(host: ObjectHost, pointer: string, selector = FOCUSABLE): void {
  const container = host.root.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(pointer)}"]`);
  (container?.querySelector<HTMLElement>(selector) ?? container)?.focus();
}

function expand(host: ObjectHost, field: ObjectField, title: string): void {
  if (!field.expand) return;
  host.setValue(field.pointer, host.newValue(field.expand));
  host.afterUpdate(() => focusInside(host, field.pointer));
  host.announce(msg(str`${title} added.`));
}

function collapse(host: ObjectHost, field: ObjectField, title: string): void {
  host.setValue(field.pointer, undefined);
  // Focus stays where the part was: on its "Add …" button.
  host.afterUpdate(() => focusInside(host, field.pointer, '[data-action="expand"]'));
  host.announce(msg(str`${title} removed.`));
}

/** The name a part is announced and labelled by: its title, else its property name. */
function titleOf(field: Field, context: RenderContext): string {
  return shownTitle(field, context).text;
}

/** The title with its language (a fallback in the source language has the source's). */
function shownTitle(field: Field, context: RenderContext): { text: string; lang?: string } {
  const label = context.text.get(field.label);
  return label.text ? label : { text: field.pointer.slice(field.pointer.lastIndexOf('/') + 1) };
}

/** Stands for the title in a localized wording, so that the title can be marked with its `lang`. */
const TITLE_SLOT = '\u0000';

/** "Add {title}" and "Remove {title}" with {@link TITLE_SLOT} for the title. */
function addWording(title = TITLE_SLOT): string {
  return msg(str`Add ${title}`);
}

function removeWording(title = TITLE_SLOT): string {
  return msg(str`Remove ${title}`);
}

/**
 * `wording` (a localized "Add {title}", with {@link TITLE_SLOT} for the title) with the title
 * marked with its language: a fallback title in the source language is read in that language.
 */
function withTitle(wording: string, title: { text: string; lang?: string }) {
  const at = wording.indexOf(TITLE_SLOT);
  if (at < 0) return wording;
  return html`${wording.slice(0, at)}<span lang=${title.lang ?? nothing}>${title.text}</span
    >${wording.slice(at + TITLE_SLOT.length)}`;
}

/** "Add <title>" in the place of an object without data. */
export function renderCollapsed(field: ObjectField, context: RenderContext): TemplateResult {
  const title = titleOf(field, context);
  const id = controlId(field.pointer);
  const hintId = `${id}-hint`;
  const hint = field.readOnly || field.disabled ? nothing : renderHint(field, context, hintId);
  return html`<div class="field collapsed" part="field collapsed" data-pointer=${field.pointer}>
    <button
      type="button"
      part="button add"
      class="add"
      data-action="expand"
      id=${id}
      aria-describedby=${hint === nothing ? nothing : hintId}
      ?disabled=${field.readOnly || field.disabled}
      @click=${() => expand(context.objects, field, title)}
    >
      ${withTitle(addWording(), shownTitle(field, context))}
    </button>
    ${hint}
  </div>`;
}

/** "Remove <title>" inside an open optional object. */
export function renderRemove(field: ObjectField, context: RenderContext): TemplateResult {
  const title = titleOf(field, context);
  return html`<button
    type="button"
    part="button remove"
    data-action="collapse"
    @click=${() => collapse(context.objects, field, title)}
  >
    ${withTitle(removeWording(), shownTitle(field, context))}
  </button>`;
}
