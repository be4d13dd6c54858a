import { expect } from '@open-wc/testing';
import { hasObjectAlternatives, neededParts } from '../../src/form/needed-parts.js';
import type { SchemaObject } from '../../src/model/types.js';
import { resolverFor } from '../helpers/resolver.js';

/** The parts asked for with a definition of `schema`. */
function parts(schema: SchemaObject): string[] {
  return [
    ...neededParts({ id: 'x', schema }, resolverFor(schema), { locale: 'de', drafts: false }),
  ];
}

describe('neededParts: the selector between alternatives', () => {
  it('is not asked for when every oneOf / anyOf is a choice list', () => {
    const schema = {
      type: 'object',
      properties: {
        contact: {
          oneOf: [
            { const: 'email', title: 'E-Mail' },
            { const: 'post', title: 'Post' },
          ],
        },
        size: {
          anyOf: [
            { enum: ['s'], title: 'Small' },
            { enum: ['l'], title: 'Large' },
          ],
        },
      },
    } as SchemaObject;
    expect(hasObjectAlternatives(schema)).to.equal(false);
    // The filter of the choice lists' errors still comes, with the conditions.
    expect(parts(schema)).to.include('conditions').and.not.include('alternatives');
  });

  it('is asked for when a member is more than one fixed value, or a reference', () => {
    const objects = {
      type: 'object',
      oneOf: [
        { title: 'Person', properties: { name: { type: 'string' } } },
        { title: 'Company', properties: { company: { type: 'string' } } },
      ],
    } as SchemaObject;
    const referenced = {
      type: 'object',
      $defs: { a: { const: 'a' } },
      properties: { pick: { oneOf: [{ $ref: '#/$defs/a' }, { const: 'b' }] } },
    } as SchemaObject;
    expect(parts(objects)).to.include('alternatives');
    expect(parts(referenced)).to.include('alternatives');
  });
});
