/**
 * Widgets built on `<input>` and `<textarea>`: text, email, tel, url, password, color, number,
 * range, date, time, datetime-local, textarea and hidden.
 */
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { controlAttributes } from './control-attributes.js';
import { msg } from '@lit/localize';
import type { WidgetContext } from './registry.js';
import { registerWidget } from './registry.js';
import { expectsDigits, normalizeDigits } from '../i18n/digits.js';
import type { JsonValue } from '../model/types.js';

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

/**
 * Typed text takes its direction from its first strong character (`dir="auto"`), so a Latin
 * e-mail address stays left-to-right in an Arabic form. An empty field inherits the form's
 * direction instead, where `auto` would make it left-to-right.
 */
function autoDirection(type: string, value: unknown): 'auto' | undefined {
  const free = type === 'text' || type === 'textarea' || type === 'password';
  return free && typeof value === 'string' && value !== '' ? 'auto' : undefined;
}

function inputMode(type: string): 'email' | 'tel' | 'url' | 'decimal' | 'numeric' | undefined {
  if (type === 'email' || type === 'tel' || type === 'url') return type;
  return undefined;
}

function textInput(type: string) {
  return (c: WidgetContext) => {
    // Listeners keep only what they use, not the whole context (a form may have a thousand).
    const { field, setValue } = c;
    const text = c.value === undefined || c.value === null ? '' : String(c.value);
    const options = (field.ui['ui:options'] ?? {}) as Record<string, unknown>;
    const inputType = typeof options.inputType === 'string' ? options.inputType : type;
    const digits = expectsDigits(type, c.autocomplete, field.schema.pattern);
    return html`<input
      part="control"
      class="control"
      ${controlAttributes(c, {
        type: inputType,
        dir: autoDirection(type, text),
        inputmode: inputMode(type),
      })}
      .value=${live(text)}
      @input=${(event: Event) => {
        const typed = (event.target as HTMLInputElement).value;
        const raw = digits ? normalizeDigits(typed) : typed;
        setValue(raw === '' ? undefined : raw);
      }}
    />`;
  };
}

for (const type of ['text', 'email', 'tel', 'url', 'password', 'color'])
  registerWidget(type, textInput(type));

registerWidget('textarea', (c) => {
  const { setValue } = c;
  const options = (c.field.ui['ui:options'] ?? {}) as Record<string, unknown>;
  const rows = typeof options.rows === 'number' ? options.rows : 5;
  return html`<textarea
    part="control"
    class="control"
    ${controlAttributes(c, { rows: String(rows), dir: autoDirection('textarea', c.value) })}
    .value=${live(c.value === undefined || c.value === null ? '' : String(c.value))}
    @input=${(event: Event) => {
      const raw = (event.target as HTMLTextAreaElement).value;
      setValue(raw === '' ? undefined : raw);
    }}
  ></textarea>`;
});

/**
 * Reads a typed number: Arabic-Indic and Persian digits count, a decimal comma is accepted as in
 * German ("1,5"), spaces are ignored. Returns `undefined` for text that is not a number.
 */
export function parseNumber(raw: string, integer: boolean): number | undefined {
  const text = normalizeDigits(raw).replace(/[\s\u00a0\u202f]/g, '');
  const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
  if (!pattern.test(text)) return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Numbers are typed into a text field with a numeric keyboard (`inputmode`), as the GOV.UK Design
 * System advises: `<input type="number">` silently drops digits typed in Arabic or Persian, turns
 * the mouse wheel into a value changer and rounds long numbers. The limits are stated in the hint
 * instead of `min` / `max` attributes.
 */
registerWidget('number', (c) => {
  const integer = c.field.kind === 'value' && c.field.type === 'integer';
  const shown = c.rawText ?? (typeof c.value === 'number' ? String(c.value) : '');
  return html`<input
    part="control"
    class="control number"
    type="text"
    spellcheck="false"
    ${controlAttributes(c, { inputmode: integer ? 'numeric' : 'decimal' })}
    .value=${live(shown)}
    @input=${(event: Event) => {
      const raw = (event.target as HTMLInputElement).value;
      if (raw.trim() === '') {
        c.setRawText(undefined);
        c.setLocalError(undefined);
        c.setValue(undefined);
        return;
      }
      const value = parseNumber(raw, integer);
      // What the person typed stays on screen even when it is not (yet) a number.
      c.setRawText(value !== undefined && String(value) === raw ? undefined : raw);
      c.setLocalError(
        value === undefined
          ? integer
            ? msg('Please enter a whole number.')
            : msg('Please enter a number.')
          : undefined,
      );
      c.setValue(value);
    }}
  />`;
});

registerWidget('range', (c) => {
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

function dateInput(type: 'date' | 'time' | 'datetime-local') {
  return (c: WidgetContext) => {
    const { setValue } = c;
    const shown =
      type === 'datetime-local'
        ? toLocalDateTime(c.value)
        : typeof c.value === 'string'
          ? c.value.slice(0, type === 'time' ? 8 : 10)
          : '';
    return html`<input
      part="control"
      class="control date"
      ${controlAttributes(c, { type, placeholder: undefined })}
      .value=${live(shown)}
      @input=${(event: Event) => {
        const raw = (event.target as HTMLInputElement).value;
        const value: JsonValue | undefined =
          type === 'datetime-local' ? fromLocalDateTime(raw) : raw === '' ? undefined : raw;
        setValue(value);
      }}
    />`;
  };
}

registerWidget('date', dateInput('date'));
registerWidget('time', dateInput('time'));
registerWidget('datetime-local', dateInput('datetime-local'));

registerWidget(
  'hidden',
  (c) =>
    html`<input
      type="hidden"
      id=${c.id}
      name=${c.name}
      .value=${c.value === undefined || c.value === null ? '' : typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}
    />`,
  { labelling: 'none' },
);

registerWidget('null', () => html`${nothing}`, { labelling: 'none' });
