/**
 * Widgets built on `<input>` and `<textarea>`: text, email, tel, url, password, color, number,
 * date, time, textarea and hidden. The rarely used range and datetime-local are a chunk of their
 * own (rare-input-widgets.ts).
 */
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { controlAttributes } from './control-attributes.js';
import { msg } from '@lit/localize';
import type { WidgetContext } from './registry.js';
import { registerWidget } from './registry.js';
import { expectsDigits, normalizeDigits, typedDigits } from '../i18n/digits.js';
import type { JsonValue } from '../model/types.js';

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
        // Arabic-Indic or Persian digits become ASCII where the field expects digits, or where
        // only the ASCII form matches the field's pattern.
        const raw = typedDigits(typed, digits, field.schema.pattern);
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

/**
 * A date or time control: `shown` turns the stored value into the control's, `stored` the
 * control's into the stored value (`undefined` for nothing).
 */
export function dateInput(
  type: 'date' | 'time' | 'datetime-local',
  shown: (value: JsonValue | undefined) => string,
  stored: (text: string) => JsonValue | undefined,
) {
  return (c: WidgetContext) => {
    const { setValue } = c;
    return html`<input
      part="control"
      class="control date"
      ${controlAttributes(c, { type, placeholder: undefined })}
      .value=${live(shown(c.value))}
      @input=${(event: Event) => setValue(stored((event.target as HTMLInputElement).value))}
    />`;
  };
}

/** The start of a stored date or time, as long as the control's form. */
const leading = (length: number) => (value: JsonValue | undefined) =>
  typeof value === 'string' ? value.slice(0, length) : '';
const orNothing = (text: string) => (text === '' ? undefined : text);

registerWidget('date', dateInput('date', leading(10), orNothing));
registerWidget('time', dateInput('time', leading(8), orNothing));

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
