import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTranslatableStrings } from './lib/find-strings.js';
import { getAtPointer } from './lib/json-pointer.js';

/** A definition with every kind of translatable string, and traps that are not translatable. */
const definition = {
  id: 'all-kinds',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Formular',
    description: 'Einleitung',
    type: 'object',
    properties: {
      status: {
        type: 'string',
        title: 'Status',
        oneOf: [
          { const: 'a', title: 'Erste Wahl' },
          { const: 'b', title: 'Zweite Wahl' },
          { enum: ['c'], title: 'Dritte Wahl', description: 'Mit Erklärung' },
        ],
      },
      'a/b': { type: 'string', title: 'Mit Schrägstrich' },
      'c~d': { type: 'string', title: 'Mit Tilde' },
      '~1': { type: 'string', title: 'Tilde eins' },
      title: {
        type: 'string',
        title: 'Ein Feld namens title',
        default: 'kein Text',
        examples: ['x'],
      },
      address: { $ref: '#/$defs/address' },
      people: {
        type: 'array',
        title: 'Personen',
        items: {
          type: 'object',
          title: 'Person',
          properties: { givenName: { type: 'string', title: 'Vorname' } },
        },
      },
      colours: {
        type: 'array',
        items: {
          type: 'string',
          anyOf: [
            { const: 'red', title: 'Rot' },
            { const: 'blue', title: 'Blau' },
          ],
        },
      },
      pair: { type: 'array', prefixItems: [{ type: 'string', title: 'Erstes' }] },
      contact: {
        title: 'Kontakt',
        oneOf: [
          { title: 'Per Telefon', properties: { phone: { type: 'string', title: 'Telefon' } } },
          { title: 'Per Post', properties: { street: { type: 'string', title: 'Straße' } } },
        ],
      },
      agree: { type: 'boolean', const: true, title: 'Ich stimme zu', description: '' },
      size: { type: 'string', enum: ['s', 'm'] },
      extra: { type: 'object', additionalProperties: { type: 'string', title: 'Zusatz' } },
    },
    allOf: [{ if: { properties: { status: { const: 'a' } } }, then: { description: 'Dann' } }],
    $defs: {
      address: {
        type: 'object',
        title: 'Anschrift',
        properties: { city: { type: 'string', title: 'Ort' } },
      },
      unused: { type: 'string', title: 'Unbenutzt' },
    },
    definitions: { legacy: { title: 'Alt' } },
  },
  ui: {
    'ui:title': 'Formular (UI)',
    'a/b': { 'ui:help': 'Hilfe mit Schrägstrich', 'ui:placeholder': 'z. B. x/y' },
    'c~d': { 'ui:description': 'Beschreibung mit Tilde' },
    status: { 'ui:widget': 'radio', 'ui:options': { errorMessages: { required: 'Bitte wählen' } } },
    size: { 'ui:enumNames': ['Klein', 'Mittel'], 'ui:autocomplete': 'off' },
    people: { items: { givenName: { 'ui:title': 'Rufname', 'ui:help': 'Wie man Sie nennt' } } },
    address: { city: { 'ui:help': 'Ihr Wohnort' } },
    'ui:steps': [
      { title: 'Schritt eins', description: 'Erst das', fields: ['status'] },
      { title: 'Schritt zwei', fields: ['address'] },
    ],
    'ui:confirmation': { title: 'Danke', text: 'Wir melden uns.' },
  },
  translations: { en: { '/schema/title': 'Form' } },
};

const strings = findTranslatableStrings(definition);
const byPointer = new Map(strings.map((s) => [s.pointer, s]));

