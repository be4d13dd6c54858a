/**
 * Progressive drawing of a long step (src/form/progressive.ts), without an element: which fields
 * each render draws, how the parts grow, and when the step counts as drawn whole.
 */
import { expect } from '@open-wc/testing';
import {
  CONTROLS_PER_TASK,
  FIELDS_PER_GROUP,
  ProgressiveFields,
  nextPartSize,
} from '../../src/form/progressive.js';
import type { Field } from '../../src/model/field.js';

/** A question (one control). */
const question = (i: number) => ({ kind: 'string', pointer: `/q${i}` }) as unknown as Field;

/** A group of `size` questions: `size + 1` controls, as the benchmark's form has. */
const group = (g: number, size: number) =>
  ({
    kind: 'object',
    pointer: `/g${g}`,
    collapsed: false,
    children: Array.from({ length: size }, (_, i) => question(g * size + i)),
  }) as unknown as Field;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Whether `promise` has settled by the next task. */
const settled = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => true), tick().then(() => false)]);

describe('progressive drawing', () => {
  it('sizes a part by the rate just measured, at most twice the last and 400 controls', () => {
    // 200 controls in 20 ms: 500 would fit in 50 ms, but at most twice the last and 400.
    expect(nextPartSize(200, 20)).to.equal(400);
    expect(nextPartSize(100, 10)).to.equal(200);
    // 400 controls in 100 ms: 200 fit in 50 ms.
    expect(nextPartSize(400, 100)).to.equal(200);
    // Never fewer than one group of top-level fields.
    expect(nextPartSize(400, 10_000)).to.equal(FIELDS_PER_GROUP);
  });

  it('draws the first part at once and the rest in later tasks, in whole groups', async () => {
    const fields = Array.from({ length: 100 }, (_, g) => group(g, 10));
    const view = ['definition', 0];
    const renders: number[] = [];
    const progressive: ProgressiveFields = new ProgressiveFields(async () => {
      renders.push(progressive.visible(view, fields, false).length);
    });
    const first = progressive.visible(view, fields, false).length;
    // 200 controls are 19 groups of 11; rounded up to whole groups of 25 top-level fields.
    expect(CONTROLS_PER_TASK).to.equal(200);
    expect(first).to.equal(25);
    const drawn = progressive.drawn();
    for (let i = 0; i < 20 && renders[renders.length - 1] !== 100; i++) await tick();
    await drawn;
    // Each part adds to what is drawn, the rounding included: 275 controls, then 200 more (550
    // in all, rounded to 50 groups), then 400 more, which round up to the rest. Counted from the
    // budget before the rounding, the parts were 50, 75 and 100: one render more.
    expect(renders).to.deep.equal([50, 100]);
  });

  it('a short step is drawn at once and counts as drawn whole', async () => {
    const progressive = new ProgressiveFields(() => Promise.resolve());
    const fields = Array.from({ length: 50 }, (_, i) => question(i));
    expect(progressive.visible(['d', 0], fields, false)).to.have.length(50);
    expect(await settled(progressive.drawn())).to.equal(true);
  });

  it('a long step does not count as drawn whole while parts are left', async () => {
    const progressive = new ProgressiveFields(() => new Promise(() => undefined));
    const fields = Array.from({ length: 1000 }, (_, i) => question(i));
    expect(progressive.visible(['d', 0], fields, false)).to.have.length(200);
    expect(await settled(progressive.drawn())).to.equal(false);
  });

  it('draws everything when asked to (an error summary on show)', () => {
    const progressive = new ProgressiveFields(() => Promise.resolve());
    const fields = Array.from({ length: 1000 }, (_, i) => question(i));
    expect(progressive.visible(['d', 0], fields, true)).to.have.length(1000);
  });

  it('a new step starts with the first part again', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => question(i));
    const progressive: ProgressiveFields = new ProgressiveFields(async () => {
      progressive.visible(['d', 0], fields, false);
    });
    expect(progressive.visible(['d', 0], fields, false)).to.have.length(200);
    expect(progressive.visible(['d', 1], fields, false)).to.have.length(200);
  });

  it('counts as drawn whole when no step is drawn any more (the review is on show)', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => question(i));
    // The redraw draws no step: the person went on to the review.
    const progressive = new ProgressiveFields(() => Promise.resolve());
    expect(progressive.visible(['d', 0], fields, false)).to.have.length(200);
    const drawn = progressive.drawn();
    await tick();
    expect(await settled(drawn)).to.equal(true);
  });
});
