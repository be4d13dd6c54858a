import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { registerWidget } from '../../src/index.js';
import { control, renderForm } from '../helpers/form.js';

describe('registerWidget', () => {
  it('lets an embedder add a widget that ui:widget can name, wired to value, label and errors', async () => {
    registerWidget('stars', (c) => {
      return html`<input
        id=${c.id}
        name=${c.name}
        type="range"
        min="1"
        max="5"
        class="stars"
        aria-invalid=${c.invalid ? 'true' : 'false'}
        .value=${String(c.value ?? 1)}
        @input=${(event: Event) => c.setValue(Number((event.target as HTMLInputElement).value))}
        @blur=${c.touch}
      />`;
    });
    const el = await renderForm({
      schema: {
        type: 'object',
        required: ['rating'],
        properties: { rating: { type: 'integer', title: 'Rating', minimum: 3 } },
      },
      ui: { rating: { 'ui:widget': 'stars' } },
    });
    const input = control(el, '/rating');
    expect(input.classList.contains('stars')).to.equal(true);
    expect(input.labels![0].textContent).to.contain('Rating');
    input.value = '2';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ rating: 2 });
    const { errors } = el.validate();
    await el.updateComplete;
    expect(errors.map((e) => e.keyword)).to.deep.equal(['minimum']);
    expect(control(el, '/rating').getAttribute('aria-invalid')).to.equal('true');
  });

  it('can replace a built-in widget', async () => {
    registerWidget(
      'textarea',
      (c) => html`<textarea id=${c.id} name=${c.name} class="custom-textarea"></textarea>`,
    );
    const el = await renderForm({
      schema: { type: 'object', properties: { a: { type: 'string' } } },
      ui: { a: { 'ui:widget': 'textarea' } },
    });
    expect(control(el, '/a').classList.contains('custom-textarea')).to.equal(true);
  });

  it('falls back to the default widget when ui:widget names one that does not exist', async () => {
    const el = await renderForm({
      schema: { type: 'object', properties: { a: { type: 'string', format: 'email' } } },
      ui: { a: { 'ui:widget': 'no-such-widget' } },
    });
    expect(control(el, '/a').type).to.equal('email');
  });
});
