import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { summarizeSubmission } from './staff-summary.js';
import { startDemoServer } from '../scripts/serve-demo.js';
import { openStorage } from './storage/index.js';
import { tempDir } from './testing/harness.js';
import { addStaff, signIn } from './testing/inbox-harness.js';
import {
  assertLinesInOrder,
  envelope,
  linesOf,
  load,
  SPRACHKURS_DATA,
} from './testing/summary-helpers.js';

const KI = load('ki-erstberatung');
const SPRACHKURS = load('sprachkurs-anmeldung');

const pdf = (name, bytes) =>
  `data:application/pdf;name=${encodeURIComponent(name)};base64,${Buffer.alloc(bytes, 7).toString('base64')}`;

const FSI = '\u2068';
const PDI = '\u2069';
// Everything a summary line must not contain (C0 but for the line feed, C1, bidi controls).
// eslint-disable-next-line no-control-regex
const BIDI_OR_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// ---------------------------------------------------------------------------------------------
// ki-erstberatung

test('ki-erstberatung, filled in Arabic: the whole summary in German', () => {
  const text = summarizeSubmission(
    KI,
    envelope(
      KI,
      {
        person: {
          givenName: 'أمينة',
          familyName: 'Haddad',
          birthDate: '1990-03-04',
          countryOfOrigin: 'سوريا',
        },
        email: 'amina@example.org',
        phone: '0221 1234567',
        contactPreference: 'phone',
        address: { street: 'Hauptstraße 5', postalCode: '50667', city: 'Köln' },
        topics: ['residence-law', 'housing', 'language-courses'],
        interpreterNeeded: true,
        interpreterLanguage: 'ar',
        householdMembers: [{ givenName: 'Omar', birthYear: 2015 }, { givenName: 'Lina' }],
        message: 'Ich brauche Hilfe bei der Wohnungssuche.\nAm besten vormittags.',
        consent: true,
      },
      { locale: 'ar' },
    ),
    { reference: 'KI-7QX4-M2PA', receivedAt: '2026-11-25T10:00:02.000Z' },
  );
  assert.equal(
    text,
    [
      'Erstberatung im Kommunalen Integrationszentrum',
      '==============================================',
      'Aktenzeichen: KI-7QX4-M2PA',
      'Eingegangen: 25. November 2026 um 11:00 Uhr',
      'Ausgefüllt auf: Arabisch (ar)',
      'Formular: ki-erstberatung, Version 2026-11-01',
      '',
      'Angaben zu Ihrer Person:',
      '  Vorname: أمينة',
      '  Familienname: Haddad',
      '  Geburtsdatum: 4. März 1990',
      '  Herkunftsland: سوريا',
      'E-Mail-Adresse: amina@example.org',
      'Telefonnummer: 0221 1234567',
      'Wie möchten Sie kontaktiert werden? Telefon',
      'Postanschrift:',
      '  Straße und Hausnummer: Hauptstraße 5',
      '  Postleitzahl: 50667',
      '  Ort: Köln',
      'Zu welchen Themen möchten Sie beraten werden? Fragen zum Aufenthaltsrecht, Wohnen, Sprachkurse und Integrationskurse',
      'Ich brauche für das Gespräch eine Sprachmittlerin oder einen Sprachmittler: Ja',
      'Sprache für die Sprachmittlung: Arabisch',
      'Weitere Personen in Ihrem Haushalt:',
      '  Person im Haushalt 1:',
      '    Vorname: Omar',
      '    Geburtsjahr: 2015',
      '  Person im Haushalt 2:',
      '    Vorname: Lina',
      'Ihre Nachricht:',
      '  > Ich brauche Hilfe bei der Wohnungssuche.',
      '  > Am besten vormittags.',
      'Ich bin mit der Verarbeitung meiner Angaben einverstanden: Ja',
      '',
    ].join('\n'),
  );
});

