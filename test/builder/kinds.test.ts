import { expect } from '@open-wc/testing';
import { ajvValid } from '../security/direct-ajv.js';
import { getAt, type Json } from '../../src/builder/core/json.js';
import { QUESTION_KINDS, type QuestionKind } from '../../src/builder/core/kinds.js';
import { addQuestion, setChoices, setRequired } from '../../src/builder/core/edit.js';
import { findQuestion } from '../../src/builder/core/questions.js';
import { readConditions } from '../../src/builder/core/conditions.js';
import {
  addRequiredCondition,
  addShowCondition,
  removeCondition,
} from '../../src/builder/core/condition-edit.js';

const empty: Json = {
  id: 'test',
  version: '1',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {},
  },
};

/** One required question of a kind; returns its key and the schema of the whole form. */
function formWith(kind: QuestionKind): { key: string; schema: object; definition: Json } {
  const added = addQuestion(empty, [], kind, 'Frage');
  const definition = setRequired(added.definition, added.path, true);
  return { key: added.path[0], schema: getAt(definition, '/schema') as object, definition };
}

/** Answers that each kind must accept and refuse. */
const CASES: Record<QuestionKind, { good: unknown[]; bad: unknown[] }> = {
  shortText: { good: ['Anna'], bad: [3, 'x'.repeat(201)] },
  longText: { good: ['Zeile 1\nZeile 2'], bad: ['x'.repeat(2001)] },
  number: { good: [1.5, -2], bad: ['1'] },
  wholeNumber: { good: [3], bad: [3.5] },
  date: { good: ['2026-12-04'], bad: ['04.12.2026'] },
  time: { good: ['09:30'], bad: ['9 Uhr'] },
  yesNo: { good: [true, false], bad: ['ja'] },
  consent: { good: [true], bad: [false] },
  oneChoice: { good: ['a'], bad: ['b'] },
  severalChoices: { good: [['a'], []], bad: [['a', 'a'], ['z']] },
  email: { good: ['a@example.org'], bad: ['no mail'] },
  phone: { good: ['+49 221 1234567'], bad: ['call me'] },
  postalCode: { good: ['50667'], bad: ['5066', '506677', 'abcde'] },
  file: { good: ['data:application/pdf;base64,JVBERg=='], bad: ['hello'] },
  group: { good: [[], [{}]], bad: [Array.from({ length: 11 }, () => ({})), [{ extra: 1 }]] },
  section: { good: [{}], bad: ['x'] },
  person: { good: [{ givenName: 'A', familyName: 'B' }], bad: [{ givenName: 'A' }] },
  address: {
    good: [{ street: 'Markt 1', postalCode: '59192', city: 'Bergkamen' }],
    bad: [{ street: 'Markt 1', postalCode: '5919', city: 'Bergkamen' }],
  },
};

describe('builder core: each kind of question validates as it means', () => {
  for (const kind of QUESTION_KINDS) {
    it(kind, () => {
      const { key, schema, definition } = formWith(kind);
      expect(findQuestion(definition, [key])?.kind).to.equal(
        kind === 'person' || kind === 'address' ? 'block' : kind,
      );
      expect(ajvValid(schema, {}), 'a required question left empty').to.equal(false);
      for (const value of CASES[kind].good)
        expect(ajvValid(schema, { [key]: value }), JSON.stringify(value)).to.equal(true);
      for (const value of CASES[kind].bad)
        expect(ajvValid(schema, { [key]: value }), JSON.stringify(value)).to.equal(false);
    });
  }

  it('gives a postal code a message in words for its pattern', () => {
    const { key, definition } = formWith('postalCode');
    expect(getAt(definition, `/ui/${key}/ui:options/errorMessages/pattern`)).to.be.a('string');
  });
});

describe('builder core: conditions in words', () => {
  function base(): Json {
    let d = addQuestion(empty, [], 'yesNo', 'Kinder').definition;
    d = addQuestion(d, [], 'wholeNumber', 'Anzahl').definition;
    d = setRequired(d, ['anzahl'], true);
    return addQuestion(d, [], 'shortText', 'Name').definition;
  }

  it('"show Anzahl when Kinder is yes" hides, shows and requires by the answer', () => {
    const d = addShowCondition(base(), ['anzahl'], 'kinder', 'is', [true]);
    const schema = getAt(d, '/schema') as object;
    expect(ajvValid(schema, { kinder: false })).to.equal(true);
    expect(ajvValid(schema, { kinder: true })).to.equal(false);
    expect(ajvValid(schema, { kinder: true, anzahl: 2 })).to.equal(true);
    const [condition] = readConditions(d, '/schema').conditions;
    expect(condition).to.deep.include({
      subject: 'kinder',
      operator: 'is',
      values: [true],
      shows: ['anzahl'],
      requires: ['anzahl'],
    });
    // The order the author sees stays as it was.
    expect(getAt(d, '/ui/ui:order')).to.deep.equal(['kinder', 'anzahl', 'name']);
    const back = removeCondition(d, condition);
    expect(getAt(back, '/schema/required')).to.deep.equal(['anzahl']);
    expect(getAt(back, '/schema/allOf')).to.equal(undefined);
  });

  it('"Name is required when Kinder is not yes"', () => {
    const d = addRequiredCondition(base(), ['name'], 'kinder', 'isNot', [true]);
    const schema = getAt(d, '/schema') as object;
    expect(ajvValid(schema, { kinder: true, anzahl: 1 })).to.equal(true);
    expect(ajvValid(schema, { kinder: false, anzahl: 1 })).to.equal(false);
    expect(ajvValid(schema, { kinder: false, anzahl: 1, name: 'A' })).to.equal(true);
    expect(readConditions(d, '/schema').conditions[0]).to.deep.include({
      operator: 'isNot',
      requires: ['name'],
      shows: [],
    });
  });

  it('"show Grund when Status is one of A or C" writes an enum and reads it back the same', () => {
    let d = addQuestion(empty, [], 'oneChoice', 'Status').definition;
    d = setChoices(
      d,
      ['status'],
      [
        { value: 'a', title: 'A' },
        { value: 'b', title: 'B' },
        { value: 'c', title: 'C' },
      ],
    );
    d = addQuestion(d, [], 'shortText', 'Grund').definition;
    d = setRequired(d, ['grund'], true);
    d = addShowCondition(d, ['grund'], 'status', 'isOneOf', ['a', 'c']);
    const schema = getAt(d, '/schema') as object;
    expect(ajvValid(schema, { status: 'b' }), 'b: not asked').to.equal(true);
    expect(ajvValid(schema, { status: 'a' }), 'a: asked, required').to.equal(false);
    expect(ajvValid(schema, { status: 'c' }), 'c: asked, required').to.equal(false);
    expect(ajvValid(schema, { status: 'c', grund: 'x' })).to.equal(true);
    const [condition] = readConditions(d, '/schema').conditions;
    expect(condition).to.deep.include({
      subject: 'status',
      operator: 'isOneOf',
      values: ['a', 'c'],
      shows: ['grund'],
      requires: ['grund'],
    });
  });

  it('keeps a condition it cannot put in words as written', () => {
    const d = {
      ...(base() as object),
      schema: {
        type: 'object',
        properties: { a: { type: 'string' } },
        if: { properties: { a: { minLength: 3 } } },
        then: { required: ['a'] },
        else: { properties: { b: { type: 'string' } } },
      },
    } as Json;
    const { conditions, raw } = readConditions(d, '/schema');
    expect(conditions).to.have.length(0);
    expect(raw[0].pointer).to.equal('/schema');
  });
});
