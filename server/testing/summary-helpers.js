/**
 * What the staff summary's tests share: the example definitions, an envelope around data, and a
 * check that lines occur in order.
 */
import { sprachkursData } from './harness.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** A definition of schemas/. */
export const load = (id) =>
  JSON.parse(readFileSync(new URL(`../../schemas/${id}.json`, import.meta.url), 'utf8'));
/** An envelope for `definition` with `data`, sent on 25 November 2026 at 11:00 Berlin time. */
export const envelope = (definition, data, overrides = {}) => ({
  form: { id: definition.id, version: definition.version },
  locale: 'de',
  submittedAt: '2026-11-25T10:00:00.000Z',
  data,
  ...overrides,
});

export const linesOf = (text) => text.split('\n');

/** Asserts that every expected line occurs, in this order (other lines may come between). */
export function assertLinesInOrder(text, expected) {
  const lines = linesOf(text);
  let from = 0;
  for (const line of expected) {
    const at = lines.indexOf(line, from);
    assert.ok(at !== -1, `missing (or out of order): ${JSON.stringify(line)}\n---\n${text}`);
    from = at + 1;
  }
}

/** A complete answer to sprachkurs-anmeldung, with conditional questions on several levels. */
export const SPRACHKURS_DATA = sprachkursData();

/** A form whose conditions need ajv: a format, uniqueItems, an `$anchor` reference. */
export const CONDITIONS_FORM = {
  id: 'bedingungen',
  version: '1',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      contact: { $ref: '#kontakt' },
      visits: { type: 'array', title: 'Termine', items: { type: 'string', format: 'date' } },
    },
    allOf: [
      {
        // Asked only for a well-formed e-mail address: ajv checks the format.
        if: {
          properties: { contact: { properties: { email: { format: 'email' } } } },
          required: ['contact'],
        },
        then: { properties: { newsletter: { type: 'boolean', title: 'Newsletter' } } },
      },
      {
        // Asked only for two different dates.
        if: { properties: { visits: { uniqueItems: true, minItems: 2 } }, required: ['visits'] },
        then: { properties: { travel: { type: 'string', title: 'Anreise' } } },
      },
    ],
    $defs: {
      contact: {
        $anchor: 'kontakt',
        type: 'object',
        title: 'Kontakt',
        properties: { email: { type: 'string', title: 'E-Mail' } },
      },
    },
  },
};

/** A form with object alternatives told apart by a discriminator. */
export const ALTERNATIVES_FORM = {
  id: 'alternativen',
  version: '1',
  lang: 'de',
  schema: {
    type: 'object',
    properties: {
      applicant: {
        title: 'Antragsteller',
        oneOf: [
          {
            title: 'Privatperson',
            properties: {
              kind: { const: 'person' },
              name: { type: 'string', title: 'Name' },
            },
          },
          {
            title: 'Verein',
            properties: {
              kind: { const: 'club' },
              register: { type: 'string', title: 'Vereinsregister' },
            },
          },
        ],
      },
    },
  },
};

/** A form that allows values beyond its questions (patternProperties, additionalProperties). */
export const EXTRA_FORM = {
  id: 'zusatz',
  version: '1',
  schema: {
    type: 'object',
    properties: { name: { type: 'string', title: 'Name' } },
    patternProperties: { '^x-': { type: 'string' } },
    additionalProperties: { type: 'number' },
  },
};
