import { expect } from '@open-wc/testing';
import { checkDefinitionProblems } from '../../src/builder/check/definition-check.js';
import {
  conditionsTesting,
  danglingConditions,
  removeQuestionWithConditions,
} from '../../src/builder/core/condition-refs.js';
import { getAt, type Json } from '../../src/builder/core/json.js';
import { allDefinitions } from './helpers.js';

const show = (subject: string, value: Json, key: string, title: string): Json => ({
  if: { properties: { [subject]: { const: value } }, required: [subject] },
  then: { properties: { [key]: { type: 'string', title } } },
});

/** Two conditions test "a" (members 0 and 2); member 1 tests "b"; translations follow them. */
const LAYERED: Json = {
  id: 'schichten',
  version: '1',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      a: { type: 'boolean', title: 'A' },
      b: { type: 'string', title: 'B' },
    },
    allOf: [show('a', true, 'c', 'C'), show('b', 'x', 'd', 'D'), show('a', false, 'e', 'E')],
  },
  translations: {
    en: {
      '/schema/properties/b/title': 'B en',
      '/schema/allOf/0/then/properties/c/title': 'C en',
      '/schema/allOf/1/then/properties/d/title': 'D en',
      '/schema/allOf/2/then/properties/e/title': 'E en',
    },
  },
};

describe('builder core: conditions that test a question', () => {
  it('finds the conditions testing a question, at its level only', () => {
    const { words, raw } = conditionsTesting(LAYERED, ['a']);
    expect(words.map((c) => c.pointer)).to.deep.equal(['/schema/allOf/0', '/schema/allOf/2']);
    expect(raw).to.deep.equal([]);
    expect(conditionsTesting(LAYERED, ['b']).words.map((c) => c.pointer)).to.deep.equal([
      '/schema/allOf/1',
    ]);
  });

  it('removes a question with several conditions; the others and all translations stay right', () => {
    const after = removeQuestionWithConditions(LAYERED, ['a']);
    expect(getAt(after, '/schema/properties/a')).to.equal(undefined);
    expect(getAt(after, '/schema/allOf')).to.deep.equal([show('b', 'x', 'd', 'D')]);
    expect(getAt(after, '/schema/properties/c/title')).to.equal('C');
    expect(getAt(after, '/schema/properties/e/title')).to.equal('E');
    expect(getAt(after, '/translations/en')).to.deep.equal({
      '/schema/properties/b/title': 'B en',
      '/schema/properties/c/title': 'C en',
      '/schema/allOf/0/then/properties/d/title': 'D en',
      '/schema/properties/e/title': 'E en',
    });
    expect(checkDefinitionProblems(after)).to.deep.equal([]);
    expect(danglingConditions(after)).to.deep.equal([]);
  });

  it('finds dangling conditions in sections and blocks too, and none in the examples', async () => {
    const nested: Json = {
      id: 'n',
      version: '1',
      lang: 'de',
      schema: {
        type: 'object',
        properties: {
          person: {
            type: 'object',
            properties: { name: { type: 'string' } },
            allOf: [show('gone', true, 'x', 'X')],
          },
        },
        $defs: {
          address: {
            type: 'object',
            properties: { city: { type: 'string' } },
            dependentRequired: { street: ['city'] },
          },
        },
      },
    };
    expect(danglingConditions(nested)).to.deep.equal([
      { pointer: '/schema/properties/person/allOf/0/if/properties/gone', key: 'gone' },
      { pointer: '/schema/$defs/address/dependentRequired/street', key: 'street' },
    ]);
    for (const [name, definition] of await allDefinitions())
      expect(danglingConditions(definition), name).to.deep.equal([]);
  });
});
