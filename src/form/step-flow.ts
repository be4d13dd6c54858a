/**
 * Where the person is in a multi-step form, and the moves between places as transitions: each
 * takes a position (and the active steps) and gives the next position, or `undefined` when the
 * move goes nowhere. Validation and loading happen around them (src/form/form-state.ts).
 */
import { stepOf, type Step } from './steps.js';

/** A place in the form. */
export interface StepPosition {
  /** Position of the visible step among the active steps. */
  readonly index: number;
  /** On the "Check your answers" page. */
  readonly reviewing: boolean;
  /** The person came from the review to change an answer: "Continue" goes back there. */
  readonly returnToReview: boolean;
}

/** The first step. */
export const FIRST_STEP: StepPosition = { index: 0, reviewing: false, returnToReview: false };

/** Index of the visible step among `count` active steps, `-1` on the review. */
export function visibleStep(position: StepPosition, count: number): number {
  return position.reviewing ? -1 : Math.min(position.index, Math.max(0, count - 1));
}

/** Whether the visible step is the last active one. */
export function isLastStep(position: StepPosition, count: number): boolean {
  return visibleStep(position, count) >= count - 1;
}

/**
 * "Continue" (after the step's answers passed): to the next step, or to the review after the
 * last step or when the person came from it.
 */
export function nextStep(
  position: StepPosition,
  count: number,
  hasReview: boolean,
): StepPosition | undefined {
  if (position.reviewing) return undefined;
  const index = visibleStep(position, count);
  const last = index >= count - 1;
  if (position.returnToReview || (last && hasReview))
    return { index, reviewing: true, returnToReview: false };
  if (!last) return { index: index + 1, reviewing: false, returnToReview: false };
  return undefined;
}

/** "Back": to the previous step, from the review to the last step. */
export function previousStep(position: StepPosition, count: number): StepPosition | undefined {
  if (position.reviewing) return { index: count - 1, reviewing: false, returnToReview: false };
  const index = visibleStep(position, count);
  if (index > 0) return { index: index - 1, reviewing: false, returnToReview: false };
  return undefined;
}

/** "Change" on the review: the step that shows `pointer`; "Continue" returns to the review. */
export function changeFromReview(steps: readonly Step[], pointer: string): StepPosition {
  return { index: Math.max(0, stepOf(steps, pointer)), reviewing: false, returnToReview: true };
}

/**
 * The step that shows `pointer` (to show its error), or `undefined` when the form has no such
 * step; leaves the review.
 */
export function stepShowing(
  position: StepPosition,
  steps: readonly Step[],
  pointer: string,
): StepPosition | undefined {
  const index = stepOf(steps, pointer);
  if (index === -1) return undefined;
  return { index, reviewing: false, returnToReview: position.returnToReview };
}

/** What Enter (or the primary button) does here: move on while there is somewhere to go. */
export function primaryAction(
  position: StepPosition,
  count: number,
  hasReview: boolean,
): 'next' | 'submit' {
  return !position.reviewing && (!isLastStep(position, count) || hasReview) ? 'next' : 'submit';
}
