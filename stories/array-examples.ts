/** The array examples: lists of entries in the states a person meets them in (group `Arrays`). */
import type { SchemaObject, UiSchema } from '../src/index.js';
import { definition, settle, type Example } from './example-kit.js';

const household: SchemaObject = {
  type: 'array',
  title: 'Other people in your household',
  description: 'For example your partner and your children.',
  maxItems: 6,
  items: {
    type: 'object',
    title: 'Person',
    required: ['givenName'],
    properties: {
      givenName: { type: 'string', title: 'Given name', minLength: 1 },
      birthYear: { type: 'integer', title: 'Year of birth', minimum: 1900, maximum: 2026 },
    },
  },
};

function arrayDefinition(array: SchemaObject, ui: UiSchema = {}, required = false) {
  return definition(
    'arrays',
    { type: 'object', required: required ? ['list'] : [], properties: { list: array } },
    { list: ui },
  );
}

export const arrayExamples: Example[] = [
  {
    id: 'arrays/empty',
    group: 'Arrays',
    name: 'Empty',
    description: 'A list without entries: only the "Add entry" button.',
    definition: arrayDefinition(household),
  },
  {
    id: 'arrays/entries',
    group: 'Arrays',
    name: 'With entries',
    description: 'Entries with "Move up", "Move down" and "Remove".',
    definition: arrayDefinition(household),
    value: {
      list: [
        { givenName: 'Samir', birthYear: 2015 },
        { givenName: 'Lina', birthYear: 2018 },
        { givenName: 'Omar', birthYear: 2021 },
      ],
    },
  },
  {
    id: 'arrays/error',
    group: 'Arrays',
    name: 'Error shown',
    description: 'Too few entries, and an entry with a missing required value.',
    definition: arrayDefinition({ ...household, minItems: 2 }, {}, true),
    value: { list: [{ birthYear: 2015 }] },
    setup: async (form) => {
      form.validate();
      await settle(form);
    },
  },
  {
    id: 'arrays/simple-values',
    group: 'Arrays',
    name: 'Simple values',
    description: 'A list of strings: each entry is one text field.',
    definition: arrayDefinition({
      type: 'array',
      title: 'Previous addresses',
      items: { type: 'string', title: 'Address' },
    }),
    value: { list: ['Hauptstraße 1, 50667 Köln', 'Am Markt 3, 53111 Bonn'] },
  },
  {
    id: 'arrays/fixed-items',
    group: 'Arrays',
    name: 'Fixed items',
    description: 'A tuple (`prefixItems`): the fixed entries cannot be moved or removed.',
    definition: arrayDefinition({
      type: 'array',
      title: 'Emergency contacts',
      prefixItems: [
        { type: 'string', title: 'First contact' },
        { type: 'string', title: 'Second contact' },
      ],
      minItems: 2,
      items: { type: 'string', title: 'Further contact' },
    }),
    value: { list: ['Fatima Haddad', 'Youssef Haddad', 'Nadia Karimi'] },
  },
  {
    id: 'arrays/read-only',
    group: 'Arrays',
    name: 'Read-only',
    description: 'A read-only list: no buttons, values shown.',
    definition: arrayDefinition(household, { 'ui:readonly': true }),
    value: { list: [{ givenName: 'Samir', birthYear: 2015 }] },
  },
];
