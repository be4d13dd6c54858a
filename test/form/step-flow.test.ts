import { expect } from '@open-wc/testing';
import {
  changeFromReview,
  FIRST_STEP,
  isLastStep,
  nextStep,
  previousStep,
  primaryAction,
  stepShowing,
  visibleStep,
  type StepPosition,
} from '../../src/form/step-flow.js';
import type { Step } from '../../src/form/steps.js';
import type { Field } from '../../src/model/field.js';

/** Active steps with the top-level fields named. */
function steps(...names: string[][]): Step[] {
  return names.map((fields, index) => ({
    index,
    title: { text: `Step ${index + 1}` },
    fields: fields.map((name) => ({ pointer: `/${name}` }) as Field),
  }));
}

const at = (index: number, extra: Partial<StepPosition> = {}): StepPosition => ({
  index,
  reviewing: false,
  returnToReview: false,
  ...extra,
});

describe('step flow', () => {
  it('continues step by step, and from the last step to the review when there is one', () => {
    expect(nextStep(FIRST_STEP, 3, true)).to.deep.equal(at(1));
    expect(nextStep(at(1), 3, true)).to.deep.equal(at(2));
    expect(nextStep(at(2), 3, true)).to.deep.equal(at(2, { reviewing: true }));
    expect(nextStep(at(2), 3, false), 'no review: nowhere to go').to.equal(undefined);
    expect(nextStep(at(2, { reviewing: true }), 3, true), 'on the review').to.equal(undefined);
  });

  it('returns to the review after a change made from it', () => {
    const change = changeFromReview(steps(['a'], ['b', 'c'], ['d']), '/c/street');
    expect(change).to.deep.equal(at(1, { returnToReview: true }));
    expect(nextStep(change, 3, true)).to.deep.equal(at(1, { reviewing: true }));
  });

  it('goes back from the review to the last step, and stops at the first', () => {
    expect(previousStep(at(2, { reviewing: true }), 3)).to.deep.equal(at(2));
    expect(previousStep(at(2, { returnToReview: true }), 3)).to.deep.equal(at(1));
    expect(previousStep(FIRST_STEP, 3)).to.equal(undefined);
  });

  it('keeps the visible step among the active ones when steps switch off', () => {
    expect(visibleStep(at(4), 2)).to.equal(1);
    expect(visibleStep(at(0, { reviewing: true }), 2)).to.equal(-1);
    expect(isLastStep(at(4), 2)).to.equal(true);
    expect(nextStep(at(4), 2, true)).to.deep.equal(at(1, { reviewing: true }));
  });

  it('finds the step that shows a field (to show its error), leaving the review', () => {
    const list = steps(['a'], ['b']);
    expect(stepShowing(at(0, { reviewing: true }), list, '/b/0/name')).to.deep.equal(at(1));
    expect(stepShowing(FIRST_STEP, list, '/nowhere')).to.equal(undefined);
  });

  it('lets Enter continue while there is somewhere to go, and send on the last page', () => {
    expect(primaryAction(FIRST_STEP, 2, false)).to.equal('next');
    expect(primaryAction(at(1), 2, false)).to.equal('submit');
    expect(primaryAction(at(1), 2, true)).to.equal('next');
    expect(primaryAction(at(1, { reviewing: true }), 2, true)).to.equal('submit');
  });
});
