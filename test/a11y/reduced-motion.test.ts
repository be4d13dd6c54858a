/**
 * `prefers-reduced-motion: reduce`: nothing in the form moves — no transition, animation or
 * smooth scrolling — also where a theme adds transitions through `::part` (themes/kern.css does).
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import {
  cleanup,
  deepElements,
  describe as name,
  example,
  frames,
  mountExample,
} from './a11y-helpers.js';

function moving(form: Element): string[] {
  const problems: string[] = [];
  for (const el of [form, ...deepElements(form.shadowRoot!)]) {
    const style = getComputedStyle(el);
    const durations = `${style.transitionDuration},${style.animationDuration}`
      .split(',')
      .map((d) => parseFloat(d) || 0);
    if (durations.some((d) => d > 0)) problems.push(`${name(el)}: transition or animation`);
    if (style.animationName !== 'none')
      problems.push(`${name(el)}: animation ${style.animationName}`);
    if (style.scrollBehavior === 'smooth') problems.push(`${name(el)}: smooth scrolling`);
  }
  return problems;
}

function buttons(form: Element): Element[] {
  return [...form.shadowRoot!.querySelectorAll('button')];
}

describe('prefers-reduced-motion', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await cleanup();
  });

  it('the KERN theme animates buttons when motion is welcome (so the check below can fail)', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const form = await mountExample(example('sprachkurs-anmeldung/review'), { theme: 'kern' });
    await frames();
    expect(buttons(form).length).to.be.greaterThan(0);
    expect(moving(form).length, 'transitions present').to.be.greaterThan(0);
  });

  for (const theme of [undefined, 'default', 'kern'] as const) {
    for (const id of [
      'sprachkurs-anmeldung/review',
      'sprachkurs-anmeldung/step-1-errors',
      'ki-erstberatung/confirmation',
      'arrays/entries',
    ]) {
      it(`${theme ?? 'built-in'} styles, ${id}: nothing moves with reduced motion`, async () => {
        await emulateMedia({ reducedMotion: 'reduce' });
        const form = await mountExample(example(id), { theme });
        await frames();
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
        expect(moving(form)).to.deep.equal([]);
      });
    }
  }

  it('transitions a host page adds to parts stop too (the element wins over the page)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const style = document.createElement('style');
    style.dataset.hostMotion = '';
    style.textContent = `intake-form::part(button), intake-form::part(control) {
      transition: background-color 1s, color 1s !important;
    }`;
    document.head.append(style);
    try {
      const form = await mountExample(example('arrays/entries'));
      await frames();
      expect(moving(form)).to.deep.equal([]);
      await emulateMedia({ reducedMotion: 'no-preference' });
      await frames();
      expect(moving(form).length, 'the same page moves without the preference').to.be.greaterThan(
        0,
      );
    } finally {
      style.remove();
    }
  });
});
