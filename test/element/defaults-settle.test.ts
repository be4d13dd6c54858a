/**
 * A default that switches a condition on brings that branch's defaults too, in one go: setting
 * the form's `value` to what it reports changes nothing (the property test in
 * test/security/properties.test.ts found the case where it did).
 */
import { expect } from '@open-wc/testing';
import type { JsonValue, SchemaObject } from '../../src/index.js';
import { renderForm } from '../helpers/form.js';

const schema: SchemaObject = {
  type: 'object',
  properties: {
    contact: { type: 'string', enum: ['post', 'phone'], default: 'post' },
  },
  if: { required: ['contact'], properties: { contact: { const: 'post' } } },
  then: {
    required: ['address'],
    properties: {
      address: {
        type: 'object',
        properties: { country: { type: 'string', default: 'Deutschland' } },
      },
      copies: { type: 'array', minItems: 1, items: { type: 'string', default: 'one' } },
    },
  },
};

describe('defaults that switch a condition on', () => {
  it('fill the branch they switch on at once, and value round-trips', async () => {
    const el = await renderForm({ schema });
    el.value = {};
    await el.updateComplete;
    const first = el.value as { [key: string]: JsonValue };
    expect(first.contact).to.equal('post');
    expect(first.address).to.deep.equal({ country: 'Deutschland' });
    el.value = first;
    await el.updateComplete;
    expect(el.value).to.deep.equal(first);
  });
});
