/**
 * The choice between object alternatives (`oneOf` / `anyOf` of objects) that no discriminator
 * property tells apart: a select above the alternative's questions. A chunk of its own, loaded
 * with the condition logic for forms whose schema has alternatives.
 */
import { html, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import type { ObjectField } from '../model/field.js';
import { controlId, type RenderContext } from './render-field.js';

/** A select for the alternatives of `field`, which has them. */
export function renderAlternatives(field: ObjectField, context: RenderContext): TemplateResult {
  const alternatives = field.alternatives!;
  const id = `${controlId(field.pointer)}-alternative`;
  return html`<div class="field" part="field">
    <label part="label" for=${id}>${msg('Choose an option')}</label>
    <select
      part="control"
      class="control"
      id=${id}
      @change=${(event: Event) => context.chooseAlternative(field.pointer, Number((event.target as HTMLSelectElement).value))}
    >
      ${alternatives.labels.map((label, i) => {
        const text = context.text.get(label);
        return html`<option
          value=${String(i)}
          lang=${text.lang}
          ?selected=${i === alternatives.selected}
        >
          ${text.text}
        </option>`;
      })}
    </select>
  </div>`;
}
