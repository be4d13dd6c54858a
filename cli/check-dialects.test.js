// `intake-elements check` and the five JSON Schema dialects: each is known, references to the
// official meta-schemas resolve, and siblings of `$ref` in draft-04 to 07 get a warning (those
// drafts ignore them; intake-elements and ajv apply them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDefinition } from './lib/check-definition.js';

const DIALECTS = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/** A definition whose `applicant` is a `$ref` with siblings. */
function definition($schema) {
  const defs = $schema.includes('/draft/') ? '$defs' : 'definitions';
  return {
    id: 'dialects',
    version: '1',
    lang: 'en',
    schema: {
      $schema,
      type: 'object',
      [defs]: {
        person: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      },
      properties: {
        applicant: {
          $ref: `#/${defs}/person`,
          title: 'Applicant',
          required: ['email'],
          properties: { email: { type: 'string', format: 'email' } },
        },
        meta: { $ref: 'http://json-schema.org/draft-07/schema#', title: 'A schema' },
      },
    },
  };
}

for (const [dialect, $schema] of Object.entries(DIALECTS)) {
  test(`${dialect}: known, and $ref siblings ${dialect.startsWith('draft') ? 'warned about' : 'fine'}`, () => {
    const problems = checkDefinition(definition($schema)).map(
      ({ pointer, code, severity }) => `${severity} ${code} ${pointer}`,
    );
    const expected = dialect.startsWith('draft')
      ? ['warning ref-siblings /schema/properties/applicant/$ref']
      : [];
    // draft-04 knows its own meta-schema only (docs/limits.md).
    if (dialect === 'draft-04')
      assert.ok(
        problems.some((p) => p.startsWith('error invalid-schema')),
        problems.join('\n'),
      );
    else assert.deepEqual(problems, expected);
  });
}

test('a warning names the siblings and how to write them for every tool', () => {
  const [problem] = checkDefinition(definition(DIALECTS['draft-07']));
  assert.match(problem.message, /"required", "properties" beside "\$ref"/);
  assert.match(problem.message, /allOf/);
});
