/**
 * Lists (arrays of objects or values): rendering with "Add entry", "Remove", "Move up" and
 * "Move down", with focus and announcements (the edits are the form state's). Part of the lists
 * chunk (src/internal/chunks/lists.ts), loaded for forms whose schema has arrays.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { css } from '../internal/css.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { ArrayField } from '../model/field.js';
import { appendPointer } from '../model/json-pointer.js';
import {
  controlId,
  optionalMark,
  renderError,
  renderField,
  renderHint,
  type RenderContext,
} from './render-field.js';
import { formatNumber } from '../i18n/format-number.js';

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

/** What editing a list needs of the form: the edits (the form state's), focus and speech. */
export interface ArrayHost {
  /** The shadow root that holds the controls (focus moves inside it). */
  readonly root: ParentNode;
  /** Appends an entry with its schema's defaults; returns its index. */
  addItem(field: ArrayField): number;
  /** Takes entry `index` out (per-entry state moves along); returns how many entries remain. */
  removeItem(field: ArrayField, index: number): number;
  /** Moves entry `from` to `to`; `false` when `to` is outside the list. */
  moveItem(field: ArrayField, from: number, to: number): boolean;
  /** Runs `action` once the next rendering is done. */
  afterUpdate(action: () => void): void;
  /** Says `text` through the live region. */
  announce(text: string): void;
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
function addItem(host: ArrayHost, field: ArrayField): void {
  const index = host.addItem(field);
  const itemPointer = appendPointer(field.pointer, index);
  host.afterUpdate(() => focusFirstIn(host, itemPointer));
  host.announce(msg(str`Entry ${index + 1} added.`));
}

/** Removes an entry; focus goes to the entry now in its place (or the list), and it is said. */
function removeItem(host: ArrayHost, field: ArrayField, index: number): void {
  const remaining = host.removeItem(field, index);
  host.afterUpdate(() => {
    const next = Math.min(index, remaining - 1);
    // The entry now in its place, or (the list is empty) "Add entry".
    focusFirstIn(host, next >= 0 ? appendPointer(field.pointer, next) : field.pointer);
  });
  host.announce(msg(str`Entry ${index + 1} removed.`));
}

/** Moves an entry up or down; focus stays on the button that moved it (or its counterpart). */
function moveItem(host: ArrayHost, field: ArrayField, from: number, to: number): void {
  if (!host.moveItem(field, from, to)) return;
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

/** An entry's heading, with the language of its title (the definition's, where untranslated). */
function itemHeading(
  field: ArrayField,
  context: RenderContext,
  index: number,
): { text: string; lang?: string } {
  const item = field.items[index];
  const title = item && item.label.key !== undefined ? context.text.get(item.label) : undefined;
  const position = formatNumber(index + 1, context.locale);
  return title?.text
    ? { text: `${title.text} ${position}`, lang: title.lang }
    : { text: msg(str`Entry ${position}`) };
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
      const heading = itemHeading(field, context, index);
      const name = heading.text;
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
        <p
          class="array-item-title"
          part="array-item-title"
          id=${headingId}
          lang=${ifDefined(heading.lang)}
        >
          ${name}
        </p>
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
            ${msg('Add entry')}<span class="visually-hidden" lang=${label.lang}>
              (${label.text})</span
            >
          </button>`
        : nothing
    }
  </fieldset>`;
}
