import { expect, oneEvent } from '@open-wc/testing';
import type { SchemaObject } from '../../src/index.js';
import { control, errorText, focused, renderForm, root, tab, typeInto } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  required: ['name', 'email', 'address'],
  properties: {
    name: { type: 'string', title: 'Name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
    age: { type: 'integer', title: 'Age', minimum: 18 },
    address: {
      type: 'object',
      title: 'Address',
      required: ['postalCode'],
      properties: { postalCode: { type: 'string', title: 'Postal code', pattern: '^[0-9]{5}$' } },
    },
  },
};

describe('errors', () => {
  it('shows nothing on the first render of an empty form', async () => {
    const el = await renderForm({ schema });
    expect(root(el).querySelectorAll('.error-message')).to.have.length(0);
    expect(root(el).querySelector('[aria-invalid="true"]')).to.equal(null);
    expect(root(el).querySelector('.error-summary')).to.equal(null);
  });

  it('shows a field error after the person leaves the field, and clears it once fixed', async () => {
    const el = await renderForm({ schema });
    await typeInto(el, '/email', 'not-an-email');
    expect(errorText(el, '/email')).to.equal(undefined);
    await tab(el);
    const input = control(el, '/email');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(errorText(el, '/email')).to.equal('Error: Please enter a valid email address.');
    // Other untouched fields stay quiet.
    expect(errorText(el, '/name')).to.equal(undefined);
    await typeInto(el, '/email', '@example.org');
    // "not-an-email@example.org" is valid: the message goes while typing.
    expect(errorText(el, '/email')).to.equal(undefined);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('on submit: a focused error summary with a link per error that moves focus to its control', async () => {
    const el = await renderForm({ schema });
    const errorEvent = oneEvent(el, 'intake-error');
    const result = await el.submit();
    expect(result.ok).to.equal(false);
    expect((await errorEvent).detail.type).to.equal('validation');
    if (!result.ok) {
      expect(result.reason).to.equal('invalid');
      expect(result.errors!.map((e) => `${e.pointer} ${e.keyword}`)).to.have.members([
        '/name required',
        '/email required',
        '/address/postalCode required',
      ]);
    }
    const summary = root(el).querySelector<HTMLElement>('.error-summary')!;
    expect(summary).to.exist;
    expect(focused(el)).to.equal(summary);
    expect(summary.querySelector('h2')!.textContent).to.equal('There is a problem');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Name: Please fill in this field.',
      'Email: Please fill in this field.',
      'Postal code: Please fill in this field.',
    ]);
    links[2].click();
    expect(focused(el)).to.equal(control(el, '/address/postalCode'));
    // Every invalid control points at its message.
    for (const pointer of ['/name', '/email', '/address/postalCode']) {
      expect(control(el, pointer).getAttribute('aria-invalid'), pointer).to.equal('true');
      expect(errorText(el, pointer), pointer).to.match(/^Error: /);
    }
  });

  it('words a summary link after a question without a colon ("Which course? …")', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        required: ['course', 'city'],
        properties: {
          course: { type: 'string', title: 'Which course would you like?' },
          city: { type: 'string', title: 'City:' },
        },
      },
    });
    await el.submit();
    const links = [...root(el).querySelectorAll('.error-summary a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Which course would you like? Please fill in this field.',
      'City: Please fill in this field.',
    ]);
  });

  it('validate() reports pointers, keywords and localized messages, and shows them', async () => {
    const el = await renderForm({ schema }, 'de');
    el.value = { name: 'A', email: 'a@b.de', age: 12, address: { postalCode: '123' } };
    const { valid, errors } = el.validate();
    expect(valid).to.equal(false);
    expect(errors).to.deep.equal([
      {
        pointer: '/name',
        keyword: 'minLength',
        message: 'Bitte geben Sie mindestens 2 Zeichen ein.',
      },
      { pointer: '/age', keyword: 'minimum', message: 'Bitte geben Sie eine Zahl ab 18 ein.' },
      {
        pointer: '/address/postalCode',
        keyword: 'pattern',
        message: 'Bitte prüfen Sie das Format dieser Angabe.',
      },
    ]);
    await el.updateComplete;
    expect(errorText(el, '/age')).to.equal('Fehler: Bitte geben Sie eine Zahl ab 18 ein.');
    el.value = { name: 'Ali', email: 'a@b.de', address: { postalCode: '12345' } };
    expect(el.validate()).to.deep.equal({ valid: true, errors: [] });
  });

  it('uses a form author’s own message for a keyword (ui:options.errorMessages), translated', async () => {
    const el = await renderForm(
      {
        schema,
        ui: {
          address: {
            postalCode: { 'ui:options': { errorMessages: { pattern: 'Five digits, please.' } } },
          },
        },
        translations: {
          de: { '/ui/address/postalCode/ui:options/errorMessages/pattern': 'Bitte fünf Ziffern.' },
        },
      },
      'de',
    );
    el.value = { name: 'Ali', email: 'a@b.de', address: { postalCode: '12' } };
    expect(el.validate().errors[0].message).to.equal('Bitte fünf Ziffern.');
  });

  it('reset() clears data, errors and the summary', async () => {
    const el = await renderForm({ schema });
    await typeInto(el, '/name', 'Ali');
    await el.submit();
    await el.updateComplete;
    el.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ address: {} });
    expect(root(el).querySelector('.error-summary')).to.equal(null);
    expect(root(el).querySelectorAll('.error-message')).to.have.length(0);
    expect(control(el, '/name').value).to.equal('');
  });
});
