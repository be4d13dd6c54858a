// The same fields as one plain Lit template in a LitElement (shadow DOM, like <intake-form>):
// fieldsets, labels, native controls, and on input the changed field checked by hand-written
// code. No schema handling, no translation, no accessibility wiring beyond labels: the floor for
// what a Lit-based form can cost.
/* global customElements, document, performance */
import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { checkField, groupsOf } from './shared.js';

class BenchPlainForm extends LitElement {
  static properties = { groups: { attribute: false } };

  constructor() {
    super();
    this.groups = [];
    this.data = {};
    this.errors = new Map();
  }

  set(group, field, schema, value) {
    this.data = { ...this.data, [group]: { ...this.data[group], [field]: value } };
    const id = `${group}-${field}`;
    const error = checkField(schema, value);
    if (error) this.errors.set(id, error);
    else this.errors.delete(id);
    this.requestUpdate();
  }

  control(group, { field, schema, id }) {
    const value = this.data[group][field];
    const error = this.errors.get(id);
    const set = (v) => this.set(group, field, schema, v);
    if (schema.type === 'boolean')
      return html`<input
        id=${id}
        type="checkbox"
        .checked=${live(Boolean(value))}
        @change=${(e) => set(e.target.checked)}
      />`;
    if (schema.enum)
      return html`<select
        id=${id}
        required
        aria-invalid=${error ? 'true' : 'false'}
        @change=${(e) => set(e.target.value)}
      >
        ${schema.enum.map((option) => html`<option ?selected=${option === value}>${option}</option>`)}
      </select>`;
    const integer = schema.type === 'integer';
    return html`<input
      id=${id}
      type=${schema.format === 'email' ? 'email' : 'text'}
      inputmode=${integer ? 'numeric' : 'text'}
      required
      aria-invalid=${error ? 'true' : 'false'}
      .value=${live(value === undefined ? '' : String(value))}
      @input=${(e) => {
        const raw = e.target.value;
        set(integer && /^-?\d+$/.test(raw) ? Number(raw) : raw);
      }}
    />`;
  }

  render() {
    return html`<form novalidate>
      ${this.groups.map(
        ({ group, title, fields }) =>
          html`<fieldset>
            <legend>${title}</legend>
            ${fields.map((f) => {
              const error = this.errors.get(f.id);
              return html`<div class="field">
                <label for=${f.id}>${f.schema.title}</label>
                ${this.control(group, f)} ${error ? html`<p class="error">${error}</p>` : nothing}
              </div>`;
            })}
          </fieldset>`,
      )}
      <button type="submit">Send</button>
    </form>`;
  }
}
customElements.define('bench-plain-form', BenchPlainForm);

let element;
let target;

export default {
  prepare(form) {
    target = form.target;
  },
  render(container, form) {
    element = document.createElement('bench-plain-form');
    element.data = form.data;
    element.groups = groupsOf(form);
    container.append(element);
    return element.shadowRoot;
  },
  async afterInput() {
    while (!(await element.updateComplete));
    return performance.now();
  },
  value: () => element.data[target.group][target.field],
};
