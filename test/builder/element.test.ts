import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/builder/index.js';
import type { IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { STORAGE_KEY } from '../../src/builder/intake-form-builder.js';
import { TABLES } from '../../src/builder/i18n.js';
import { deepEqual, type Json } from '../../src/builder/core/json.js';
import { axeViolations } from '../helpers/axe.js';
import { differences, loadJson, SCHEMA_FILES } from './helpers.js';

async function builder(locale = 'de'): Promise<IntakeFormBuilder> {
  localStorage.removeItem(STORAGE_KEY);
  const el = await fixture<IntakeFormBuilder>(
    html`<intake-form-builder locale=${locale}></intake-form-builder>`,
  );
  await el.updateComplete;
  return el;
}

describe('<intake-form-builder>', () => {
  it('opens each example and gives it back deep-equal, with a ready event', async () => {
    for (const file of SCHEMA_FILES.filter((f) => !f.includes('intake-definition'))) {
      const definition = await loadJson(`/schemas/${file}`);
      const el = await builder();
      const ready = oneEvent(el, 'intake-builder-ready');
      el.definition = definition;
      await ready;
      expect(deepEqual(el.definition, definition), file).to.equal(true);
      expect(el.check(), file).to.deep.equal([]);
    }
  });

  it('edits, fires intake-builder-change, and undoes and redoes', async () => {
    const el = await builder();
    el.definition = await loadJson('/schemas/ki-erstberatung.json');
    await el.updateComplete;
    const item = el.shadowRoot!.querySelector<HTMLButtonElement>('.item .select')!;
    item.click();
    await el.updateComplete;
    const title = el.shadowRoot!.querySelector<HTMLInputElement>('#q-title')!;
    const change = oneEvent(el, 'intake-builder-change');
    title.value = 'Zu Ihrer Person';
    title.dispatchEvent(new Event('change'));
    const { detail } = await change;
    const definition = detail.definition as { $defs?: unknown; schema: Record<string, Json> };
    expect(
      (definition.schema.properties as Record<string, Record<string, Json>>).person.title,
    ).to.equal('Zu Ihrer Person');
    expect(el.undo()).to.equal(true);
    expect(deepEqual(el.definition, await loadJson('/schemas/ki-erstberatung.json'))).to.equal(
      true,
    );
    expect(el.redo()).to.equal(true);
    expect(el.redo()).to.equal(false);
    // The work is kept in this browser until exported.
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).definition).to.deep.equal(el.definition);
  });

  it('reports the command line check problems in the interface language', async () => {
    const definition = await loadJson('/schemas/ki-erstberatung.json');
    const broken = {
      ...(definition as object),
      ui: { 'ui:steps': [{ title: 'Eins', fields: ['nichtDa'] }] },
    } as Json;
    const de = await builder('de');
    de.definition = broken;
    expect(de.check()).to.deep.include({
      pointer: '/ui/ui:steps/0/fields/0',
      message: 'Ein Schritt nennt die unbekannte Frage „nichtDa“.',
    });
    const en = await builder('en');
    en.definition = broken;
    const [problem] = en.check();
    expect(problem.pointer).to.equal('/ui/ui:steps/0/fields/0');
    expect(problem.message).to.contain('nichtDa');
  });

  it('edits a condition it cannot put in words as JSON, changing only that', async () => {
    const definition = await loadJson('/schemas/sprachkurs-anmeldung.json');
    const el = await builder('en');
    el.definition = definition;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.item .select')!.click();
    await el.updateComplete;
    const raw = el.shadowRoot!.querySelector<HTMLDetailsElement>('details.raw')!;
    expect(raw.textContent).to.contain('/schema/dependentSchemas');
    const area = raw.querySelector<HTMLTextAreaElement>('textarea')!;
    const value = JSON.parse(area.value);
    value.childrenCount.properties.children.maxItems = 5;
    area.value = JSON.stringify(value);
    area.nextElementSibling!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    expect(differences(definition, el.definition)).to.deep.equal([
      '/schema/dependentSchemas/childrenCount/properties/children/maxItems',
    ]);
  });

  it('applies the JSON view only when it parses, and says why not', async () => {
    const el = await builder('en');
    el.definition = await loadJson('/schemas/ki-erstberatung.json');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-json')!.click();
    await el.updateComplete;
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#json-text')!;
    const apply = area.nextElementSibling as HTMLButtonElement;
    area.value = '{ "id": ';
    apply.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#json-error')!.textContent).to.contain('Not valid JSON');
    expect(el.shadowRoot!.activeElement?.id).to.equal('json-error');
    const changed = { ...(el.definition as object), version: '2027-01-01' };
    area.value = JSON.stringify(changed);
    apply.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#json-error')).to.equal(null);
    expect(el.definition).to.deep.equal(changed);
    expect(el.undo()).to.equal(true);
  });

  it('has every interface string in German and English', () => {
    expect(Object.keys(TABLES.de).sort()).to.deep.equal(Object.keys(TABLES.en).sort());
    const kinds = TABLES.de.kindNames as Record<string, string>;
    expect(Object.keys(kinds).sort()).to.deep.equal(
      Object.keys(TABLES.en.kindNames as Record<string, string>).sort(),
    );
  });

  it('is accessible in each tab, in German and English', async () => {
    for (const locale of ['de', 'en']) {
      const el = await builder(locale);
      el.definition = await loadJson('/schemas/sprachkurs-anmeldung.json');
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('.item .select')!.click();
      await el.updateComplete;
      for (const tab of ['questions', 'form', 'translations', 'json']) {
        el.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${tab}`)!.click();
        await el.updateComplete;
        expect(await axeViolations(el), `${locale} ${tab}`).to.deep.equal([]);
      }
    }
  });
});
