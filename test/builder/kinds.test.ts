import { expect } from '@open-wc/testing';
import { ajvValid } from '../security/direct-ajv.js';
import { getAt, setAt, type Json } from '../../src/builder/core/json.js';
import { QUESTION_KINDS, type QuestionKind } from '../../src/builder/core/kinds.js';
import { CASES } from './kind-cases.js';
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

  it('makes a required list need one answer at least, and takes that back with "required"', () => {
    const { key, definition } = formWith('severalChoices');
    expect(getAt(definition, `/schema/properties/${key}/minItems`)).to.equal(1);
    const optional = setRequired(definition, [key], false);
    expect(getAt(optional, `/schema/properties/${key}/minItems`)).to.equal(undefined);
    // A minimum the author set stays as it is either way.
    const two = setAt(optional, `/schema/properties/${key}/minItems`, 2);
    const required = setRequired(two, [key], true);
    expect(getAt(required, `/schema/properties/${key}/minItems`)).to.equal(2);
    expect(
      getAt(setRequired(required, [key], false), `/schema/properties/${key}/minItems`),
    ).to.equal(2);
  });

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

  for (const container of ['section', 'group'] as const) {
    it(`writes a condition inside a ${container} at that level, and reads it back there`, () => {
      let d = addQuestion(empty, [], container, 'Teil').definition;
      d = addQuestion(d, ['teil'], 'yesNo', 'Schule').definition;
      d = addQuestion(d, ['teil'], 'shortText', 'Name der Schule').definition;
      d = setRequired(d, ['teil', 'nameDerSchule'], true);
      d = addShowCondition(d, ['teil', 'nameDerSchule'], 'schule', 'is', [true]);
      const level =
        container === 'section' ? '/schema/properties/teil' : '/schema/properties/teil/items';
      expect(getAt(d, '/schema/allOf'), 'nothing at the root').to.equal(undefined);
      const [condition] = readConditions(d, level).conditions;
      expect(condition).to.deep.include({
        subject: 'schule',
        operator: 'is',
        values: [true],
        shows: ['nameDerSchule'],
        requires: ['nameDerSchule'],
      });
      const schema = getAt(d, '/schema') as object;
      const wrap = (v: object) => ({ teil: container === 'section' ? v : [v] });
      expect(ajvValid(schema, wrap({ schule: false }))).to.equal(true);
      expect(ajvValid(schema, wrap({ schule: true }))).to.equal(false);
      expect(ajvValid(schema, wrap({ schule: true, nameDerSchule: 'Grundschule' }))).to.equal(true);
      // Extras are still refused: a group's entries had additionalProperties: false, which would
      // also refuse the conditional question; it is unevaluatedProperties: false now.
      expect(ajvValid(schema, wrap({ schule: false, extra: 1 }))).to.equal(container === 'section');
      if (container === 'group') {
        expect(getAt(d, `${level}/additionalProperties`)).to.equal(undefined);
        expect(getAt(d, `${level}/unevaluatedProperties`)).to.equal(false);
      }
    });
  }

  it('a condition inside a block (person) lets its question through, extras still refused', () => {
    let d = addQuestion(empty, [], 'person', 'Person').definition;
    d = addShowCondition(d, ['person', 'birthDate'], 'givenName', 'isNot', ['']);
    const schema = getAt(d, '/schema') as object;
    const person = { givenName: 'A', familyName: 'B', birthDate: '2000-01-01' };
    expect(ajvValid(schema, { person })).to.equal(true);
    expect(ajvValid(schema, { person: { ...person, extra: 1 } })).to.equal(false);
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
