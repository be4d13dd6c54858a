/**
 * WCAG 2.5.8 Target Size (Minimum): every interactive element of every example (the list the
 * Storybook shows) is at least 24 × 24 CSS pixels, in both shipped themes.
 */
import { expect } from '@open-wc/testing';
import {
  cleanup,
  describe as name,
  example,
  examples,
  interactiveElements,
  mountExample,
  type ThemeName,
} from './a11y-helpers.js';

const MINIMUM = 24;

function undersized(form: Element): string[] {
  return interactiveElements(form)
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width < MINIMUM - 0.01 || box.height < MINIMUM - 0.01)
    .map(({ el, box }) => `${name(el)}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
}

for (const theme of [undefined, 'kern'] as (ThemeName | undefined)[]) {
  describe(`target size, ${theme ?? 'built-in'} theme`, () => {
    afterEach(cleanup);
    for (const ex of examples) {
      it(`${ex.id}: every target is at least ${MINIMUM} × ${MINIMUM} px`, async () => {
        const form = await mountExample(ex, { theme: theme ?? ex.theme });
        const targets = interactiveElements(form);
        expect(targets.length, 'interactive elements found').to.be.greaterThan(0);
        expect(undersized(form)).to.deep.equal([]);
      });
    }
  });
}

describe('target size: the check can fail', () => {
  afterEach(() => {
    document.querySelector('style[data-tiny-targets]')?.remove();
    return cleanup();
  });

  it('catches buttons squeezed below 24 px by a host page', async () => {
    const style = document.createElement('style');
    style.dataset.tinyTargets = '';
    style.textContent = `intake-form::part(button) {
      min-block-size: 0; min-inline-size: 0; padding: 0; font-size: 10px; line-height: 1;
    }`;
    document.head.append(style);
    const form = await mountExample(example('arrays/entries'));
    expect(undersized(form).join('\n')).to.contain('button');
  });
});
