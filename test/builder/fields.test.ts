/**
 * What an author sets in a question's panel and on the form tab — description, help, placeholder,
 * required, limits, autofill token, error messages, radio or select, file types and size, review
 * page and confirmation text — lands in the definition where the form reads it, and the real
 * `<intake-form>` in the builder's preview shows and checks it so.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { getAt } from '../../src/builder/core/json.js';
import type { IntakeForm } from '../../src/index.js';
import { axeViolations } from '../helpers/axe.js';

let el: IntakeFormBuilder;

function $<T extends Element>(selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** Types into a builder field and leaves it (fields commit on change). */
async function fill(id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLSelectElement>(`#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function add(kind: string, title: string): Promise<void> {
  $<HTMLSelectElement>('#add-kind').value = kind;
  $<HTMLInputElement>('#add-title').value = title;
  $<HTMLButtonElement>('form.add button[type="submit"]').click();
  await el.updateComplete;
}

/** The preview's form, once it shows the definition as it is now. */
async function preview(): Promise<{ form: IntakeForm; root: ShadowRoot }> {
  const id = JSON.stringify(el.definition);
  const form = $<IntakeForm>('intake-form');
  await waitUntil(
    () => form.shadowRoot?.querySelector('form') && JSON.stringify(form.definition) === id,
    'the preview shows the current definition',
    { timeout: 10000 },
  );
  await form.updateComplete;
  return { form, root: form.shadowRoot! };
}

describe('builder: what the panels set is what the form does', () => {
  beforeEach(async () => {
    localStorage.removeItem(STORAGE_KEY);
    el = await fixture<IntakeFormBuilder>(
      html`<intake-form-builder locale="en"></intake-form-builder>`,
    );
  });

  it('a text question: texts, required, limits, autofill token and error messages', async () => {
    await add('shortText', 'Vorname');
    await fill('q-description', 'Wie im Pass.');
    await fill('q-help', 'Alle Vornamen.');
    await fill('q-placeholder', 'z. B. Amina');
    await fill('q-autocomplete', 'given-name');
    $<HTMLInputElement>('#q-required').click();
    await el.updateComplete;
    await fill('q-minLength', '2');
    await fill('q-maxLength', '50');
    await fill('q-error-required', 'Bitte den Vornamen angeben.');
    await fill('q-error-minLength', 'Mindestens zwei Zeichen.');
    const d = el.definition;
    expect(getAt(d, '/schema/properties/vorname')).to.deep.include({
      description: 'Wie im Pass.',
      minLength: 2,
      maxLength: 50,
    });
    expect(getAt(d, '/schema/required')).to.deep.equal(['vorname']);
    expect(getAt(d, '/ui/vorname')).to.deep.include({
      'ui:help': 'Alle Vornamen.',
      'ui:placeholder': 'z. B. Amina',
      'ui:autocomplete': 'given-name',
    });
    expect(getAt(d, '/ui/vorname/ui:options/errorMessages')).to.deep.equal({
      required: 'Bitte den Vornamen angeben.',
      minLength: 'Mindestens zwei Zeichen.',
    });
    expect(await axeViolations(el)).to.deep.equal([]);

    const { form, root } = await preview();
    const input = root.querySelector<HTMLInputElement>('[name="/vorname"]')!;
    expect(input.placeholder).to.equal('z. B. Amina');
    expect(input.autocomplete).to.equal('given-name');
    expect(input.required || input.getAttribute('aria-required') === 'true').to.equal(true);
    expect(root.textContent).to.contain('Wie im Pass.');
    expect(root.textContent).to.contain('Alle Vornamen.');
    const messages = () => form.validate().errors.map((e) => e.message);
    form.value = {};
    expect(messages()).to.deep.equal(['Bitte den Vornamen angeben.']);
    form.value = { vorname: 'A' };
    expect(messages()).to.deep.equal(['Mindestens zwei Zeichen.']);
    form.value = { vorname: 'Amina' };
    expect(messages()).to.deep.equal([]);
  });

  it('one choice as radio buttons or a select; a file with its types and size', async () => {
    await add('oneChoice', 'Status');
    const { root } = await preview();
    expect(root.querySelectorAll('input[type="radio"][name="/status"]')).to.have.length(1);
    await fill('q-widget', 'select');
    expect(getAt(el.definition, '/ui/status/ui:widget')).to.equal('select');
    expect((await preview()).root.querySelector('select[name="/status"]')).to.not.equal(null);

    await add('file', 'Nachweis');
    await fill('q-accept', '.pdf,application/pdf');
    await fill('q-maxSize', '1000');
    expect(getAt(el.definition, '/ui/nachweis/ui:options')).to.deep.equal({
      accept: '.pdf,application/pdf',
      maxSize: 1000,
    });
    const file = (await preview()).root.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(file.accept).to.equal('.pdf,application/pdf');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('the review page and the confirmation text, seen in the preview', async () => {
    await add('shortText', 'Name');
    $<HTMLButtonElement>('#tab-form').click();
    await el.updateComplete;
    await fill('form-confirmation', 'Wir melden uns innerhalb von zwei Wochen.');
    $<HTMLInputElement>('#form-review').click();
    await el.updateComplete;
    expect(getAt(el.definition, '/ui/ui:review')).to.equal(true);
    expect(getAt(el.definition, '/ui/ui:confirmation')).to.equal(
      'Wir melden uns innerhalb von zwei Wochen.',
    );
    expect(await axeViolations(el)).to.deep.equal([]);

    const { form, root } = await preview();
    form.value = { name: 'Amina' };
    expect(await form.next(), 'on to the review').to.equal(true);
    expect(form.step).to.equal(-1);
    expect(root.textContent).to.contain('Amina');
    const sent = await form.submit();
    expect(sent, JSON.stringify(sent)).to.include({ ok: true });
    await form.updateComplete;
    expect(root.textContent).to.contain('Wir melden uns innerhalb von zwei Wochen.');
  });
});
