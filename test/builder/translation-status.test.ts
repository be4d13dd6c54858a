import { expect, fixture, html } from '@open-wc/testing';
import { findTranslatableStrings } from '../../cli/lib/find-strings.js';
import { localeStatus } from '../../cli/lib/translation-state.js';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { isObject, own, setAt, type Json } from '../../src/builder/core/json.js';
import { axeViolations } from '../helpers/axe.js';
import { exampleWithInlineEnglish, loadJson } from './helpers.js';

const DEFINITION = '/schemas/ki-erstberatung.json';

/**
 * What `intake-elements translations status` computes for a locale of the example, computed here
 * with the same module (cli/lib/translation-state.js) from the same files the command line reads:
 * the translations (inline or the file the definition names) and the `.meta.json` beside them.
 */
async function cliStatus(definition: Json, locale: string) {
  const entry = own(own(definition, 'translations'), locale);
  const file =
    typeof entry === 'string'
      ? `/schemas/${entry}`
      : `/schemas/translations/ki-erstberatung.${locale}.json`;
  const table = typeof entry === 'string' ? await loadJson(file) : entry;
  const meta = await loadJson(file.replace(/\.json$/, '.meta.json'));
  return localeStatus(
    definition as Record<string, unknown>,
    findTranslatableStrings(definition as Record<string, unknown>),
    table as Record<string, unknown>,
    own(meta, 'sources') as Record<string, string>,
  );
}

async function openBySrc(locale = 'en'): Promise<IntakeFormBuilder> {
  localStorage.removeItem(STORAGE_KEY);
  const el = await fixture<IntakeFormBuilder>(
    html`<intake-form-builder locale=${locale}></intake-form-builder>`,
  );
  const ready = new Promise((resolve) => el.addEventListener('intake-builder-ready', resolve));
  el.src = DEFINITION;
  await ready;
  await el.updateComplete;
  return el;
}

