/**
 * Input widgets few forms use, a chunk of their own (see lazy-widgets.ts): the slider (`range`)
 * and the local date and time (`datetime-local`).
 */
import { html } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { controlAttributes } from './control-attributes.js';
import { dateInput } from './input-widgets.js';
import { registerBuiltInWidget } from './registry.js';

/** Converts a stored RFC 3339 date-time to the `datetime-local` control's local form. */
export function toLocalDateTime(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Converts the `datetime-local` control's value to an RFC 3339 date-time in UTC. */
export function fromLocalDateTime(value: string): string | undefined {
  if (value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

registerBuiltInWidget(
  'datetime-local',
  dateInput('datetime-local', toLocalDateTime, fromLocalDateTime),
);

registerBuiltInWidget('range', (c) => {
  const { setValue } = c;
  const { schema } = c.field;
  const integer = c.field.kind === 'value' && c.field.type === 'integer';
  const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 100;
  const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : integer ? 1 : 'any';
  return html`<input
    part="control"
    class="control range"
    type="range"
    ${controlAttributes(c, {
      min: String(min),
      max: String(max),
      step: String(step),
      // A slider always has a value: nothing to require, nothing to type or read only.
      required: false,
      'aria-required': undefined,
      'aria-errormessage': undefined,
      autocomplete: undefined,
      placeholder: undefined,
      readonly: false,
      disabled: c.disabled || c.readOnly,
    })}
    .value=${live(typeof c.value === 'number' ? String(c.value) : String(min))}
    @input=${(event: Event) => setValue(Number((event.target as HTMLInputElement).value))}
  />`;
});
