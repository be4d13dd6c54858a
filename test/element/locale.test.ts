import { expect } from '@open-wc/testing';
import { control, errorText, focused, renderForm, root, tab, typeInto } from '../helpers/form.js';

const definition = {
  lang: 'de',
  schema: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', title: 'Name', minLength: 3 },
      city: { type: 'string', title: 'Ort' },
    },
  },
  translations: {
    en: { '/schema/properties/city/title': 'City' },
    ar: { '/schema/properties/city/title': 'المدينة' },
  },
};

async function settle(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30));
  await el.updateComplete;
}

describe('locale', () => {
  it('defaults to the definition’s lang', async () => {
    const el = await renderForm({ ...definition }, '');
    expect(root(el).querySelector('form')!.getAttribute('lang')).to.equal('de');
    expect(root(el).querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Absenden');
  });

  it('switches language in place: data, focus and shown errors stay, messages change language', async () => {
    const el = await renderForm({ ...definition }, 'de');
    await typeInto(el, '/name', 'Al');
    await tab(el);
    expect(errorText(el, '/name')).to.equal('Fehler: Bitte geben Sie mindestens 3 Zeichen ein.');
    control(el, '/city').focus();
    el.locale = 'en';
    await settle(el);
    expect(errorText(el, '/name')).to.equal('Error: Please enter at least 3 characters.');
    expect(control(el, '/name').value).to.equal('Al');
    expect(focused(el)).to.equal(control(el, '/city'));
    expect(control(el, '/city').labels![0].textContent).to.contain('City');
    // Untranslated text keeps its source language, so screen readers pronounce it right.
    expect(control(el, '/name').labels![0].getAttribute('lang')).to.equal('de');
  });

  it('sets dir="rtl" for Arabic and keeps layout logical', async () => {
    const el = await renderForm({ ...definition }, 'ar');
    const form = root(el).querySelector('form')!;
    expect(form.getAttribute('dir')).to.equal('rtl');
    expect(form.getAttribute('lang')).to.equal('ar');
    expect(getComputedStyle(control(el, '/city')).direction).to.equal('rtl');
    expect(control(el, '/city').labels![0].textContent).to.contain('المدينة');
  });
});
