import { expect, fixture, html } from '@open-wc/testing';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { getAt, type Json } from '../../src/builder/core/json.js';
import { itemId } from '../../src/builder/ui/question-list.js';
import { ajvValid } from '../security/direct-ajv.js';
import { axeViolations } from '../helpers/axe.js';
import { differences } from './helpers.js';

const CONTACT: Json = {
  id: 'kontakt',
  version: '1',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name' },
      email: { type: 'string', format: 'email', title: 'E-Mail' },
      phone: { type: 'string', title: 'Telefon' },
    },
    required: ['name'],
  },
};

async function open(definition: Json, locale = 'de'): Promise<IntakeFormBuilder> {
  localStorage.removeItem(STORAGE_KEY);
  const el = await fixture<IntakeFormBuilder>(
    html`<intake-form-builder locale=${locale}></intake-form-builder>`,
  );
  el.definition = definition;
  await el.updateComplete;
  return el;
}

const root = (el: IntakeFormBuilder) => el.shadowRoot!;

async function select(el: IntakeFormBuilder, key: string): Promise<void> {
  root(el)
    .querySelector<HTMLButtonElement>(`#${itemId([key])}`)!
    .click();
  await el.updateComplete;
}

async function choose(el: IntakeFormBuilder, id: string, value: string): Promise<void> {
  const field = root(el).querySelector<HTMLSelectElement>(id)!;
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function requirePhoneWhenEmail(el: IntakeFormBuilder): Promise<void> {
  await select(el, 'phone');
  await choose(el, '#cond-kind', 'require');
  await choose(el, '#cond-subject', 'email');
  await choose(el, '#cond-operator', 'isAnswered');
  root(el).querySelector<HTMLButtonElement>('form.cond-add button[type="submit"]')!.click();
  await el.updateComplete;
}

const listText = (el: IntakeFormBuilder) =>
  root(el).querySelector('#cond-list')!.textContent!.replace(/\s+/g, ' ');

describe('builder: required when another question is answered (dependentRequired)', () => {
  it('writes "required when … is answered" as dependentRequired, and only that', async () => {
    const el = await open(CONTACT);
    await requirePhoneWhenEmail(el);
    expect(differences(CONTACT, el.definition)).to.deep.equal(['/schema/dependentRequired']);
    expect(getAt(el.definition, '/schema/dependentRequired')).to.deep.equal({ email: ['phone'] });
    expect(listText(el)).to.contain('„Telefon“ ist Pflicht, wenn „E-Mail“ beantwortet ist.');
    expect(root(el).querySelector('details.raw'), 'not shown as JSON').to.equal(null);
    expect(el.check()).to.deep.equal([]);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('reads it back into the same words when the definition is opened', async () => {
    const written = (await (async () => {
      const el = await open(CONTACT);
      await requirePhoneWhenEmail(el);
      return el.definition;
    })()) as Json;
    const el = await open(written, 'en');
    await select(el, 'phone');
    expect(listText(el)).to.contain('“Telefon” is required when “E-Mail” is answered.');
    expect(el.definition, 'opened unchanged').to.deep.equal(written);
  });

  it('the form it writes validates as meant', async () => {
    const el = await open(CONTACT);
    await requirePhoneWhenEmail(el);
    const schema = getAt(el.definition, '/schema') as object;
    expect(ajvValid(schema, { name: 'A' }), 'no e-mail: no phone needed').to.equal(true);
    expect(
      ajvValid(schema, { name: 'A', email: 'a@example.org' }),
      'e-mail without phone',
    ).to.equal(false);
    expect(ajvValid(schema, { name: 'A', email: 'a@example.org', phone: '0123' })).to.equal(true);
    expect(ajvValid(schema, { name: 'A', phone: '0123' }), 'phone alone').to.equal(true);
  });

  it('removing the sentence, or a question it names, leaves no trace', async () => {
    const el = await open(CONTACT);
    await requirePhoneWhenEmail(el);
    const remove = root(el).querySelector<HTMLButtonElement>('#cond-list button')!;
    expect(remove.getAttribute('aria-label')).to.contain('beantwortet');
    remove.click();
    await el.updateComplete;
    expect(el.definition).to.deep.equal(CONTACT);
    // The required question removed: no dependentRequired names it any more.
    await requirePhoneWhenEmail(el);
    root(el).querySelector<HTMLButtonElement>('#q-remove')!.click();
    await el.updateComplete;
    expect(getAt(el.definition, '/schema/dependentRequired')).to.equal(undefined);
    expect(el.check()).to.deep.equal([]);
    // The answered question removed: the builder asks, then removes the condition too.
    el.undo();
    await el.updateComplete;
    await select(el, 'email');
    root(el).querySelector<HTMLButtonElement>('#q-remove')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('#rm-list')!.textContent).to.contain('beantwortet');
    root(el).querySelector<HTMLButtonElement>('#rm-yes')!.click();
    await el.updateComplete;
    expect(getAt(el.definition, '/schema/dependentRequired')).to.equal(undefined);
    expect(getAt(el.definition, '/schema/properties/email')).to.equal(undefined);
    expect(el.check()).to.deep.equal([]);
  });

  it('keeps a dependentRequired it cannot say in words as written', async () => {
    const odd = JSON.parse(JSON.stringify(CONTACT)) as { schema: Record<string, unknown> };
    odd.schema.dependentRequired = { email: 'phone' };
    const el = await open(odd as Json, 'en');
    await select(el, 'phone');
    expect(root(el).querySelector('details.raw')!.textContent).to.contain(
      '/schema/dependentRequired',
    );
    expect(el.definition).to.deep.equal(odd);
  });
});
