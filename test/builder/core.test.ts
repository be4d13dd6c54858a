import { expect } from '@open-wc/testing';
import { clone, deepEqual, getAt, type Json } from '../../src/builder/core/json.js';
import { flatQuestions, findQuestion, listQuestions } from '../../src/builder/core/questions.js';
import { allConditions } from '../../src/builder/core/conditions.js';
import {
  addQuestion,
  moveQuestion,
  removeQuestion,
  setRequired,
  setText,
  setErrorMessage,
} from '../../src/builder/core/edit.js';
import { History } from '../../src/builder/core/history.js';
import { allDefinitions, differences, loadJson } from './helpers.js';

describe('builder core: lossless', () => {
  let definitions: [string, Json][];
  before(async () => {
    definitions = await allDefinitions();
  });

  it('reads every example and RJSF sample (questions, conditions) and leaves it deep-equal', () => {
    expect(definitions.length).to.be.greaterThan(90);
    for (const [name, definition] of definitions) {
      const before = clone(definition);
      const history = new History(definition);
      flatQuestions(history.current);
      allConditions(history.current);
      expect(deepEqual(history.current, before), name).to.equal(true);
      expect(JSON.stringify(history.current), name).to.equal(JSON.stringify(before));
    }
  });

  it('changes only the one string when one title is edited', () => {
    let edited = 0;
    for (const [name, definition] of definitions) {
      const question = flatQuestions(definition).find((q) => q.kind !== 'block');
      if (!question) continue;
      const next = setText(definition, question.path, 'title', 'Neuer Titel');
      const diff = differences(definition, next);
      expect(diff, name).to.deep.equal([`${question.schemaPointer}/title`]);
      expect(getAt(next, `${question.schemaPointer}/title`)).to.equal('Neuer Titel');
      edited++;
    }
    expect(edited).to.be.greaterThan(60);
  });

  it('changes only the required list, or the order, when those are edited', () => {
    let checked = 0;
    for (const [name, definition] of definitions) {
      const question = flatQuestions(definition).find((q) => !q.required && q.kind !== 'other');
      if (!question) continue;
      const required = differences(definition, setRequired(definition, question.path, true));
      // A list (several choices, a group) also gets minItems 1: answered means one at least.
      const listKind = question.kind === 'severalChoices' || question.kind === 'group';
      expect(
        required.every(
          (p) =>
            p.startsWith(question.requiredPointer) ||
            (listKind && p === `${question.schemaPointer}/minItems`),
        ),
        name,
      ).to.equal(true);
      const top = listQuestions(definition);
      if (top.length < 2) continue;
      const moved = differences(definition, moveQuestion(definition, top[0].path, 1));
      expect(
        // A level with conditional questions gets a ui:order (and a ui object where there was none).
        moved.every(
          (p) => /^\/ui(\/ui:order(\/\d+)?)?$/.test(p) || p.startsWith('/schema/properties'),
        ),
        `${name}: ${moved.join(', ')}`,
      ).to.equal(true);
      checked++;
    }
    expect(checked).to.be.greaterThan(40);
  });

  it('reads the example forms as questions by meaning, conditions in words', async () => {
    const definition = await loadJson('/schemas/sprachkurs-anmeldung.json');
    const kinds = Object.fromEntries(
      flatQuestions(definition).map((q) => [q.path.join('.'), q.kind]),
    );
    expect(kinds).to.include({
      givenName: 'shortText',
      birthDate: 'date',
      email: 'email',
      phone: 'phone',
      address: 'block',
      'address.postalCode': 'postalCode',
      residenceStatus: 'oneChoice',
      childcareNeeded: 'yesNo',
      childrenCount: 'wholeNumber',
      consent: 'consent',
      message: 'longText',
    });
    const { conditions, raw } = allConditions(definition);
    const permit = conditions.find((c) => c.shows.includes('permitExpiry'));
    expect(permit).to.deep.include({
      subject: 'residenceStatus',
      operator: 'isOneOf',
      requires: ['permitExpiry'],
    });
    // dependentSchemas has no words in the builder: kept as written and listed as such.
    expect(raw.map((r) => r.pointer)).to.include('/schema/dependentSchemas');
    expect(findQuestion(definition, ['permitExpiry'])?.conditionPointer).to.equal(
      '/schema/allOf/0',
    );
  });
});

describe('builder core: edits', () => {
  const empty: Json = {
    id: 'test',
    version: '1',
    lang: 'de',
    schema: { type: 'object', properties: {} },
  };

  it('adds, orders, requires and removes questions, touching only their places', () => {
    let d = addQuestion(empty, [], 'shortText', 'Vorname').definition;
    d = addQuestion(d, [], 'email', 'E-Mail').definition;
    d = addQuestion(d, [], 'section', 'Anschrift').definition;
    d = addQuestion(d, ['anschrift'], 'postalCode', 'Postleitzahl').definition;
    d = setRequired(d, ['vorname'], true);
    expect(listQuestions(d).map((q) => q.key)).to.deep.equal(['vorname', 'eMail', 'anschrift']);
    d = moveQuestion(d, ['anschrift'], -1);
    expect(listQuestions(d).map((q) => q.key)).to.deep.equal(['vorname', 'anschrift', 'eMail']);
    expect(getAt(d, '/schema/required')).to.deep.equal(['vorname']);
    d = setErrorMessage(d, ['anschrift', 'postleitzahl'], 'pattern', 'Fünf Ziffern.');
    expect(getAt(d, '/ui/anschrift/postleitzahl/ui:options/errorMessages')).to.deep.equal({
      pattern: 'Fünf Ziffern.',
    });
    const removed = removeQuestion(d, ['anschrift']);
    expect(getAt(removed, '/schema/properties/anschrift')).to.equal(undefined);
    expect(getAt(removed, '/ui/anschrift')).to.equal(undefined);
  });

  it('keeps the translations of a removed question out, and of the others in', () => {
    let d = addQuestion(empty, [], 'shortText', 'Name').definition;
    d = addQuestion(d, [], 'shortText', 'Ort').definition;
    d = {
      ...(d as object),
      translations: {
        en: { '/schema/properties/name/title': 'Name', '/schema/properties/ort/title': 'Town' },
      },
    };
    const next = removeQuestion(d, ['name']);
    expect(getAt(next, '/translations/en')).to.deep.equal({
      '/schema/properties/ort/title': 'Town',
    });
  });

  it('undoes and redoes edits', () => {
    const history = new History(empty);
    history.apply(addQuestion(empty, [], 'yesNo', 'Kinder?').definition);
    const after = history.current;
    expect(history.undo()).to.equal(true);
    expect(history.current).to.equal(empty);
    expect(history.undo()).to.equal(false);
    expect(history.redo()).to.equal(true);
    expect(history.current).to.equal(after);
    expect(history.redo()).to.equal(false);
  });
});
