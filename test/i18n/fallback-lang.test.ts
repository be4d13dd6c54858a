/**
 * Text shown in the definition's language because a translation lacks it is marked with that
 * language (issue 19): on the review page's labels, list entries' headings, labels, hints, step
 * titles and descriptions, "Add …" / "Remove …" buttons and the error summary's labels.
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

  it('marks step titles and descriptions, hints, "Add …" and error-summary labels too', async () => {
    const el = await renderForm(
      {
        lang: 'en',
        schema: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', title: 'Full name', description: 'As in your passport' },
            place: {
              type: 'object',
              title: 'Place',
              properties: {
                extra: {
                  type: 'object',
                  title: 'Extra details',
                  properties: { note: { type: 'string' } },
                },
              },
            },
          },
        },
        ui: {
          'ui:steps': [
            { title: 'About you', description: 'Who you are', fields: ['name', 'place'] },
          ],
        },
        translations: { de: { '/schema/properties/place/title': 'Ort' } },
      },
      'de',
    );
    const shadow = root(el);
    const langOf = (selector: string) => shadow.querySelector(selector)?.getAttribute('lang');
    expect(langOf('[part="form"]')).to.equal('de');
    expect(langOf('.step-title')).to.equal('en');
    expect(langOf('[part="step-description"]')).to.equal('en');
    expect(shadow.querySelector('[data-pointer="/name"] .hint div')!.getAttribute('lang')).to.equal(
      'en',
    );
    // "Add Extra details": the German wording, the English title marked as English.
    const add = shadow.querySelector('[data-action="expand"]')!;
    expect(add.textContent!.replace(/\s+/g, ' ').trim()).to.contain('Extra details');
    expect(add.querySelector('span[lang="en"]')!.textContent).to.equal('Extra details');
    const result = await el.submit();
    expect(result.ok).to.equal(false);
    await el.updateComplete;
    const link = shadow.querySelector('.error-summary a')!;
    expect(link.querySelector('span[lang="en"]')!.textContent).to.equal('Full name');
    expect(link.textContent).to.match(/^Full name: /);
  });
});
