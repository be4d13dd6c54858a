/**
 * The attributes a widget's native control carries for its field: id and name, `required`, the
 * ARIA states and references, `autocomplete`, `placeholder`, `readonly`, `disabled`. One helper
 * for every built-in widget, so that they cannot drift apart, set through one binding.
 */
import type { DirectiveResult } from 'lit/directive.js';
import { attributes, type AttributeValue } from './attributes.js';
import type { WidgetContext } from './registry.js';

/** The control's attributes from its widget context; `extra` adds to them or overrides them. */
export function controlAttributes(
  c: WidgetContext,
  extra: Record<string, AttributeValue> = {},
): DirectiveResult {
  return attributes({
    id: c.id,
    name: c.name,
    required: c.required,
    'aria-required': c.required ? 'true' : 'false',
    'aria-invalid': c.invalid ? 'true' : 'false',
    'aria-describedby': c.describedBy,
    'aria-errormessage': c.errorId,
    autocomplete: c.autocomplete,
    placeholder: c.placeholder?.text,
    readonly: c.readOnly,
    disabled: c.disabled,
    ...extra,
  });
}