test('ki-erstberatung: false booleans, unanswered values left out, no reference, other locales', () => {
  const text = summarizeSubmission(
    KI,
    envelope(
      KI,
      {
        person: { givenName: 'Iryna', familyName: 'Koval', birthDate: '' },
        email: 'iryna@example.org',
        address: { street: '', city: null },
        topics: ['recognition'],
        interpreterNeeded: false,
        householdMembers: [],
        message: '   ',
        consent: true,
      },
      { locale: 'uk' },
    ),
  );
  assertLinesInOrder(text, [
    'Eingegangen: 25. November 2026 um 11:00 Uhr',
    'Ausgefüllt auf: Ukrainisch (uk)',
    'Angaben zu Ihrer Person:',
    '  Vorname: Iryna',
    '  Familienname: Koval',
    'Zu welchen Themen möchten Sie beraten werden? Anerkennung ausländischer Berufs- und Studienabschlüsse',
    'Ich brauche für das Gespräch eine Sprachmittlerin oder einen Sprachmittler: Nein',
  ]);
  assert.doesNotMatch(text, /Aktenzeichen|Geburtsdatum|Postanschrift|Haushalt|Nachricht|Weitere/);

  const persian = summarizeSubmission(KI, envelope(KI, { consent: true }, { locale: 'fa-IR' }));
  assert.ok(linesOf(persian).includes('Ausgefüllt auf: Persisch (Iran) (fa-IR)'));
  const unknownTag = summarizeSubmission(KI, envelope(KI, {}, { locale: 'x-klingon-1' }));
  assert.ok(linesOf(unknownTag).includes('Ausgefüllt auf: x-klingon-1'));
  const unnamed = summarizeSubmission(KI, envelope(KI, {}, { locale: 'qaa' }));
  assert.ok(linesOf(unnamed).includes('Ausgefüllt auf: qaa'));
});

test('unknown keys are listed under "Weitere Angaben" as raw JSON, files without their data', () => {
  const file = pdf('pass.pdf', 12_000);
  const text = summarizeSubmission(
    KI,
    envelope(KI, {
      person: { givenName: 'Amina', familyName: 'Haddad', nickname: 'Mimi' },
      email: 'amina@example.org',
      householdMembers: [{ givenName: 'Omar', shoeSize: 31 }],
      favouriteColour: 'blau',
      attachment: file,
      extra: { list: [1, 2], nested: { ok: true }, scan: file },
      consent: true,
    }),
  );
  const lines = linesOf(text);
  const at = lines.indexOf('Weitere Angaben (nicht im Formular vorgesehen)');
  assert.ok(at > lines.indexOf('Ich bin mit der Verarbeitung meiner Angaben einverstanden: Ja'));
  assert.deepEqual(lines.slice(at), [
    'Weitere Angaben (nicht im Formular vorgesehen)',
    '----------------------------------------------',
    '/person/nickname: "Mimi"',
    '/householdMembers/0/shoeSize: 31',
    '/favouriteColour: "blau"',
    '/attachment: "[Datei: pass.pdf (12 kB)]"',
    '/extra: {"list":[1,2],"nested":{"ok":true},"scan":"[Datei: pass.pdf (12 kB)]"}',
    '',
  ]);
  assert.ok(!text.includes('base64'), 'no file data in the summary');
});

// ---------------------------------------------------------------------------------------------
// sprachkurs-anmeldung

