/**
 * WCAG 1.4.10 Reflow and 1.4.4 Resize Text: every example (the list the Storybook shows) fits a
 * 320 CSS px wide viewport without horizontal scrolling, and text at 200 % (root font size) on a
 * 1280 px wide page loses nothing: no horizontal scrolling, no element sticking out of the page,
 * no text clipped by its box. Both in the built-in styles and the KERN theme (larger spacing).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  cleanup,
  deepElements,
  describe as name,
  example,
  examples,
  frames,
  isShown,
  mountExample,
  type ThemeName,
} from './a11y-helpers.js';

function overflowProblems(form: Element, width: number): string[] {
  const problems: string[] = [];
  const page = document.scrollingElement!;
  if (page.scrollWidth > page.clientWidth + 1) {
    problems.push(`the page scrolls horizontally (${page.scrollWidth} > ${page.clientWidth} px)`);
  }
  for (const el of deepElements(form.shadowRoot!)) {
    if (!isShown(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1) {
      problems.push(`${name(el)} sticks out: ${Math.round(box.left)}…${Math.round(box.right)} px`);
      continue;
    }
    const style = getComputedStyle(el);
    const clips =
      style.overflowX !== 'visible' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
    if (clips && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)} clips its content (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
  }
  return problems.slice(0, 10);
}

for (const theme of [undefined, 'kern'] as (ThemeName | undefined)[]) {
  describe(`reflow at 320 px, ${theme ?? 'built-in'} styles`, () => {
    before(() => setViewport({ width: 320, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));
    afterEach(cleanup);
    for (const ex of examples) {
      it(`${ex.id}: no horizontal scrolling at 320 px`, async () => {
        const form = await mountExample(ex, { theme: theme ?? ex.theme });
        await frames();
        expect(window.innerWidth).to.equal(320);
        expect(overflowProblems(form, 320)).to.deep.equal([]);
      });
    }
  });

  describe(`text at 200 %, ${theme ?? 'built-in'} styles`, () => {
    before(() => setViewport({ width: 1280, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));
    afterEach(cleanup);
    for (const ex of examples) {
      it(`${ex.id}: nothing lost with text at 200 %`, async () => {
        document.documentElement.style.fontSize = '200%';
        const form = await mountExample(ex, { theme: theme ?? ex.theme });
        await frames();
        const label = form.shadowRoot!.querySelector('label, legend, h2, p');
        expect(label, 'some text').to.exist;
        // The form's text really grew (it follows the root font size).
        expect(parseFloat(getComputedStyle(form).fontSize)).to.equal(32);
        expect(overflowProblems(form, 1280)).to.deep.equal([]);
      });
    }
  });
}

/** The WCAG 1.4.12 values, as a reader's style sheet or bookmarklet would set them. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

describe('text spacing (WCAG 1.4.12) at 320 px', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(cleanup);
  for (const ex of examples.filter(
    (e) => !e.id.startsWith('widgets/') || e.id.endsWith('/with-help'),
  )) {
    it(`${ex.id}: nothing lost with increased text spacing`, async () => {
      const form = await mountExample(ex);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(TEXT_SPACING);
      form.shadowRoot!.adoptedStyleSheets = [...form.shadowRoot!.adoptedStyleSheets, sheet];
      await frames();
      expect(
        getComputedStyle(form.shadowRoot!.querySelector('label, legend, h2')!).letterSpacing,
      ).to.not.equal('normal');
      expect(overflowProblems(form, 320)).to.deep.equal([]);
    });
  }
});

describe('reflow: the check can fail', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => {
    document.querySelector('style[data-wide]')?.remove();
    return cleanup();
  });

  it('catches a control wider than the viewport', async () => {
    const style = document.createElement('style');
    style.dataset.wide = '';
    style.textContent = 'intake-form::part(control) { inline-size: 400px; }';
    document.head.append(style);
    const form = await mountExample(example('widgets/text/filled'));
    await frames();
    expect(overflowProblems(form, 320).join('\n')).to.match(/scrolls horizontally|sticks out/);
  });
});
