/**
 * Focus, beyond test/element/keyboard-walk.test.ts:
 *
 * - WCAG 2.4.7 / 1.4.11: the focus indicator of every focusable element is an outline at least
 *   2 px wide whose colour has at least 3:1 contrast against the background behind it, measured
 *   from computed styles, in the built-in styles and both shipped themes; it is absent when the
 *   element is not focused (so focus changes what is seen).
 * - WCAG 2.4.3 / 1.3.2: Tab visits exactly the interactive elements in DOM order, and that order
 *   is the visual reading order (top to bottom; on one line, in the writing direction).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { IntakeForm } from '../../src/index.js';
import {
  backgroundBehind,
  cleanup,
  contrast,
  describe as name,
  example,
  examples,
  formatColour,
  frames,
  interactiveElements,
  mountExample,
  parseColour,
  tabStops,
  type Example,
  type ThemeName,
} from './a11y-helpers.js';

const THEMES: (ThemeName | undefined)[] = [undefined, 'default', 'kern'];

/** Examples whose focus indicators are measured in every theme (each widget once, with an error). */
const MEASURED = examples.filter((ex) => !ex.id.startsWith('widgets/') || ex.id.endsWith('/error'));

interface Indicator {
  style: string;
  width: number;
  colour: string;
}

function indicatorOf(el: Element): Indicator {
  const style = getComputedStyle(el);
  return {
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth) || 0,
    colour: style.outlineColor,
  };
}

/** Problems with the focus indicator of `el` (an empty list when it is fine). */
async function focusProblems(form: IntakeForm, el: HTMLElement): Promise<string[]> {
  const problems: string[] = [];
  (form.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  await frames();
  const before = indicatorOf(el);
  el.focus();
  await frames();
  if (form.shadowRoot!.activeElement !== el) return [`${name(el)} cannot take focus`];
  const after = indicatorOf(el);
  if (after.style === 'none' || after.width < 2) {
    problems.push(
      `${name(el)}: no outline of at least 2 px when focused (${after.style} ${after.width}px)`,
    );
    return problems;
  }
  const ring = parseColour(after.colour);
  const behind = backgroundBehind(el, false);
  const ratio = contrast(ring, behind);
  if (ratio < 3) {
    problems.push(
      `${name(el)}: focus ring ${formatColour(ring)} on ${formatColour(behind)} is ${ratio.toFixed(2)}:1 (needs 3:1)`,
    );
  }
  if (before.style !== 'none' && before.width >= 2 && before.colour === after.colour) {
    problems.push(`${name(el)}: looks the same focused and unfocused`);
  }
  return problems;
}

for (const theme of THEMES) {
  describe(`focus indicator contrast, ${theme ?? 'built-in'} styles`, () => {
    before(async () => {
      // Focus from the keyboard, as :focus-visible expects.
      await sendKeys({ press: 'Shift' });
    });
    afterEach(cleanup);
    for (const ex of MEASURED) {
      it(`${ex.id}: every focus ring is ≥ 2 px and ≥ 3:1 against its background`, async () => {
        const form = await mountExample(ex, { theme: theme ?? ex.theme });
        const focusable = interactiveElements(form).filter(
          (el) => !(el as HTMLInputElement).disabled,
        );
        const problems: string[] = [];
        for (const el of focusable) problems.push(...(await focusProblems(form, el)));
        expect(problems).to.deep.equal([]);
      });
    }
  });
}

// ---- tab order = DOM order = visual order ----------------------------------------------------

/** The element focused inside the form, or a marker for focus outside it. */
function focusedIn(form: IntakeForm): HTMLElement | 'before' | 'after' | 'elsewhere' {
  const active = document.activeElement;
  if (active === form) return (form.shadowRoot!.activeElement as HTMLElement) ?? 'elsewhere';
  if (active instanceof HTMLElement && active.dataset.edge)
    return active.dataset.edge as 'before' | 'after';
  return 'elsewhere';
}

/** Presses Tab from a button before the form until focus leaves it; returns the stops. */
async function walk(form: IntakeForm): Promise<HTMLElement[]> {
  const before = document.createElement('button');
  before.dataset.edge = 'before';
  before.textContent = 'Before the form';
  const after = document.createElement('button');
  after.dataset.edge = 'after';
  after.textContent = 'After the form';
  form.before(before);
  form.after(after);
  before.focus();
  const stops: HTMLElement[] = [];
  for (let i = 0; i < 200; i++) {
    await sendKeys({ press: 'Tab' });
    await form.updateComplete;
    const here = focusedIn(form);
    if (here === 'after') return stops;
    if (typeof here === 'string')
      throw new Error(`Tab went ${here} after ${stops.map(name).join(' → ')}`);
    if (stops[stops.length - 1] !== here) stops.push(here);
  }
  throw new Error('Tab never left the form (a focus trap?)');
}

/** Pairs of consecutive stops whose visual order disagrees with the tab order. */
function visualOrderProblems(stops: HTMLElement[]): string[] {
  const problems: string[] = [];
  const TOLERANCE = 2;
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1].getBoundingClientRect();
    const b = stops[i].getBoundingClientRect();
    const sameLine = b.top < a.bottom - TOLERANCE && a.top < b.bottom - TOLERANCE;
    const rtl = getComputedStyle(stops[i]).direction === 'rtl';
    let fine: boolean;
    if (sameLine) fine = rtl ? b.right <= a.left + TOLERANCE : b.left >= a.right - TOLERANCE;
    else fine = b.top >= a.bottom - TOLERANCE;
    if (!fine) {
      problems.push(
        `${name(stops[i - 1])} (${Math.round(a.left)},${Math.round(a.top)}) → ${name(stops[i])} (${Math.round(b.left)},${Math.round(b.top)})`,
      );
    }
  }
  return problems;
}

/** Examples whose tab order is walked: everything but the repetitive widget states. */
const WALKED: Example[] = examples.filter(
  (ex) => !ex.id.startsWith('widgets/') || ex.id.endsWith('/error'),
);

describe('tab order follows the DOM and the visual order', () => {
  afterEach(cleanup);
  for (const ex of WALKED) {
    it(`${ex.id}: Tab visits every control once, in reading order, and leaves the form`, async () => {
      const form = await mountExample(ex);
      const stops = await walk(form);
      expect(stops.map(name), 'Tab stops = interactive elements in DOM order').to.deep.equal(
        tabStops(form).map(name),
      );
      expect(visualOrderProblems(stops), 'tab order against visual order').to.deep.equal([]);
    });
  }
});

describe('focus: the checks can fail', () => {
  afterEach(() => {
    document.querySelector('style[data-broken-focus]')?.remove();
    return cleanup();
  });

  function breakWith(css: string): void {
    const style = document.createElement('style');
    style.dataset.brokenFocus = '';
    style.textContent = css;
    document.head.append(style);
  }

  it('catches a pale focus ring (the old yellow #ffbf47 on white, 1.6:1)', async () => {
    breakWith('intake-form { --intake-color-focus: #ffbf47; }');
    const form = await mountExample(example('widgets/text/filled'));
    const input = interactiveElements(form)[0];
    expect((await focusProblems(form, input)).join('\n')).to.contain('focus ring #ffbf47');
  });

  it('catches buttons laid out against the tab order', async () => {
    breakWith(
      'intake-form::part(actions) { flex-direction: row-reverse; justify-content: flex-end; }',
    );
    const form = await mountExample(example('sprachkurs-anmeldung/step-2'));
    const stops = await walk(form);
    expect(visualOrderProblems(stops).join('\n')).to.contain('Zurück');
  });
});
