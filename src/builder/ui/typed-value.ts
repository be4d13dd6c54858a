import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type PartInfo, type PropertyPart } from 'lit/directive.js';
import { setCommittedValue } from 'lit/directive-helpers.js';

/**
 * `.value=${typedValue(stored)}` on a text field that commits on `change`: like Lit's `live()`
 * it puts the stored value back when the field shows something else (an undo, a refused edit),
 * but never while the field has the focus. The builder re-renders for many reasons while
 * someone types (the preview, the saved-work notice, an announcement); with `live()` each of
 * those reset the field to the last committed text and swallowed what had been typed since.
 */
class TypedValue extends Directive {
  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.PROPERTY) {
      throw new Error('typedValue() belongs on a `.value` property binding');
    }
  }

  render(value: string): string {
    return value;
  }

  override update(part: PropertyPart, [value]: [string]): unknown {
    const field = part.element as HTMLInputElement | HTMLTextAreaElement;
    if (field.value === value) return noChange;
    const root = field.getRootNode() as Document | ShadowRoot;
    if (root.activeElement === field) return noChange;
    // Forget what was set last so that Lit writes the value even when it has not changed.
    setCommittedValue(part);
    return value ?? nothing;
  }
}

/** The stored value of a text field, written unless the person is typing in it. */
export const typedValue = directive(TypedValue);
