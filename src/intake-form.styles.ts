import { css } from './internal/css.js';

/**
 * Styles of `<intake-form>`. Logical properties only, so right-to-left layout needs no overrides.
 *
 * Every colour, space, radius, type size and the focus ring comes from a custom property
 * (`--intake-…`), documented in docs/theming.md and in the element's `@cssproperty` tags. A host
 * page themes the form by setting them on `intake-form` (see themes/default.css and
 * themes/kern.css); defaults below are the neutral theme. Values set on the element from outside
 * win over the `:host` defaults.
 *
 * Parts that arrive as chunks of their own (lists, files, the review) bring their own styles,
 * added to the shadow root when they arrive (see `adoptStyles`).
 */
export const intakeFormStyles = css`
  :host {
    display: block;
    /* Colours. Defaults meet WCAG 2.2 AA on a white page (test/a11y/theme-contrast.test.ts). */
    --intake-color-text: #1b1b1b;
    --intake-color-muted: #4a4a4a;
    --intake-color-background: #ffffff;
    --intake-color-border: #5c5c5c;
    --intake-color-border-subtle: #b1b4b6;
    --intake-color-accent: #0b5fa5;
    --intake-color-accent-text: #ffffff;
    --intake-color-error: #b3261e;
    --intake-color-focus: #0b0c0c;
    --intake-color-focus-halo: #ffdd00;
    /* Focus ring: a dark outline (at least 3:1 against the page) around a light halo. */
    --intake-focus-width: 3px;
    --intake-focus-offset: 2px;
    --intake-focus-ring: var(--intake-focus-width) solid var(--intake-color-focus);
    /* Borders and corners. */
    --intake-border-width: 2px;
    --intake-error-border-width: 4px;
    --intake-radius: 4px;
    /* Spacing: the base unit, and the small steps between a label, hint and control. */
    --intake-space: 1rem;
    --intake-space-s: 0.5rem;
    --intake-space-xs: 0.25rem;
    /* Type scale. Relative units only, so the form follows the page's and the reader's text size. */
    --intake-font-family: inherit;
    --intake-font-size: 1rem;
    --intake-font-size-title: 1.5em;
    --intake-font-size-heading: 1.25em;
    --intake-font-size-reference: 2em;
    --intake-font-weight-bold: 700;
    --intake-line-height: 1.5;
    /* Controls: the smallest height of inputs and buttons (target size, WCAG 2.5.8). */
    --intake-control-min-height: 2.75rem;
    --intake-choice-size: 1.5rem;
    /* The block size (height) the form takes while its definition loads: a screen, as most
       forms are longer, so that what follows the form stays out of sight until it is there. */
    --intake-reserved-block-size: 100vh;
    color: var(--intake-color-text);
    font-family: var(--intake-font-family);
    font-size: var(--intake-font-size);
    line-height: var(--intake-line-height);
  }
  :host([hidden]) {
    display: none;
  }
  .loading {
    min-block-size: var(--intake-reserved-block-size);
    margin: 0;
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
    font-size: var(--intake-font-size-title);
    margin-block: 0 var(--intake-space-s);
    overflow-wrap: break-word;
  }
  .form-description,
  .hint {
    color: var(--intake-color-muted);
  }
  .hint {
    display: block;
    margin-block: 0 var(--intake-space-xs);
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
    border-inline-start: 4px solid var(--intake-color-border-subtle);
    padding-inline-start: var(--intake-space);
  }
  legend {
    font-weight: var(--intake-font-weight-bold);
    padding: 0;
    margin-block-end: var(--intake-space-xs);
    overflow-wrap: anywhere;
  }
  label {
    display: block;
    font-weight: var(--intake-font-weight-bold);
    margin-block-end: var(--intake-space-xs);
    overflow-wrap: anywhere;
  }
  .form-description p,
  .hint p,
  .hint ul,
  .hint ol {
    margin-block: 0 0.5rem;
  }
  .optional {
    font-weight: 400;
    color: var(--intake-color-muted);
    /* The space before the marker is CSS: the build's template minifier drops leading spaces. */
    margin-inline-start: 0.25em;
  }
  .control {
    display: block;
    inline-size: 100%;
    min-block-size: var(--intake-control-min-height);
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: inherit;
    background: var(--intake-color-background);
    border: var(--intake-border-width) solid var(--intake-color-border);
    border-radius: var(--intake-radius);
  }
  .control::placeholder {
    /* The browser's default placeholder grey is below 4.5:1. */
    color: var(--intake-color-muted);
    opacity: 1;
  }
  .control.number,
  .control.date {
    max-inline-size: 16rem;
  }
  .control.range {
    padding-inline: 0;
    accent-color: var(--intake-color-accent);
  }
  .control:disabled,
  .choice input:disabled + label {
    cursor: not-allowed;
  }
  .control:disabled {
    /* Disabled controls keep readable text (WCAG exempts them, people still read them). */
    color: var(--intake-color-muted);
    border-style: dashed;
  }
  .control[readonly] {
    border-style: dotted;
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
    border-inline-start: var(--intake-error-border-width) solid var(--intake-color-error);
    padding-inline-start: calc(var(--intake-space) - var(--intake-error-border-width));
  }
  .error-message {
    color: var(--intake-color-error);
    font-weight: var(--intake-font-weight-bold);
    margin-block: 0 var(--intake-space-xs);
  }
  .choices {
    display: grid;
    gap: var(--intake-space-s);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--intake-space-s);
  }
  .choice input {
    inline-size: var(--intake-choice-size);
    block-size: var(--intake-choice-size);
    min-inline-size: 24px;
    min-block-size: 24px;
    margin: 0;
    flex: none;
    accent-color: var(--intake-color-accent);
  }
  .choice label {
    font-weight: 400;
    margin: 0;
    min-block-size: 24px;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  button {
    font: inherit;
    min-block-size: var(--intake-control-min-height);
    min-inline-size: var(--intake-control-min-height);
    max-inline-size: 100%;
    padding: var(--intake-space-s) var(--intake-space);
    border-radius: var(--intake-radius);
    border: var(--intake-border-width) solid var(--intake-color-accent);
    background: var(--intake-color-background);
    color: var(--intake-color-accent);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.primary {
    background: var(--intake-color-accent);
    color: var(--intake-color-accent-text);
    font-weight: var(--intake-font-weight-bold);
  }
  .link-button {
    border: 0;
    padding-inline: var(--intake-space-xs);
    text-decoration: underline;
  }
  :focus-visible,
  .control:focus,
  button:focus {
    outline: var(--intake-focus-ring);
    outline-offset: var(--intake-focus-offset);
    box-shadow: 0 0 0 var(--intake-focus-offset) var(--intake-color-focus-halo);
  }
  .error-summary {
    border: var(--intake-error-border-width) solid var(--intake-color-error);
    padding: var(--intake-space);
    margin-block-end: var(--intake-space);
  }
  .error-summary h2 {
    margin-block-start: 0;
    font-size: var(--intake-font-size-heading);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary li + li {
    margin-block-start: var(--intake-space-xs);
  }
  .error-summary a {
    display: inline-block;
    /* A link that wraps keeps its bullet on its first line. */
    vertical-align: top;
    min-block-size: 24px;
    color: var(--intake-color-error);
    font-weight: var(--intake-font-weight-bold);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--intake-space);
    margin-block-start: var(--intake-space);
  }
  .notice {
    border-inline-start: 6px solid var(--intake-color-accent);
    padding: var(--intake-space-s) var(--intake-space);
    margin-block-end: var(--intake-space);
  }
  .notice > :first-child {
    margin-block-start: 0;
  }
  .notice > :last-child {
    margin-block-end: 0;
  }
  .definition-error {
    border: var(--intake-error-border-width) solid var(--intake-color-error);
    padding: var(--intake-space);
    overflow-wrap: anywhere;
  }
  .progress {
    color: var(--intake-color-muted);
    font-weight: var(--intake-font-weight-bold);
    margin-block: 0 var(--intake-space-xs);
  }
  .step-title {
    font-size: var(--intake-font-size-heading);
    margin-block: 0 var(--intake-space);
  }
  .confirmation {
    border: var(--intake-error-border-width) solid var(--intake-color-accent);
    padding: var(--intake-space);
  }
  .reference {
    font-size: var(--intake-font-size-reference);
    letter-spacing: 0.05em;
    margin-block: var(--intake-space-xs) var(--intake-space);
    user-select: all;
    direction: ltr;
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  .confirmation-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--intake-space-s);
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
    *,
    *::before,
    *::after {
      scroll-behavior: auto !important;
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .error-summary,
    .definition-error,
    .field-error,
    .confirmation,
    .notice {
      border-color: CanvasText;
    }
    :focus-visible,
    .control:focus,
    button:focus {
      outline-color: Highlight;
    }
    button:disabled {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
  }
`;
