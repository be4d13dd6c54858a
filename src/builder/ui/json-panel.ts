/**
 * The JSON view for experts: the whole definition, editable; applied as one undoable edit when it
 * parses, and checked against the definition format (schemas/intake-definition.schema.json) with
 * the rest of the command line's checks.
 */
import { html, type TemplateResult } from 'lit';
import type { Json } from '../core/json.js';
import { problemList, type BuilderHost } from './host.js';

const errors = new WeakMap<BuilderHost, string>();

/** The "JSON" tab. */
export function renderJsonPanel(host: BuilderHost): TemplateResult {
  const apply = (event: Event): void => {
    const area = (event.target as HTMLElement).closest('section')?.querySelector('textarea');
    if (!area) return;
    try {
      const value = JSON.parse(area.value) as Json;
      errors.delete(host);
      host.edit(() => value, host.s.jsonApplied);
    } catch (error) {
      errors.set(host, host.s.jsonInvalid((error as Error).message));
      host.requestUpdate();
      host.focusAfterRender('#json-error');
    }
  };
  const error = errors.get(host);
  return html`<section aria-labelledby="json-heading">
    <h2 id="json-heading">${host.s.jsonView}</h2>
    <p class="hint" id="json-note">${host.s.jsonNote}</p>
    <label for="json-text" class="visually-hidden">${host.s.jsonView}</label>
    <textarea
      id="json-text"
      class="code"
      rows="24"
      spellcheck="false"
      aria-describedby="json-note"
      .value=${JSON.stringify(host.doc, null, 2)}
    ></textarea>
    <button type="button" @click=${apply}>${host.s.apply}</button>
    ${error ? html`<p id="json-error" role="alert" tabindex="-1" class="error">${error}</p>` : ''}
    <h3>${host.s.problems}</h3>
    ${
      host.problemsUnder(['']).length
        ? problemList(host.problemsUnder(['']), host.s.problems)
        : html`<p>${host.s.noProblems}</p>`
    }
  </section>`;
}
