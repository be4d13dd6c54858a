/**
 * The form state without an element: edits, defaults, lists, which errors show, steps, drafts
 * and reset, with the real validator (ajv) and the real parts of the model.
 */
import { expect } from '@open-wc/testing';
import { FormState, type LoadedForm } from '../../src/form/form-state.js';
import * as conditions from '../../src/internal/chunks/conditions.js';
import { listModel } from '../../src/model/array-model.js';
import { draftValue } from '../../src/model/draft-value.js';
import type { ArrayField, Field } from '../../src/model/field.js';
import type { FormDefinition, JsonValue, SchemaObject, UiSchema } from '../../src/model/types.js';
import { compileValidator } from '../../src/validation/validator.js';
import { resolverFor } from '../helpers/resolver.js';

const WIDGETS = new Set(['text', 'number', 'select', 'radio', 'checkbox', 'textarea', 'email']);

async function stateFor(
  schema: SchemaObject,
  ui: UiSchema = {},
  parts: Partial<Pick<LoadedForm, 'conditions' | 'lists'>> = {},
) {
  const changes: (string | undefined)[] = [];
  const state = new FormState({
    message: (error) => `${error.keyword} at ${error.pointer}`,
    label: (field: Field) => field.label.text,
    hasWidget: (name) => WIDGETS.has(name),
    widgetsVersion: () => 0,
    onChange: (pointer) => changes.push(pointer),
  });
  const definition: FormDefinition = { id: 'test', schema, ui };
  state.load({
    definition,
    resolver: resolverFor(schema),
    validator: await compileValidator(schema),
    ...parts,
  });
  return { state, changes };
}

const PERSON: SchemaObject = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name', minLength: 2 },
    city: { type: 'string', title: 'City', default: 'Köln' },
  },
};

