/**
 * The checkbox group for lists of distinct choices (`type: "array"`, `uniqueItems`, items with
 * choices): a chunk of its own (see lazy-widgets.ts), loaded before a form that shows one.
 */
import { html } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { attributes } from './attributes.js';
import { choicesOf, label, same } from './choice-widgets.js';
import { registerBuiltInWidget } from './registry.js';

registerBuiltInWidget(
  'checkboxes',
  (c) => {
    const { setValue } = c;
    const choices = choicesOf(c);
    const current = Array.isArray(c.value) ? c.value : [];
    return html`<div class="choices" role="presentation">
      ${choices.map((choice, i) => {
        const shown = label(c, choice);
        const id = `${c.id}-${i}`;
        const checked = current.some((v) => same(v, choice.value));
        return html`<div class="choice">
          <input
            part="control"
            type="checkbox"
            value=${String(i)}
            ${attributes({
              id,
              name: c.name,
              'aria-invalid': c.invalid ? 'true' : 'false',
              'aria-describedby': c.describedBy,
              disabled: c.disabled || c.readOnly,
            })}
            .checked=${live(checked)}
            @change=${(event: Event) => {
              // Read every box of the group from the DOM: two quick clicks may come before the
              // next render, and the rendered value would then be stale. The schema's order of
              // choices is kept, whatever order they were ticked in.
              const group = (event.target as HTMLElement).closest('.choices')!;
              const boxes = [...group.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
              const next = boxes
                .filter((box) => box.checked)
                .map((box) => choices[Number(box.value)].value);
              setValue(next);
            }}
          />
          <label part="choice-label" for=${id} lang=${shown.lang}>${shown.text}</label>
        </div>`;
      })}
    </div>`;
  },
  { labelling: 'group' },
);
