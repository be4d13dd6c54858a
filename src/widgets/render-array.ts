/**
 * Lists (arrays of objects or values): rendering with "Add entry", "Remove", "Move up" and
 * "Move down", and those edits themselves, with focus and announcements. A chunk of its own,
 * loaded for forms whose schema has arrays.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { css } from '../internal/css.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { ArrayField } from '../model/field.js';
import { appendPointer, getAtPointer } from '../model/json-pointer.js';
import type { JsonValue } from '../model/types.js';
import {
  controlId,
  optionalMark,
  renderError,
  renderField,
  renderHint,
  type RenderContext,
} from './render-field.js';
import { formatNumber } from '../i18n/format-number.js';
// The model of lists comes with their rendering: the field tree and the defaults use it from here on.
import '../model/array-model.js';

/** Styles of lists, added to the form when this chunk arrives. */
export const styles = css`
  .array-item {
    border: 1px solid var(--intake-color-border-subtle);
    border-radius: var(--intake-radius);
    padding: var(--intake-space);
    margin-block-end: var(--intake-space);
    min-inline-size: 0;
  }
  .array-item-title {
    font-weight: var(--intake-font-weight-bold);
    margin-block: 0 var(--intake-space-s);
  }
  .array-item-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--intake-space-s);
  }
`;

/** What editing a list needs of the form. */
export interface ArrayHost {
  /** Everything entered. */
  readonly data: JsonValue | undefined;
  /** The shadow root that holds the controls (focus moves inside it). */
  readonly root: ParentNode;
  /** Sets a value as if the person had entered it. */
  setValue(pointer: string, value: JsonValue | undefined): void;
  /** The value of a new entry: the defaults of its schema. */
  newItem(field: ArrayField): JsonValue | undefined;
  /** Moves per-pointer state (touched, typed text, local errors) with the entries. */
  remapPointers(map: (pointer: string) => string | undefined): void;
  /** Runs `action` once the next rendering is done. */
  afterUpdate(action: () => void): void;
  /** Says `text` through the live region. */
  announce(text: string): void;
}

function items(host: ArrayHost, field: ArrayField): JsonValue[] {
  const current = getAtPointer(host.data, field.pointer);
  return Array.isArray(current) ? (current as JsonValue[]) : [];
}

function itemElement(host: ArrayHost, pointer: string): HTMLElement | null {
  return host.root.querySelector<HTMLElement>(`[data-item="${CSS.escape(pointer)}"]`);
}

/** Focuses the first control of an entry (or of the field at `pointer`). */
function focusFirstIn(host: ArrayHost, pointer: string): void {
  const container =
    itemElement(host, pointer) ??
    host.root.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(pointer)}"]`);
  container
    ?.querySelector<HTMLElement>(
      'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])',
    )
    ?.focus();
}

/** Adds an entry with its defaults, focuses its first control and says so. */
export function addItem(host: ArrayHost, field: ArrayField): void {
  const list = items(host, field);
  const item = host.newItem(field);
  const index = list.length;
  host.setValue(field.pointer, [...list, item === undefined ? null : item]);
  const itemPointer = appendPointer(field.pointer, index);
  host.afterUpdate(() => focusFirstIn(host, itemPointer));
  host.announce(msg(str`Entry ${index + 1} added.`));
}

/**
 * Where a pointer goes when entry `removed` of the list at `arrayPointer` is taken out: the
 * entries after it move up by one; the removed entry's own pointers go (`undefined`).
 */
export function shiftedPointer(
  pointer: string,
  arrayPointer: string,
  removed: number,
): string | undefined {
  const prefix = `${arrayPointer}/`;
  if (!pointer.startsWith(prefix)) return pointer;
  const rest = pointer.slice(prefix.length);
  const slash = rest.indexOf('/');
  const index = Number(slash === -1 ? rest : rest.slice(0, slash));
  if (index === removed) return undefined;
  if (index < removed) return pointer;
  return `${prefix}${index - 1}${slash === -1 ? '' : rest.slice(slash)}`;
}

/** Removes an entry; focus goes to the entry now in its place (or the list), and it is said. */
export function removeItem(host: ArrayHost, field: ArrayField, index: number): void {
  const remaining = items(host, field).filter((_item, i) => i !== index);
  host.remapPointers((pointer) => shiftedPointer(pointer, field.pointer, index));
  host.setValue(field.pointer, remaining);
  host.afterUpdate(() => {
    const next = Math.min(index, remaining.length - 1);
    // The entry now in its place, or (the list is empty) "Add entry".
    focusFirstIn(host, next >= 0 ? appendPointer(field.pointer, next) : field.pointer);
  });
  host.announce(msg(str`Entry ${index + 1} removed.`));
}

