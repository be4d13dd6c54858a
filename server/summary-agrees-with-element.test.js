import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collectAnswers } from './summary-answers.js';
import { elementAnswers } from './testing/element-model.js';
import {
  ALTERNATIVES_FORM,
  CONDITIONS_FORM,
  EXTRA_FORM,
  load,
  SPRACHKURS_DATA,
} from './testing/summary-helpers.js';

// The staff summary and the form must agree on which questions were asked: for the same
// definition and data, the answers the summary prints as asked are exactly those the element
// shows a field for. The element's side is its own TypeScript (src/model/, and the runtime ajv
// compiler deciding conditions), bundled for Node by testing/element-model.js.

const SPRACHKURS = load('sprachkurs-anmeldung');
const KI = load('ki-erstberatung');

async function assertAgree(definition, data, label) {
  const summary = collectAnswers(definition, data).asked;
  const element = await elementAnswers(definition, data);
  assert.deepEqual(summary, element, `${label}: ${JSON.stringify(data)}`);
}

test('the example forms: the same questions asked, in the same order', async () => {
  const cases = [
    [SPRACHKURS, SPRACHKURS_DATA],
    [
      SPRACHKURS,
      {
        ...SPRACHKURS_DATA,
        residenceStatus: 'andere',
        residenceStatusOther: 'Fiktionsbescheinigung',
        childcareNeeded: false,
        attendedCourseBefore: false,
      },
    ],
    [
      SPRACHKURS,
      {
        ...SPRACHKURS_DATA,
        residenceStatus: 'duldung',
        children: [{ age: 4, specialNeeds: false, specialNeedsDetails: 'nicht gefragt' }],
      },
    ],
    [
      KI,
      {
        person: { givenName: 'Amina', familyName: 'Haddad', birthDate: '1990-03-04' },
        email: 'amina@example.org',
        topics: ['residence-law', 'housing'],
        interpreterNeeded: true,
        interpreterLanguage: 'ar',
        householdMembers: [{ givenName: 'Omar', birthYear: 2015 }, { givenName: 'Lina' }],
        consent: true,
      },
    ],
    [CONDITIONS_FORM, { contact: { email: 'keine-adresse' }, newsletter: true, visits: ['a'] }],
    [
      CONDITIONS_FORM,
      {
        contact: { email: 'amina@example.org' },
        newsletter: false,
        visits: ['2026-01-05', '2026-01-06'],
        travel: 'Bus',
      },
    ],
    [ALTERNATIVES_FORM, { applicant: { kind: 'club', register: 'VR 1', name: 'x' } }],
    [ALTERNATIVES_FORM, { applicant: { kind: 'person', register: 'VR 1', name: 'x' } }],
    [ALTERNATIVES_FORM, { applicant: { name: 'ohne Art' } }],
    [EXTRA_FORM, { name: 'Amina', 'x-quelle': 'Flyer', rooms: 3 }],
  ];
  for (const [definition, data] of cases) await assertAgree(definition, data, definition.id);
});

test('sprachkurs-anmeldung: any mix of answers and stray branch values', async () => {
  const status = SPRACHKURS.schema.properties.residenceStatus.oneOf.map((o) => o.const);
  const maybe = (arbitrary) => fc.option(arbitrary, { nil: undefined });
  const child = fc.record(
    {
      age: fc.integer({ min: 0, max: 17 }),
      specialNeeds: fc.boolean(),
      specialNeedsDetails: fc.constantFrom('Allergie', ''),
    },
    { requiredKeys: [] },
  );
  const answers = fc.record(
    {
      givenName: fc.constantFrom('Olena', ' ', ''),
      residenceStatus: fc.constantFrom(...status),
      permitParagraph: maybe(fc.constant('§ 24 AufenthG')),
      permitExpiry: maybe(fc.constant('2027-06-30')),
      residenceStatusOther: maybe(fc.constant('Fiktionsbescheinigung')),
      childcareNeeded: fc.boolean(),
      childrenCount: maybe(fc.integer({ min: 1, max: 3 })),
      children: maybe(fc.array(child, { maxLength: 3 })),
      attendedCourseBefore: fc.boolean(),
      previousCourseType: maybe(fc.constantFrom('integration', 'other')),
      previousCourseYear: maybe(fc.constant(2019)),
      preferredTimes: maybe(fc.subarray(['morning', 'afternoon', 'weekend'])),
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(answers, (data) => assertAgree(SPRACHKURS, data, 'sprachkurs-anmeldung')),
    { numRuns: 150 },
  );
});