test('sprachkurs-anmeldung: grouped by steps, conditional values after their base, in German', () => {
  const text = summarizeSubmission(
    SPRACHKURS,
    envelope(SPRACHKURS, SPRACHKURS_DATA, { locale: 'uk' }),
    {
      reference: 'KI-ABCD-EFGH',
      receivedAt: '2026-11-25T10:00:05.000Z',
    },
  );
  assertLinesInOrder(text, [
    'Anmeldung zum Integrationskurs oder Sprachkurs',
    'Aktenzeichen: KI-ABCD-EFGH',
    'Ausgefüllt auf: Ukrainisch (uk)',
    '',
    'Zu Ihrer Person',
    '---------------',
    'Vorname: Olena',
    'Familienname: Koval',
    'Geburtsdatum: 31. Dezember 1985',
    'E-Mail-Adresse: olena@example.org',
    'Anschrift:',
    '  Straße und Hausnummer: Hauptstr. 1',
    '  Postleitzahl: 50667',
    '  Ort: Köln',
    '',
    'Aufenthalt',
    '----------',
    'Welchen Aufenthaltsstatus haben Sie? Aufenthaltserlaubnis',
    // allOf/1/then and allOf/0/then, in ui:order
    'Rechtsgrundlage Ihrer Aufenthaltserlaubnis: § 24 AufenthG',
    'Gültig bis: 30. Juni 2027',
    'Haben Sie ein Schreiben, dass Sie an einem Integrationskurs teilnehmen dürfen oder müssen? Ja, ich habe eine Teilnahmeberechtigung.',
    '',
    'Kurswunsch',
    '----------',
    'Für welchen Kurs möchten Sie sich anmelden? Integrationskurs für Eltern oder für Frauen',
    'Wie gut sprechen Sie schon Deutsch? A1 – Ich verstehe und benutze einfache Sätze.',
    'Wann haben Sie Zeit für den Kurs? Vormittags, Am Wochenende',
    // A boolean with a oneOf of titled consts: the titles.
    'Brauchen Sie während des Kurses eine Kinderbetreuung? Ja',
    // allOf/3/then, then dependentSchemas/childrenCount with items $ref to $defs/child
    'Für wie viele Kinder brauchen Sie eine Betreuung? 2',
    'Alter der Kinder:',
    '  Kind 1:',
    '    Alter in Jahren: 4',
    '    Braucht das Kind besondere Unterstützung? Ja',
    // the `then` of $defs/child
    '    Welche Unterstützung braucht das Kind? Nussallergie',
    '  Kind 2:',
    '    Alter in Jahren: 0',
    '',
    'Bisherige Kurse',
    '---------------',
    'Haben Sie schon einmal einen Integrationskurs oder einen anderen Deutschkurs besucht? Ja',
    'Welchen Kurs haben Sie besucht? Berufssprachkurs',
    'In welchem Jahr haben Sie den Kurs zuletzt besucht? 2024',
    '',
    'Nachricht und Einwilligung',
    '--------------------------',
    'Möchten Sie uns noch etwas mitteilen? Ich kann nur dienstags.',
    'Ich bin mit der Verarbeitung meiner Angaben einverstanden: Ja',
  ]);
  assert.doesNotMatch(text, /Weitere Angaben|Hinweis/);
});

test('sprachkurs-anmeldung: other branches; a branch value the conditions do not explain keeps its label', () => {
  const text = summarizeSubmission(
    SPRACHKURS,
    envelope(SPRACHKURS, {
      ...SPRACHKURS_DATA,
      residenceStatus: 'andere',
      permitParagraph: undefined,
      permitExpiry: undefined,
      residenceStatusOther: 'Fiktionsbescheinigung',
      childcareNeeded: false,
      childrenCount: undefined,
      children: undefined,
      attendedCourseBefore: false,
      // Sent although attendedCourseBefore is false: an older client, a hand-made request.
      previousCourseYear: 2019,
    }),
  );
  assertLinesInOrder(text, [
    'Welchen Aufenthaltsstatus haben Sie? Anderer Status',
    // A label's final full stop gives way to the colon.
    'Bitte beschreiben Sie Ihren Aufenthaltsstatus: Fiktionsbescheinigung',
    'Brauchen Sie während des Kurses eine Kinderbetreuung? Nein',
    'Haben Sie schon einmal einen Integrationskurs oder einen anderen Deutschkurs besucht? Nein',
    'In welchem Jahr haben Sie den Kurs zuletzt besucht? 2019',
  ]);
  assert.doesNotMatch(text, /Gültig bis|Kinder:|Weitere Angaben/);
});