describe('FormState', () => {
  it('fills defaults on load and tells the host about each edit with its pointer', async () => {
    const { state, changes } = await stateFor(PERSON);
    expect(state.data).to.deep.equal({ city: 'Köln' });
    state.setValue('/name', 'Ada');
    expect(state.activeData()).to.deep.equal({ city: 'Köln', name: 'Ada' });
    expect(changes).to.deep.equal(['/name']);
    state.replace({ name: 'Grace' });
    expect(state.data, 'defaults fill the gaps').to.deep.equal({ name: 'Grace', city: 'Köln' });
    expect(changes[1]).to.equal(undefined);
  });

  it('shows an error only once the field was left, and every error once checked', async () => {
    const { state } = await stateFor(PERSON);
    state.setValue('/name', 'A');
    expect(state.shownError('/name')).to.equal(undefined);
    state.touch('/name');
    expect(state.shownError('/name')).to.equal('minLength at /name');
    const result = state.validateAll();
    expect(result.valid).to.equal(false);
    expect(result.errors.map((e) => e.pointer)).to.deep.equal(['/name']);
    expect(state.summary).to.deep.equal([
      { pointer: '/name', message: 'Name: minLength at /name' },
    ]);
    state.setValue('/name', 'Ada');
    expect(state.summary, 'the summary follows the fix').to.equal(undefined);
  });

  it('puts the server’s objections on their fields until the value changes', async () => {
    const { state } = await stateFor(PERSON);
    state.setValue('/name', 'Ada');
    state.setServerErrors([['/city', 'Unknown city']]);
    expect(state.shownError('/city')).to.equal('Unknown city');
    expect(state.summary?.[0].message).to.equal('City: Unknown city');
    state.setValue('/city', 'Bonn');
    expect(state.shownError('/city')).to.equal(undefined);
  });

  it('steps: checks the visible step before moving on and shows its errors', async () => {
    const { state } = await stateFor(PERSON, {
      'ui:steps': [
        { title: 'You', fields: ['name'] },
        { title: 'Where', fields: ['city'] },
      ],
    });
    expect(state.steps().map((s) => s.title.text)).to.deep.equal(['You', 'Where']);
    const errors = state.checkStep();
    expect(errors?.map((e) => e.keyword)).to.deep.equal(['required']);
    expect(state.shownError('/name'), 'the step’s errors show').to.equal('required at /name');
    state.setValue('/name', 'Ada');
    expect(state.checkStep()).to.deep.equal([]);
    state.goTo(state.following()!);
    expect(state.step).to.equal(1);
    state.goTo(state.following()!);
    expect(state.step, 'the review after the last step').to.equal(-1);
    state.changeFromReview('/name');
    expect(state.step).to.equal(0);
    expect(state.following()?.reviewing, 'back to the review').to.equal(true);
    expect(state.back()).to.equal(false);
  });

  it('edits lists with the model of lists, moving per-entry state along', async () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        children: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string', default: 'Kind' } } },
        },
      },
    };
    const { state } = await stateFor(schema, {}, { lists: listModel });
    const list = () => state.fields.get('/children') as ArrayField;
    expect(list().kind).to.equal('array');
    expect(state.addItem(list())).to.equal(0);
    expect(state.addItem(list())).to.equal(1);
    state.setValue('/children/1/name', 'Zoe');
    state.setRawText('/children/1/name', 'Zoe?');
    expect(state.moveItem(list(), 1, 0)).to.equal(true);
    expect(state.data).to.deep.equal({ children: [{ name: 'Zoe' }, { name: 'Kind' }] });
    expect(state.moveItem(list(), 1, 2), 'outside the list').to.equal(false);
    state.setRawText('/children/1/name', 'typed');
    expect(state.removeItem(list(), 0)).to.equal(1);
    expect(state.data).to.deep.equal({ children: [{ name: 'Kind' }] });
    expect(state.rawText('/children/0/name'), 'moved up with its entry').to.equal('typed');
  });

  it('builds the same tree without the model of lists, keeping the list’s value', async () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: { notes: { type: 'array', items: { type: 'string' } } },
    };
    const { state } = await stateFor(schema);
    state.replace({ notes: ['a'] });
    expect(state.fields.get('/notes')?.widget).to.equal('hidden');
    expect(state.data).to.deep.equal({ notes: ['a'] });
  });

  it('switches conditional questions on with their defaults (with the conditions part)', async () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: { post: { type: 'boolean', default: false } },
      if: { properties: { post: { const: true } } },
      then: { properties: { street: { type: 'string', default: 'Hauptstraße' } } },
    };
    const { state } = await stateFor(schema, {}, { conditions });
    expect(state.fields.has('/street')).to.equal(false);
    state.setValue('/post', true);
    expect(state.fields.has('/street')).to.equal(true);
    expect(state.activeData()).to.deep.equal({ post: true, street: 'Hauptstraße' });
    state.setValue('/post', false);
    expect(state.activeData(), 'a switched-off branch is not submitted').to.deep.equal({
      post: false,
    });
  });

  it('restores a draft of another version with only what still validates', async () => {
    const { state } = await stateFor({
      type: 'object',
      properties: { age: { type: 'integer', minimum: 18 }, name: { type: 'string' } },
    });
    // What a draft keeps: the questions of this version, never files or sensitive answers.
    state.restore({ age: 12, name: 'Ada', gone: 'x' } as JsonValue, false, draftValue);
    expect(state.data).to.deep.equal({ name: 'Ada' });
    state.restore({ age: 12, name: 'Ada' } as JsonValue, true, draftValue);
    expect(state.data, 'the same version keeps everything').to.deep.equal({ age: 12, name: 'Ada' });
  });

  it('reset: back to the defaults, the first step and no errors shown', async () => {
    const { state } = await stateFor(PERSON);
    state.setValue('/name', 'A');
    state.touch('/name');
    state.validateAll();
    state.reset();
    expect(state.data).to.deep.equal({ city: 'Köln' });
    expect(state.summary).to.equal(undefined);
    expect(state.shownError('/name')).to.equal(undefined);
    expect(state.step).to.equal(0);
  });
});
