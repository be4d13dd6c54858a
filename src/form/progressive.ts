/**
 * Progressive rendering of a long step (issue 19): the first screen of controls is drawn at once,
 * the rest a frame's worth at a time in later tasks, so that no single task renders a thousand
 * questions. The form is usable (and `intake-ready` fires) after the first part; the person can
 * answer it while the rest arrives. Only the step's top-level fields are split: a field is drawn
 * whole or not yet.
 */
import type { Field } from '../model/field.js';

/**
 * Controls drawn in the first render of a step, and added in each later task. About two screens
 * of questions on a phone; 200 fields take some 30 ms to render in Chromium on a shared machine.
 */
export const CONTROLS_PER_TASK = 200;

/** Top-level fields rendered as one template (see `topLevelGroups` in render-field.ts). */
export const FIELDS_PER_GROUP = 25;

/** The controls `field` shows: itself, and what it contains when it is open. */
export function controlsIn(field: Field): number {
  let count = 1;
  if (field.kind === 'object' && !field.collapsed)
    for (const child of field.children) count += controlsIn(child);
  else if (field.kind === 'array') for (const item of field.items) count += controlsIn(item);
  return count;
}

/** How long drawing a later part should take; the next part is sized to take about as long. */
const TASK_TARGET_MS = 50;

/** The largest later part: two first parts. */
const MAX_STEP = 2 * CONTROLS_PER_TASK;

/**
 * The size of the next part after one of `step` controls took `took` ms: as many controls as fit
 * in {@link TASK_TARGET_MS} at the rate just measured, at most twice as many as before and
 * {@link MAX_STEP}, at least one group. Chromium's cost of a control grows with the number of
 * controls the form already has (at 4 000 a part of 200 takes about 100 ms, at 200 about 10 ms
 * on a shared machine), so the part shrinks as the form grows, and growing by more than twice at
 * once overshoots: a part of 800 after one of 53 ms took 187 ms. Part of the cost (the browser's
 * style and layout) comes after the part, in a task the time measured here does not see.
 */
export function nextPartSize(step: number, took: number): number {
  const fits = Math.floor((step * TASK_TARGET_MS) / Math.max(took, 1));
  return Math.max(FIELDS_PER_GROUP, Math.min(fits, 2 * step, MAX_STEP));
}

/**
 * Which of a step's fields are drawn now: {@link CONTROLS_PER_TASK} controls first, then a part
 * in each later task, sized by how long the last part took (`nextPartSize`), so that a fast device
 * completes the form in a few tasks and a slow one still gets no long task.
 */
export class ProgressiveFields {
  #view: readonly unknown[] = [];
  #budget = CONTROLS_PER_TASK;
  #step = CONTROLS_PER_TASK;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #drawAll = false;
  /** Controls drawn by the last render: a part's size is what it added. */
  #drawn = 0;
  /** Whether the last render drew the whole step. */
  #complete = true;
  /** Resolves the promises `drawn()` gave out while parts were left to draw. */
  #whenDrawn: (() => void)[] = [];

  /** @param redraw asks the element to render again (with a larger budget); resolves when done. */
  constructor(private readonly redraw: () => Promise<unknown>) {}

  /**
   * The leading part of `fields` to draw for `view` (what identifies the step on show: the
   * definition and the step's index). A new view starts with one task's budget again; `all`
   * (an error summary on show, whose links must reach every field) draws everything.
   */
  visible(view: readonly unknown[], fields: Field[], all: boolean): Field[] {
    if (view.length !== this.#view.length || view.some((part, i) => part !== this.#view[i])) {
      this.#view = view;
      this.#budget = CONTROLS_PER_TASK;
      this.#step = CONTROLS_PER_TASK;
    }
    if (all || this.#drawAll) this.#budget = Infinity;
    this.#drawAll = false;
    let drawn = 0;
    let count = 0;
    while (count < fields.length && drawn < this.#budget) drawn += controlsIn(fields[count++]);
    // Whole groups only: a group is inserted into the page at once (render-field.ts).
    const whole = Math.min(fields.length, Math.ceil(count / FIELDS_PER_GROUP) * FIELDS_PER_GROUP);
    while (count < whole) drawn += controlsIn(fields[count++]);
    // The next part adds to what is drawn, rounding included (else a part could add nothing new).
    this.#drawn = drawn;
    if (this.#budget !== Infinity) this.#budget = Math.max(this.#budget, drawn);
    this.#complete = count >= fields.length;
    if (this.#complete) {
      this.#resolveDrawn();
      return fields;
    }
    this.#growLater();
    return fields.slice(0, count);
  }

  /** The next render draws the whole step (to focus a field in it: "Change" on the review). */
  drawAll(): void {
    this.#drawAll = true;
  }

  /**
   * Resolves once the step on show is drawn whole (at once where nothing is left to draw), so
   * that work the first screen does not need (compiling a raw schema for the whole value) waits
   * for the questions the person may scroll to, instead of sharing their tasks.
   */
  drawn(): Promise<void> {
    if (this.#complete) return Promise.resolve();
    return new Promise((resolve) => this.#whenDrawn.push(resolve));
  }

  // A timer, not `requestAnimationFrame`: a page in a background tab gets no frames, and its form
  // would never be complete. Each timer is a task of its own, so the browser paints and handles
  // input between two parts.
  #growLater(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#budget += this.#step;
      const before = this.#drawn;
      const started = performance.now();
      void this.redraw().then(() => {
        const took = performance.now() - started;
        this.#step = nextPartSize(Math.max(this.#drawn - before, 1), took);
        // No step drew (the review is on show): nothing is left to wait for.
        if (this.#timer === undefined && !this.#complete) {
          this.#complete = true;
          this.#resolveDrawn();
        }
      });
    }, 0);
  }

  #resolveDrawn(): void {
    for (const resolve of this.#whenDrawn.splice(0)) resolve();
  }
}