test('sprachkurs-anmeldung: version mismatch and late arrival are pointed out', () => {
  const text = summarizeSubmission(
    SPRACHKURS,
    envelope(
      SPRACHKURS,
      { givenName: 'Olena' },
      {
        form: { id: 'sprachkurs-anmeldung', version: '2026-06-01' },
      },
    ),
    { receivedAt: '2026-11-27T08:30:00.000Z' },
  );
  assertLinesInOrder(text, [
    'Eingegangen: 27. November 2026 um 09:30 Uhr',
    'Abgeschickt: 25. November 2026 um 11:00 Uhr',
    'Formular: sprachkurs-anmeldung, Version 2026-06-01',
    'Hinweis: Gesendet mit Version 2026-06-01, gelesen mit Version 2026-11-01 der Formulardefinition.',
  ]);
});

// ---------------------------------------------------------------------------------------------
// Hostile input

test('hostile strings: bidi overrides and control characters removed, line breaks quoted, RTL text kept', () => {
  const RLO = '\u202E';
  const text = summarizeSubmission(
    KI,
    envelope(
      KI,
      {
        person: {
          givenName: `Amina${RLO}fdp.exe`,
          familyName: 'Had\u0000dad\u001b[31m\u0007',
          countryOfOrigin: '\u2067سوريا\u2069\u202A\u202B\u202C\u202D\u2066\u2068',
        },
        // Persian with a zero-width non-joiner (U+200C) and a right-to-left mark: legitimate.
        email: 'mi\u200Crza@example.org\u200F',
        message: [
          'Guten Tag,\r\nE-Mail-Adresse: attacker@example.org',
          'Aktenzeichen: KI-FAKE-0000\u2028Weitere Angaben\u0085Ende\tgut\u000b\u000c',
        ].join('\n'),
        householdMembers: [{ givenName: `${RLO}Omar\u0085` }],
        [`evil${RLO}key\nAktenzeichen: X`]: `x${RLO}y`,
        consent: true,
      },
      { locale: 'ar' },
    ),
  );
  const lines = linesOf(text);
  assertLinesInOrder(text, [
    '  Vorname: Aminafdp.exe',
    '  Familienname: Haddad[31m',
    '  Herkunftsland: سوريا',
    'E-Mail-Adresse: mi\u200Crza@example.org\u200F',
    '    Vorname: Omar',
    'Ihre Nachricht:',
    '  > Guten Tag,',
    '  > E-Mail-Adresse: attacker@example.org',
    '  > Aktenzeichen: KI-FAKE-0000',
    '  > Weitere Angaben',
    '  > Ende gut',
    // The key is on one line; the value is raw JSON with the override escaped, not applied.
    '/evilkey Aktenzeichen: X: "x\\u202ey"',
  ]);
  for (const line of lines) {
    assert.doesNotMatch(line, BIDI_OR_CONTROL, `control character left in ${JSON.stringify(line)}`);
  }
  // The injected lines cannot pose as fields: only the real heading starts a line with them.
  assert.equal(lines.filter((l) => l.startsWith('Aktenzeichen')).length, 0);
  assert.equal(lines.filter((l) => l.startsWith('E-Mail-Adresse')).length, 1);
});

// ---------------------------------------------------------------------------------------------
// Other schema shapes

