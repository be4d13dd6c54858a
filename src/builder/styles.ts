/** The builder's own styles (its shadow root; the preview's `<intake-form>` keeps its own). */
import { css } from 'lit';

export const builderStyles = css`
  :host {
    display: block;
    font:
      1rem/1.5 system-ui,
      sans-serif;
    color: #1a1a1a;
    background: #fff;
    --accent: #0b5cad;
  }
  * {
    box-sizing: border-box;
  }
  h1 {
    font-size: 1.25rem;
    margin: 0;
  }
  h2 {
    font-size: 1.125rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.5rem;
    border-bottom: 1px solid #767676;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 1rem;
    padding: 0.5rem;
  }
  @media (max-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .questions {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: 1rem;
  }
  @media (max-width: 40rem) {
    .questions {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    min-height: 2.75rem;
  }
  button {
    border: 1px solid #444;
    border-radius: 0.25rem;
    background: #f3f3f3;
    color: #1a1a1a;
    padding: 0.25rem 0.75rem;
    cursor: pointer;
  }
  button:disabled {
    color: #595959;
    cursor: default;
  }
  button.danger {
    border-color: #a4000f;
    color: #a4000f;
  }
  button.link {
    border: none;
    background: none;
    text-decoration: underline;
  }
  :focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 1px solid #767676;
    margin-bottom: 0.75rem;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--accent);
    color: #fff;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    margin-bottom: 0.5rem;
  }
  .field.check {
    flex-direction: row;
    align-items: center;
    gap: 0.5rem;
  }
  .field.check input {
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
  }
  input,
  select,
  textarea {
    border: 1px solid #595959;
    border-radius: 0.25rem;
    padding: 0.25rem 0.5rem;
    background: #fff;
    color: inherit;
    width: 100%;
  }
  input[type='radio'] {
    width: auto;
    min-height: 0;
  }
  textarea.code {
    font-family: ui-monospace, monospace;
    font-size: 0.875rem;
  }
  fieldset {
    border: 1px solid #767676;
    border-radius: 0.25rem;
    margin: 0 0 0.75rem;
  }
  fieldset.inline,
  form.inline,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .hint,
  .kind-line {
    color: #4a4a4a;
    font-size: 0.875rem;
    margin: 0 0 0.5rem;
  }
  .confirm {
    border: 2px solid currentColor;
    padding: 0.5rem 1rem;
    margin: 0.5rem 0;
  }
  .note {
    border-inline-start: 4px solid var(--accent);
    padding-inline-start: 0.5rem;
  }
  ul.tree {
    list-style: none;
    margin: 0;
    padding-inline-start: 0;
  }
  ul.tree ul.tree {
    padding-inline-start: 1.25rem;
    border-inline-start: 2px solid #ddd;
  }
  .item .row {
    display: flex;
    gap: 0.25rem;
    margin-bottom: 0.25rem;
  }
  .item .select {
    flex: 1;
    text-align: start;
    display: flex;
    flex-direction: column;
  }
  .item .select[aria-current='true'] {
    border-width: 3px;
    border-color: var(--accent);
  }
  .item .kind {
    font-size: 0.8125rem;
    color: #4a4a4a;
  }
  .icon {
    min-width: 2.75rem;
  }
  .problems {
    padding-inline-start: 1.25rem;
    color: #a4000f;
  }
  .problems .warning {
    color: #6b4b00;
  }
  .error {
    color: #a4000f;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid #ccc;
    padding: 0.25rem;
    text-align: start;
    vertical-align: top;
  }
  table.translations th:nth-child(2) {
    width: 45%;
  }
  .status.missing {
    color: #a4000f;
    font-weight: 700;
  }
  .status.outdated {
    color: #6b4b00;
    font-weight: 700;
  }
  .preview .frame {
    border: 1px solid #767676;
    padding: 0.5rem;
    max-width: 100%;
  }
  .preview .frame.phone {
    width: 360px;
  }
  [role='status'] {
    min-height: 1.5em;
    margin: 0 0.5rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
