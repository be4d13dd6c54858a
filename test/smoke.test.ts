import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { IntakeForm } from '../src/index.js';

describe('smoke', () => {
  it('renders the example', async () => {
    const el = await fixture<IntakeForm>(html`<intake-form src="/schemas/ki-erstberatung.json"></intake-form>`);
    const ev = await new Promise<Event>((resolve) => {
      el.addEventListener('intake-ready', resolve, { once: true });
      el.addEventListener('intake-error', resolve, { once: true });
      setTimeout(() => resolve(new Event('timeout')), 5000);
    });
    console.log(ev.type, JSON.stringify((ev as CustomEvent).detail), el.shadowRoot!.textContent!.slice(0, 300));
    const controls = el.shadowRoot!.querySelectorAll('[name]');
    console.log('controls', controls.length, [...controls].map((c) => c.getAttribute('name')).join(' '));
    expect(controls.length).to.be.greaterThan(5);
    const result = el.validate();
    console.log(JSON.stringify(result.errors));
  });
});
