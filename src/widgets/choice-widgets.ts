/**
 * Widgets for choosing: select (also multiple, for lists of distinct choices), radio buttons and a
 * single checkbox. The checkbox group for lists of distinct choices is a chunk of its own
 * (checkbox-group-widget.ts, see lazy-widgets.ts).
 */
import { html } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { attributes } from './attributes.js';
import { controlAttributes } from './control-attributes.js';
import { selectOptions } from './select-options.js';
import { msg } from '@lit/localize';
import type { ShownText } from '../i18n/form-text.js';
import type { Choice } from '../model/field.js';
import type { JsonValue } from '../model/types.js';
import type { WidgetContext } from './registry.js';
import { registerWidget } from './registry.js';

/** Whether two choice values are the same (objects and arrays by their JSON). */
export function same(a: unknown, b: unknown): boolean {
  return (
    a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b))
  );
}

/** The choices of a field; a boolean without choices offers Yes / No. */
export function choicesOf(c: WidgetContext): Choice[] {
  const { field } = c;
  if ((field.kind === 'value' || field.kind === 'multi-choice') && field.choices)
    return field.choices;
  if (field.kind === 'value' && field.type === 'boolean') {
    return [
      { value: true, label: { text: msg('Yes') } },
      { value: false, label: { text: msg('No') } },
    ];
  }
  return [];
}

/** The label of a generated choice (Yes / No) is already in the current locale. */
function label(c: WidgetContext, choice: Choice) {
  return choice.label.key === undefined
    ? { text: choice.label.text, lang: c.locale }
    : c.choiceLabel(choice);
}

registerWidget('select', (c) => {
  // Listeners keep only what they use, not the whole context (a form may have a thousand): no
  // function in here refers to `c`.
  const { setValue, touch, value } = c;
  const choices = choicesOf(c);
  const multiple = c.field.kind === 'multi-choice';
  // A loop, not a closure: no function in here may use `c` (see above).
  const labels: ShownText[] = [];
  for (const choice of choices) labels.push(label(c, choice));
  return html`<select
    part="control"
    class="control"
    ${controlAttributes(c, {
      multiple,
      placeholder: undefined,
      readonly: false,
      disabled: c.disabled || c.readOnly,
    })}
    ${selectOptions({
      placeholder: multiple ? undefined : msg('Please choose'),
      labels,
      selected: (i) =>
        multiple
          ? Array.isArray(value) && value.some((v) => same(v, choices[i].value))
          : same(value, choices[i].value),
    })}
    @change=${(event: Event) => {
      const select = event.target as HTMLSelectElement;
      if (multiple) {
        const values = [...select.selectedOptions].map(
          (option) => choices[Number(option.value)].value,
        );
        setValue(values);
      } else {
        setValue(select.value === '' ? undefined : choices[Number(select.value)].value);
      }
      touch();
    }}
  ></select>`;
});

/**
 * A group of radio buttons or checkboxes, one for each choice, with its label: `checked` says
 * whether a choice is ticked now, `changed` is each box's listener. Shared by the radio buttons
 * and the checkbox group of lists (checkbox-group-widget.ts).
 */
export function choiceGroup(
  c: WidgetContext,
  type: 'radio' | 'checkbox',
  checked: (choice: Choice) => boolean,
  changed: (choice: Choice, event: Event) => void,
) {
  return html`<div class="choices" role="presentation">
    ${choicesOf(c).map((choice, i) => {
      const shown = label(c, choice);
      const id = `${c.id}-${i}`;
      return html`<div class="choice">
        <input
          part="control"
          type=${type}
          value=${String(i)}
          ${attributes({
            id,
            name: c.name,
            // A checkbox group is required as a whole, not each box (`minItems` tells).
            required: type === 'radio' && c.required,
            'aria-invalid': c.invalid ? 'true' : 'false',
            'aria-describedby': c.describedBy,
            disabled: c.disabled || c.readOnly,
          })}
          .checked=${live(checked(choice))}
          @change=${(event: Event) => changed(choice, event)}
        />
        <label part="choice-label" for=${id} lang=${shown.lang}>${shown.text}</label>
      </div>`;
    })}
  </div>`;
}

registerWidget(
  'radio',
  (c) => {
    // Listeners keep only what they use, not the whole context (a form may have a thousand).
    const { setValue, touch, value } = c;
    return choiceGroup(
      c,
      'radio',
      (choice) => same(value, choice.value),
      (choice) => {
        setValue(choice.value as JsonValue);
        touch();
      },
    );
  },
  { labelling: 'group' },
);

registerWidget(
  'checkbox',
  (c) => {
    const { field, setValue, touch, required } = c;
    const shown = field.showLabel ? c.choiceLabel({ value: true, label: field.label }) : undefined;
    return html`<div class="choice">
      <input
        part="control"
        type="checkbox"
        ${controlAttributes(c, {
          'aria-label': shown ? undefined : field.label.text || undefined,
          autocomplete: undefined,
          placeholder: undefined,
          readonly: false,
          disabled: c.disabled || c.readOnly,
        })}
        .checked=${live(c.value === true)}
        @change=${(event: Event) => {
          const on = (event.target as HTMLInputElement).checked;
          // An unticked optional checkbox is `false`; an unticked required one (consent) is missing.
          setValue(on ? true : required ? undefined : false);
          touch();
        }}
      />
      ${
        shown
          ? html`<label part="label choice-label" for=${c.id} lang=${shown.lang}
              >${shown.text}${c.required ? '' : html` <span class="optional">${msg('(optional)')}</span>`}</label
            >`
          : ''
      }
    </div>`;
  },
  { labelling: 'inline' },
);