const SHAPES = {
  id: 'formen',
  version: '1',
  lang: 'de',
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Testformular',
    type: 'object',
    properties: {
      document: { type: 'string', format: 'data-url', title: 'Nachweis' },
      documents: {
        type: 'array',
        title: 'Weitere Nachweise',
        items: { type: 'string', format: 'data-url' },
      },
      appointment: { type: 'string', format: 'date-time', title: 'Termin' },
      callTime: { type: 'string', format: 'time', title: 'Rückruf um' },
      income: { type: 'number', title: 'Einkommen' },
      rooms: { type: 'integer', title: 'Zimmer' },
      size: { type: 'string', enum: ['s', 'm', 'l'], title: 'Größe' },
      colour: { type: 'string', enum: ['r', 'g'], title: 'Farbe' },
      school: { $ref: '#/definitions/school' },
      status: {
        title: 'Status',
        anyOf: [{ $ref: '#/definitions/single' }, { enum: ['married'], title: 'verheiratet' }],
      },
      languages: {
        type: 'array',
        title: 'Sprachen',
        items: { type: 'string', enum: ['de', 'ar', 'fa'] },
        uniqueItems: true,
      },
      nicknames: { type: 'array', title: 'Spitznamen', items: { type: 'string' } },
      pets: { type: 'boolean', title: 'Haustiere' },
      kind: { type: 'string', enum: ['dog', 'cat'], title: 'Tierart' },
      withUiTitle: { type: 'string', title: 'Schema-Titel' },
      noTitle: { type: 'string' },
      free: { type: 'object' },
    },
    if: { properties: { pets: { const: true } }, required: ['pets'] },
    then: { properties: { petName: { type: 'string', title: 'Name des Tieres' } } },
    else: { properties: { petName: { type: 'string', title: 'Grund ohne Tier' } } },
    dependencies: {
      rooms: { properties: { roomNote: { type: 'string', title: 'Zu den Zimmern' } } },
    },
    definitions: {
      school: {
        type: 'string',
        title: 'Schulabschluss',
        oneOf: [
          { const: 'none', title: 'Kein Abschluss' },
          { const: 'abitur', title: 'Abitur' },
        ],
      },
      single: { const: 'single', title: 'ledig' },
    },
  },
  ui: {
    'ui:order': ['withUiTitle', 'noTitle', '*', 'document'],
    size: { 'ui:enumNames': ['klein', 'mittel', 'groß'] },
    colour: { 'ui:enumNames': { r: 'rot', g: 'grün' } },
    languages: { 'ui:enumNames': ['Deutsch', 'Arabisch', 'Persisch'] },
    withUiTitle: { 'ui:title': 'Titel aus der UI' },
  },
};

test('files, date-times, numbers, enums with ui:enumNames, definitions, anyOf, else and dependencies', () => {
  const text = summarizeSubmission(
    SHAPES,
    envelope(SHAPES, {
      document: pdf('Mietvertrag.pdf', 12_345),
      documents: [pdf('a.pdf', 999), pdf('شهادة.pdf', 2_500_000), 'data:text/plain,hallo%20welt'],
      appointment: '2026-03-29T00:30:00Z',
      callTime: '14:30',
      income: 12345.67,
      rooms: 3,
      roomNote: 'mit Balkon',
      size: 'l',
      colour: 'g',
      school: 'abitur',
      status: 'single',
      languages: ['fa', 'de'],
      nicknames: ['Mimi', 'ميمي'],
      pets: false,
      petName: 'Allergie',
      kind: 'hamster',
      withUiTitle: 'a',
      noTitle: 'b',
      free: { anything: 'goes' },
    }),
  );
  assert.equal(
    linesOf(text).slice(6).join('\n'),
    [
      'Titel aus der UI: a',
      'noTitle: b',
      'Weitere Nachweise: a.pdf (999 Byte), ' +
        `${FSI}شهادة.pdf${PDI} (2,5 MB)` +
        ', Datei (10 Byte)',
      'Termin: 29. März 2026 um 01:30 Uhr',
      'Rückruf um: 14:30 Uhr',
      'Einkommen: 12.345,67',
      'Zimmer: 3',
      'Größe: groß',
      'Farbe: grün',
      'Schulabschluss: Abitur',
      'Status: ledig',
      'Sprachen: Persisch, Deutsch',
      `Spitznamen: Mimi, ${FSI}ميمي${PDI}`,
      'Haustiere: Nein',
      'Tierart: hamster (kein Wert der Auswahlliste)',
      'Grund ohne Tier: Allergie',
      'Zu den Zimmern: mit Balkon',
      'Nachweis: Mietvertrag.pdf (12,3 kB)',
      '',
      'Weitere Angaben (nicht im Formular vorgesehen)',
      '----------------------------------------------',
      '/free/anything: "goes"',
      '',
    ].join('\n'),
  );
  assert.ok(!text.includes('base64') && !text.includes('hallo'), 'no file data in the summary');

  // The `then` branch labels the same key differently.
  const withPets = summarizeSubmission(SHAPES, envelope(SHAPES, { pets: true, petName: 'Minka' }));
  assert.ok(linesOf(withPets).includes('Name des Tieres: Minka'));
});

