import { expect, fixture, html } from '@open-wc/testing';
import { findTranslatableStrings } from '../../cli/lib/find-strings.js';
import { sourceHash } from '../../cli/lib/source-hash.js';
import { unitsFor } from '../../cli/lib/translation-state.js';
import { writeXliff } from '../../cli/lib/xliff.js';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import { getAt, own, setAt, type Json } from '../../src/builder/core/json.js';
import { translationStatus } from '../../src/builder/ui/translations-panel.js';
import { axeViolations } from '../helpers/axe.js';
import { exampleWithInlineEnglish, loadJson } from './helpers.js';

async function metaHashes(locale: string): Promise<Record<string, string>> {
  const meta = await loadJson(`/schemas/translations/ki-erstberatung.${locale}.meta.json`);
  return own(meta, 'sources') as Record<string, string>;
}

describe('builder: translation status and XLIFF', () => {
  it('hashes source texts as the command line does (SHA-256, 16 hex digits)', async () => {
    for (const text of ['', 'Vorname', 'Straße und Hausnummer', '😀'.repeat(40), 'x'.repeat(64)]) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(sourceHash(text)).to.equal(hex.slice(0, 16));
    }
  });

  it('agrees with the command line: English is complete and current; a changed source is outdated', async () => {
    const definition = await exampleWithInlineEnglish();
    const hashes = await metaHashes('en');
    const status = translationStatus(definition, 'en', hashes);
    // cli/schemas-translations.test.js asserts the same of `translations status`.
    expect(status.missing).to.deep.equal([]);
    expect(status.outdated).to.deep.equal([]);
    expect(status.total).to.equal(
      findTranslatableStrings(definition as Record<string, unknown>).length,
    );
    const changed = setAt(definition, '/schema/title', 'Erstberatung');
    const after = translationStatus(changed, 'en', hashes);
    expect(after.outdated.map((s) => s.pointer)).to.deep.equal(['/schema/title']);
  });

  it('imports an XLIFF file into the table, marked translated', async () => {
    localStorage.removeItem(STORAGE_KEY);
    const definition = await exampleWithInlineEnglish();
    const english = getAt(definition, '/translations/en') as Record<string, string>;
    const strings = findTranslatableStrings(definition as Record<string, unknown>);
    const xliff = writeXliff({
      sourceLang: 'de',
      targetLang: 'en',
      fileId: 'ki-erstberatung',
      units: unitsFor(strings, english, await metaHashes('en')),
    });
    const withoutEnglish = setAt(definition, '/translations/en', undefined) as Json;
    const el = await fixture<IntakeFormBuilder>(
      html`<intake-form-builder locale="en"></intake-form-builder>`,
    );
    el.definition = withoutEnglish;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-translations')!.click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#tr-import')!;
    const files = new DataTransfer();
    files.items.add(new File([xliff], 'ki-erstberatung.en.xlf', { type: 'application/xliff+xml' }));
    input.files = files.files;
    const changed = new Promise((resolve) => el.addEventListener('intake-builder-change', resolve));
    input.dispatchEvent(new Event('change'));
    await changed;
    await el.updateComplete;
    expect(getAt(el.definition, '/translations/en')).to.deep.equal(english);
    const marks = [...el.shadowRoot!.querySelectorAll('#tr-table td.status')].map((td) =>
      td.textContent!.trim(),
    );
    expect(new Set(marks)).to.deep.equal(new Set(['translated']));
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