async function showLocale(el: IntakeFormBuilder, locale: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-translations')!.click();
  await el.updateComplete;
  const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#tr-locale')!;
  select.value = locale;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

function marks(el: IntakeFormBuilder, kind: string): number {
  return el.shadowRoot!.querySelectorAll(`#tr-table td.status.${kind}`).length;
}

describe('builder: status of shipped translations', () => {
  it('opened by URL, shows per language what `translations status` reports', async () => {
    const file = await loadJson(DEFINITION);
    const el = await openBySrc();
    expect(el.definition, 'opened unchanged').to.deep.equal(file);
    const locales = Object.keys(own(file, 'translations') as object);
    expect(locales.length).to.be.greaterThan(2);
    for (const locale of locales) {
      const expected = await cliStatus(file, locale);
      // The sidecars record a hash for every shipped translation: nothing is "unchecked".
      expect(expected.unchecked, locale).to.deep.equal([]);
      await showLocale(el, locale);
      expect(el.shadowRoot!.querySelector('#tr-summary')!.textContent!.trim(), locale).to.equal(
        el.s.summary(
          String(expected.translated),
          String(expected.total),
          String(expected.missing.length),
          String(expected.outdated.length),
        ),
      );
      expect(marks(el, 'missing'), locale).to.equal(expected.missing.length);
      expect(marks(el, 'outdated'), locale).to.equal(expected.outdated.length);
      expect(marks(el, 'unchecked'), locale).to.equal(0);
      expect(marks(el, 'done'), locale).to.equal(expected.translated);
    }
    // A language kept in its own file is edited right to left where it is written so.
    await showLocale(el, 'ar');
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#tr-table textarea')!;
    expect(area.readOnly).to.equal(false);
    expect(area.dir).to.equal('rtl');
    expect(area.value).to.not.equal('');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('edits a translation file beside the definition and downloads it with its sidecar', async () => {
    const el = await openBySrc();
    const file = await loadJson(DEFINITION);
    await showLocale(el, 'ar');
    const changes: CustomEvent[] = [];
    el.addEventListener('intake-builder-change', (e) => changes.push(e as CustomEvent));
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#tr-table textarea')!;
    area.value = 'نموذج معدل';
    area.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // The definition keeps its reference; the file's texts carry the edit.
    expect(el.definition, 'the reference stays').to.deep.equal(file);
    const first = findTranslatableStrings(file as Record<string, unknown>)[0].pointer;
    expect(el.translationFiles.ar.file).to.equal('translations/ki-erstberatung.ar.json');
    expect(el.translationFiles.ar.translations[first]).to.equal('نموذج معدل');
    expect(changes.at(-1)!.detail.translationFiles.ar.translations[first]).to.equal('نموذج معدل');

    const downloads: string[] = [];
    el.download = (name: string) => void downloads.push(name);
    const button = [...el.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Download ki-erstberatung.ar.json',
    )!;
    button.click();
    expect(downloads).to.deep.equal(['ki-erstberatung.ar.json', 'ki-erstberatung.ar.meta.json']);

    // check() looks into the file's texts as the command line looks into the file.
    expect(el.check().filter((p) => p.pointer.startsWith('/translations/ar'))).to.deep.equal([]);
    const table = { ...el.translationFiles.ar.translations, '/schema/nowhere': 'x' };
    el.external = { ...el.external, ar: table };
    el.fileEdited('ar');
    expect(el.check().map((p) => p.pointer)).to.include('/translations/ar/~1schema~1nowhere');
  });

  it('marks a translation outdated when its source text changes', async () => {
    const el = await openBySrc();
    const file = await loadJson(DEFINITION);
    const changed = setAt(file, '/schema/title', 'Erstberatung (neu)');
    el.edit(() => changed);
    for (const locale of ['en', 'ar']) {
      const expected = await cliStatus(changed, locale);
      expect(expected.outdated.map((s) => s.pointer)).to.deep.equal(['/schema/title']);
      await showLocale(el, locale);
      expect(marks(el, 'outdated'), locale).to.equal(1);
    }
    // Setting the same URL again opens the file afresh.
    const ready = new Promise((resolve) => el.addEventListener('intake-builder-ready', resolve));
    el.src = DEFINITION;
    await ready;
    expect(el.definition).to.deep.equal(file);
  });

  it('takes the hashes of inline translations as a property when opened as an object', async () => {
    localStorage.removeItem(STORAGE_KEY);
    const definition = await exampleWithInlineEnglish();
    const el = await fixture<IntakeFormBuilder>(
      html`<intake-form-builder locale="en"></intake-form-builder>`,
    );
    el.definition = definition;
    await showLocale(el, 'en');
    expect(marks(el, 'unchecked'), 'without the sidecar').to.be.greaterThan(0);
    el.translationMeta = {
      en: await loadJson('/schemas/translations/ki-erstberatung.en.meta.json'),
    };
    await el.updateComplete;
    const expected = await cliStatus(definition, 'en');
    expect(marks(el, 'unchecked')).to.equal(0);
    expect(marks(el, 'done')).to.equal(expected.translated);
    // Kept for the next definition opened.
    el.definition = definition;
    await showLocale(el, 'en');
    expect(marks(el, 'unchecked')).to.equal(0);
  });

  it('says so when the definition cannot be opened, and is still ready', async () => {
    localStorage.removeItem(STORAGE_KEY);
    const el = await fixture<IntakeFormBuilder>(
      html`<intake-form-builder locale="de"></intake-form-builder>`,
    );
    const ready = new Promise((resolve) => el.addEventListener('intake-builder-ready', resolve));
    el.src = '/schemas/gibt-es-nicht.json';
    await ready;
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[role="status"]')!.textContent!;
    expect(status).to.contain('konnte nicht geöffnet werden');
    expect(status).to.contain('gibt-es-nicht.json');
    expect(isObject(el.definition)).to.equal(true);
  });
});
