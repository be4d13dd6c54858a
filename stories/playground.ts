/**
 * `<intake-playground>`: paste a form definition, preview it. For form authors in Storybook; not
 * part of the package.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { FormDefinition, IntakeForm } from '../src/index.js';
import { PLAYGROUND_DEFINITION, playgroundExample, prepare, type ThemeName } from './examples.js';

/** Reads pasted text as a definition; a bare JSON Schema is wrapped in one. */
export function parseDefinition(text: string): FormDefinition {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('The definition must be a JSON object.');
  }
  const object = parsed as Record<string, unknown>;
  if ('schema' in object) {
    return { id: 'playground', version: '1', ...object } as FormDefinition;
  }
  return { id: 'playground', version: '1', schema: object } as FormDefinition;
}

export class IntakePlayground extends LitElement {
  static override properties = {
    locale: { type: String },
    theme: { type: String },
    text: { state: true },
    problem: { state: true },
  };

  static override styles = css`
    :host {
      display: grid;
      gap: 1rem;
      max-inline-size: 60rem;
      font-family: system-ui, sans-serif;
      color: #1b1b1b;
    }
    label {
      display: block;
      font-weight: 700;
    }
    p {
      margin: 0.25rem 0;
    }
    textarea {
      display: block;
      inline-size: 100%;
      font:
        0.875rem/1.4 ui-monospace,
        monospace;
      border: 2px solid #5c5c5c;
      border-radius: 4px;
      padding: 0.5rem;
    }
    button {
      font: inherit;
      min-block-size: 2.75rem;
      padding: 0.5rem 1rem;
      border: 2px solid #0b5fa5;
      border-radius: 4px;
      background: #0b5fa5;
      color: #fff;
      font-weight: 700;
      cursor: pointer;
      justify-self: start;
    }
    :focus-visible {
      outline: 3px solid #0b0c0c;
      outline-offset: 2px;
    }
    .problem {
      color: #b3261e;
      font-weight: 700;
    }
    h2 {
      margin: 0;
      font-size: 1.25rem;
    }
  `;

  declare locale: string | undefined;
  declare theme: ThemeName | undefined;
  declare private text: string;
  declare private problem: string;

  /** Resolves with the previewed form once it shows the starting definition. */
  readonly prepared: Promise<IntakeForm>;
  private resolvePrepared!: (form: Promise<IntakeForm>) => void;

  constructor() {
    super();
    this.text = JSON.stringify(PLAYGROUND_DEFINITION, null, 2);
    this.problem = '';
    this.prepared = new Promise((resolve) => (this.resolvePrepared = resolve));
  }

  /** The previewed form. */
  get form(): IntakeForm | null {
    return this.renderRoot.querySelector('intake-form');
  }

  protected override firstUpdated(_changed: PropertyValues<this>): void {
    this.resolvePrepared(
      prepare(this.form!, playgroundExample, { locale: this.locale, theme: this.theme }),
    );
  }

  private preview(): void {
    try {
      const definition = parseDefinition(this.text);
      this.problem = '';
      this.form!.definition = definition;
    } catch (error) {
      this.problem = `The text is not a usable definition: ${(error as Error).message}`;
    }
  }

  protected override render() {
    return html`<div>
        <label for="definition">Form definition (JSON)</label>
        <p id="definition-hint">
          An object with <code>schema</code> and optionally <code>ui</code>, <code>lang</code> and
          <code>translations</code>, or a bare JSON Schema.
        </p>
        <textarea
          id="definition"
          rows="18"
          spellcheck="false"
          aria-describedby="definition-hint definition-problem"
          .value=${this.text}
          @input=${(event: Event) => (this.text = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <button type="button" @click=${this.preview}>Show preview</button>
      <p id="definition-problem" class="problem" role="alert">${this.problem}</p>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <intake-form></intake-form>
      </section>`;
  }
}

if (!customElements.get('intake-playground')) {
  customElements.define('intake-playground', IntakePlayground);
}
