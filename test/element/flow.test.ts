import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormDefinition } from '../../src/index.js';
import { axeViolations } from '../helpers/axe.js';
import {
  control,
  controls,
  errorText,
  focused,
  renderForm,
  root,
  typeInto,
} from '../helpers/form.js';

const definition: Partial<FormDefinition> & { schema: FormDefinition['schema'] } = {
  id: 'flow',
  schema: {
    type: 'object',
    required: ['name', 'hasChildren'],
    properties: {
      name: { type: 'string', title: 'Name' },
      birthDate: { type: 'string', format: 'date', title: 'Birth date' },
      hasChildren: { type: 'boolean', title: 'Do you have children?' },
      level: {
        title: 'German level',
        oneOf: [
          { const: 'a1', title: 'Beginner' },
          { const: 'b1', title: 'Intermediate' },
        ],
      },
      notes: { type: 'string', title: 'Notes' },
    },
    if: { properties: { hasChildren: { const: true } }, required: ['hasChildren'] },
    then: {
      properties: { children: { type: 'integer', title: 'Number of children', minimum: 1 } },
      required: ['children'],
    },
  },
  ui: {
    'ui:steps': [
      { title: 'You', fields: ['name', 'birthDate'] },
      { title: 'Family', fields: ['hasChildren'] },
      { title: 'Children', fields: ['children'] },
      { title: 'Course', fields: ['level', 'notes'] },
    ],
    hasChildren: { 'ui:widget': 'radio' },
    level: { 'ui:widget': 'radio' },
    'ui:confirmation': 'We will write to you within two weeks.',
  },
};

function heading(el: HTMLElement): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('.step-title')!;
}

function progress(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('.progress')?.textContent?.trim() ?? '';
}

