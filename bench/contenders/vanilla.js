// Hand-written DOM code for the same fields: createElement for every node, one listener per
// control that stores the value and checks that one field by hand-written code. No framework, no
// schema handling: the floor for any form.
/* global document, structuredClone, performance */
import { checkField, groupsOf } from './shared.js';

let data;
let target;

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function control(group, { field, schema, id }, error) {
  const value = data[group][field];
  const set = (v) => {
    data[group][field] = v;
    const message = checkField(schema, v);
    error.textContent = message;
    error.hidden = !message;
  };
  if (schema.type === 'boolean') {
    const input = element('input', { id, type: 'checkbox' });
    input.checked = Boolean(value);
    input.addEventListener('change', () => set(input.checked));
    return input;
  }
  if (schema.enum) {
    const select = element(
      'select',
      { id, required: '' },
      schema.enum.map((option) => element('option', {}, [option])),
    );
    select.value = value;
    select.addEventListener('change', () => set(select.value));
    return select;
  }
  const integer = schema.type === 'integer';
  const input = element('input', {
    id,
    type: schema.format === 'email' ? 'email' : 'text',
    inputmode: integer ? 'numeric' : 'text',
    required: '',
  });
  input.value = String(value);
  input.addEventListener('input', () => {
    const raw = input.value;
    set(integer && /^-?\d+$/.test(raw) ? Number(raw) : raw);
  });
  return input;
}

export default {
  prepare(form) {
    data = structuredClone(form.data);
    target = form.target;
  },
  render(container, form) {
    const formElement = element('form', { novalidate: '' });
    for (const { group, title, fields } of groupsOf(form)) {
      const fieldset = element('fieldset', {}, [element('legend', {}, [title])]);
      for (const f of fields) {
        const error = element('p', { class: 'error', hidden: '' });
        fieldset.append(
          element('div', { class: 'field' }, [
            element('label', { for: f.id }, [f.schema.title]),
            control(group, f, error),
            error,
          ]),
        );
      }
      formElement.append(fieldset);
    }
    formElement.append(element('button', { type: 'submit' }, ['Send']));
    container.append(formElement);
    return container;
  },
  afterInput: () => Promise.resolve(performance.now()),
  value: () => data[target.group][target.field],
};
