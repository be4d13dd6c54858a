/**
 * Large and recursive definitions stay responsive (issue 19): while each loads, a page timer keeps
 * firing and the Long Tasks API records the longest main-thread task; then the form is usable (a
 * control takes typing) or shows the definition error. From 1 000 to 50 000 potential fields and
 * recursion ten levels deep (test/helpers/large-schemas.ts).
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/index.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import type { JsonValue } from '../../src/model/types.js';
import { whenReady } from '../helpers/form.js';
import {
  chain,
  grouped,
  recursive,
  recursiveData,
  wide,
  type Generated,
} from '../helpers/large-schemas.js';

/**
 * The longest task allowed while a definition loads. The target is 200 ms; this shared,
 * loaded test machine runs the unminified development build (measured here: 60–230 ms, the
 * longest for 1 000 rendered questions; 698 ms once while three test suites shared two cores), so
 * the bound tells a frozen page (the bug: over a minute without a timer firing) from a slow one,
 * and the numbers are logged. Speed itself is a benchmark's business, not this test's.
 */
const LONGEST_TASK_MS = 2000;
// (With the production build of Lit, as dist/ ships it, `npm run bench:large` measures the
// longest task against the 200 ms target; docs/benchmarks.md has the figures.)

interface Measured {
  outcome: 'ready' | 'error';
  ms: number;
  longestTask: number;
  ticks: number;
  el: IntakeForm;
}

async function measure(generated: Generated, value?: JsonValue): Promise<Measured> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 20);
  const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const started = performance.now();
  const outcome = new Promise<'ready' | 'error'>((resolve) => {
    el.addEventListener('intake-ready', () => resolve('ready'), { once: true });
    el.addEventListener('intake-error', () => resolve('error'), { once: true });
  });
  el.definition = {
    id: 'large',
    lang: 'en',
    schema: generated.schema,
  } as FormDefinition;
  if (value !== undefined) el.value = value;
  const result = await outcome;
  await el.updateComplete;
  const ms = performance.now() - started;
  // Let the timer fire once more and the observer deliver what it saw.
  await new Promise((resolve) => setTimeout(resolve, 60));
  clearInterval(timer);
  observer.disconnect();
  const longestTask = Math.max(0, ...longTasks);
  console.log(
    `${generated.name} (${generated.potential} potential fields): ${result} after ${Math.round(ms)} ms, longest task ${Math.round(longestTask)} ms, ${ticks} timer ticks`,
  );
  return { outcome: result, ms, longestTask, ticks, el };
}

function usable(el: IntakeForm): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name]');
  expect(input, 'a control').to.exist;
  input!.value = 'typed';
  input!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  expect(JSON.stringify(el.value)).to.contain('typed');
}

