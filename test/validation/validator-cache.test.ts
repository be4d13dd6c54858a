/**
 * A raw definition's compiled validators are kept across visits (src/validation/validator-cache.ts):
 * the second form with the same schema uses the kept code (`intake-ready`'s `validator` says so)
 * and validates as the first did; a damaged or foreign entry is compiled again, never trusted.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createStore, get, set } from 'idb-keyval';
import '../../src/index.js';
import type { FormDefinition, IntakeForm, SchemaObject } from '../../src/index.js';
import { controls, errorText, tab, typeInto, whenReady } from '../helpers/form.js';
import {
  cacheKey,
  cacheSettled,
  MAX_ENTRIES,
  readEntry,
  writeEntry,
  type CacheEntry,
} from '../../src/validation/validator-cache.js';

const store = createStore('intake-elements-validators', 'validators');

/** A schema no other test (or earlier run) has kept: a condition, a format, a length. */
function freshSchema(): SchemaObject {
  return {
    $comment: `validator-cache test ${crypto.randomUUID()}`,
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name', minLength: 3 },
      contact: {
        title: 'Contact by',
        oneOf: [
          { const: 'email', title: 'Email' },
          { const: 'phone', title: 'Phone' },
        ],
      },
    },
    required: ['name'],
    // The address is asked for only when the condition (kept code too) holds.
    if: { properties: { contact: { const: 'email' } }, required: ['contact'] },
    then: {
      properties: { email: { type: 'string', title: 'Email', format: 'email' } },
      required: ['email'],
    },
  };
}

/** Shows a form for `schema` and returns it with its `intake-ready` detail. */
async function show(schema: SchemaObject): Promise<{ el: IntakeForm; validator: string }> {
  const el = await fixture<IntakeForm>(html`<intake-form locale="en"></intake-form>`);
  const ready = whenReady(el);
  el.definition = {
    id: 'cache',
    version: '1',
    lang: 'en',
    schema,
    ui: { contact: { 'ui:widget': 'radio' } },
  } as FormDefinition;
  const event = await ready;
  await el.updateComplete;
  return { el, validator: (event.detail as { validator: string }).validator };
}

/**
 * Types a too short name, asks to be contacted by email (the condition shows the address) and
 * types an address that is none: both errors must show.
 */
async function expectValidation(el: IntakeForm): Promise<void> {
  await typeInto(el, '/name', 'Al');
  await tab(el);
  expect(errorText(el, '/name'), 'the name is too short').to.match(/at least 3/i);
  expect(controls(el, '/email'), 'no address asked for yet').to.have.length(0);
  controls(el, '/contact')[0].click();
  await el.updateComplete;
  await typeInto(el, '/email', 'not-an-address');
  await tab(el);
  expect(errorText(el, '/email'), 'the address is no address').to.be.a('string');
}

describe('validators kept across visits', () => {
  it('compiles on the first visit and uses the kept code on the second', async () => {
    const schema = freshSchema();
    const first = await show(schema);
    expect(first.validator).to.equal('compiled');
    await cacheSettled();
    const text = JSON.stringify(schema);
    const key = (await cacheKey(text))!;
    const entry = await readEntry(key, text);
    expect(entry?.keys, 'the shell, each property and the condition').to.include.members([
      '#shell',
      '#property:name',
      '#property:contact',
      '/schema/if',
    ]);

    const second = await show(schema);
    expect(second.validator).to.equal('cached');
    await expectValidation(second.el);
    expect(second.el.value).to.deep.include({ contact: 'email', email: 'not-an-address' });
  });

  it('a form of many questions is kept in several batches of code that work together', async () => {
    // 120 questions and a condition: three batches of code (50 validators each), each evaluated
    // in a function scope of its own, sharing one `$defs` entry that each batch declares for itself.
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 120; i++) properties[`q${i}`] = { $ref: '#/$defs/short', title: `Q${i}` };
    const schema = {
      ...freshSchema(),
      $defs: { short: { type: 'string', maxLength: 3 } },
      properties: { ...freshSchema().properties, ...properties },
    } as SchemaObject;
    await show(schema);
    await cacheSettled();
    const text = JSON.stringify(schema);
    const entry = await readEntry((await cacheKey(text))!, text);
    expect(entry?.code, 'batches').to.have.length(3);

    const second = await show(schema);
    expect(second.validator).to.equal('cached');
    await expectValidation(second.el);
    await typeInto(second.el, '/q119', 'long');
    await tab(second.el);
    expect(errorText(second.el, '/q119'), 'the last batch validates').to.be.a('string');
    await typeInto(second.el, '/q0', 'abcd');
    await tab(second.el);
    expect(errorText(second.el, '/q0'), 'the first batch validates').to.be.a('string');
  });

  it('a damaged entry still gives a working form, and is kept anew', async () => {
    const schema = freshSchema();
    const text = JSON.stringify(schema);
    const key = (await cacheKey(text))!;
    await set(key, { text, code: ['this is not JavaScript ('], keys: ['#shell'] }, store);

    const damaged = await show(schema);
    expect(damaged.validator, 'the damaged code is not used').to.equal('compiled');
    await expectValidation(damaged.el);
    await cacheSettled();
    const kept = (await get(key, store)) as CacheEntry;
    expect(kept.code).to.not.deep.equal(['this is not JavaScript (']);

    const again = await show(schema);
    expect(again.validator).to.equal('cached');
  });

  it('code kept for another text under the same key is not used', async () => {
    const schema = freshSchema();
    const text = JSON.stringify(schema);
    const key = (await cacheKey(text))!;
    const other = freshSchema();
    await show(other);
    await cacheSettled();
    const foreign = await readEntry(
      (await cacheKey(JSON.stringify(other)))!,
      JSON.stringify(other),
    );
    await set(key, { ...foreign!, text: JSON.stringify(other) }, store);

    const shown = await show(schema);
    expect(shown.validator).to.equal('compiled');
    await expectValidation(shown.el);
  });

  it('keeps at most MAX_ENTRIES schemas, dropping the least recently used', async () => {
    const keys: string[] = [];
    for (let i = 0; i < MAX_ENTRIES + 2; i += 1) {
      const text = `{"bounded":${i},"run":"${crypto.randomUUID()}"}`;
      const key = (await cacheKey(text))!;
      keys.push(key);
      await writeEntry(key, { text, code: [], keys: [] });
    }
    await cacheSettled();
    expect(await get(keys[0], store), 'the oldest is gone').to.equal(undefined);
    expect(await get(keys[1], store), 'the second oldest is gone').to.equal(undefined);
    expect(await get(keys.at(-1)!, store), 'the newest is kept').to.not.equal(undefined);
  });
});