describe('steps, review and confirmation', () => {
  it('shows one step at a time with a visible progress indicator, skipping inactive steps', async () => {
    const el = await renderForm(definition);
    expect(el.steps).to.deep.equal(['You', 'Family', 'Course']); // "Children" has no active field yet
    expect(el.step).to.equal(0);
    expect(progress(el)).to.equal('Step 1 of 3: You');
    expect(root(el).querySelector('[name="/hasChildren"]')).to.equal(null);
  });

  it('"Next" validates only the current step and stays with an error summary; "Back" never validates', async () => {
    const el = await renderForm(definition);
    expect(await el.next()).to.equal(false);
    expect(el.step).to.equal(0);
    const links = [...root(el).querySelectorAll('.error-summary a')].map((a) =>
      a.textContent!.trim(),
    );
    expect(links).to.deep.equal(['Name: Please fill in this field.']);
    expect(focused(el)).to.equal(root(el).querySelector('.error-summary'));
    await typeInto(el, '/name', 'Olena');
    const stepEvent = oneEvent(el, 'intake-step');
    expect(await el.next()).to.equal(true);
    expect((await stepEvent).detail).to.deep.equal({ index: 1, count: 3 });
    expect(focused(el)).to.equal(heading(el));
    expect(heading(el).textContent!.trim()).to.equal('Family');
    // No errors shown for the new step until the person tries to leave it.
    expect(root(el).querySelectorAll('.error-message')).to.have.length(0);
    expect(await el.back()).to.equal(true);
    expect(el.step).to.equal(0);
    expect(control(el, '/name').value).to.equal('Olena');
  });

  it('showStep(index) shows an active step without checking the ones before (a preview)', async () => {
    const el = await renderForm(definition);
    expect(await el.next()).to.equal(false); // "Name" is empty: the summary shows
    const stepEvent = oneEvent(el, 'intake-step');
    expect(await el.showStep(2)).to.equal(true);
    expect((await stepEvent).detail).to.deep.equal({ index: 2, count: 3 });
    expect(heading(el).textContent!.trim()).to.equal('Course');
    expect(focused(el)).to.equal(heading(el));
    expect(root(el).querySelector('.error-summary')).to.equal(null);
    // Only active steps: "Children" has no active field, so there is no fourth.
    expect(await el.showStep(3)).to.equal(false);
    expect(await el.showStep(-1)).to.equal(false);
    expect(el.step).to.equal(2);
  });

  it('a step whose condition turns on appears in the flow, and its answers are kept when it turns off', async () => {
    const el = await renderForm(definition);
    el.value = { name: 'Olena' };
    await el.next();
    controls(el, '/hasChildren')[0].click(); // Yes
    await el.updateComplete;
    expect(el.steps).to.deep.equal(['You', 'Family', 'Children', 'Course']);
    await el.next();
    expect(heading(el).textContent!.trim()).to.equal('Children');
    expect(progress(el)).to.equal('Step 3 of 4: Children');
    await typeInto(el, '/children', '2');
    await el.back();
    controls(el, '/hasChildren')[1].click(); // No
    await el.updateComplete;
    expect(el.steps).to.deep.equal(['You', 'Family', 'Course']);
    expect(el.value).to.deep.equal({ name: 'Olena', hasChildren: false });
    controls(el, '/hasChildren')[0].click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ name: 'Olena', hasChildren: true, children: 2 });
  });

  it('reviews every active answer by step, changes one and comes back, then confirms with the reference', async () => {
    const el = await renderForm(definition, 'de');
    el.action = `/test-api/flow-${Date.now()}/submit`;
    el.value = { name: 'Olena', birthDate: '1990-03-04', hasChildren: false, level: 'b1' };
    await el.next();
    await el.next();
    expect(await el.next()).to.equal(true);
    expect(el.step).to.equal(-1);
    const rows = [...root(el).querySelectorAll('.review-row')].map((row) => [
      row.querySelector('dt')!.textContent!.trim(),
      row.querySelector('dd bdi')!.textContent!.trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Name', 'Olena'],
      ['Birth date', '4. März 1990'],
      ['Do you have children?', 'Nein'],
      ['German level', 'Intermediate'],
      ['Notes', 'Keine Angabe'],
    ]);
    expect(root(el).querySelectorAll('.review h3')).to.have.length(3);
    // Change the name from the review: the step opens with the field focused …
    const change = [...root(el).querySelectorAll<HTMLButtonElement>('.review-row button')][0];
    change.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.step).to.equal(0);
    expect(focused(el)).to.equal(control(el, '/name'));
    await sendKeys({ type: 'a' });
    // … and "Continue" goes straight back to the review.
    expect(await el.next()).to.equal(true);
    expect(el.step).to.equal(-1);
    expect(root(el).querySelector('.review-row dd bdi')!.textContent).to.equal('Olenaa');
    const submitted = oneEvent(el, 'intake-submitted');
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await submitted;
    await el.updateComplete;
    const title = root(el).querySelector<HTMLElement>('.confirmation-title')!;
    expect(focused(el)).to.equal(title);
    expect(root(el).querySelector('.reference')!.textContent).to.match(/^T-\d{4}$/);
    expect(root(el).querySelector('.confirmation')!.textContent).to.contain(
      'We will write to you within two weeks.',
    );
    expect(await axeViolations(el)).to.deep.equal([]);
    el.reset();
    await el.updateComplete;
    expect(el.step).to.equal(0);
    expect(root(el).querySelector('.confirmation')).to.equal(null);
  });

  it('submit() on a multi-step form with errors opens the step of the first error', async () => {
    const el = await renderForm(definition);
    el.value = { name: 'Olena' };
    await el.next();
    await el.next();
    expect(el.step).to.equal(1);
    el.value = { hasChildren: true };
    const result = await el.submit();
    expect(result.ok).to.equal(false);
    await el.updateComplete;
    expect(el.step).to.equal(0);
    expect(errorText(el, '/name')).to.equal('Error: Please fill in this field.');
  });

  it('has no axe violations on a step with errors and on the review', async () => {
    const el = await renderForm(definition);
    await el.next();
    await el.updateComplete;
    expect(await axeViolations(el)).to.deep.equal([]);
    el.value = { name: 'A', hasChildren: false };
    await el.next();
    await el.next();
    await el.next();
    expect(el.step).to.equal(-1);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('a one-page form with ui:review shows the review before sending', async () => {
    const el = await renderForm({
      schema: { type: 'object', properties: { a: { type: 'string', title: 'A' } } },
      ui: { 'ui:review': true },
    });
    expect(root(el).querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Continue');
    await el.next();
    expect(el.step).to.equal(-1);
    expect(root(el).querySelector('.review-row dd bdi')!.textContent).to.equal('Not answered');
  });
});