/** Moves an entry up or down; focus stays on the button that moved it (or its counterpart). */
export function moveItem(host: ArrayHost, field: ArrayField, from: number, to: number): void {
  const list = items(host, field).slice();
  if (to < 0 || to >= list.length) return;
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved);
  host.setValue(field.pointer, list);
  const direction = to < from ? 'up' : 'down';
  host.afterUpdate(() => {
    const item = itemElement(host, appendPointer(field.pointer, to));
    const button = item?.querySelector<HTMLButtonElement>(
      `:scope > .array-item-actions [data-action="${direction}"]`,
    );
    const other = item?.querySelector<HTMLButtonElement>(
      `:scope > .array-item-actions [data-action="${direction === 'up' ? 'down' : 'up'}"]`,
    );
    (button && !button.disabled ? button : other)?.focus();
  });
  host.announce(msg(str`Entry moved to position ${to + 1}.`));
}

function itemLabel(field: ArrayField, context: RenderContext, index: number): string {
  const item = field.items[index];
  const title = item && item.label.key !== undefined ? context.text.get(item.label).text : '';
  const position = formatNumber(index + 1, context.locale);
  return title ? `${title} ${position}` : msg(str`Entry ${position}`);
}

/** Renders a list: its entries, each with "Move up", "Move down" and "Remove", and "Add entry". */
export function renderArray(
  field: ArrayField,
  context: RenderContext,
  level: number,
): TemplateResult {
  const label = context.text.get(field.label);
  const id = controlId(field.pointer);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = context.shownError(field.pointer);
  const count = field.items.length;
  return html`<fieldset
    class="group array"
    part="fieldset array"
    data-pointer=${field.pointer}
    id=${id}
    tabindex="-1"
    aria-describedby=${ifDefined([field.description || field.help ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined)}
  >
    ${field.showLabel ? html`<legend part="legend" lang=${label.lang}>${label.text}${optionalMark(field)}</legend>` : nothing}
    ${renderHint(field, context, hintId)} ${renderError(errorId, error)}
    ${field.items.map((item, index) => {
      const name = itemLabel(field, context, index);
      const fixed = index < field.fixedItems;
      const movable = field.orderable && !fixed && count - field.fixedItems > 1;
      const headingId = `${controlId(item.pointer)}-heading`;
      return html`<div
        class="array-item"
        part="array-item"
        role="group"
        aria-labelledby=${headingId}
        data-item=${item.pointer}
      >
        <p class="array-item-title" part="array-item-title" id=${headingId}>${name}</p>
        ${renderField({ ...item, showLabel: item.kind === 'value' ? item.showLabel : false, label: item.kind === 'value' ? { text: name } : item.label }, context, level + 1)}
        ${
          movable || (field.canRemove && !fixed)
            ? html`<div class="array-item-actions" part="array-actions">
                ${
                  movable
                    ? html`<button
                          type="button"
                          part="button move-up"
                          data-action="up"
                          ?disabled=${index === field.fixedItems}
                          @click=${() => moveItem(context.arrays, field, index, index - 1)}
                        >
                          ${msg('Move up')}<span class="visually-hidden"> ${name}</span>
                        </button>
                        <button
                          type="button"
                          part="button move-down"
                          data-action="down"
                          ?disabled=${index === count - 1}
                          @click=${() => moveItem(context.arrays, field, index, index + 1)}
                        >
                          ${msg('Move down')}<span class="visually-hidden"> ${name}</span>
                        </button>`
                    : nothing
                }
                ${
                  field.canRemove && !fixed
                    ? html`<button
                        type="button"
                        part="button remove"
                        data-action="remove"
                        @click=${() => removeItem(context.arrays, field, index)}
                      >
                        ${msg('Remove')}<span class="visually-hidden"> ${name}</span>
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>`;
    })}
    ${
      field.canAdd
        ? html`<button
            type="button"
            part="button add"
            class="add"
            data-action="add"
            @click=${() => addItem(context.arrays, field)}
          >
            ${msg('Add entry')}<span class="visually-hidden"> (${label.text})</span>
          </button>`
        : nothing
    }
  </fieldset>`;
}