test('without a definition every value is listed raw under the form id', () => {
  const text = summarizeSubmission(undefined, {
    form: { id: 'unbekannt', version: '3' },
    locale: 'tr',
    submittedAt: '2026-07-01T12:00:00+02:00',
    data: { name: 'Ayşe', file: pdf('x.pdf', 10) },
  });
  assert.equal(
    text,
    [
      'Formular unbekannt',
      '==================',
      'Eingegangen: 1. Juli 2026 um 12:00 Uhr',
      'Ausgefüllt auf: Türkisch (tr)',
      'Formular: unbekannt, Version 3',
      'Hinweis: Die Formulardefinition liegt nicht vor; alle Angaben stehen unter „Weitere Angaben“.',
      '',
      'Weitere Angaben (nicht im Formular vorgesehen)',
      '----------------------------------------------',
      '/name: "Ayşe"',
      '/file: "[Datei: x.pdf (10 Byte)]"',
      '',
    ].join('\n'),
  );
});

// ---------------------------------------------------------------------------------------------
// Over HTTP, through the demo server

test('demo server: a submission can be read back as a German summary in the inbox', async (t) => {
  const dataDir = tempDir();
  const server = startDemoServer({ port: 0, host: '127.0.0.1', log: () => {}, dataDir });
  await once(server, 'listening');
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;
  // An administrator, added as `node server/staff.js add-user` would, beside the running demo.
  const storage = await openStorage({ dataDir });
  await addStaff(storage, { name: 'root', team: 'admins', isAdmin: true });
  await storage.close();
  const root = await signIn({ url: base }, 'root');

  const post = (formId, body) =>
    fetch(`${base}/api/forms/${formId}/submissions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
        'Content-Language': body.locale,
      },
      body: JSON.stringify(body),
    });

  const sent = envelope(SPRACHKURS, SPRACHKURS_DATA, { locale: 'ar' });
  const created = await post('sprachkurs-anmeldung', sent);
  assert.equal(created.status, 201);
  const { reference } = await created.json();
  assert.match(reference, /^KI-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

  const { items } = await (await root.get('/inbox/api/submissions')).json();
  assert.deepEqual(
    items.map((e) => e.reference),
    [reference],
  );
  const response = await root.get(`/inbox/api/submissions/${reference}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const text = (await response.json()).summary;
  assertLinesInOrder(text, [
    'Anmeldung zum Integrationskurs oder Sprachkurs',
    `Aktenzeichen: ${reference}`,
    'Ausgefüllt auf: Arabisch (ar)',
    'Zu Ihrer Person',
    'Geburtsdatum: 31. Dezember 1985',
    'Welchen Aufenthaltsstatus haben Sie? Aufenthaltserlaubnis',
    'Gültig bis: 30. Juni 2027',
    '    Welche Unterstützung braucht das Kind? Nussallergie',
  ]);

  // References are read aloud and typed in: lower case finds it too.
  assert.equal((await root.get(`/inbox/api/submissions/${reference.toLowerCase()}`)).status, 200);
  const missing = await root.get('/inbox/api/submissions/KI-2222-2222');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-type'), 'application/problem+json');

  // The receiver checks every submission against schemas/<id>.json, so a form without a
  // definition file is refused (the summary without a definition is tested above).
  const other = await post('ohne-definition', {
    form: { id: 'ohne-definition', version: '1' },
    locale: 'de',
    submittedAt: '2026-11-25T10:00:00.000Z',
    data: { frage: 'Antwort' },
  });
  assert.equal(other.status, 404);
  assert.equal(other.headers.get('content-type'), 'application/problem+json');
});
