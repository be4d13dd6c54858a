/**
 * Optional objects without data (issue 19): "Add …" in their place, reachable by keyboard and
 * announced, "Remove …" to take them out again; a recursive definition opens one level at a time;
 * a definition of more controls than the limit shows the definition error quickly.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { MAX_CONTROLS } from '../../src/model/field-limit.js';
import { control, renderForm, root } from '../helpers/form.js';

const person = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    country: { type: 'string', title: 'Country', default: 'DE' },
    partner: { $ref: '#' },
  },
};

function status(el: IntakeForm): string {
  return root(el).querySelector('[role="status"][aria-live]')!.textContent!.trim();
}

function focused(el: IntakeForm): Element | null {
  return root(el).activeElement;
}

describe('optional objects', () => {
  it('shows "Add" for an optional nested object, opens it by keyboard and removes it again', async () => {
    const el = await renderForm({
      schema: {
        type: 'object',
        properties: {
          applicant: {
            type: 'object',
            title: 'Applicant',
            properties: {
              name: { type: 'string', title: 'Name' },
              address: {
                type: 'object',
                title: 'Postal address',
                properties: { city: { type: 'string', title: 'City' } },
              },
            },
          },
        },
      },
    });
    // The top-level section is open, the nested optional object is not.
    expect(control(el, '/applicant/name')).to.exist;
    expect(root(el).querySelector('[name="/applicant/address/city"]') === null).to.equal(true);
    const add = root(el).querySelector<HTMLButtonElement>('[data-action="expand"]')!;
    expect(add.textContent!.trim()).to.equal('Add Postal address');
    expect(el.value).to.deep.equal({});
    // Keyboard: focus the button and press Enter.
    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.value).to.deep.equal({ applicant: { address: {} } });
    expect(focused(el) === control(el, '/applicant/address/city')).to.equal(true);
    expect(status(el)).to.equal('Postal address added.');
    const remove = root(el).querySelector<HTMLButtonElement>('[data-action="collapse"]')!;
    expect(remove.textContent!.trim()).to.equal('Remove Postal address');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.value).to.deep.equal({ applicant: {} });
    expect(status(el)).to.equal('Postal address removed.');
    expect(focused(el)?.getAttribute('data-action')).to.equal('expand');
  });

  it('opens a recursive definition one level per "Add"', async () => {
    const el = await renderForm({ schema: { ...person, title: 'Person' } });
    expect(root(el).querySelectorAll('[data-action="expand"]')).to.have.length(1);
    root(el).querySelector<HTMLButtonElement>('[data-action="expand"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(control(el, '/partner/name')).to.exist;
    // "Add" fills in the part's defaults.
    expect(el.value).to.deep.equal({ country: 'DE', partner: { country: 'DE' } });
    // One more "Add" one level further down, nothing beyond.
    const adds = root(el).querySelectorAll('[data-action="expand"]');
    expect(adds).to.have.length(1);
    expect(adds[0].closest('[data-pointer]')!.getAttribute('data-pointer')).to.equal(
      '/partner/partner',
    );
    control(el, '/partner/name').focus();
    await sendKeys({ type: 'Ada' });
    expect(el.value).to.deep.equal({ country: 'DE', partner: { name: 'Ada', country: 'DE' } });
    expect(el.validate().valid).to.equal(true);
  });

  it('shows a localized definition error for a form of more controls than the limit, quickly', async () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < MAX_CONTROLS + 10; i++) properties[`q${i}`] = { type: 'string' };
    const el = await fixture<IntakeForm>(html`<intake-form locale="de"></intake-form>`);
    const started = performance.now();
    const failed = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('intake-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    el.definition = {
      id: 'big',
      lang: 'en',
      schema: { type: 'object', properties },
    } as unknown as FormDefinition;
    const event = await failed;
    expect(performance.now() - started).to.be.below(1000);
    expect(event.detail.type).to.equal('definition');
    expect(event.detail.message).to.contain('5000');
    await el.updateComplete;
    const panel = root(el).querySelector('.definition-error')!;
    expect(panel.textContent).to.contain('5000');
    expect(root(el).querySelectorAll('input').length).to.equal(0);
  });
});
