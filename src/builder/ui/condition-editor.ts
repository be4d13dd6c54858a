/**
 * Conditions of the selected question in plain words: the ones that govern it, each removable,
 * and a form to add "show this question only when …" or "require an answer only when …". The
 * conditions of its level that have no words are shown as JSON, editable and applied as written.
 */
import { html, type TemplateResult } from 'lit';
import {
  addRequiredCondition,
  addShowCondition,
  conditionsOf,
  removeCondition,
} from '../core/condition-edit.js';
import { readConditions, type Condition, type ConditionOperator } from '../core/conditions.js';
import { addRequiredWhenAnswered } from '../core/dependent-required.js';
import { choicesOf, setJsonAt } from '../core/edit.js';
import type { Json } from '../core/json.js';
import { levelOf, listLevel, type Question } from '../core/questions.js';
import type { BuilderHost } from './host.js';

/** The subject chosen in the add form, per question (re-rendered when it changes). */
const chosenSubject = new WeakMap<BuilderHost, string>();

function valueText(host: BuilderHost, subject: Question | undefined, value: Json): string {
  if (value === true) return host.s.yes;
  if (value === false) return host.s.no;
  const choice = subject ? choicesOf(host.doc, subject).find((c) => c.value === value) : undefined;
  return `„${choice?.title ?? String(value)}“`;
}

/** A condition in words. */
export function conditionWords(host: BuilderHost, c: Condition, key: string): string {
  const level = listLevelAt(host, c.objectPointer);
  const subject = level?.find((q) => q.key === c.subject);
  const question = level?.find((q) => q.key === key);
  if (c.operator === 'isAnswered')
    return host.s.condRequiresAnswered(question?.title || key, subject?.title || c.subject);
  const operator = { is: host.s.opIs, isNot: host.s.opIsNot, isOneOf: host.s.opIsOneOf }[
    c.operator
  ];
  const values = c.values.map((v) => valueText(host, subject, v)).join(` ${host.s.or} `);
  const words = c.shows.includes(key) ? host.s.condShows : host.s.condRequires;
  return words(question?.title || key, subject?.title || c.subject, operator, values);
}

function listLevelAt(host: BuilderHost, objectPointer: string): Question[] | undefined {
  const find = (list: Question[]): Question[] | undefined => {
    if (list[0]?.levelPointer === objectPointer) return list;
    for (const q of list) {
      const found = q.children && find(q.children);
      if (found) return found;
    }
    return undefined;
  };
  return find(listLevel(host.doc, { objectPointer: '/schema', uiPointer: '/ui', path: [] }));
}

function parseValue(text: string, subject: Question | undefined): Json {
  if (subject?.kind === 'number' || subject?.kind === 'wholeNumber') {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n)) return n;
  }
  if (subject?.kind === 'yesNo') return text === 'true';
  return text;
}

