/**
 * The checkbox group for lists of distinct choices (`type: "array"`, `uniqueItems`, items with
 * choices): a chunk of its own (see lazy-widgets.ts), loaded before a form that shows one.
 */
import { choiceGroup, choicesOf, same } from './choice-widgets.js';
import { registerBuiltInWidget } from './registry.js';

registerBuiltInWidget(
  'checkboxes',
  (c) => {
    const { setValue } = c;
    const choices = choicesOf(c);
    const current = Array.isArray(c.value) ? c.value : [];
    return choiceGroup(
      c,
      'checkbox',
      (choice) => current.some((v) => same(v, choice.value)),
      (_choice, event) => {
        // Read every box of the group from the DOM: two quick clicks may come before the next
        // render, and the rendered value would then be stale. The schema's order of choices is
        // kept, whatever order they were ticked in.
        const group = (event.target as HTMLElement).closest('.choices')!;
        const boxes = [...group.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
        setValue(boxes.filter((box) => box.checked).map((box) => choices[Number(box.value)].value));
      },
    );
  },
  { labelling: 'group' },
);
