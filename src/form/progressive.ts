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

/** A later part that took longer than this to draw makes the next part smaller, and the reverse. */
const TASK_TARGET_MS = 50;

/**
 * Which of a step's fields are drawn now: {@link CONTROLS_PER_TASK} controls first, then a part
 * in each later task, sized by how long the last part took (twice as many after a quick one, up to
 * four times the first, half after a slow one), so that a fast device completes the form in a few tasks and a slow one
 * still gets no long task.
 */
export class ProgressiveFields {
  #view: readonly unknown[] = [];
  #budget = CONTROLS_PER_TASK;
  #step = CONTROLS_PER_TASK;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #drawAll = false;

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
    let left = this.#budget;
    let count = 0;
    while (count < fields.length && left > 0) left -= controlsIn(fields[count++]);
    // Whole groups only: a group is inserted into the page at once (render-field.ts).
    count = Math.ceil(count / FIELDS_PER_GROUP) * FIELDS_PER_GROUP;
    if (count >= fields.length) return fields;
    this.#growLater();
    return fields.slice(0, count);
  }

  /** The next render draws the whole step (to focus a field in it: "Change" on the review). */
  drawAll(): void {
    this.#drawAll = true;
  }

  // A timer, not `requestAnimationFrame`: a page in a background tab gets no frames, and its form
  // would never be complete. Each timer is a task of its own, so the browser paints and handles
  // input between two parts.
  #growLater(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#budget += this.#step;
      const started = performance.now();
      void this.redraw().then(() => {
        const took = performance.now() - started;
        // At most four first parts: the browser's style and layout of a part come after it, in
        // a task the time measured here does not see.
        if (took < TASK_TARGET_MS) this.#step = Math.min(this.#step * 2, 4 * CONTROLS_PER_TASK);
        else if (took > 2 * TASK_TARGET_MS)
          this.#step = Math.max(FIELDS_PER_GROUP, Math.floor(this.#step / 2));
      });
    }, 0);
  }
}