describe('large and recursive definitions stay responsive', function () {
  this.timeout(120_000);

  const cases: [Generated, 'ready' | 'error'][] = [
    [wide(1000), 'ready'],
    // Beyond the limit of controls at once: the definition error, quickly.
    [wide(10_000), 'error'],
    [wide(50_000), 'error'],
    // 2^10 - 1 objects of 10 fields: 10 230 potential fields, opened one part at a time.
    [chain(10, 2, 10), 'ready'],
    // 3^10 / 2 objects of 2 fields: about 59 000 potential fields.
    [chain(10, 3, 2), 'ready'],
    [recursive(100), 'ready'],
  ];
  for (const [generated, expected] of cases) {
    it(`${generated.name}: ${expected}, the page keeps running`, async () => {
      const measured = await measure(generated);
      expect(measured.outcome).to.equal(expected);
      expect(measured.ticks, 'the page timer fired').to.be.above(0);
      expect(measured.longestTask).to.be.below(LONGEST_TASK_MS);
      if (expected === 'ready') usable(measured.el);
      else
        expect(measured.el.shadowRoot!.querySelector('.definition-error')!.textContent).to.contain(
          '5000',
        );
      if (expected === 'error') expect(measured.ms).to.be.below(1000);
    });
  }

  it('recursive data ten levels deep renders every level', async () => {
    const generated = recursive(20);
    const measured = await measure(generated, recursiveData(10));
    expect(measured.outcome).to.equal('ready');
    expect(measured.longestTask).to.be.below(LONGEST_TASK_MS);
    const bottom = `/root${'/next'.repeat(10)}/f0`;
    const input = measured.el.shadowRoot!.querySelector<HTMLInputElement>(
      `[name="${CSS.escape(bottom)}"]`,
    );
    expect(input?.value).to.equal('level 10');
    usable(measured.el);
  });

  it('a long step is drawn a part at a time: usable at intake-ready, complete soon after', async () => {
    const generated = wide(1000);
    // The last question is required: sending shows the summary, whose link must reach it.
    (generated.schema as { required?: string[] }).required = ['q999'];
    const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
    const root = el.shadowRoot!;
    const drawn = () => root.querySelectorAll('input[name]').length;
    // Counted right after the first render that drew questions (a mutation observer runs
    // before any later task): the first part is drawn, the rest comes in later tasks. (A raw
    // definition's `intake-ready` waits for its validator, compiled after the first paint, and
    // the rest may be drawn by then, so the count is not taken at the event.)
    const firstPart = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (drawn() === 0) return;
        observer.disconnect();
        resolve(drawn());
      });
      observer.observe(root, { childList: true, subtree: true });
    });
    const ready = new Promise((resolve) =>
      el.addEventListener('intake-ready', resolve, { once: true }),
    );
    el.definition = { id: 'large', lang: 'en', schema: generated.schema } as FormDefinition;
    expect(await firstPart, 'the first part, not all 1000 at once').to.be.within(1, 999);
    await ready;
    usable(el);
    const until = performance.now() + 10_000;
    while (drawn() < 1000 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(drawn(), 'every question, in later tasks').to.equal(1000);
    // In a fresh form sent at once, the error summary draws every field, so its links lead somewhere.
    const again = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
    const sent = new Promise<Awaited<ReturnType<IntakeForm['submit']>>>((resolve) =>
      again.addEventListener('intake-ready', () => void again.submit().then(resolve), {
        once: true,
      }),
    );
    again.definition = { id: 'large', lang: 'en', schema: generated.schema } as FormDefinition;
    const result = await sent;
    expect(result.ok).to.equal(false);
    await again.updateComplete;
    const link = again.shadowRoot!.querySelector<HTMLAnchorElement>('.error-summary a');
    expect(link, 'a summary link').to.exist;
    expect(again.shadowRoot!.querySelectorAll('input[name]')).to.have.length(1000);
    link!.click();
    expect(again.shadowRoot!.activeElement?.getAttribute('name')).to.equal('/q999');
  });

  it("a raw schema's compiling waits until a long step is drawn whole, then the form is ready", async () => {
    const generated = grouped(100, 10);
    const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
    const root = el.shadowRoot!;
    const drawn = () => root.querySelectorAll('input[name]').length;
    // When the last question appeared: a mutation observer runs at the end of the task that drew
    // it, before any later task (a compile slice) starts.
    let allDrawnAt = Infinity;
    const observer = new MutationObserver(() => {
      if (allDrawnAt === Infinity && drawn() === 1000) allDrawnAt = performance.now();
    });
    observer.observe(root, { childList: true, subtree: true });
    const ready = whenReady(el).then((event) => event.detail.validator as string);
    const started = performance.now();
    // A schema of its own, so that no validator kept by an earlier test is used.
    generated.schema.title = `drawn first ${started}`;
    el.definition = { id: 'large', lang: 'en', schema: generated.schema } as FormDefinition;
    expect(await ready).to.equal('compiled');
    observer.disconnect();
    expect(drawn(), 'every question drawn when the form is ready').to.equal(1000);
    // The chunks of the whole value were compiled in slices that each left a performance mark.
    const slices = performance
      .getEntriesByName('intake-elements:compile-slice')
      .filter((mark) => mark.startTime >= started);
    expect(slices.length, 'compile slices of this load').to.be.greaterThan(0);
    expect(slices[0].startTime, 'the first slice after the last part').to.be.at.least(allDrawnAt);
    usable(el);
  });

  it('"Change" on the review reaches a question beyond the first part of a long step', async () => {
    const generated = wide(1000);
    const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
    const ready = new Promise((resolve) =>
      el.addEventListener('intake-ready', resolve, { once: true }),
    );
    el.definition = {
      id: 'large',
      lang: 'en',
      schema: {
        ...generated.schema,
        properties: { ...generated.schema.properties, extra: { type: 'string' } },
      },
      // Two steps: coming back from the review to the first, its drawing starts anew.
      ui: {
        'ui:review': true,
        'ui:steps': [
          { title: 'Questions', fields: Object.keys(generated.schema.properties!) },
          { title: 'Extra', fields: ['extra'] },
        ],
      },
    } as FormDefinition;
    await ready;
    el.value = { q999: 'last answer' };
    expect(await el.next()).to.equal(true);
    expect(await el.next()).to.equal(true);
    expect(el.step).to.equal(-1);
    await el.updateComplete;
    const change = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="change"]')].find(
      (button) => button.textContent!.includes('Question 999'),
    )!;
    change.click();
    await el.updateComplete;
    await el.updateComplete;
    const target = el.shadowRoot!.querySelector<HTMLInputElement>('[name="/q999"]');
    expect(target, 'drawn at once').to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(target);
  });
});
