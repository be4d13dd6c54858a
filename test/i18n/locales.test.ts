/**
 * Every target locale speaks every message: its XLIFF file has a translated unit for each message
 * id, placeholders intact, and its generated module has a template for each id. The ids expected
 * are those of every XLIFF file and every generated module together: the build writes every
 * message of the source into each module (untranslated ones with the English text), so a `msg()`
 * added in src/ but not extracted and translated shows up as an id missing from the XLIFF files.
 */
import { expect } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { sourceLocale, targetLocales } from '../../src/generated/locale-codes.js';
import { getLocale, useLocale } from '../../src/i18n/localization.js';

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

interface Unit {
  source: Element;
  target: Element | undefined;
}

interface LocaleData {
  targetLanguage: string | null;
  units: Map<string, Unit>;
  templates: Record<string, unknown>;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

async function readXliff(locale: string): Promise<Omit<LocaleData, 'templates'>> {
  const path = `/xliff/${locale}.xlf`;
  const doc = new DOMParser().parseFromString(await fetchText(path), 'application/xml');
  const parseError = doc.getElementsByTagName('parsererror')[0];
  if (parseError) throw new Error(`${path} does not parse: ${parseError.textContent}`);
  const file = doc.getElementsByTagNameNS(XLIFF_NS, 'file')[0];
  const units = new Map<string, Unit>();
  for (const unit of doc.getElementsByTagNameNS(XLIFF_NS, 'trans-unit')) {
    const id = unit.getAttribute('id')!;
    if (units.has(id)) throw new Error(`${path}: trans-unit ${id} appears twice`);
    units.set(id, {
      source: unit.getElementsByTagNameNS(XLIFF_NS, 'source')[0],
      target: unit.getElementsByTagNameNS(XLIFF_NS, 'target')[0],
    });
  }
  return { targetLanguage: file?.getAttribute('target-language') ?? null, units };
}

/** The `<x/>` placeholders of a source or target, as sorted `id=equiv-text` strings. */
function placeholders(element: Element): string[] {
  return [...element.getElementsByTagNameNS(XLIFF_NS, 'x')]
    .map((x) => `${x.getAttribute('id')}=${x.getAttribute('equiv-text')}`)
    .sort();
}

const data = new Map<string, LocaleData>();
const expectedIds = new Set<string>();

describe('locales', () => {
  before(async () => {
    for (const locale of targetLocales) {
      const xliff = await readXliff(locale);
      // Imported as .ts by path so that every locale in locale-codes.ts is checked, not only those
      // with a loader.
      const module = (await import(`../../src/generated/locales/${locale}.ts`)) as {
        templates: Record<string, unknown>;
      };
      // The strings shown only after a form is usable, split off by tools/split-locale-strings.js.
      const later = (await import(`../../src/generated/locales/later-${locale}.ts`)) as {
        templates: Record<string, unknown>;
      };
      data.set(locale, { ...xliff, templates: { ...module.templates, ...later.templates } });
      for (const id of xliff.units.keys()) expectedIds.add(id);
      for (const id of Object.keys(module.templates)) expectedIds.add(id);
    }
  });

  after(() => useLocale(sourceLocale));

  it('lit-localize.json and the generated locale codes list the same target locales', async () => {
    const config = JSON.parse(await fetchText('/lit-localize.json')) as {
      sourceLocale: string;
      targetLocales: string[];
    };
    expect(config.sourceLocale).to.equal(sourceLocale);
    expect([...config.targetLocales].sort()).to.deep.equal([...targetLocales].sort());
    expect(targetLocales.length).to.be.greaterThan(1);
    expect(expectedIds.size).to.be.greaterThan(0);
  });

  for (const locale of targetLocales) {
    it(`${locale}: every message is translated, in the XLIFF file and the generated module`, () => {
      const { targetLanguage, units, templates } = data.get(locale)!;
      expect(targetLanguage, `target-language of xliff/${locale}.xlf`).to.equal(locale);
      const problems: string[] = [];
      for (const id of [...expectedIds].sort()) {
        const unit = units.get(id);
        if (!unit) problems.push(`${id}: no trans-unit in xliff/${locale}.xlf`);
        else if (!unit.target) problems.push(`${id}: no <target> in xliff/${locale}.xlf`);
        else {
          const hasText = (unit.target.textContent ?? '').trim() !== '';
          if (!hasText) problems.push(`${id}: empty <target> in xliff/${locale}.xlf`);
          const want = placeholders(unit.source);
          const got = placeholders(unit.target);
          if (want.join() !== got.join())
            problems.push(`${id}: placeholders [${got}] instead of [${want}]`);
        }
        if (!Object.hasOwn(templates, id)) problems.push(`${id}: not in generated ${locale}.ts`);
      }
      expect(problems, `${locale}: ${problems.length} problem(s)`).to.deep.equal([]);
    });
  }

  it('loads every target locale through the library, with its own strings', async () => {
    for (const locale of targetLocales) {
      await useLocale(locale);
      expect(getLocale(), 'locale after useLocale').to.equal(locale);
      const { units, templates } = data.get(locale)!;
      // A message without placeholders: msg() must now return this locale's template for it.
      const [id, unit] = [...units].find(([, u]) => placeholders(u.source).length === 0)!;
      expect(msg(unit.source.textContent!), `${locale} ${id}`).to.equal(templates[id]);
    }
  });

  it('xliff/translation-status.json records every target locale and nothing else', async () => {
    const status = JSON.parse(await fetchText('/xliff/translation-status.json')) as Record<
      string,
      { reviewed?: unknown; translator?: unknown; notes?: unknown }
    >;
    expect(Object.keys(status).sort()).to.deep.equal([...targetLocales].sort());
    for (const [locale, entry] of Object.entries(status)) {
      expect(entry.reviewed, `${locale}.reviewed`).to.be.a('boolean');
      expect(entry.translator, `${locale}.translator`).to.be.a('string').and.not.equal('');
      expect(entry.notes, `${locale}.notes`).to.be.a('string');
    }
  });
});
