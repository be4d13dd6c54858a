/**
 * The editing panel of the selected question: its texts, whether it is required, its limits,
 * autofill token, error messages, answers to choose from, file options, step, and conditions.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { typedValue } from './typed-value.js';
import {
  choicesOf,
  setChoices,
  setErrorMessage,
  setRequired,
  setSchemaKeyword,
  setText,
  setUiKey,
  setUiOption,
} from '../core/edit.js';
import { getAt, own, type Json } from '../core/json.js';
import { limitsOf } from '../core/kinds.js';
import { findQuestion, type Question } from '../core/questions.js';
import { assignToStep, stepsOf } from '../core/steps.js';
import { conditionsTesting, removeQuestionWithConditions } from '../core/condition-refs.js';
import { conditionWords, renderConditions } from './condition-editor.js';
import { numberField, problemList, textField, type BuilderHost } from './host.js';
import { itemId } from './question-list.js';

/** Autofill tokens offered (HTML's autocomplete field names most used in intake forms). */
const AUTOCOMPLETE = [
  'off',
  'name',
  'given-name',
  'family-name',
  'bday',
  'email',
  'tel',
  'street-address',
  'postal-code',
  'address-level2',
  'country-name',
  'organization',
];

function str(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

function num(value: Json | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Error-message keywords that apply to a question. */
function errorKeywords(q: Question, schema: Json | undefined): string[] {
  const keywords = q.required ? ['required'] : [];
  for (const keyword of [
    'pattern',
    'minLength',
    'maxLength',
    'minimum',
    'maximum',
    'const',
    'format',
  ])
    if (own(schema, keyword) !== undefined) keywords.push(keyword);
  return keywords;
}

function renderChoices(host: BuilderHost, q: Question): TemplateResult {
  const choices = choicesOf(host.doc, q);
  const commit = (next: { value: Json; title: string }[]): void =>
    host.edit((d) => setChoices(d, q.path, next));
  const widget = str(getAt(host.doc, `${q.uiPointer}/ui:widget`));
  return html`<fieldset>
    <legend>${host.s.choices}</legend>
    <table class="choices">
      <thead>
        <tr>
          <th scope="col">${host.s.choiceLabel}</th>
          <th scope="col">${host.s.choiceValue}</th>
          <td></td>
        </tr>
      </thead>
      <tbody>
        ${choices.map(
          (c, i) =>
            html`<tr>
              <td>
                <input
                  type="text"
                  aria-label="${host.s.choiceLabel} ${i + 1}"
                  .value=${typedValue(c.title)}
                  @change=${(e: Event) =>
                    commit(
                      choices.map((x, j) =>
                        j === i ? { ...x, title: (e.target as HTMLInputElement).value } : x,
                      ),
                    )}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label="${host.s.choiceValue} ${i + 1}"
                  .value=${typedValue(String(c.value))}
                  @change=${(e: Event) =>
                    commit(
                      choices.map((x, j) =>
                        j === i ? { ...x, value: (e.target as HTMLInputElement).value } : x,
                      ),
                    )}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label=${host.s.removeChoice(c.title)}
                  ?disabled=${choices.length <= 1}
                  @click=${() => commit(choices.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <button
      type="button"
      @click=${() => {
        const n = choices.length + 1;
        commit([...choices, { value: `option${n}`, title: `${host.s.choiceLabel} ${n}` }]);
        host.focusAfterRender('table.choices tbody tr:last-child input');
      }}
    >
      ${host.s.addChoice}
    </button>
    ${
      q.kind === 'oneChoice'
        ? html`<div class="field">
            <label for="q-widget">${host.s.shownAs}</label>
            <select
              id="q-widget"
              @change=${(e: Event) =>
                host.edit((d) =>
                  setUiKey(d, q.path, 'ui:widget', (e.target as HTMLSelectElement).value),
                )}
            >
              <option value="radio" ?selected=${widget !== 'select'}>${host.s.radio}</option>
              <option value="select" ?selected=${widget === 'select'}>${host.s.select}</option>
            </select>
          </div>`
        : ''
    }
  </fieldset>`;
}

function renderStep(host: BuilderHost, q: Question): TemplateResult | string {
  const steps = stepsOf(host.doc);
  if (steps.length === 0 || q.path.length !== 1) return '';
  const current = steps.findIndex((s) => s.fields.includes(q.key));
  return html`<div class="field">
    <label for="q-step">${host.s.step}</label>
    <select
      id="q-step"
      @change=${(e: Event) =>
        host.edit((d) => assignToStep(d, q.key, Number((e.target as HTMLSelectElement).value)))}
    >
      <option value="-1" ?selected=${current < 0}>${host.s.noStep}</option>
      ${steps.map(
        (s, i) => html`<option value=${i} ?selected=${current === i}>${i + 1}. ${s.title}</option>`,
      )}
    </select>
  </div>`;
}

/** The question (path joined by "/") whose removal waits for the author's confirmation. */
const confirming = new WeakMap<BuilderHost, string>();

/**
 * Removing a question that conditions test asks first, naming those conditions in words: removing
 * it removes them too (one undo step), and the questions they show become always shown.
 */
function renderRemove(host: BuilderHost, q: Question, title: string): TemplateResult {
  const path = q.path;
  const id = path.join('/');
  // A confirmation left open for another question is dropped, not shown again on return.
  if (confirming.has(host) && confirming.get(host) !== id) confirming.delete(host);
  const done = (): void => {
    confirming.delete(host);
    host.select(undefined, '#add-kind');
  };
  const { words, raw } = conditionsTesting(host.doc, path);
  const remove = (): void => {
    if (words.length + raw.length > 0 && confirming.get(host) !== id) {
      confirming.set(host, id);
      host.focusAfterRender('#rm-yes');
      return;
    }
    host.edit(
      (d) => removeQuestionWithConditions(d, path),
      words.length ? host.s.removedWith(title, String(words.length)) : host.s.removed(title),
    );
    done();
  };
  const cancel = (): void => {
    confirming.delete(host);
    host.focusAfterRender('#q-remove');
  };
  if (confirming.get(host) !== id)
    return html`<button type="button" id="q-remove" class="danger" @click=${remove}>
      ${host.s.removeQuestion}
    </button>`;
  const sentences = words.flatMap((c) =>
    [...new Set([...c.shows, ...c.requires])].map((k) => conditionWords(host, c, k)),
  );
  return html`<div
    class="confirm"
    role="group"
    aria-labelledby="rm-ask"
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
    }}
  >
    <p id="rm-ask">
      ${words.length ? host.s.removeAsk(title, String(words.length)) : ''}
      ${raw.length ? host.s.removeKeptRaw(String(raw.length)) : ''}
    </p>
    <ul id="rm-list">
      ${sentences.map((t) => html`<li>${t}</li>`)}
      ${raw.map((r) => html`<li><code>${r.pointer}</code></li>`)}
    </ul>
    <button
      type="button"
      id="rm-yes"
      class="danger"
      aria-describedby="rm-ask rm-list"
      @click=${remove}
    >
      ${words.length ? host.s.removeConfirm : host.s.removeQuestion}
    </button>
    <button type="button" id="rm-no" @click=${cancel}>${host.s.cancel}</button>
  </div>`;
}

/** The panel of the selected question (or a hint to select one). */
export function renderQuestionPanel(host: BuilderHost): TemplateResult {
  const q = host.selected ? findQuestion(host.doc, host.selected) : undefined;
  if (!q) {
    return html`<section class="panel" aria-labelledby="panel-heading">
      <h2 id="panel-heading">${host.s.questions}</h2>
      <p>${host.s.selectQuestion}</p>
    </section>`;
  }
  const schema = getAt(host.doc, q.schemaPointer);
  const ui = getAt(host.doc, q.uiPointer);
  const title = q.title || q.key;
  const path = q.path;
  const editable = q.kind !== 'other';
  const limits = limitsOf(q.kind);
  const limitTarget = q.kind === 'severalChoices' || q.kind === 'group' ? schema : schema;
  const problems = host.problemsUnder([q.schemaPointer, q.uiPointer]);
  return html`<section class="panel" aria-labelledby="panel-heading">
    <h2 id="panel-heading">${host.s.editQuestion(title)}</h2>
    <p class="kind-line">${host.s.kindNames[q.kind] ?? q.kind} · <code>${q.key}</code></p>
    ${problemList(problems, host.s.problems)}
    ${q.kind === 'other' ? html`<p class="note">${host.s.keptAsWritten}</p>` : ''}
    ${q.block ? html`<p class="note">${host.s.blockNote(q.block)}</p>` : ''}
    ${textField(
      'q-title',
      host.s.fieldTitle,
      q.kind === 'block' ? str(own(schema, 'title')) : q.title,
      (v) => host.edit((d) => setText(d, path, 'title', v)),
    )}
    ${textField(
      'q-description',
      host.s.fieldDescription,
      str(own(schema, 'description')),
      (v) => host.edit((d) => setText(d, path, 'description', v)),
      { multiline: true },
    )}
    ${textField('q-help', host.s.fieldHelp, str(own(ui, 'ui:help')), (v) =>
      host.edit((d) => setText(d, path, 'ui:help', v)),
    )}
    ${
      editable && q.kind !== 'section' && q.kind !== 'group' && q.kind !== 'block'
        ? textField('q-placeholder', host.s.fieldPlaceholder, str(own(ui, 'ui:placeholder')), (v) =>
            host.edit((d) => setText(d, path, 'ui:placeholder', v)),
          )
        : ''
    }
    <div class="field check">
      <input
        id="q-required"
        type="checkbox"
        .checked=${live(q.required)}
        @change=${(e: Event) => host.edit((d) => setRequired(d, path, (e.target as HTMLInputElement).checked))}
      />
      <label for="q-required">${host.s.fieldRequired}</label>
    </div>
    ${
      editable && q.kind !== 'section' && q.kind !== 'group' && q.kind !== 'block'
        ? textField(
            'q-autocomplete',
            host.s.fieldAutocomplete,
            str(own(ui, 'ui:autocomplete')),
            (v) => host.edit((d) => setUiKey(d, path, 'ui:autocomplete', v.trim())),
            { list: 'autocomplete-tokens' },
          )
        : ''
    }
    <datalist id="autocomplete-tokens">
      ${AUTOCOMPLETE.map((t) => html`<option value=${t}></option>`)}
    </datalist>
    ${
      limits.length > 0
        ? html`<fieldset>
            <legend>${host.s.limits}</legend>
            ${limits.map((k) =>
              numberField(
                `q-${k}`,
                host.s[k as 'minLength'],
                num(own(limitTarget, k)),
                (v) => host.edit((d) => setSchemaKeyword(d, path, k, v)),
                k !== 'minimum' && k !== 'maximum' ? true : q.kind === 'wholeNumber',
              ),
            )}
          </fieldset>`
        : ''
    }
    ${q.kind === 'oneChoice' || q.kind === 'severalChoices' ? renderChoices(host, q) : ''}
    ${
      q.kind === 'file'
        ? html`<fieldset>
            <legend>${host.s.kindNames.file}</legend>
            ${textField('q-accept', host.s.fileTypes, str(getAt(ui, '/ui:options/accept')), (v) =>
              host.edit((d) => setUiOption(d, path, 'accept', v.trim() || undefined)),
            )}
            ${numberField(
              'q-maxSize',
              host.s.fileSize,
              num(getAt(ui, '/ui:options/maxSize')),
              (v) => host.edit((d) => setUiOption(d, path, 'maxSize', v)),
              true,
            )}
          </fieldset>`
        : ''
    }
    ${
      errorKeywords(q, schema).length > 0
        ? html`<fieldset>
            <legend>${host.s.errorTexts}</legend>
            ${errorKeywords(q, schema).map((k) =>
              textField(
                `q-error-${k}`,
                host.s.errorFor(k),
                str(getAt(ui, ['ui:options', 'errorMessages', k])),
                (v) => host.edit((d) => setErrorMessage(d, path, k, v)),
              ),
            )}
          </fieldset>`
        : ''
    }
    ${renderStep(host, q)} ${renderConditions(host, q)} ${renderRemove(host, q, title)}
    <button type="button" class="link" @click=${() => host.focusAfterRender(`#${itemId(path)}`)}>
      ↑ ${host.s.questions}
    </button>
  </section>`;
}
