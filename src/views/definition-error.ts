/**
 * The panel shown instead of a form whose definition cannot be loaded or used, with the reason in
 * the person's language and the technical details for the office. A chunk of its own, loaded when
 * that happens (src/views/fallbacks.ts has the essentials for when even this part cannot be loaded).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import type { DefinitionError } from '../model/definition-error.js';

/** What went wrong, in words for the person filling in the form. */
export function definitionMessage(error: DefinitionError): string {
  const p = error.params;
  switch (error.code) {
    case 'fetch-failed':
      return p.status
        ? msg(str`The form could not be loaded (HTTP ${p.status}).`)
        : msg('The form could not be loaded. Please check your connection.');
    case 'not-json':
      return msg('The form definition is not valid JSON.');
    case 'not-object':
    case 'bad-shape':
      return msg('The form definition does not have the expected structure.');
    case 'unresolvable-ref':
      return msg(str`The form definition refers to a part that does not exist (${p.ref}).`);
    case 'cyclic-ref':
      return msg(str`The form definition refers to itself in a loop (${p.ref}).`);
    case 'unsupported-dialect':
      return msg(str`The form definition uses an unsupported JSON Schema version (${p.dialect}).`);
    case 'too-many-controls':
      return msg(str`The form has more questions than can be shown at once (at most ${p.limit}).`);
    default:
      return msg('The form definition contains an error.');
  }
}

/** The panel shown instead of a form whose definition cannot be used. */
export function renderDefinitionError(error: DefinitionError): TemplateResult {
  return html`<div class="definition-error" part="definition-error" role="alert">
    <h2>${msg('This form cannot be shown')}</h2>
    <p>${definitionMessage(error)}</p>
    <p>${msg('Please try again later or contact the office responsible.')}</p>
    <details>
      <summary>${msg('Technical details')}</summary>
      <p dir="ltr">
        ${error.pointer ? html`<code>${error.pointer}</code>: ` : nothing}${error.message}
      </p>
    </details>
  </div>`;
}
