/**
 * Text shown in the definition's language because a translation lacks it is marked with that
 * language (issue 19): on the review page's labels and on list entries' headings, as on labels,
 * hints and step titles.
 */
import { expect } from '@open-wc/testing';
import { renderForm, root } from '../helpers/form.js';

describe('fallback text keeps its language', () => {
  it('marks untranslated review labels and entry headings with the source language', async () => {
    const el = await renderForm(
      {
        lang: 'en',
        schema: {
          type: 'object',
          properties: {
            name: { type: 'string', title: 'Name' },
            pets: {
              type: 'array',
              title: 'Pets',
              minItems: 1,
              items: {
                type: 'object',
                title: 'Pet',
                properties: { kind: { type: 'string', title: 'Kind' } },
              },
            },
          },
        },
        ui: { 'ui:review': true },
        translations: { de: { '/schema/properties/name/title': 'Name (de)' } },
      },
      'de',
    );
    const heading = root(el).querySelector('.array-item-title')!;
    expect(heading.textContent!.trim()).to.equal('Pet 1');
    expect(heading.getAttribute('lang')).to.equal('en');
    el.value = { name: 'Ada', pets: [{ kind: 'cat' }] };
    await el.updateComplete;
    await el.next();
    await el.updateComplete;
    const labels = [...root(el).querySelectorAll('dt')].map((dt) => [
      dt.textContent!.trim(),
      dt.getAttribute('lang'),
    ]);
    expect(labels).to.deep.include(['Name (de)', 'de']);
    expect(labels).to.deep.include(['Pets 1: Kind', 'en']);
  });
});
