import { expect } from '@open-wc/testing';
import { likelyWidgets } from '../../src/form/needed-parts.js';
import type { FormDefinition, SchemaObject } from '../../src/model/types.js';
import { resolverFor } from '../helpers/resolver.js';

/** The widgets guessed for a definition, without duplicates or blanks. */
function guess(schema: SchemaObject, ui: FormDefinition['ui'] = {}): string[] {
  const names = likelyWidgets({ id: 'x', schema, ui }, resolverFor(schema));
  return [...new Set(names.filter(Boolean))].sort();
}

describe('likelyWidgets: the widgets whose code is asked for with a definition', () => {
  it('reads ui:widget, with the RJSF names', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'integer' }, b: { type: 'string' } },
    } as SchemaObject;
    expect(
      guess(schema, { a: { 'ui:widget': 'range' }, b: { 'ui:widget': 'alt-datetime' } }),
    ).to.deep.equal(['datetime-local', 'range']);
  });

  it('reads formats and lists of distinct choices', () => {
    const schema = {
      type: 'object',
      properties: {
        when: { type: 'string', format: 'date-time' },
        upload: { type: 'string', format: 'data-url' },
        topics: { type: 'array', uniqueItems: true, items: { enum: ['a', 'b'] } },
        email: { type: 'string', format: 'email' },
      },
    } as SchemaObject;
    expect(guess(schema)).to.include.members(['datetime-local', 'file', 'checkboxes']);
  });

  it('guesses nothing lazy for a plain form', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
    } as SchemaObject;
    expect(guess(schema)).to.deep.equal([]);
  });
});
