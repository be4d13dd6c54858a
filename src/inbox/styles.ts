/**
 * The inbox's styles. Lit adopts them as constructed style sheets (no `<style>` element), which
 * the inbox's Content-Security-Policy (`style-src 'self'`) allows.
 */
import { css } from 'lit';

/** Shared by every view: type, fields, buttons, tables, focus, messages. */
export const baseStyles = css`
  :host {
    display: block;
    font:
      1rem/1.5 system-ui,
      sans-serif;
    color: #1a1a1a;
    --accent: #0b5cad;
    --muted: #595959;
    --line: #767676;
    --error: #b00020;
  }
  * {
    box-sizing: border-box;
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.25rem;
    margin: 1.5rem 0 0.5rem;
  }
  h3 {
    font-size: 1.0625rem;
    margin: 1rem 0 0.5rem;
  }
  a {
    color: var(--accent);
  }
  :focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid var(--accent);
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.75rem 0 0.25rem;
  }
  label.inline {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 600;
  }
  .hint {
    display: block;
    color: var(--muted);
    font-size: 0.9375rem;
    margin: 0 0 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    border: 2px solid var(--line);
    border-radius: 4px;
    padding: 0.375rem 0.5rem;
    min-height: 44px;
    max-width: 100%;
    background: #fff;
  }
  input[type='checkbox'] {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
  }
  textarea {
    width: 100%;
    min-height: 6rem;
  }
  [aria-invalid='true'] {
    border-color: var(--error);
  }
  .field-error {
    display: block;
    color: var(--error);
    font-weight: 600;
    margin: 0.25rem 0;
  }
  button,
  .button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 0.375rem 1rem;
    border: 2px solid var(--accent);
    border-radius: 4px;
    background: var(--accent);
    color: #fff;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  button.secondary,
  .button.secondary {
    background: #fff;
    color: var(--accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5rem 0;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--line);
    padding: 0.5rem;
  }
  tr.unread td {
    font-weight: 700;
  }
  .error-summary {
    border: 3px solid var(--error);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .error-summary h2 {
    margin-top: 0;
  }
  .error-summary:focus {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  .error {
    color: var(--error);
    font-weight: 600;
  }
  .notice {
    border-inline-start: 6px solid var(--accent);
    padding: 0.5rem 1rem;
    background: #eef4fb;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font: inherit;
    margin: 0;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: 1rem 2rem;
  }
  ul.plain {
    list-style: none;
    padding: 0;
  }
  .scroll {
    overflow-x: auto;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media print {
    .no-print {
      display: none !important;
    }
    a {
      color: inherit;
      text-decoration: none;
    }
  }
`;
