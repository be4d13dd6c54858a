/**
 * Windows High Contrast / forced colours (`forced-colors: active`): the browser replaces every
 * colour with the reader's system colours, and drops backgrounds and box shadows. What carries
 * meaning must survive that: control borders, the focus outline, the error bar and summary
 * border, button boundaries, disabled buttons in GrayText. Checked in both shipped themes.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { IntakeForm } from '../../src/index.js';
import {
  backgroundBehind,
  cleanup,
  contrast,
  describe as name,
  example,
  formatColour,
  frames,
  interactiveElements,
  isShown,
  mountExample,
  parseColour,
  type ThemeName,
} from './a11y-helpers.js';

const IDS = [
  'ki-erstberatung/errors',
  'sprachkurs-anmeldung/step-1-errors',
  'sprachkurs-anmeldung/step-2',
  'sprachkurs-anmeldung/review',
  'sprachkurs-anmeldung/confirmation',
  'arrays/entries',
  'arrays/error',
  'widgets/select/error',
  'widgets/file/filled',
  'widgets/textarea/disabled',
];

/** A system colour as the browser resolves it now. */
function systemColour(keyword: string): string {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

function hasBorder(el: Element, side = 'top'): boolean {
  const style = getComputedStyle(el);
  return (
    style.getPropertyValue(`border-${side}-style`) !== 'none' &&
    (parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0) >= 1
  );
}

function structureProblems(form: IntakeForm): string[] {
  const problems: string[] = [];
  const root = form.shadowRoot!;
  for (const el of root.querySelectorAll('.control')) {
    if (isShown(el) && !hasBorder(el)) problems.push(`${name(el)}: no border`);
  }
  for (const el of root.querySelectorAll('button')) {
    if (!isShown(el)) continue;
    if (el.classList.contains('link-button')) {
      if (!getComputedStyle(el).textDecorationLine.includes('underline')) {
        problems.push(`${name(el)}: a text button without underline`);
      }
    } else if (!hasBorder(el)) {
      problems.push(`${name(el)}: no border (its background is gone)`);
    }
    if (
      (el as HTMLButtonElement).disabled &&
      getComputedStyle(el).color !== systemColour('GrayText')
    ) {
      problems.push(`${name(el)}: disabled but not GrayText`);
    }
  }
  for (const el of root.querySelectorAll('.field-error')) {
    if (isShown(el) && !hasBorder(el, 'inline-start')) problems.push(`${name(el)}: no error bar`);
  }
  for (const el of root.querySelectorAll('.error-summary, .confirmation')) {
    if (isShown(el) && !hasBorder(el)) problems.push(`${name(el)}: no border`);
  }
  return problems;
}

async function focusProblems(form: IntakeForm): Promise<string[]> {
  const problems: string[] = [];
  for (const el of interactiveElements(form)) {
    if ((el as HTMLButtonElement).disabled) continue;
    el.focus();
    await frames();
    const style = getComputedStyle(el);
    const width = parseFloat(style.outlineWidth) || 0;
    if (style.outlineStyle === 'none' || width < 2) {
      problems.push(`${name(el)}: no focus outline in forced colours`);
      continue;
    }
    const ring = parseColour(style.outlineColor);
    const behind = backgroundBehind(el, false);
    if (contrast(ring, behind) < 3) {
      problems.push(
        `${name(el)}: outline ${formatColour(ring)} on ${formatColour(behind)} (${contrast(ring, behind).toFixed(2)}:1)`,
      );
    }
  }
  return problems;
}

describe('forced colours', () => {
  before(async () => {
    await sendKeys({ press: 'Shift' });
  });
  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none' });
    await cleanup();
  });

  for (const theme of [undefined, 'kern'] as (ThemeName | undefined)[]) {
    for (const id of IDS) {
      it(`${theme ?? 'built-in'} styles, ${id}: borders, error bars and focus survive`, async () => {
        await emulateMedia({ forcedColors: 'active' });
        const form = await mountExample(example(id), { theme });
        await frames();
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        expect(structureProblems(form), 'structure').to.deep.equal([]);
        expect(await focusProblems(form), 'focus').to.deep.equal([]);
      });
    }
  }

  it('the check can fail: a button that relies on its background is caught', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const style = document.createElement('style');
    style.dataset.noBorders = '';
    style.textContent = 'intake-form::part(button) { border: 0; }';
    document.head.append(style);
    try {
      const form = await mountExample(example('sprachkurs-anmeldung/step-2'));
      expect(structureProblems(form).join('\n')).to.contain('no border (its background is gone)');
    } finally {
      style.remove();
    }
  });
});
