/**
 * The error summary at the top of the form: "There is a problem" and one link per field, which
 * moves focus to that field.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import type { SummaryEntry } from '../form/error-summary.js';

/**
 * The summary of `entries` (nothing when there are none). `target` gives the id a link's
 * `href` names; `follow` moves focus there.
 */
export function renderErrorSummary(
  entries: readonly SummaryEntry[] | undefined,
  target: (pointer: string) => string,
  follow: (pointer: string) => void,
): TemplateResult | typeof nothing {
  if (!entries || entries.length === 0) return nothing;
  return html`<div
    class="error-summary"
    part="summary"
    tabindex="-1"
    role="alert"
    aria-labelledby="error-summary-title"
  >
    <h2 id="error-summary-title" part="summary-title">${msg('There is a problem')}</h2>
    <ul>
      ${entries.map(
        (entry) =>
          html`<li>
            <a
              part="summary-link"
              href="#${target(entry.pointer)}"
              @click=${(event: Event) => {
                event.preventDefault();
                follow(entry.pointer);
              }}
              >${
                entry.parts
                  ? html`<span lang=${entry.parts.lang}>${entry.parts.label}</span
                      >${entry.parts.separator}${entry.parts.error}`
                  : entry.message
              }</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
