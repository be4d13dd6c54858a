import { expect, fixture, html } from '@open-wc/testing';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { clone, getAt, type Json } from '../../src/builder/core/json.js';
import { itemId } from '../../src/builder/ui/question-list.js';
import { axeViolations } from '../helpers/axe.js';

/** "Wie viele Kinder?" is shown, and required, only when "Haben Sie Kinder?" is yes. */
const FAMILY: Json = {
  id: 'familie',
  version: '1',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name' },
      hasChildren: { type: 'boolean', title: 'Haben Sie Kinder?' },
    },
    allOf: [
      {
        if: { properties: { hasChildren: { const: true } }, required: ['hasChildren'] },
        then: {
          properties: { children: { type: 'integer', title: 'Wie viele Kinder?' } },
          required: ['children'],
        },
      },
    ],
  },
};

async function open(locale: string, definition: Json): Promise<IntakeFormBuilder> {
  localStorage.removeItem(STORAGE_KEY);
  const el = await fixture<IntakeFormBuilder>(
    html`<intake-form-builder locale=${locale}></intake-form-builder>`,
  );
  el.definition = definition;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: IntakeFormBuilder, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T;

describe('builder: removing a question that a condition tests', () => {
  it('asks first, naming the conditions; cancelling changes nothing', async () => {
    const el = await open('en', FAMILY);
    $<HTMLButtonElement>(el, `#${itemId(['hasChildren'])}`).click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#q-remove').click();
    await el.updateComplete;
    expect(el.definition, 'nothing removed yet').to.deep.equal(FAMILY);
    const ask = $(el, '.confirm');
    expect(ask.getAttribute('role')).to.equal('group');
    expect($(el, '#rm-ask').textContent).to.contain('Haben Sie Kinder?');
    expect($(el, '#rm-list').textContent).to.contain('Wie viele Kinder?');
    expect(el.shadowRoot!.activeElement?.id, 'focus on the confirmation').to.equal('rm-yes');
    expect(await axeViolations(el)).to.deep.equal([]);
    $<HTMLButtonElement>(el, '#rm-no').click();
    await el.updateComplete;
    expect($(el, '.confirm')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('q-remove');
    expect(el.definition).to.deep.equal(FAMILY);
  });

  it('removes the question and its conditions in one undoable step; what they showed stays', async () => {
    const el = await open('de', FAMILY);
    $<HTMLButtonElement>(el, `#${itemId(['hasChildren'])}`).click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#q-remove').click();
    await el.updateComplete;
    expect($(el, '#rm-ask').textContent).to.contain('Bedingung');
    $<HTMLButtonElement>(el, '#rm-yes').click();
    await el.updateComplete;
    const after = el.definition;
    expect(getAt(after, '/schema/properties/hasChildren')).to.equal(undefined);
    expect(getAt(after, '/schema/allOf')).to.equal(undefined);
    expect(getAt(after, '/schema/properties/children')).to.deep.equal({
      type: 'integer',
      title: 'Wie viele Kinder?',
    });
    expect(getAt(after, '/schema/required')).to.deep.equal(['children']);
    expect(el.check()).to.deep.equal([]);
    expect(el.undo()).to.equal(true);
    expect(el.definition, 'one undo restores both').to.deep.equal(FAMILY);
  });

  it('drops an open confirmation when another question is selected', async () => {
    const el = await open('en', FAMILY);
    $<HTMLButtonElement>(el, `#${itemId(['hasChildren'])}`).click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#q-remove').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, `#${itemId(['name'])}`).click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, `#${itemId(['hasChildren'])}`).click();
    await el.updateComplete;
    expect($(el, '.confirm')).to.equal(null);
    expect(el.definition).to.deep.equal(FAMILY);
  });

  it('removes a question no condition tests at once, without asking', async () => {
    const el = await open('en', FAMILY);
    $<HTMLButtonElement>(el, `#${itemId(['name'])}`).click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#q-remove').click();
    await el.updateComplete;
    expect(getAt(el.definition, '/schema/properties/name')).to.equal(undefined);
    expect(getAt(el.definition, '/schema/allOf')).to.deep.equal(getAt(FAMILY, '/schema/allOf'));
  });

  it('check() names a condition that tests a question the form does not have, in de and en', async () => {
    const dangling = clone(FAMILY) as { schema: Record<string, unknown> };
    delete (dangling.schema.properties as Record<string, unknown>).hasChildren;
    dangling.schema.dependentRequired = { phone: ['name'] };
    const en = await open('en', dangling as Json);
    expect(en.check()).to.deep.equal([
      {
        pointer: '/schema/allOf/0/if/properties/hasChildren',
        message: 'condition tests "hasChildren", which is no question here: it never holds',
      },
      {
        pointer: '/schema/dependentRequired/phone',
        message: 'condition tests "phone", which is no question here: it never holds',
      },
    ]);
    const de = await open('de', dangling as Json);
    expect(de.check().map((p) => p.message)).to.deep.equal([
      'Eine Bedingung prüft die Frage „hasChildren“, die es hier nicht (mehr) gibt: sie trifft nie zu.',
      'Eine Bedingung prüft die Frage „phone“, die es hier nicht (mehr) gibt: sie trifft nie zu.',
    ]);
    expect($(de, 'header .count').textContent).to.contain('2');
  });
});
