/**
 * The limit of controls a form shows at once, and the budget of defaults filled in up front.
 *
 * Optional objects without data below the top level are shown as an "Add …" button (see
 * `collapsedObject` in build-field-tree.ts), so a large or recursive definition shows only what
 * its data and required parts need. A definition that still needs more than
 * {@link MAX_CONTROLS} controls at once (a questionnaire of 50 000 top-level questions) is
 * refused with a definition error instead of freezing the page while thousands of controls are
 * built and laid out. docs/limits.md documents both numbers.
 */
import { DefinitionError } from './definition-error.js';

// The limit, its wording and the rule of what starts collapsed are shared with the command line.
import { MAX_CONTROLS, tooManyControlsMessage } from '../core/control-count.js';

export { MAX_CONTROLS, pointerDepth, startsCollapsed } from '../core/control-count.js';

/**
 * Schemas whose defaults are worked out before the form shows. Beyond it, parts without data get
 * no defaults up front (they get them when the person adds them): a chain of distinct `$ref`s ten
 * levels deep can describe millions of nested objects without being recursive.
 */
export const MAX_DEFAULT_SCHEMAS = 20_000;

/** The definition error for a form that needs more than {@link MAX_CONTROLS} controls. */
export function tooManyControls(count: number, pointer: string): DefinitionError {
  return new DefinitionError(
    'too-many-controls',
    tooManyControlsMessage(count, pointer),
    { limit: MAX_CONTROLS },
    pointer,
  );
}

/** Counts controls as a tree is built, and stops the build once there are too many. */
export class ControlBudget {
  count = 0;

  /** One more control at `pointer`; throws the definition error beyond the limit. */
  spend(pointer: string, controls = 1): void {
    this.count += controls;
    if (this.count > MAX_CONTROLS) throw tooManyControls(this.count, pointer);
  }
}
