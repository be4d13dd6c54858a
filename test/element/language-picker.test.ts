import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { IntakeForm, IntakeLanguagePicker } from '../../src/index.js';
import { whenReady } from '../helpers/form.js';

const definition = {
  id: 'picker',
  lang: 'de',
  schema: { type: 'object', properties: { city: { type: 'string', title: 'Ort' } } },
  translations: {
    en: { '/schema/properties/city/title': 'City' },
    ar: { '/schema/properties/city/title': 'المدينة' },
    uk: { '/schema/properties/city/title': 'Місто' },
  },
};

describe('<intake-language-picker>', () => {
  it('offers the languages the form has, each named in its own language, and switches the form', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <intake-language-picker for="f1"></intake-language-picker>
        <intake-form id="f1"></intake-form>
        <intake-form id="f2"></intake-form>
      </div>`,
    );
    const form = wrapper.querySelector<IntakeForm>('#f1')!;
    const other = wrapper.querySelector<IntakeForm>('#f2')!;
    const picker = wrapper.querySelector<IntakeLanguagePicker>('intake-language-picker')!;
    const ready = Promise.all([whenReady(form), whenReady(other)]);
    form.definition = definition;
    other.definition = { ...definition, id: 'other' };
    await ready;
    await picker.updateComplete;
    const select = picker.shadowRoot!.querySelector('select')!;
    const options = [...select.options].map((o) => [o.value, o.text.trim(), o.lang]);
    expect(options).to.deep.equal([
      ['de', 'Deutsch', 'de'],
      ['en', 'English', 'en'],
      ['ar', 'العربية', 'ar'],
      ['uk', 'Українська', 'uk'],
    ]);
    expect(select.value).to.equal('de');
    expect(select.labels![0].textContent!.trim()).to.not.equal('');
    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    await form.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 30));
    await form.updateComplete;
    expect(form.locale).to.equal('ar');
    expect(form.shadowRoot!.querySelector('form')!.getAttribute('dir')).to.equal('rtl');
    expect(form.shadowRoot!.querySelector('label')!.textContent).to.contain('المدينة');
    // Bound to one form: the other keeps its language.
    expect(other.locale ?? '').to.equal('');
  });

  it('without `for`, switches every form on the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <intake-language-picker></intake-language-picker>
        <intake-form></intake-form>
        <intake-form></intake-form>
      </div>`,
    );
    const forms = [...wrapper.querySelectorAll<IntakeForm>('intake-form')];
    const ready = Promise.all(forms.map(whenReady));
    forms.forEach((f, i) => (f.definition = { ...definition, id: `f${i}` }));
    await ready;
    const picker = wrapper.querySelector<IntakeLanguagePicker>('intake-language-picker')!;
    await picker.updateComplete;
    const select = picker.shadowRoot!.querySelector('select')!;
    select.value = 'uk';
    select.dispatchEvent(new Event('change'));
    expect(forms.map((f) => f.locale)).to.deep.equal(['uk', 'uk']);
  });

  it('tells the page which language was picked (intake-language, bubbling and composed), after the forms switched', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <intake-language-picker></intake-language-picker>
        <intake-form></intake-form>
      </div>`,
    );
    const form = wrapper.querySelector<IntakeForm>('intake-form')!;
    const ready = whenReady(form);
    form.definition = definition;
    await ready;
    const picker = wrapper.querySelector<IntakeLanguagePicker>('intake-language-picker')!;
    await picker.updateComplete;
    const heard: Array<{ locale: string; formLocale: string | undefined; event: CustomEvent }> = [];
    // A web team's page script listens on document, as demo/demo.js does.
    const listener = (event: Event) => {
      const custom = event as CustomEvent<{ locale: string }>;
      heard.push({ locale: custom.detail.locale, formLocale: form.locale, event: custom });
    };
    document.addEventListener('intake-language', listener);
    try {
      const select = picker.shadowRoot!.querySelector('select')!;
      select.value = 'ar';
      select.dispatchEvent(new Event('change'));
      expect(heard.map(({ locale, formLocale }) => [locale, formLocale])).to.deep.equal([
        ['ar', 'ar'],
      ]);
      expect(heard[0].event.bubbles).to.equal(true);
      expect(heard[0].event.composed).to.equal(true);
      expect(heard[0].event.target).to.equal(picker);
    } finally {
      document.removeEventListener('intake-language', listener);
    }
  });
  it('follows a language the page sets after the form is ready (a language kept across a reload)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <intake-language-picker></intake-language-picker>
        <intake-form></intake-form>
      </div>`,
    );
    const form = wrapper.querySelector<IntakeForm>('intake-form')!;
    const picker = wrapper.querySelector<IntakeLanguagePicker>('intake-language-picker')!;
    const ready = whenReady(form);
    form.definition = definition;
    await ready;
    await picker.updateComplete;
    const select = () => picker.shadowRoot!.querySelector('select')!;
    expect(select().value).to.equal('de');
    form.locale = 'uk';
    await form.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 30));
    await picker.updateComplete;
    expect(select().value).to.equal('uk');
  });
});
