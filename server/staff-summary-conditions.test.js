import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeSubmission } from './staff-summary.js';
import {
  assertLinesInOrder,
  envelope,
  linesOf,
  load,
  SPRACHKURS_DATA,
  ALTERNATIVES_FORM,
  CONDITIONS_FORM,
  EXTRA_FORM,
} from './testing/summary-helpers.js';

// Which questions the staff summary counts as asked: decided as the form decides it (the
// element's rules in src/core/, conditions judged by ajv), and what was not asked is set apart.

const SPRACHKURS = load('sprachkurs-anmeldung');

test('sprachkurs-anmeldung: answers to questions the form did not ask are set apart, labelled', () => {
  const text = summarizeSubmission(
    SPRACHKURS,
    envelope(SPRACHKURS, {
      ...SPRACHKURS_DATA,
      residenceStatus: 'duldung',
      // Asked only for a residence permit (allOf/1): the element would not have sent it.
      permitParagraph: '§ 9 AufenthG',
      children: [{ age: 4, specialNeeds: false, specialNeedsDetails: 'nicht gefragt' }],
      attendedCourseBefore: false,
      previousCourseType: undefined,
      previousCourseYear: 2019,
    }),
  );
  const lines = linesOf(text);
  const section = lines.indexOf(
    'Angaben zu Fragen, die bei diesen Antworten nicht gestellt werden',
  );
  assert.ok(section > lines.indexOf('Bisherige Kurse'), text);
  // The asked questions keep their place; permitExpiry applies to this status, permitParagraph not.
  assertLinesInOrder(text, [
    'Welchen Aufenthaltsstatus haben Sie? Duldung',
    'Gültig bis: 30. Juni 2027',
    '    Braucht das Kind besondere Unterstützung? Nein',
    'Haben Sie schon einmal einen Integrationskurs oder einen anderen Deutschkurs besucht? Nein',
  ]);
  assert.deepEqual(lines.slice(section + 2, -1), [
    'Alter der Kinder › Kind 1:',
    '  Welche Unterstützung braucht das Kind? nicht gefragt',
    'Rechtsgrundlage Ihrer Aufenthaltserlaubnis: § 9 AufenthG',
    'In welchem Jahr haben Sie den Kurs zuletzt besucht? 2019',
  ]);
});

test('conditions are judged by ajv: formats, anchors and keywords a hand-written matcher misses', () => {
  const definition = CONDITIONS_FORM;

  const text = summarizeSubmission(
    definition,
    envelope(definition, {
      contact: { email: 'keine-adresse' },
      newsletter: true,
      visits: ['2026-01-05', '2026-01-05'],
      travel: 'Bus',
    }),
  );
  assertLinesInOrder(text, [
    'Kontakt:',
    '  E-Mail: keine-adresse',
    'Termine: 5. Januar 2026, 5. Januar 2026',
    'Angaben zu Fragen, die bei diesen Antworten nicht gestellt werden',
    'Newsletter: Ja',
    'Anreise: Bus',
  ]);

  const asked = summarizeSubmission(
    definition,
    envelope(definition, {
      contact: { email: 'amina@example.org' },
      newsletter: true,
      visits: ['2026-01-05', '2026-01-06'],
      travel: 'Bus',
    }),
  );
  assertLinesInOrder(asked, ['  E-Mail: amina@example.org', 'Newsletter: Ja', 'Anreise: Bus']);
  assert.doesNotMatch(asked, /nicht gestellt/);
});

test('object alternatives: the one the data selects is asked, the others are not', () => {
  const definition = ALTERNATIVES_FORM;

  const text = summarizeSubmission(
    definition,
    envelope(definition, { applicant: { kind: 'club', register: 'VR 123', name: 'Amina' } }),
  );
  assert.deepEqual(linesOf(text).slice(6), [
    'Antragsteller:',
    // The discriminator reads as the alternative's title, as the element shows it.
    '  kind: Verein',
    '  Vereinsregister: VR 123',
    '',
    'Angaben zu Fragen, die bei diesen Antworten nicht gestellt werden',
    '-----------------------------------------------------------------',
    'Antragsteller:',
    '  Name: Amina',
    '',
  ]);
});

test('a definition whose schema cannot be read: every value raw, and why', () => {
  const broken = {
    id: 'kaputt',
    version: '1',
    schema: { type: 'object', properties: { a: { $ref: '#/$defs/missing', title: 'A' } } },
  };
  const text = summarizeSubmission(broken, envelope(broken, { a: 'x' }));
  assertLinesInOrder(text, [
    'Formular: kaputt, Version 1',
    'Weitere Angaben (nicht im Formular vorgesehen)',
    '/a: "x"',
  ]);
  assert.match(
    text,
    /^Hinweis: Die Formulardefinition kann nicht gelesen werden \(.+\); alle Angaben stehen unter „Weitere Angaben“\.$/m,
  );
});

test('values the schema allows beyond its questions (additionalProperties) are listed, not dropped', () => {
  const definition = EXTRA_FORM;

  const text = summarizeSubmission(
    definition,
    envelope(definition, { name: 'Amina', 'x-quelle': 'Flyer', rooms: 3 }),
  );
  // The form shows no question for them, so they are not answers to one: raw, at their pointer.
  assert.deepEqual(linesOf(text).slice(5), [
    '',
    'Name: Amina',
    '',
    'Weitere Angaben (nicht im Formular vorgesehen)',
    '----------------------------------------------',
    '/x-quelle: "Flyer"',
    '/rooms: 3',
    '',
  ]);
});
