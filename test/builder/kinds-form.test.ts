/**
 * Each kind of question, made in the builder element (its add form and "required" box), exported
 * as JSON and opened again unchanged, then filled in the real `<intake-form>`: the form accepts
 * and refuses answers as the kind means (a postal code refuses four digits, a consent must be
 * ticked), with the error on the question.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/builder/index.js';
import {
  STORAGE_KEY,
  emptyDefinition,
  type IntakeFormBuilder,
} from '../../src/builder/intake-form-builder.js';
import { addQuestion } from '../../src/builder/core/edit.js';
import { addShowCondition } from '../../src/builder/core/condition-edit.js';
import { QUESTION_KINDS, type QuestionKind } from '../../src/builder/core/kinds.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { renderForm } from '../helpers/form.js';
import { CASES } from './kind-cases.js';

async function builder(): Promise<IntakeFormBuilder> {
  localStorage.removeItem(STORAGE_KEY);
  const el = await fixture<IntakeFormBuilder>(html`<intake-form-builder></intake-form-builder>`);
  await el.updateComplete;
  return el;
}

/** Adds a required question of `kind` as an author does, and exports the definition. */
async function build(kind: QuestionKind): Promise<{ key: string; exported: string }> {
  const el = await builder();
  const root = el.shadowRoot!;
  root.querySelector<HTMLSelectElement>('#add-kind')!.value = kind;
  root.querySelector<HTMLInputElement>('#add-title')!.value = 'Frage';
  root.querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
  await el.updateComplete;
  const required = root.querySelector<HTMLInputElement>('#q-required')!;
  required.click();
  await el.updateComplete;
  let exported = '';
  el.download = (_name: string, _type: string, text: string) => void (exported = text);
  [...root.querySelectorAll<HTMLButtonElement>('header button')]
    .find((b) => b.textContent!.trim() === 'JSON exportieren')!
    .click();
  return { key: 'frage', exported };
}

function errorsAt(form: IntakeForm, value: unknown, pointer: string): string[] {
  form.value = value as IntakeForm['value'];
  return form
    .validate()
    .errors.filter((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`))
    .map((e) => e.message);
}

describe('builder: each kind of question, built, exported and filled in the form', () => {
  for (const kind of QUESTION_KINDS) {
    it(kind, async () => {
      const { key, exported } = await build(kind);
      const definition = JSON.parse(exported) as FormDefinition;
      expect(definition.schema.required, 'required').to.include(key);
      // Opened again, the export is given back unchanged.
      const again = await builder();
      again.definition = definition as never;
      await again.updateComplete;
      expect(again.definition).to.deep.equal(definition);

      const form = await renderForm(definition, 'de');
      const pointer = `/${key}`;
      // A section is never missing in the form (it starts as {}), and a required group starts
      // with its one entry (minItems): their own questions are what the person must answer.
      if (kind !== 'section' && kind !== 'group')
        expect(errorsAt(form, {}, pointer), 'left empty').to.not.deep.equal([]);
      for (const value of CASES[kind].good)
        expect(errorsAt(form, { [key]: value }, pointer), JSON.stringify(value)).to.deep.equal([]);
      for (const value of CASES[kind].bad)
        expect(errorsAt(form, { [key]: value }, pointer), JSON.stringify(value)).to.not.deep.equal(
          [],
        );
    });
  }

  it('a postal code of four digits is refused with the message the builder wrote', async () => {
    const { key, exported } = await build('postalCode');
    const form = await renderForm(JSON.parse(exported) as FormDefinition, 'de');
    expect(errorsAt(form, { [key]: '5066' }, `/${key}`)).to.deep.equal([
      'Bitte geben Sie fünf Ziffern ein.',
    ]);
  });

  it('a question shown under a condition inside a group can be answered in the form', async () => {
    let d = emptyDefinition();
    d = addQuestion(d, [], 'group', 'Kinder').definition;
    d = addQuestion(d, ['kinder'], 'yesNo', 'Schule').definition;
    d = addQuestion(d, ['kinder'], 'shortText', 'Name der Schule').definition;
    d = addShowCondition(d, ['kinder', 'nameDerSchule'], 'schule', 'is', [true]);
    const form = await renderForm(d as unknown as FormDefinition, 'de');
    form.value = { kinder: [{ schule: true, nameDerSchule: 'Grundschule Nord' }] };
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('[name="/kinder/0/nameDerSchule"]')).to.not.equal(null);
    expect(form.validate().errors).to.deep.equal([]);
    form.value = { kinder: [{ schule: false, nameDerSchule: 'x', extra: 1 }] };
    expect(form.validate().valid).to.equal(false);
  });

  it('a consent must be ticked', async () => {
    const { key, exported } = await build('consent');
    const form = await renderForm(JSON.parse(exported) as FormDefinition, 'de');
    expect(errorsAt(form, { [key]: false }, `/${key}`)).to.have.length(1);
    expect(errorsAt(form, { [key]: true }, `/${key}`)).to.deep.equal([]);
  });
});
