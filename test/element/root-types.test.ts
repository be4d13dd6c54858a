/**
 * Root schemas that are not objects (issue 19): a list or a single answer at the root starts with
 * the right empty value, renders, submits, and is not invalid before anyone touched it.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { control, renderForm, root } from '../helpers/form.js';

describe('root schemas of other types', () => {
  it('a root list starts as [], adds entries and validates', async () => {
    const el = await renderForm({
      schema: {
        type: 'array',
        title: 'Household members',
        items: { type: 'string', title: 'Name' },
      },
    });
    expect(el.value).to.deep.equal([]);
    expect(el.validate().valid).to.equal(true);
    const add = root(el).querySelector<HTMLButtonElement>('button[data-action="add"]')!;
    expect(add).to.exist;
    add.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
    control(el, '/0').focus();
    await sendKeys({ type: 'Ada' });
    expect(el.value).to.deep.equal(['Ada']);
    expect(el.validate().valid).to.equal(true);
  });

  it('a root list with minItems is not shown as invalid untouched', async () => {
    const el = await renderForm({
      schema: { type: 'array', minItems: 1, items: { type: 'string', title: 'Name' } },
    });
    expect(root(el).querySelector('.error-message')).to.equal(null);
    expect(root(el).querySelector('[aria-invalid="true"]')).to.equal(null);
  });

  it('a root string starts with nothing, is labelled, and submits what is typed', async () => {
    const el = await renderForm({
      schema: { type: 'string', title: 'Your question', maxLength: 20 },
    });
    expect(el.value).to.equal(undefined);
    const input = control(el, '');
    const label = root(el).querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).to.contain('Your question');
    expect(root(el).querySelector('[aria-invalid="true"]')).to.equal(null);
    input.focus();
    await sendKeys({ type: 'Opening hours?' });
    expect(el.value).to.equal('Opening hours?');
    expect(el.validate().valid).to.equal(true);
  });

  it('a root number with a default starts with it', async () => {
    const el = await renderForm({ schema: { type: 'integer', title: 'Guests', default: 2 } });
    expect(el.value).to.equal(2);
    expect(el.validate().valid).to.equal(true);
  });
});
