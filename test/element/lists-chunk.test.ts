/**
 * Lists (their rendering and their model) are a chunk of their own, loaded before a form whose
 * schema has lists is shown, and not at all for a form without. Each test file runs in a page of
 * its own, so the list of fetched modules tells which code the element loaded; the tests run in
 * this order.
 */
import { expect } from '@open-wc/testing';
import { renderForm, root } from '../helpers/form.js';

const listsFetched = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => /render-array|array-model/.test(entry.name));

describe('the lists chunk', () => {
  // The browser keeps 250 resource entries by default; a page of the test runner fetches every
  // source module on its own, so make room for the modules the element loads later.
  before(() => performance.setResourceTimingBufferSize(100_000));

  it('is not loaded for a form without lists', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: { name: { type: 'string', title: 'Name' }, age: { type: 'integer' } },
      },
    });
    expect(root(el).querySelectorAll('input')).to.have.length(2);
    expect(listsFetched()).to.equal(false);
  });

  it('is loaded before the form is shown for `type: "array"` without `items`', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: { notes: { type: 'array', title: 'Notes' } },
      },
      ui: { notes: { items: { 'ui:widget': 'text' } } },
    });
    el.value = { notes: ['first', 'second'] };
    await el.updateComplete;
    expect(listsFetched()).to.equal(true);
    const items = root(el).querySelectorAll('.array-item');
    expect(items).to.have.length(2);
    expect(root(el).textContent).to.contain('Notes');
  });

  it('fills a list up to minItems with its items’ defaults when the form loads', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          children: {
            type: 'array',
            minItems: 2,
            items: {
              type: 'object',
              properties: { name: { type: 'string', default: 'Kind' } },
            },
          },
        },
      },
    });
    expect(el.value).to.deep.equal({ children: [{ name: 'Kind' }, { name: 'Kind' }] });
    expect(root(el).querySelectorAll('.array-item')).to.have.length(2);
  });
});
