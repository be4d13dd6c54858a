/**
 * Every example form in every locale: no library string left in English, right-to-left layout for
 * Arabic and Farsi, language switches that keep data, step and focus, and axe in ar and fa.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { IntakeForm } from '../../src/index.js';
import { targetLocales } from '../../src/generated/locale-codes.js';
import { axeViolations } from '../helpers/axe.js';
import { control, focused, typeInto, whenReady } from '../helpers/form.js';

const EXAMPLES = ['ki-erstberatung', 'sprachkurs-anmeldung'];

/** The English source strings of the library, and each locale's translations of them. */
async function libraryStrings(locale: string): Promise<Map<string, string>> {
  const xml = new DOMParser().parseFromString(
    await (await fetch(`/xliff/${locale}.xlf`)).text(),
    'application/xml',
  );
  const pairs = new Map<string, string>();
  for (const unit of xml.querySelectorAll('trans-unit')) {
    // Only whole strings without placeholders can be looked for verbatim in the page.
    if (unit.querySelector('source x')) continue;
    pairs.set(
      unit.querySelector('source')!.textContent!,
      unit.querySelector('target')?.textContent ?? '',
    );
  }
  return pairs;
}

async function load(name: string, locale: string): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(
    html`<intake-form src=${`/schemas/${name}.json`} locale=${locale}></intake-form>`,
  );
  await whenReady(el);
  await el.updateComplete;
  return el;
}

async function settle(el: IntakeForm): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await el.updateComplete;
}

/** Whether `text` contains `phrase` as whole words: the French "Continuer" is not "Continue". */
function showsWord(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
}

/** The library's own text on screen: buttons, progress, summary, markers and messages. */
function libraryText(el: IntakeForm): string[] {
  const selectors = [
    'button',
    '.progress',
    '.error-summary h2',
    '.optional',
    '.error-message',
    '.review h2',
    '.review p',
    '.review dd',
  ];
  return [...el.shadowRoot!.querySelectorAll(selectors.join(','))].map((node) =>
    node.textContent!.replace(/\s+/g, ' ').trim(),
  );
}

describe('every example in every locale', () => {
  for (const locale of targetLocales) {
    it(`${locale}: no library string shown in English`, async () => {
      const strings = await libraryStrings(locale);
      for (const name of EXAMPLES) {
        const el = await load(name, locale);
        // Provoke errors, so that the summary and messages show too.
        if (el.steps.length > 0) await el.next();
        else el.validate();
        await el.updateComplete;
        const shown = libraryText(el).join('\n');
        for (const [source, target] of strings) {
          if (source === target || source.length < 4) continue;
          expect(
            showsWord(shown, source),
            `${name} in ${locale} shows English "${source}"`,
          ).to.equal(false);
        }
        expect(shown.length).to.be.greaterThan(0);
      }
    });
  }

  for (const locale of ['ar', 'fa']) {
    it(`${locale}: right to left, with no axe violations`, async () => {
      for (const name of EXAMPLES) {
        const el = await load(name, locale);
        const form = el.shadowRoot!.querySelector('form')!;
        expect(form.getAttribute('dir')).to.equal('rtl');
        expect(getComputedStyle(form).direction).to.equal('rtl');
        // Logical layout: the first field's label starts at the right edge of the form.
        const label = el.shadowRoot!.querySelector('label')!;
        const formBox = form.getBoundingClientRect();
        const labelBox = label.getBoundingClientRect();
        expect(
          Math.abs(formBox.right - labelBox.right),
          'label aligned to the right',
        ).to.be.lessThan(40);
        expect(await axeViolations(el)).to.deep.equal([]);
        if (el.steps.length > 0) await el.next();
        else el.validate();
        await el.updateComplete;
        expect(await axeViolations(el)).to.deep.equal([]);
      }
    });
  }

  it('switching language mid-form keeps data, step and focus', async () => {
    const el = await load('sprachkurs-anmeldung', 'de');
    await typeInto(el, '/givenName', 'Olena');
    await typeInto(el, '/familyName', 'Kovalenko');
    await typeInto(el, '/birthDate', '');
    el.value = {
      ...(el.value as object),
      birthDate: '1990-03-04',
      email: 'olena@example.org',
      address: { street: 'Hauptstr. 1', postalCode: '50667', city: 'Köln' },
    };
    await el.updateComplete;
    expect(await el.next()).to.equal(true);
    expect(el.step).to.equal(1);
    const stepTitle = el.shadowRoot!.querySelector('.step-title')!.textContent!.trim();
    const firstRadio = el.shadowRoot!.querySelector<HTMLInputElement>('[name="/residenceStatus"]')!;
    firstRadio.focus();
    el.locale = 'en';
    await settle(el);
    expect(el.step).to.equal(1);
    expect(focused(el)).to.equal(el.shadowRoot!.querySelector('[name="/residenceStatus"]'));
    expect(el.shadowRoot!.querySelector('.step-title')!.textContent!.trim()).to.not.equal(
      stepTitle,
    );
    expect(el.value).to.include({ givenName: 'Olena', familyName: 'Kovalenko' });
    el.locale = 'ar';
    await settle(el);
    expect(el.shadowRoot!.querySelector('form')!.getAttribute('dir')).to.equal('rtl');
    expect(el.step).to.equal(1);
    await el.back();
    expect(control(el, '/givenName').value).to.equal('Olena');
  });

  it('accepts Arabic-Indic and Persian digits in the example’s postal code and phone', async () => {
    const el = await load('ki-erstberatung', 'fa');
    await typeInto(el, '/address/postalCode', '۵۰۶۶۷');
    await typeInto(el, '/phone', '٠٢٢١ ١٢٣٤٥٦٧');
    expect(el.value).to.deep.include({ address: { postalCode: '50667' }, phone: '0221 1234567' });
  });
});
