import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
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

  it('checks applied JSON against the definition format (schemas/intake-definition.schema.json)', async () => {
    const el = await builder('de');
    el.definition = await loadJson('/schemas/ki-erstberatung.json');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-json')!.click();
    await el.updateComplete;
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#json-text')!;
    // Valid JSON, but not a definition: the version must be a string, the source language given.
    const { lang: _lang, ...rest } = el.definition as Record<string, Json>;
    area.value = JSON.stringify({ ...rest, version: 3 });
    (area.nextElementSibling as HTMLButtonElement).click();
    await el.updateComplete;
    // Shown in the JSON tab, in the author's language, once the author pauses.
    await waitUntil(
      () => el.shadowRoot!.querySelector('ul.problems')?.textContent?.includes('Falscher Typ'),
      'the problems shown',
    );
    const problems = el.check();
    expect(problems).to.deep.include({
      pointer: '/version',
      message: 'Falscher Typ (must be string).',
    });
    expect(problems).to.deep.include({ pointer: '/lang', message: 'Die Angabe „lang“ fehlt.' });
    expect(el.shadowRoot!.querySelector('.count')!.textContent).to.contain('2 Probleme');
  });

  it("shows a problem next to the question it concerns, in the author's words", async () => {
    const el = await builder('de');
    const definition = (await loadJson('/schemas/sprachkurs-anmeldung.json')) as Record<
      string,
      Json
    >;
    const schema = definition.schema as Record<string, Record<string, Record<string, Json>>>;
    schema.properties.email = { ...schema.properties.email, pattern: '([a-z' };
    el.definition = definition;
    await el.updateComplete;
    const panelProblems = (): string =>
      el.shadowRoot!.querySelector('.panel ul.problems')?.textContent?.replace(/\s+/g, ' ') ?? '';
    // Another question's panel does not show it.
    el.shadowRoot!.querySelector<HTMLButtonElement>('#item-givenName')!.click();
    await el.updateComplete;
    expect(panelProblems()).to.equal('');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#item-email')!.click();
    await el.updateComplete;
    expect(panelProblems()).to.contain('/schema/properties/email/pattern');
    expect(panelProblems()).to.contain('Das Muster (regulärer Ausdruck) ist ungültig');
  });

  it('exports the definition as JSON and then forgets the work kept in this browser', async () => {
    const el = await builder('en');
    const definition = await loadJson('/schemas/sprachkurs-anmeldung.json');
    el.definition = definition;
    el.edit((d) => ({ ...(d as object), version: '2027-01-01' }) as Json);
    expect(localStorage.getItem(STORAGE_KEY)).to.not.equal(null);
    const downloads: { name: string; type: string; text: string }[] = [];
    el.download = (name: string, type: string, text: string) =>
      void downloads.push({ name, type, text });
    await el.updateComplete;
    const button = [...el.shadowRoot!.querySelectorAll('header button')].find(
      (b) => b.textContent!.trim() === 'Export JSON',
    ) as HTMLButtonElement;
    button.click();
    await el.updateComplete;
    expect(downloads).to.have.length(1);
    expect(downloads[0].name).to.equal('sprachkurs-anmeldung.json');
    expect(downloads[0].type).to.equal('application/json');
    expect(JSON.parse(downloads[0].text)).to.deep.equal({
      ...(definition as object),
      version: '2027-01-01',
    });
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Exported');
  });

  it('opens a definition file chosen with "Open definition file" as one undoable step', async () => {
    const el = await builder('en');
    const definition = await loadJson('/schemas/sprachkurs-anmeldung.json');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('header input[type="file"]')!;
    const choose = async (text: string, name: string) => {
      const files = new DataTransfer();
      files.items.add(new File([text], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
      await waitUntil(() => input.value === '', 'the file read');
      await el.updateComplete;
    };
    await choose(JSON.stringify(definition), 'sprachkurs-anmeldung.json');
    expect(el.definition).to.deep.equal(definition);
    expect(el.shadowRoot!.querySelector('.item .select')).to.not.equal(null);
    await choose('{ not json', 'broken.json');
    expect(el.definition, 'a broken file changes nothing').to.deep.equal(definition);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
      'The file could not be opened',
    );
    expect(el.undo()).to.equal(true);
    expect(el.definition).to.not.deep.equal(definition);
  });

  it('check() names a conditional question that additionalProperties: false refuses (draft-07)', async () => {
    // A draft-07 definition cannot use unevaluatedProperties: the builder leaves the level as it
    // is when the author adds the condition, and says what that means.
    const draft07 = {
      id: 'alt',
      version: '1',
      lang: 'de',
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        additionalProperties: false,
        properties: { schule: { type: 'boolean', title: 'Schule' } },
        allOf: [
          {
            if: { properties: { schule: { const: true } }, required: ['schule'] },
            then: { properties: { name: { type: 'string', title: 'Name der Schule' } } },
          },
        ],
      },
    } as Json;
    const de = await builder('de');
    de.definition = draft07;
    expect(de.check()).to.deep.include({
      pointer: '/schema/allOf/0/then/properties/name',
      message:
        '„name“ wird unter einer Bedingung gezeigt, aber additionalProperties: false lehnt die Antwort hier immer ab: nutzen Sie unevaluatedProperties: false (JSON Schema 2019-09 oder neuer).',
    });
    // With the name declared at the level too, or without additionalProperties: false, it is fine.
    const schema = (draft07 as { schema: Record<string, Json> }).schema;
    de.definition = { ...(draft07 as object), schema: { ...schema, additionalProperties: true } };
    expect(de.check()).to.deep.equal([]);
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
