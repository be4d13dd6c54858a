/**
 * A compiled module says where each `$ref` leads (`refs`, written by `intake-elements compile`):
 * the element follows references with it and needs no raw-definition code. A module without the
 * table (compiled by an earlier version) still works: the element works the table out itself.
 * A table that leads nowhere is a definition error, not a broken page. The precompiled
 * validators of a schema with alternatives leave out the alternatives' noise, with the filter
 * that comes with the condition logic.
 *
 * Each test file runs in a page of its own, so the list of fetched modules tells which code the
 * element loaded.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { FormDefinition, IntakeForm } from '../../src/index.js';
import { control, whenReady } from '../helpers/form.js';
import { EDGE_CASES } from '../helpers/split-equivalence.js';

type Compiled = FormDefinition & { refs?: Record<string, string> };

async function compiledExample(): Promise<Compiled> {
  const module = (await import(
    /* @vite-ignore */ `/compiled/examples/ki-erstberatung.js?${Math.random()}`
  )) as { default: Compiled };
  // Given as `definition`, relative translation URLs would resolve against the test page: the
  // English the tests read is put inline.
  const english = (await (
    await fetch('/schemas/translations/ki-erstberatung.en.json')
  ).json()) as Record<string, string>;
  return {
    ...module.default,
    translations: { ...module.default.translations, en: english },
  } as Compiled;
}

async function show(definition: Compiled): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const ready = whenReady(el);
  el.definition = definition;
  await ready;
  await el.updateComplete;
  return el;
}

const rawChecksFetched = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => entry.name.includes('raw-definition-checks'));

describe('compiled modules', () => {
  // The browser keeps 250 resource entries by default; a page of the test runner fetches every
  // source module on its own, so make room for the modules the element loads later.
  before(() => performance.setResourceTimingBufferSize(100_000));

  it('shows the questions a $ref leads to without loading the raw-definition checks', async () => {
    const definition = await compiledExample();
    expect(definition.refs).to.deep.equal({
      '/schema/properties/person': '/schema/$defs/person',
      '/schema/properties/address': '/schema/$defs/address',
    });
    const el = await show(definition);
    expect(control(el, '/person/givenName').labels?.[0]?.textContent).to.contain('First name');
    expect(control(el, '/address/postalCode')).to.exist;
    expect(rawChecksFetched()).to.equal(false);
  });

  it('works the table out itself for a module compiled without one', async () => {
    const { refs, ...definition } = await compiledExample();
    expect(refs).to.not.be.undefined;
    const el = await show(definition);
    expect(control(el, '/person/familyName')).to.exist;
    expect(control(el, '/address/city')).to.exist;
    expect(rawChecksFetched()).to.equal(true);
  });

  it('reports a table that leads nowhere as a definition error', async () => {
    const definition = await compiledExample();
    definition.refs = { '/schema/properties/person': '/schema/$defs/nobody' };
    const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
    const failed = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('intake-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    el.definition = definition;
    const event = await failed;
    await el.updateComplete;
    expect(event.detail.type).to.equal('definition');
    expect(event.detail.errors[0].pointer).to.equal('/schema/properties/person');
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.match(/\S/);
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
  });

  it('leaves out the errors of the alternatives that did not match (oneOf / anyOf)', async () => {
    // The noise filter comes with the condition logic's chunk, loaded for such a schema.
    const index = EDGE_CASES.findIndex((c) => c.name.startsWith('oneOf alternatives'));
    const module = (await import(/* @vite-ignore */ `/compiled/edge/${index}.js`)) as {
      default: Compiled;
    };
    const el = await show({ ...module.default, id: 'edge', version: '1', lang: 'en' });
    el.value = { job: {}, contact: {} };
    await el.updateComplete;
    const { errors } = el.validate();
    // One error per value that a person can act on: not the alternatives' `required` errors.
    expect(errors.map((e) => `${e.pointer} ${e.keyword}`)).to.deep.equal([
      '/job oneOf',
      '/contact anyOf',
    ]);
  });
});