function renderAdd(host: BuilderHost, q: Question, siblings: Question[]): TemplateResult {
  const subjects = siblings.filter(
    (s) => s.key !== q.key && s.kind !== 'section' && s.kind !== 'group',
  );
  if (subjects.length === 0) return html`<p class="hint">${host.s.noSubjects}</p>`;
  const subjectKey = subjects.some((s) => s.key === chosenSubject.get(host))
    ? (chosenSubject.get(host) as string)
    : subjects[0].key;
  const subject = subjects.find((s) => s.key === subjectKey);
  const choices = subject ? choicesOf(host.doc, subject) : [];
  const onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const operator = data.get('operator') as ConditionOperator;
    if (operator === 'isAnswered') {
      if (data.get('kind') === 'show') {
        host.announce(host.s.answeredOnlyRequired);
        host.focusAfterRender('#cond-kind');
        return;
      }
      host.edit((d) => addRequiredWhenAnswered(d, q.path, subjectKey));
      host.focusAfterRender('#cond-list');
      return;
    }
    const raw = data.getAll('value').map(String);
    const values = choices.length
      ? raw.map((r) => choices[Number(r)]?.value ?? null)
      : raw.map((r) => parseValue(r, subject));
    if (values.length === 0) return;
    const add = data.get('kind') === 'show' ? addShowCondition : addRequiredCondition;
    host.edit((d) =>
      add(d, q.path, subjectKey, operator, operator === 'isOneOf' ? values : values.slice(0, 1)),
    );
    host.focusAfterRender('#cond-list');
  };
  return html`<form class="cond-add" @submit=${onSubmit} aria-label=${host.s.addCondition}>
    <div class="field">
      <label for="cond-kind">${host.s.conditionKind}</label>
      <select id="cond-kind" name="kind">
        ${
          q.conditionPointer
            ? ''
            : // Inserted after the static option, so selected explicitly to be the default.
              html`<option value="show" selected>${host.s.showWhen}</option>`
        }
        <option value="require">${host.s.requireWhen}</option>
      </select>
    </div>
    <div class="field">
      <label for="cond-subject">${host.s.subject}</label>
      <select
        id="cond-subject"
        name="subject"
        @change=${(e: Event) => {
          chosenSubject.set(host, (e.target as HTMLSelectElement).value);
          host.requestUpdate();
        }}
      >
        ${subjects.map(
          (s) =>
            html`<option value=${s.key} ?selected=${s.key === subjectKey}>
              ${s.title || s.key}
            </option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="cond-operator">${host.s.operator}</label>
      <select id="cond-operator" name="operator">
        <option value="is">${host.s.opIs}</option>
        <option value="isNot">${host.s.opIsNot}</option>
        <option value="isAnswered">${host.s.opIsAnswered}</option>
        ${
          choices.length > 1 && subject?.kind !== 'yesNo'
            ? html`<option value="isOneOf">${host.s.opIsOneOf}</option>`
            : ''
        }
      </select>
    </div>
    ${
      choices.length
        ? html`<fieldset>
            <legend>${host.s.values}</legend>
            ${choices.map(
              (c, i) =>
                html`<div class="field check">
                  <input
                    type="checkbox"
                    id="cond-value-${i}"
                    name="value"
                    value=${i}
                    ?checked=${i === 0}
                  />
                  <label for="cond-value-${i}">${valueText(host, subject, c.value)}</label>
                </div>`,
            )}
          </fieldset>`
        : html`<div class="field">
            <label for="cond-value">${host.s.value}</label>
            <input id="cond-value" name="value" type="text" />
          </div>`
    }
    <button type="submit">${host.s.addCondition}</button>
  </form>`;
}

function renderRaw(host: BuilderHost, objectPointer: string): TemplateResult | string {
  const { raw } = readConditions(host.doc, objectPointer);
  if (raw.length === 0) return '';
  return html`<details class="raw">
    <summary>${host.s.rawConditions} (${raw.length})</summary>
    <p class="hint">${host.s.rawNote}</p>
    ${raw.map((r, i) => {
      const id = `raw-${i}`;
      const apply = (event: Event): void => {
        const area = (event.target as HTMLElement).previousElementSibling as HTMLTextAreaElement;
        try {
          const value = JSON.parse(area.value) as Json;
          if (r.pointer === objectPointer) {
            host.edit((d) => {
              let next = d;
              for (const k of ['if', 'then', 'else'])
                next = setJsonAt(next, `${objectPointer}/${k}`, (value as Record<string, Json>)[k]);
              return next;
            });
          } else host.edit((d) => setJsonAt(d, r.pointer, value));
        } catch (error) {
          host.announce(host.s.jsonInvalid((error as Error).message));
        }
      };
      return html`<div class="field">
        <label for=${id}><code>${r.pointer}</code></label>
        <textarea
          id=${id}
          rows="6"
          class="code"
          .value=${JSON.stringify(r.json, null, 2)}
        ></textarea>
        <button type="button" @click=${apply}>${host.s.apply}</button>
      </div>`;
    })}
  </details>`;
}

/** The conditions part of the question panel. */
export function renderConditions(host: BuilderHost, q: Question): TemplateResult {
  const level = levelOf(host.doc, q.path);
  const siblings = level ? listLevel(host.doc, level) : [];
  const governing = conditionsOf(host.doc, q.path);
  return html`<fieldset class="conditions">
    <legend>${host.s.conditions}</legend>
    <ul id="cond-list" tabindex="-1" aria-label=${host.s.conditions}>
      ${governing.length === 0 ? html`<li>${host.s.noConditions}</li>` : ''}
      ${governing.map((c) => {
        const words = conditionWords(host, c, q.key);
        return html`<li>
          ${words}
          <button
            type="button"
            aria-label=${host.s.removeCondition(words)}
            @click=${() => {
              host.edit((d) => removeCondition(d, c, q.key));
              host.focusAfterRender('#cond-list');
            }}
          >
            ✕
          </button>
        </li>`;
      })}
    </ul>
    ${renderAdd(host, q, siblings)} ${level ? renderRaw(host, level.objectPointer) : ''}
  </fieldset>`;
}
