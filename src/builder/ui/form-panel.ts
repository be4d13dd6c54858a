/**
 * The form as a whole: its title, introduction, identifier, version, language, the confirmation
 * text and review page, and its steps (title, introduction, order; questions are put on a step in
 * their own panel).
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { setFormValue } from '../core/edit.js';
import { getAt, type Json } from '../core/json.js';
import { flatQuestions } from '../core/questions.js';
import { addStep, moveStep, removeStep, setStepText, stepsOf } from '../core/steps.js';
import { problemList, textField, type BuilderHost } from './host.js';

function str(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

function renderSteps(host: BuilderHost): TemplateResult {
  const steps = stepsOf(host.doc);
  const titles = new Map(
    flatQuestions(host.doc)
      .filter((q) => q.path.length === 1)
      .map((q) => [q.key, q.title || q.key]),
  );
  const onAdd = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('title') as HTMLInputElement;
    const title = input.value.trim();
    if (!title) {
      input.focus();
      return;
    }
    host.edit((d) => addStep(d, title));
    input.value = '';
    host.focusAfterRender(`#step-title-${steps.length}`);
  };
  return html`<section aria-labelledby="steps-heading">
    <h2 id="steps-heading">${host.s.steps}</h2>
    ${problemList(host.problemsUnder(['/ui/ui:steps']), host.s.problems)}
    ${steps.length === 0 ? html`<p>${host.s.noSteps}</p>` : ''}
    <ol class="steps">
      ${steps.map(
        (step, i) =>
          html`<li>
            ${textField(`step-title-${i}`, host.s.stepTitle, step.title, (v) =>
              host.edit((d) => setStepText(d, i, 'title', v)),
            )}
            ${textField(
              `step-description-${i}`,
              host.s.stepDescription,
              step.description ?? '',
              (v) => host.edit((d) => setStepText(d, i, 'description', v)),
            )}
            <p>
              ${
                step.fields.length
                  ? host.s.stepFields(step.fields.map((f) => titles.get(f) ?? f).join(', '))
                  : host.s.stepEmpty
              }
            </p>
            <button
              type="button"
              ?disabled=${i === 0}
              @click=${() => {
                host.edit((d) => moveStep(d, i, -1));
                host.focusAfterRender(`#step-title-${i - 1}`);
              }}
            >
              ${host.s.moveStepUp(step.title)}
            </button>
            <button
              type="button"
              ?disabled=${i === steps.length - 1}
              @click=${() => {
                host.edit((d) => moveStep(d, i, 1));
                host.focusAfterRender(`#step-title-${i + 1}`);
              }}
            >
              ${host.s.moveStepDown(step.title)}
            </button>
            <button
              type="button"
              class="danger"
              @click=${() => {
                host.edit((d) => removeStep(d, i));
                host.focusAfterRender('#new-step');
              }}
            >
              ${host.s.removeStep(step.title)}
            </button>
          </li>`,
      )}
    </ol>
    <form @submit=${onAdd} class="inline" aria-label=${host.s.addStep}>
      <div class="field">
        <label for="new-step">${host.s.newStepTitle}</label>
        <input id="new-step" name="title" type="text" />
      </div>
      <button type="submit">${host.s.addStep}</button>
    </form>
  </section>`;
}

/** The "form and steps" tab. */
export function renderFormPanel(host: BuilderHost): TemplateResult {
  const d = host.doc;
  const set = (pointer: string) => (v: string) => host.edit((doc) => setFormValue(doc, pointer, v));
  return html`<div class="form-panel">
    <section aria-labelledby="form-heading">
      <h2 id="form-heading">${host.s.formTexts}</h2>
      ${textField('form-title', host.s.formTitle, str(getAt(d, '/schema/title')), set('/schema/title'))}
      ${textField('form-description', host.s.formDescription, str(getAt(d, '/schema/description')), set('/schema/description'), { multiline: true })}
      ${textField('form-id', host.s.formId, str(getAt(d, '/id')), set('/id'))}
      ${textField('form-version', host.s.formVersion, str(getAt(d, '/version')), set('/version'))}
      ${textField('form-lang', host.s.formLang, str(getAt(d, '/lang')), set('/lang'))}
      ${textField('form-confirmation', host.s.confirmation, str(getAt(d, '/ui/ui:confirmation')), set('/ui/ui:confirmation'), { multiline: true })}
      <div class="field check">
        <input
          id="form-review"
          type="checkbox"
          .checked=${live(getAt(d, '/ui/ui:review') === true)}
          @change=${(e: Event) =>
            host.edit((doc) =>
              setFormValue(
                doc,
                '/ui/ui:review',
                (e.target as HTMLInputElement).checked || undefined,
              ),
            )}
        />
        <label for="form-review">${host.s.review}</label>
      </div>
    </section>
    ${renderSteps(host)}
  </div>`;
}
