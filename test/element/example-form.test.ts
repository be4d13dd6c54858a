import { expect, oneEvent } from '@open-wc/testing';
import { axeViolations } from '../helpers/axe.js';
import {
  control,
  controls,
  errorText,
  renderForm,
  root,
  typeInto,
  tab,
  focused,
} from '../helpers/form.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';

/**
 * The example as an object, its English translations inline: given as `definition`, relative
 * translation URLs would resolve against the test page, not schemas/.
 */
async function loadExample(): Promise<FormDefinition> {
  const definition = (await (
    await fetch('/schemas/ki-erstberatung.json')
  ).json()) as FormDefinition;
  const english = (await (
    await fetch('/schemas/translations/ki-erstberatung.en.json')
  ).json()) as Record<string, string>;
  return { ...definition, translations: { ...definition.translations, en: english } };
}

describe('example: ki-erstberatung', () => {
  it('has no axe violations, empty and with every error shown', async () => {
    const el = await renderForm(await loadExample(), 'de');
    expect(await axeViolations(el)).to.deep.equal([]);
    await el.submit();
    await el.updateComplete;
    expect(root(el).querySelector('.error-summary')).to.exist;
    expect(root(el).querySelectorAll('.error-message').length).to.be.greaterThan(2);
    // The summary follows the order of the form, not the order in which the schema was checked.
    const targets = [...root(el).querySelectorAll('.error-summary a')].map((a) =>
      a.getAttribute('href'),
    );
    const positions = targets.map((href) =>
      [...root(el).querySelectorAll('[id]')].findIndex((node) => `#${node.id}` === href),
    );
    expect(positions.every((p) => p >= 0)).to.equal(true);
    expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('carries autocomplete tokens for personal data', async () => {
    const el = await renderForm(await loadExample(), 'de');
    expect(control(el, '/person/givenName').getAttribute('autocomplete')).to.equal('given-name');
    expect(control(el, '/person/familyName').getAttribute('autocomplete')).to.equal('family-name');
    expect(control(el, '/email').getAttribute('autocomplete')).to.equal('email');
    expect(control(el, '/address/postalCode').getAttribute('autocomplete')).to.equal('postal-code');
  });

  it('renders German source text, and English from pointer-keyed translations', async () => {
    const definition = await loadExample();
    const el = await renderForm(definition, 'de');
    const label = () => control(el, '/email').labels![0];
    const german = label().textContent!;
    await typeInto(el, '/email', 'amal@example.org');
    el.locale = 'en';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    const english = definition.translations!.en as Record<string, string>;
    expect(label().textContent).to.contain(english['/schema/properties/email/title']);
    expect(label().textContent).not.to.equal(german);
    expect(label().getAttribute('lang')).to.equal('en');
    expect(root(el).querySelector('form')!.getAttribute('lang')).to.equal('en');
    expect(control(el, '/email').value).to.equal('amal@example.org');
    expect(root(el).querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Send');
  });

  it('a person can fill and send it with the keyboard', async () => {
    const el = await renderForm(await loadExample(), 'de');
    el.addEventListener('intake-submit', (event) => event.preventDefault());
    await typeInto(el, '/person/givenName', 'Amal');
    await tab(el);
    expect(focused(el)).to.equal(control(el, '/person/familyName'));
    await typeInto(el, '/person/familyName', 'Haddad');
    await typeInto(el, '/email', 'amal@example.org');
    controls(el, '/topics')[0].click();
    control(el, '/consent').click();
    await el.updateComplete;
    const result = await el.submit();
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  });

  /** What every request needs, so that only the conditions under test decide validity. */
  const basics = {
    person: { givenName: 'Amal', familyName: 'Haddad' },
    email: 'amal@example.org',
    topics: ['housing'],
    consent: true,
  };
  const pointers = (el: IntakeForm) => el.validate().errors.map((error) => error.pointer);
  const label = (el: IntakeForm, pointer: string) =>
    control(el, pointer).labels![0].textContent!.replace(/\s+/g, ' ').trim();

  it('asks for the interpreter language only when an interpreter is wanted, and then requires it', async () => {
    const el = await renderForm(await loadExample(), 'de');
    el.value = basics;
    await el.updateComplete;
    expect(root(el).querySelector('[name="/interpreterLanguage"]')).to.equal(null);
    expect(el.validate().valid).to.equal(true);
    control(el, '/interpreterNeeded').click();
    await el.updateComplete;
    expect(label(el, '/interpreterLanguage')).to.contain('Sprache für die Sprachmittlung');
    expect(pointers(el)).to.deep.equal(['/interpreterLanguage']);
    // No interpreter after all: the question goes away, and with it the error.
    control(el, '/interpreterNeeded').click();
    await el.updateComplete;
    expect(root(el).querySelector('[name="/interpreterLanguage"]')).to.equal(null);
    expect(el.validate().valid).to.equal(true);
  });

  it('contact by post makes the postal address required; by phone, the phone number', async () => {
    const el = await renderForm(await loadExample(), 'de');
    el.value = basics;
    await el.updateComplete;
    expect(label(el, '/address/street')).to.contain('(freiwillige Angabe)');
    const [, phone, post] = controls(el, '/contactPreference');
    post.click();
    await el.updateComplete;
    expect(label(el, '/address/street')).not.to.contain('(freiwillige Angabe)');
    expect(label(el, '/address/city')).not.to.contain('(freiwillige Angabe)');
    expect(el.validate().valid).to.equal(false);
    await typeInto(el, '/address/street', 'Hauptstraße 1');
    await typeInto(el, '/address/postalCode', '50667');
    await typeInto(el, '/address/city', 'Köln');
    expect(pointers(el)).to.deep.equal([]);
    phone.click();
    await el.updateComplete;
    expect(pointers(el)).to.deep.equal(['/phone']);
  });

  it("says what is wrong with a postal code: five digits, in the form's language", async () => {
    const el = await renderForm(await loadExample(), 'de');
    await typeInto(el, '/address/postalCode', '5066');
    await tab(el);
    expect(errorText(el, '/address/postalCode')).to.contain('fünf Ziffern');
    el.locale = 'en';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(errorText(el, '/address/postalCode')).to.contain('five digits');
  });

  it('shows no grey example text that looks like an answer', async () => {
    // Hints go into ui:help, which stays readable and is read out with the field.
    for (const name of ['ki-erstberatung', 'sprachkurs-anmeldung'])
      expect(await (await fetch(`/schemas/${name}.json`)).text(), name).not.to.contain(
        'ui:placeholder',
      );
    const el = await renderForm(await loadExample(), 'de');
    expect(
      [...root(el).querySelectorAll('[placeholder]')].map((node) => node.outerHTML),
    ).to.deep.equal([]);
  });

  it('says on its confirmation what happens next', async () => {
    const el = await renderForm(await loadExample(), 'de');
    el.action = `/test-api/example-${Date.now()}/submit`;
    el.value = basics;
    const submitted = oneEvent(el, 'intake-submitted');
    expect((await el.submit()).ok).to.equal(true);
    await submitted;
    await el.updateComplete;
    expect(root(el).querySelector('.confirmation')!.textContent).to.contain(
      'Wir melden uns innerhalb einer Woche bei Ihnen',
    );
  });
});
