/**
 * The "check your answers" page: every active answer grouped by step, each with a "Change" link.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { css } from '../internal/css.js';
import { msg } from '@lit/localize';
import type { FormText, ShownText } from '../i18n/form-text.js';
import type { Field } from '../model/field.js';
import type { Step } from '../form/steps.js';
import { formatAnswer } from '../i18n/format-answer.js';
import { formatNumber } from '../i18n/format-number.js';

/** Styles of the review, added to the form when this chunk arrives. */
export const styles = css`
  .review-list {
    margin: 0 0 var(--intake-space);
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    gap: var(--intake-space-xs) var(--intake-space);
    padding-block: var(--intake-space-s);
    border-block-end: 1px solid var(--intake-color-border-subtle);
  }
  .review-row dt {
    font-weight: var(--intake-font-weight-bold);
    overflow-wrap: anywhere;
  }
  .review-row dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .review-row dd.review-action {
    /* Only answers keep their line breaks; the template's own line breaks are no content. */
    white-space: normal;
  }
  @media (max-width: 30rem) {
    .review-row {
      grid-template-columns: 1fr;
    }
  }
`;

export interface ReviewContext {
  text: FormText;
  locale: string;
  /** Opens the field at `pointer` to change it. */
  change(pointer: string): void;
}

/**
 * The rows of a field. A label keeps the language it is written in (`lang`): a text shown in the
 * definition's language because the translation lacks it is marked as such.
 */
function rows(field: Field, context: ReviewContext, label?: ShownText): TemplateResult[] {
  const shownLabel = label ?? context.text.get(field.label);
  switch (field.kind) {
    case 'object':
      return field.children.flatMap((child) => rows(child, context));
    case 'array':
      if (field.items.length === 0) return [row(field, shownLabel, context)];
      return field.items.flatMap((item, index) => {
        const itemLabel = {
          text: `${shownLabel.text} ${formatNumber(index + 1, context.locale)}`,
          lang: shownLabel.lang,
        };
        if (item.kind === 'object') {
          return item.children.flatMap((child) => {
            const childLabel = context.text.get(child.label);
            return rows(child, context, {
              text: `${itemLabel.text}: ${childLabel.text}`,
              lang: childLabel.lang,
            });
          });
        }
        return rows(item, context, itemLabel);
      });
    default:
      if (field.widget === 'hidden' || field.widget === 'null') return [];
      return [row(field, shownLabel, context)];
  }
}

function row(field: Field, label: ShownText, context: ReviewContext): TemplateResult {
  const answer = formatAnswer(field, field.value, context.locale, context.text);
  return html`<div class="review-row" part="review-row">
    <dt part="review-label" lang=${label.lang}>${label.text}</dt>
    <dd part="review-answer"><bdi>${answer}</bdi></dd>
    <dd class="review-action">
      ${
        field.readOnly || field.disabled
          ? nothing
          : html`<button
              type="button"
              class="link-button"
              part="button change"
              @click=${() => context.change(field.pointer)}
            >
              ${msg('Change')}<span class="visually-hidden" lang=${label.lang}> ${label.text}</span>
            </button>`
      }
    </dd>
  </div>`;
}

/** Renders the review of all active steps. */
export function renderReview(steps: readonly Step[], context: ReviewContext): TemplateResult {
  return html`<section class="review" part="review" aria-labelledby="review-title">
    <h2 id="review-title" class="step-title" part="review-title" tabindex="-1">
      ${msg('Check your answers')}
    </h2>
    <p>${msg('Please check your answers before you send the form.')}</p>
    ${steps.map((step) => {
      const title = step.title.text ? context.text.get(step.title) : undefined;
      return html`${title ? html`<h3 part="review-heading" lang=${title.lang}>${title.text}</h3>` : nothing}
        <dl class="review-list" part="review-list">
          ${step.fields.flatMap((field) => rows(field, context))}
        </dl>`;
    })}
  </section>`;
}
