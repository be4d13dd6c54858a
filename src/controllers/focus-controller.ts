/**
 * Focus and announcements: where focus goes after a rendering (the error summary, a step's
 * heading, a field), and the polite live region that says what changed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Field } from '../model/field.js';
import { controlId } from '../widgets/render-field.js';

/** The element the controller serves. */
export type FocusHost = ReactiveControllerHost & {
  readonly renderRoot: ParentNode;
};

export class FocusController implements ReactiveController {
  /** What the live region says now. */
  announcement = '';
  #afterUpdate?: () => void;

  constructor(private readonly host: FocusHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    const action = this.#afterUpdate;
    this.#afterUpdate = undefined;
    action?.();
  }

  /** Runs `action` (focus, mostly) once the next rendering is done. */
  afterUpdate(action: () => void): void {
    this.#afterUpdate = action;
    this.host.requestUpdate();
  }

  /** Says `text` through the live region. */
  announce(text: string): void {
    // A changed text is what makes a live region speak; the same text again gets a trailing
    // no-break space so that it is announced twice.
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }

  /** Focuses the rendered element that `selector` finds (after `await host.updateComplete`). */
  focus(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Moves focus to the control of `pointer` (or the first control of its group). */
  focusPointer(pointer: string): void {
    const root = this.host.renderRoot;
    const direct = root.querySelector<HTMLElement>(`#${CSS.escape(controlId(pointer))}`);
    if (direct && direct.tagName !== 'FIELDSET') {
      direct.focus();
      return;
    }
    const group = root.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(pointer)}"]`);
    // In a radio group, focus the chosen option, as Tab into the group does: focusing another
    // option would make Space or an arrow key change the answer.
    const first =
      group?.querySelector<HTMLElement>('input[type=radio]:checked') ??
      group?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
    (first ?? direct ?? group)?.focus();
  }

  /** `ui:autofocus`: opt-in, since the form usually sits inside someone else's page. */
  focusAutofocusField(fields: Iterable<Field>): void {
    for (const field of fields) {
      if (field.ui['ui:autofocus'] === true) {
        this.focusPointer(field.pointer);
        return;
      }
    }
  }
}

/** The id a summary link points at: the control, or the first option of a group. */
export function summaryTarget(field: Field | undefined, pointer: string): string {
  const id = controlId(pointer);
  const grouped =
    field &&
    (field.widget === 'radio' || (field.kind === 'multi-choice' && field.widget === 'checkboxes'));
  return grouped ? `${id}-0` : id;
}
