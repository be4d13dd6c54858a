/**
 * The editor of a map (an object with `additionalProperties` or `patternProperties`): each entry
 * under its name with "Remove", and a name field with "Add entry" that checks the name against
 * the names in use, the patterns and `propertyNames` before the entry exists. Errors of an entry's
 * value show at the entry, as every error shows at its pointer. Part of the maps chunk
 * (src/internal/chunks/maps.ts), loaded for forms whose schema has maps.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { css } from '../internal/css.js';
import type { ObjectField } from '../model/field.js';
import { appendPointer } from '../model/json-pointer.js';
import { checkEntryName, entrySchema, type NameProblem } from '../model/map-model.js';
import { controlId, renderField, type RenderContext } from './render-field.js';
import { focusInside, type ObjectHost } from './render-optional-object.js';

/** Styles of maps, added to the form when this chunk arrives. */
export const styles = css`
  .map-entry {
    border: 1px solid var(--intake-color-border-subtle);
    border-radius: var(--intake-radius);
    padding: var(--intake-space);
    margin-block-end: var(--intake-space);
    min-inline-size: 0;
  }
  .map-add {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--intake-space-s);
  }
  .map-add .field {
    margin-block-end: 0;
  }
`;

/** The message for a name that cannot name a new entry. */
function nameMessage(problem: NameProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Enter a name for the new entry.');
    case 'taken':
      return msg('There is already an entry with this name.');
    case 'length':
      return msg('This name is too short or too long.');
    default:
      return msg('This name is not allowed here.');
  }
}

/** The names of the entries the map has now. */
function entryNames(field: ObjectField): string[] {
  const prefix = field.pointer.length + 1;
  return field.children.slice(field.map!.firstEntry).map((entry) => entry.pointer.slice(prefix));
}

/** Shows (or clears) the problem of the name typed, on the name field and for screen readers. */
function showNameProblem(input: HTMLInputElement, error: HTMLElement, message: string | undefined) {
  error.hidden = !message;
  error.lastElementChild!.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function addEntry(
  host: ObjectHost,
  field: ObjectField,
  input: HTMLInputElement,
  error: HTMLElement,
) {
  const map = field.map!;
  const name = input.value;
  const problem = checkEntryName(map, name, entryNames(field));
  if (problem) {
    showNameProblem(input, error, nameMessage(problem));
    input.focus();
    return;
  }
  showNameProblem(input, error, undefined);
  input.value = '';
  const pointer = appendPointer(field.pointer, name);
  host.setValue(pointer, host.newValue(entrySchema(map, name)!));
  host.afterUpdate(() => focusInside(host, pointer));
  host.announce(msg(str`Entry ${name} added.`));
}

function removeEntry(host: ObjectHost, field: ObjectField, name: string) {
  host.setValue(appendPointer(field.pointer, name), undefined);
  // Focus goes to the name field of the map, where the next entry is added.
  host.afterUpdate(() =>
    host.root.querySelector<HTMLElement>(`[data-map-name="${CSS.escape(field.pointer)}"]`)?.focus(),
  );
  host.announce(msg(str`Entry ${name} removed.`));
}

/** Renders a map's entries (after its listed properties) and the way to add one. */
export function renderMapEntries(
  field: ObjectField,
  context: RenderContext,
  level: number,
): TemplateResult {
  const map = field.map!;
  const host = context.objects;
  const id = `${controlId(field.pointer)}-new`;
  const errorId = `${id}-error`;
  const names = entryNames(field);
  const title = context.text.get(field.label);
  const entries = field.children.slice(map.firstEntry).map((entry, index) => {
    const name = names[index];
    return html`<div class="map-entry" part="map-entry" data-entry=${entry.pointer}>
      ${renderField(entry, context, level + 1)}
      ${
        map.canRemove
          ? html`<button
              type="button"
              part="button remove"
              data-action="remove-entry"
              @click=${() => removeEntry(host, field, name)}
            >
              ${msg('Remove')}<span class="visually-hidden"> ${name}</span>
            </button>`
          : nothing
      }
    </div>`;
  });
  if (!map.canAdd) return html`${entries}`;
  const add = (event: Event) => {
    const box = (event.currentTarget as HTMLElement).closest('.map-add')!;
    addEntry(
      host,
      field,
      box.querySelector<HTMLInputElement>('input')!,
      box.querySelector<HTMLElement>('.error-message')!,
    );
  };
  return html`${entries}
    <div class="map-add" part="map-add">
      <div class="field">
        <label part="label" for=${id}>${msg('Name of a new entry')}</label>
        <p class="error-message" part="error" id=${errorId} hidden>
          <span class="visually-hidden">${msg('Error:')} </span><span></span>
        </p>
        <input
          id=${id}
          type="text"
          part="input"
          autocomplete="off"
          data-map-name=${field.pointer}
          aria-describedby=${errorId}
          @keydown=${(event: KeyboardEvent) => {
            // Enter adds the entry (it would otherwise send the form).
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add(event);
          }}
        />
      </div>
      <button type="button" part="button add" class="add" data-action="add-entry" @click=${add}>
        ${msg('Add entry')}<span class="visually-hidden" lang=${title.lang}> (${title.text})</span>
      </button>
    </div>`;
}
