/**
 * The live preview switches between the form's steps without the author filling the steps before
 * (as it switches between locales, direction and width), by keyboard, and follows the form when
 * the author moves on in it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/builder/index.js';
import { STORAGE_KEY, type IntakeFormBuilder } from '../../src/builder/intake-form-builder.js';
import type { IntakeForm } from '../../src/index.js';
import { axeViolations } from '../helpers/axe.js';
import { loadJson } from './helpers.js';

async function opened(locale: string): Promise<IntakeFormBuilder> {
  localStorage.removeItem(STORAGE_KEY);
  const el = await fixture<IntakeFormBuilder>(
    html`<intake-form-builder locale=${locale}></intake-form-builder>`,
  );
  el.definition = await loadJson('/schemas/sprachkurs-anmeldung.json');
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.querySelector('#pv-step'), 'the step switch', {
    timeout: 10000,
  });
  return el;
}

function preview(el: IntakeFormBuilder): IntakeForm {
  return el.shadowRoot!.querySelector('intake-form') as IntakeForm;
}

function stepTitle(el: IntakeFormBuilder): string {
  return preview(el).shadowRoot!.querySelector('.step-title')?.textContent?.trim() ?? '';
}

describe('builder: the preview shows any step', () => {
  it('lists the steps and shows the one picked, unchecked, by keyboard', async () => {
    const el = await opened('de');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#pv-step')!;
    const options = [...select.options].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal([
      '1. Zu Ihrer Person',
      '2. Aufenthalt',
      '3. Kurswunsch',
      '4. Bisherige Kurse',
      '5. Nachricht und Einwilligung',
    ]);
    expect(stepTitle(el)).to.equal('Zu Ihrer Person');
    // Step 1 has required questions left empty: the preview still goes to step 3.
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => stepTitle(el) === 'Aufenthalt', 'step 2 shown', { timeout: 5000 });
    // The focus stays in the switch (the form moved it to its step heading).
    await waitUntil(() => el.shadowRoot!.activeElement === select, 'focus back', { timeout: 5000 });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => stepTitle(el) === 'Kurswunsch', 'step 3 shown', { timeout: 5000 });
    expect(preview(el).step).to.equal(2);
    expect(preview(el).shadowRoot!.querySelector('[aria-invalid="true"]')).to.equal(null);
    await el.updateComplete;
    expect(select.value).to.equal('2');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('follows the form: "Back" in the preview shows in the switch', async () => {
    const el = await opened('en');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#pv-step')!;
    expect(el.shadowRoot!.querySelector('label[for="pv-step"]')!.textContent).to.equal(
      'Step shown',
    );
    select.value = '4';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => preview(el).step === 4, 'the last step', { timeout: 5000 });
    expect(await preview(el).back()).to.equal(true);
    await waitUntil(() => select.value === '3', 'the switch follows', { timeout: 5000 });
  });

  it('names the steps in the language the preview shows', async () => {
    const el = await opened('de');
    const locale = el.shadowRoot!.querySelector<HTMLSelectElement>('#pv-locale')!;
    locale.value = 'en';
    locale.dispatchEvent(new Event('change'));
    const third = () =>
      el.shadowRoot!.querySelector<HTMLSelectElement>('#pv-step')!.options[2].textContent!.trim();
    await waitUntil(() => stepTitle(el) === 'About you', 'the preview in English', {
      timeout: 5000,
    });
    await waitUntil(() => third() === '3. Your course', `the switch in English (${third()})`, {
      timeout: 5000,
    });
  });

  it('switches the text direction and the width of the preview', async () => {
    const el = await opened('en');
    const frame = () => el.shadowRoot!.querySelector<HTMLElement>('.preview .frame')!;
    const desktop = frame().getBoundingClientRect().width;
    const dir = el.shadowRoot!.querySelector<HTMLSelectElement>('#pv-dir')!;
    dir.value = 'rtl';
    dir.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(frame().dir).to.equal('rtl');
    expect(getComputedStyle(preview(el)).direction).to.equal('rtl');
    const phone = el.shadowRoot!.querySelector<HTMLInputElement>(
      'input[name="pv-width"][value="phone"]',
    )!;
    phone.click();
    await el.updateComplete;
    expect(frame().classList.contains('phone')).to.equal(true);
    expect(frame().getBoundingClientRect().width).to.be.below(desktop);
    expect(frame().getBoundingClientRect().width).to.be.at.most(400);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('has no switch for a form of one step', async () => {
    localStorage.removeItem(STORAGE_KEY);
    const el = await fixture<IntakeFormBuilder>(html`<intake-form-builder></intake-form-builder>`);
    el.definition = await loadJson('/schemas/ki-erstberatung.json');
    await el.updateComplete;
    await waitUntil(() => preview(el).shadowRoot?.querySelector('form'), 'the preview', {
      timeout: 10000,
    });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#pv-step')).to.equal(null);
  });
});
