/** What the editing panels need from the builder element (ui/*.ts render into its shadow root). */
import { html, type TemplateResult } from 'lit';
import { typedValue } from './typed-value.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Json } from '../core/json.js';
import type { BuilderLocale, Strings_ } from '../i18n.js';

export interface ShownProblem {
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface BuilderHost {
  /** The definition being edited (do not change it: edit() does). */
  readonly doc: Json;
  readonly s: Strings_;
  readonly uiLocale: BuilderLocale;
  readonly selected: string[] | undefined;
  /** Applies an edit as one undo step. */
  edit(change: (definition: Json) => Json, announcement?: string): void;
  /** Selects a question (and, after rendering, focuses the element with id `focus`). */
  select(path: string[] | undefined, focus?: string): void;
  /** Focuses an element of the shadow root after the next render. */
  focusAfterRender(selector: string): void;
  /** Says something in the live region. */
  announce(message: string): void;
  /** Problems whose pointer lies at or under one of `pointers`. */
  problemsUnder(pointers: string[]): ShownProblem[];
  requestUpdate(): void;
}

/** A labelled text field that commits on change (one undo step per edit, not per keystroke). */
export function textField(
  id: string,
  label: string,
  value: string,
  commit: (value: string) => void,
  options: { multiline?: boolean; lang?: string; dir?: string; hint?: string; list?: string } = {},
): TemplateResult {
  const onChange = (event: Event): void =>
    commit((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const hintId = options.hint ? `${id}-hint` : undefined;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${options.hint ? html`<span class="hint" id=${hintId as string}>${options.hint}</span>` : ''}
    ${
      options.multiline
        ? html`<textarea
            id=${id}
            rows="3"
            lang=${ifDefined(options.lang)}
            dir=${ifDefined(options.dir)}
            aria-describedby=${ifDefined(hintId)}
            .value=${typedValue(value)}
            @change=${onChange}
          ></textarea>`
        : html`<input
            id=${id}
            type="text"
            lang=${ifDefined(options.lang)}
            dir=${ifDefined(options.dir)}
            list=${ifDefined(options.list)}
            aria-describedby=${ifDefined(hintId)}
            .value=${typedValue(value)}
            @change=${onChange}
          />`
    }
  </div>`;
}

/** A labelled number field; an empty field means "no limit" (undefined). */
export function numberField(
  id: string,
  label: string,
  value: number | undefined,
  commit: (value: number | undefined) => void,
  integer = false,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="number"
      step=${integer ? '1' : 'any'}
      .value=${typedValue(value === undefined ? '' : String(value))}
      @change=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value.trim();
        const number = text === '' ? undefined : Number(text);
        if (number === undefined || Number.isFinite(number)) commit(number);
      }}
    />
  </div>`;
}

/** A list of problems (nothing when there are none). */
export function problemList(problems: ShownProblem[], label: string): TemplateResult | string {
  if (problems.length === 0) return '';
  return html`<ul class="problems" aria-label=${label}>
    ${problems.map(
      (p) => html`<li class=${p.severity}><code>${p.pointer || '/'}</code> ${p.message}</li>`,
    )}
  </ul>`;
}
