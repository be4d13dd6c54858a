import { css } from 'lit';

/** Styles of `<intake-form>`. Logical properties only, so right-to-left layout needs no overrides. */
export const intakeFormStyles = css`
  :host {
    display: block;
    --intake-color-text: #1b1b1b;
    --intake-color-muted: #4a4a4a;
    --intake-color-background: #ffffff;
    --intake-color-border: #5c5c5c;
    --intake-color-accent: #0b5fa5;
    --intake-color-accent-text: #ffffff;
    --intake-color-error: #b3261e;
    --intake-color-focus: #ffbf47;
    --intake-focus-ring: 3px solid var(--intake-color-focus);
    --intake-radius: 4px;
    --intake-space: 1rem;
    --intake-font-size: 1rem;
    --intake-font-family: inherit;
    color: var(--intake-color-text);
    font-family: var(--intake-font-family);
    font-size: var(--intake-font-size);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  form {
    max-inline-size: 40rem;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  h2.form-title {
    font-size: 1.5em;
    margin-block: 0 calc(var(--intake-space) / 2);
  }
  .form-description,
  .hint {
    color: var(--intake-color-muted);
  }
  .hint {
    display: block;
    margin-block: 0 0.25rem;
  }
  .hint .help {
    display: block;
  }
  .field,
  .group {
    margin-block: 0 var(--intake-space);
    margin-inline: 0;
    min-inline-size: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
  }
  fieldset.group {
    border-inline-start: 4px solid #d0d0d0;
    padding-inline-start: var(--intake-space);
  }
  legend {
    font-weight: 700;
    padding: 0;
    margin-block-end: 0.25rem;
    overflow-wrap: anywhere;
  }
  label {
    display: block;
    font-weight: 700;
    margin-block-end: 0.25rem;
    overflow-wrap: anywhere;
  }
  .optional {
    font-weight: 400;
    color: var(--intake-color-muted);
  }
  .control {
    display: block;
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: inherit;
    background: var(--intake-color-background);
    border: 2px solid var(--intake-color-border);
    border-radius: var(--intake-radius);
  }
  .control.number,
  .control.date {
    max-inline-size: 16rem;
  }
  textarea.control {
    resize: vertical;
  }
  .field-error > .control,
  .field-error .control {
    border-color: var(--intake-color-error);
  }
  .field-error,
  .group:has(> .error-message) {
    border-inline-start: 4px solid var(--intake-color-error);
    padding-inline-start: calc(var(--intake-space) - 4px);
  }
  .error-message {
    color: var(--intake-color-error);
    font-weight: 700;
    margin-block: 0 0.25rem;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--intake-color-accent);
  }
  .choice label {
    font-weight: 400;
    margin: 0;
  }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--intake-radius);
    border: 2px solid var(--intake-color-accent);
    background: var(--intake-color-background);
    color: var(--intake-color-accent);
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.primary {
    background: var(--intake-color-accent);
    color: var(--intake-color-accent-text);
    font-weight: 700;
  }
  .link-button {
    border: 0;
    padding-inline: 0.25rem;
    text-decoration: underline;
  }
  :focus-visible,
  .control:focus,
  button:focus {
    outline: var(--intake-focus-ring);
    outline-offset: 2px;
  }
  .array-item {
    border: 1px solid #b1b4b6;
    border-radius: var(--intake-radius);
    padding: var(--intake-space);
    margin-block-end: var(--intake-space);
  }
  .array-item-title {
    font-weight: 700;
    margin-block: 0 0.5rem;
  }
  .array-item-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .error-summary {
    border: 4px solid var(--intake-color-error);
    padding: var(--intake-space);
    margin-block-end: var(--intake-space);
  }
  .error-summary h2 {
    margin-block-start: 0;
    font-size: 1.25em;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--intake-color-error);
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--intake-space);
    margin-block-start: var(--intake-space);
  }
  .notice {
    border-inline-start: 6px solid var(--intake-color-accent);
    padding: 0.5rem var(--intake-space);
    margin-block-end: var(--intake-space);
  }
  .definition-error {
    border: 4px solid var(--intake-color-error);
    padding: var(--intake-space);
  }
  .files {
    margin-block: 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .progress {
    color: var(--intake-color-muted);
    font-weight: 700;
    margin-block: 0 0.25rem;
  }
  .step-title {
    font-size: 1.25em;
    margin-block: 0 var(--intake-space);
  }
  .review-list {
    margin: 0 0 var(--intake-space);
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    gap: 0.25rem var(--intake-space);
    padding-block: 0.5rem;
    border-block-end: 1px solid #b1b4b6;
  }
  .review-row dt {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .review-row dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  @media (max-width: 30rem) {
    .review-row {
      grid-template-columns: 1fr;
    }
  }
  .confirmation {
    border: 4px solid var(--intake-color-accent);
    padding: var(--intake-space);
  }
  .reference {
    font-size: 2em;
    letter-spacing: 0.05em;
    margin-block: 0.25rem var(--intake-space);
    user-select: all;
    direction: ltr;
    unicode-bidi: isolate;
  }
  .confirmation-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  @media print {
    button,
    .actions,
    .confirmation-actions {
      display: none !important;
    }
    .confirmation {
      border-color: #000;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .error-summary,
    .definition-error,
    .field-error {
      border-color: CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
