/**
 * The list of questions: a tree in the form's order. Each question is a button that selects it,
 * with "Move up" / "Move down" beside it; Alt+Arrow keys move the selected question, and questions
 * can be dragged to another place in their level. Below, the form to add a question.
 */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { addQuestion, moveQuestion, moveQuestionTo } from '../core/edit.js';
import { QUESTION_KINDS, type QuestionKind } from '../core/kinds.js';
import { flatQuestions, listQuestions, type Question } from '../core/questions.js';
import type { BuilderHost } from './host.js';

const DRAG_TYPE = 'application/x-intake-question';

/** A stable id for a question's list button (paths may hold any characters). */
export function itemId(path: readonly string[]): string {
  return `item-${path.map((k) => encodeURIComponent(k).replace(/[%.'()*!~]/g, '_')).join('--')}`;
}

function titleOf(host: BuilderHost, q: Question): string {
  return q.title || q.key || host.s.untitled;
}

function move(host: BuilderHost, q: Question, delta: -1 | 1, focus: string): void {
  host.edit((d) => moveQuestion(d, q.path, delta));
  const siblings = siblingsOf(host, q.path);
  const position = siblings.findIndex((x) => x.key === q.key) + 1;
  host.announce(host.s.moved(titleOf(host, q), String(position)));
  host.focusAfterRender(focus);
}

function siblingsOf(host: BuilderHost, path: readonly string[]): Question[] {
  let list = listQuestions(host.doc);
  for (const key of path.slice(0, -1)) list = list.find((q) => q.key === key)?.children ?? [];
  return list;
}

function renderItem(host: BuilderHost, q: Question, index: number, count: number): TemplateResult {
  const id = itemId(q.path);
  const selected = host.selected?.join('\u0000') === q.path.join('\u0000');
  const title = titleOf(host, q);
  const onKey = (event: KeyboardEvent): void => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const delta = event.key === 'ArrowUp' ? -1 : 1;
    if ((delta < 0 && index === 0) || (delta > 0 && index === count - 1)) return;
    move(host, q, delta, `#${id}`);
  };
  const onDrop = (event: DragEvent): void => {
    const data = event.dataTransfer?.getData(DRAG_TYPE);
    if (!data) return;
    const from = JSON.parse(data) as string[];
    if (from.slice(0, -1).join('\u0000') !== q.path.slice(0, -1).join('\u0000')) return;
    event.preventDefault();
    host.edit((d) => moveQuestionTo(d, from, index));
    host.announce(host.s.moved(from[from.length - 1], String(index + 1)));
  };
  return html`<li
    class="item"
    draggable="true"
    @dragstart=${(event: DragEvent) => event.dataTransfer?.setData(DRAG_TYPE, JSON.stringify(q.path))}
    @dragover=${(event: DragEvent) => event.preventDefault()}
    @drop=${onDrop}
  >
    <div class="row">
      <button
        id=${id}
        class="select"
        aria-current=${selected ? 'true' : 'false'}
        aria-describedby="move-hint"
        @click=${() => host.select(q.path)}
        @keydown=${onKey}
      >
        <span class="title">${title}</span>
        <span class="kind"
          >${[
            host.s.kindNames[q.kind] ?? q.kind,
            ...(q.required ? [host.s.badgeRequired] : []),
            ...(q.conditionPointer ? [host.s.badgeConditional] : []),
          ].join(' · ')}</span
        >
      </button>
      <button
        class="icon"
        aria-label="${host.s.moveUp}: ${title}"
        ?disabled=${index === 0}
        @click=${() => move(host, q, -1, `#${id}-up`)}
        id="${id}-up"
      >
        ↑
      </button>
      <button
        class="icon"
        aria-label="${host.s.moveDown}: ${title}"
        ?disabled=${index === count - 1}
        @click=${() => move(host, q, 1, `#${id}-down`)}
        id="${id}-down"
      >
        ↓
      </button>
    </div>
    ${q.children && q.children.length > 0 ? renderList(host, q.children) : ''}
  </li>`;
}

function renderList(host: BuilderHost, questions: Question[]): TemplateResult {
  return html`<ul class="tree">
    ${repeat(
      questions,
      (q) => q.path.join('\u0000'),
      (q, i) => renderItem(host, q, i, questions.length),
    )}
  </ul>`;
}

/** The form that adds a question (to the top level, a section, a group or a block). */
function renderAddForm(host: BuilderHost): TemplateResult {
  const containers = flatQuestions(host.doc).filter(
    (q) => q.kind === 'section' || q.kind === 'group' || (q.kind === 'block' && q.children),
  );
  const onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const kind = data.get('kind') as QuestionKind;
    const title = String(data.get('title') ?? '').trim() || host.s.kindNames[kind];
    const parent = String(data.get('parent') ?? '');
    const parentPath = parent ? (JSON.parse(parent) as string[]) : [];
    let path: string[] = [];
    host.edit((d) => {
      const added = addQuestion(d, parentPath, kind, title);
      path = added.path;
      return added.definition;
    }, host.s.added(title));
    // Back to "top level" and the first kind: the next question starts from a known state.
    form.reset();
    host.select(path, '#q-title');
  };
  return html`<form class="add" @submit=${onSubmit} aria-labelledby="add-heading">
    <h3 id="add-heading">${host.s.addQuestion}</h3>
    <div class="field">
      <label for="add-kind">${host.s.kind}</label>
      <select id="add-kind" name="kind">
        ${QUESTION_KINDS.map((k) => html`<option value=${k}>${host.s.kindNames[k]}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="add-title">${host.s.questionTitle}</label>
      <input id="add-title" name="title" type="text" />
    </div>
    <div class="field">
      <label for="add-parent">${host.s.addTo}</label>
      <select id="add-parent" name="parent">
        <option value="">${host.s.topLevel}</option>
        ${containers.map(
          (q) =>
            html`<option value=${JSON.stringify(q.path)}>
              ${q.path.length > 1 ? '— '.repeat(q.path.length - 1) : ''}${q.title || q.key}
            </option>`,
        )}
      </select>
    </div>
    <button type="submit">${host.s.add}</button>
  </form>`;
}

/** The questions and the add form. */
export function renderQuestionList(host: BuilderHost): TemplateResult {
  const questions = listQuestions(host.doc);
  return html`<section class="list" aria-labelledby="list-heading">
    <h2 id="list-heading">${host.s.questions}</h2>
    <p class="hint" id="move-hint">${host.s.moveHint}</p>
    ${questions.length === 0 ? html`<p>${host.s.noQuestions}</p>` : renderList(host, questions)}
    ${renderAddForm(host)}
  </section>`;
}