describe('findTranslatableStrings', () => {
  it('finds every kind of text, keyed by escaped JSON Pointers, in document order', () => {
    assert.deepEqual(
      strings.map((s) => s.pointer),
      [
        '/schema/title',
        '/schema/description',
        '/schema/properties/status/title',
        '/schema/properties/status/oneOf/0/title',
        '/schema/properties/status/oneOf/1/title',
        '/schema/properties/status/oneOf/2/title',
        '/schema/properties/status/oneOf/2/description',
        '/schema/properties/a~1b/title',
        '/schema/properties/c~0d/title',
        '/schema/properties/~01/title',
        '/schema/properties/title/title',
        '/schema/properties/people/title',
        '/schema/properties/people/items/title',
        '/schema/properties/people/items/properties/givenName/title',
        '/schema/properties/colours/items/anyOf/0/title',
        '/schema/properties/colours/items/anyOf/1/title',
        '/schema/properties/pair/prefixItems/0/title',
        '/schema/properties/contact/title',
        '/schema/properties/contact/oneOf/0/title',
        '/schema/properties/contact/oneOf/0/properties/phone/title',
        '/schema/properties/contact/oneOf/1/title',
        '/schema/properties/contact/oneOf/1/properties/street/title',
        '/schema/properties/agree/title',
        '/schema/properties/extra/additionalProperties/title',
        '/schema/allOf/0/then/description',
        '/schema/$defs/address/title',
        '/schema/$defs/address/properties/city/title',
        '/schema/$defs/unused/title',
        '/schema/definitions/legacy/title',
        '/ui/ui:title',
        '/ui/a~1b/ui:help',
        '/ui/a~1b/ui:placeholder',
        '/ui/c~0d/ui:description',
        '/ui/status/ui:options/errorMessages/required',
        '/ui/size/ui:enumNames/0',
        '/ui/size/ui:enumNames/1',
        '/ui/people/items/givenName/ui:title',
        '/ui/people/items/givenName/ui:help',
        '/ui/address/city/ui:help',
        '/ui/ui:steps/0/title',
        '/ui/ui:steps/0/description',
        '/ui/ui:steps/1/title',
        '/ui/ui:confirmation/title',
        '/ui/ui:confirmation/text',
      ],
    );
  });

  it('gives pointers that resolve to their source text in the definition', () => {
    for (const { pointer, text } of strings)
      assert.equal(getAtPointer(definition, pointer), text, pointer);
  });

  it('leaves out values that are not text: defaults, examples, enum values, widgets, empty strings', () => {
    const texts = strings.map((s) => s.text);
    for (const value of ['kein Text', 'x', 's', 'radio', 'off', '', 'Form'])
      assert.equal(texts.includes(value), false, value);
  });

  it('notes where each text appears, by data path', () => {
    const note = (/** @type {string} */ pointer) => byPointer.get(pointer)?.note ?? '';
    assert.equal(note('/schema/title'), 'Title of the form.');
    assert.equal(
      note('/schema/$defs/address/properties/city/title'),
      'Label of field /address/city.',
    );
    assert.match(note('/schema/$defs/address/title'), /^Heading of group \/address\.$/);
    assert.match(
      note('/schema/properties/status/oneOf/2/title'),
      /^Choice 3 of 3 for \/status “Status”/,
    );
    assert.match(
      note('/schema/properties/colours/items/anyOf/1/title'),
      /^Choice 2 of 2 in list \/colours/,
    );
    assert.match(
      note('/schema/properties/people/items/title'),
      /^Heading of each entry of the list \/people “Personen”/,
    );
    assert.match(
      note('/schema/properties/people/items/properties/givenName/title'),
      /field \/people\/\*\/givenName/,
    );
    assert.match(note('/schema/properties/a~1b/title'), /field \/a~1b\./);
    assert.match(note('/schema/properties/agree/title'), /^Label of checkbox \/agree\./);
    assert.match(
      note('/schema/properties/contact/oneOf/1/title'),
      /alternative 2 of 2 for \/contact/,
    );
    assert.match(
      note('/schema/$defs/unused/title'),
      /#\/\$defs\/unused \(a definition no field uses\)/,
    );
    assert.match(note('/ui/people/items/givenName/ui:help'), /\/people\/\*\/givenName “Rufname”/);
    assert.match(
      note('/ui/address/city/ui:help'),
      /^Help text shown with field \/address\/city “Ort”/,
    );
    assert.match(note('/ui/a~1b/ui:placeholder'), /^Placeholder/);
    assert.match(note('/ui/size/ui:enumNames/1'), /^Choice 2 of 2 for \/size/);
    assert.match(note('/ui/status/ui:options/errorMessages/required'), /“required” check fails/);
    assert.equal(note('/ui/ui:steps/1/title'), 'Title of step 2 of 2 of the form.');
    assert.match(note('/ui/ui:confirmation/text'), /after the form was sent/);
    assert.deepEqual([...new Set(strings.map((s) => s.kind))].sort(), [
      'choice',
      'confirmation',
      'description',
      'error-message',
      'form-description',
      'form-title',
      'help',
      'label',
      'placeholder',
      'step-description',
      'step-title',
    ]);
  });

  it('follows recursive $ref without looping', () => {
    const recursive = {
      id: 'tree',
      lang: 'de',
      schema: {
        $ref: '#/$defs/node',
        $defs: {
          node: {
            type: 'object',
            title: 'Knoten',
            properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } },
          },
        },
      },
    };
    assert.deepEqual(
      findTranslatableStrings(recursive).map((s) => s.pointer),
      ['/schema/$defs/node/title'],
    );
  });
});
