import { expect } from '@open-wc/testing';
import { axeViolations } from '../helpers/axe.js';
import { control, controls, renderForm, root, typeInto, tab, focused } from '../helpers/form.js';
import type { FormDefinition } from '../../src/index.js';

async function loadExample(): Promise<FormDefinition> {
  return (await fetch('/schemas/ki-erstberatung.json')).json();
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
});
