/**
 * Both shipped themes (and the built-in defaults) pass the contrast checks, measured from
 * computed styles of what is on screen:
 *
 * - WCAG 1.4.3: every visible text — labels, hints, errors, buttons, the summary, the review, the
 *   confirmation, typed values and placeholders — has 4.5:1 against what is behind it (3:1 for
 *   large text). Disabled controls and their labels are exempt, as in WCAG.
 * - WCAG 1.4.11: the boundary of every control (its border, or for a button its border or fill)
 *   and every error indicator (bar, summary border) has 3:1 against what is behind it.
 *
 * The focus ring is checked in focus.test.ts.
 */
import { expect } from '@open-wc/testing';
import type { IntakeForm } from '../../src/index.js';
import {
  backgroundBehind,
  cleanup,
  composite,
  contrast,
  deepElements,
  describe as name,
  example,
  examples,
  formatColour,
  isShown,
  mountExample,
  parseColour,
  type ThemeName,
} from './a11y-helpers.js';

/** States with every kind of text and indicator: errors, help, review, confirmation, lists. */
const CHECKED = [
  ...examples.filter((ex) => /^widgets\/[^/]+\/(error|with-help|filled|read-only)$/.test(ex.id)),
  ...examples.filter((ex) => !ex.id.startsWith('widgets/')),
];

function isDisabled(el: Element): boolean {
  const control = el.closest('fieldset:disabled, :disabled, .field:has(:disabled)');
  return control !== null;
}

function large(style: CSSStyleDeclaration): boolean {
  const size = parseFloat(style.fontSize);
  const weight = Number(style.fontWeight) || 400;
  return size >= 24 || (size >= 18.66 && weight >= 700);
}

function textColour(el: Element, pseudo?: string): ReturnType<typeof parseColour> {
  const style = getComputedStyle(el, pseudo);
  const colour = parseColour(style.color);
  return colour[3] < 1 ? composite(colour, backgroundBehind(el)) : colour;
}

function textProblems(form: IntakeForm): string[] {
  const problems: string[] = [];
  for (const el of deepElements(form.shadowRoot!)) {
    if (!isShown(el) || isDisabled(el)) continue;
    const style = getComputedStyle(el);
    const minimum = large(style) ? 3 : 4.5;
    const ownText = [...el.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
    );
    const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
    const typed =
      (field &&
        (el as HTMLInputElement).value !== '' &&
        !['checkbox', 'radio', 'color', 'range', 'file'].includes((el as HTMLInputElement).type)) ||
      el instanceof HTMLSelectElement;
    if (ownText || typed) {
      const ratio = contrast(textColour(el), backgroundBehind(el));
      if (ratio < minimum) {
        problems.push(
          `${name(el)}: text ${formatColour(textColour(el))} on ${formatColour(backgroundBehind(el))} is ${ratio.toFixed(2)}:1 (needs ${minimum}:1)`,
        );
      }
    }
    if (field && (el as HTMLInputElement).placeholder && (el as HTMLInputElement).value === '') {
      const colour = textColour(el, '::placeholder');
      const ratio = contrast(colour, backgroundBehind(el));
      if (ratio < 4.5) {
        problems.push(
          `${name(el)}: placeholder ${formatColour(colour)} is ${ratio.toFixed(2)}:1 (needs 4.5:1)`,
        );
      }
    }
  }
  return problems;
}

function borderColour(el: Element, side: 'Top' | 'InlineStart' = 'Top') {
  const style = getComputedStyle(el);
  const prefix = side === 'Top' ? 'border-top' : 'border-inline-start';
  return {
    width: parseFloat(style.getPropertyValue(`${prefix}-width`)) || 0,
    colour: parseColour(style.getPropertyValue(`${prefix}-color`)),
  };
}

function boundaryProblems(form: IntakeForm): string[] {
  const problems: string[] = [];
  const root = form.shadowRoot!;
  const check = (el: Element, what: string, side: 'Top' | 'InlineStart' = 'Top') => {
    const { width, colour } = borderColour(el, side);
    const behind = backgroundBehind(el, false);
    if (width < 1) {
      problems.push(`${name(el)}: ${what} has no border`);
      return;
    }
    const ratio = contrast(composite(colour, behind), behind);
    if (ratio < 3) {
      problems.push(
        `${name(el)}: ${what} ${formatColour(colour)} on ${formatColour(behind)} is ${ratio.toFixed(2)}:1 (needs 3:1)`,
      );
    }
  };
  for (const el of root.querySelectorAll('.control')) {
    if (isShown(el) && !isDisabled(el) && !(el as HTMLInputElement).readOnly)
      check(el, 'control border');
  }
  for (const el of root.querySelectorAll('button:not(.link-button)')) {
    if (!isShown(el) || (el as HTMLButtonElement).disabled) continue;
    const behind = backgroundBehind(el, false);
    const fill = contrast(backgroundBehind(el), behind);
    if (fill < 3) check(el, 'button border');
  }
  for (const el of root.querySelectorAll('.field-error'))
    if (isShown(el)) check(el, 'error bar', 'InlineStart');
  for (const el of root.querySelectorAll('.error-summary'))
    if (isShown(el)) check(el, 'error summary border');
  return problems;
}

const THEMES: (ThemeName | undefined)[] = [undefined, 'default', 'kern'];

for (const theme of THEMES) {
  describe(`contrast, ${theme ?? 'built-in'} styles`, () => {
    afterEach(cleanup);
    for (const ex of CHECKED) {
      it(`${ex.id}: text 4.5:1 (large 3:1), boundaries and error indicators 3:1`, async () => {
        const form = await mountExample(ex, { theme: theme ?? ex.theme });
        expect(textProblems(form), 'text').to.deep.equal([]);
        expect(boundaryProblems(form), 'non-text').to.deep.equal([]);
      });
    }
  });
}

describe('the contrast checks can fail', () => {
  afterEach(() => {
    document.querySelector('style[data-low-contrast]')?.remove();
    return cleanup();
  });

  it('catches light grey hints, pale borders and a pale error colour', async () => {
    const style = document.createElement('style');
    style.dataset.lowContrast = '';
    style.textContent = `intake-form {
      --intake-color-muted: #a0a0a0;
      --intake-color-border: #d0d0d0;
      --intake-color-error: #ff8080;
    }`;
    document.head.append(style);
    const form = await mountExample(example('widgets/text/error'));
    expect(textProblems(form).join('\n'), 'pale error message').to.match(
      /Error:.* is [1-3]\.\d\d:1/,
    );
    expect(boundaryProblems(form).join('\n')).to.contain('control border');
    expect(boundaryProblems(form).join('\n')).to.contain('error bar');
    const help = await mountExample(example('widgets/text/with-help'));
    expect(textProblems(help).join('\n')).to.match(/is [12]\.\d\d:1/);
  });
});
