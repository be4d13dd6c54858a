// The inbox's browser-side reading of decrypted answers (src/inbox/decrypted-answers.ts), the
// search inside them (src/inbox/encrypted-search.ts) and the CSV they export (the table shared
// with the receiver's export, src/core/export-table.js).
import { expect } from '@open-wc/testing';
import { listDecrypted } from '../../src/inbox/decrypted-answers.js';
import { csvBlob } from '../../src/inbox/decrypted-export.js';
import { answersContain, fold } from '../../src/inbox/encrypted-search.js';
import type { FormDefinition } from '../../src/model/types.js';

const DEFINITION = {
  id: 'antrag',
  version: '1',
  lang: 'de',
  translations: {
    ar: {
      '/schema/properties/person/title': 'الشخص',
      '/schema/$defs/name/title': 'الاسم',
      '/schema/properties/art/oneOf/0/title': 'زيارة',
    },
  },
  schema: {
    type: 'object',
    $defs: { name: { type: 'string', title: 'Name' } },
    properties: {
      person: {
        type: 'object',
        title: 'Person',
        properties: {
          name: { $ref: '#/$defs/name' },
          geboren: { type: 'string', format: 'date', title: 'Geburtsdatum' },
        },
      },
      art: {
        title: 'Art',
        oneOf: [
          { const: 'besuch', title: 'Besuch' },
          { const: 'umzug', title: 'Umzug' },
        ],
      },
      einverstanden: { type: 'boolean', title: 'Einverstanden' },
      kinder: {
        type: 'array',
        title: 'Kind',
        items: { type: 'object', properties: { alter: { type: 'integer', title: 'Alter' } } },
      },
      sprachen: { type: 'array', title: 'Sprachen', items: { type: 'string' } },
      nachweis: { type: 'string', title: 'Nachweis' },
    },
  },
} as unknown as FormDefinition;

const DATA = {
  person: { name: 'Dilan Öztürk', geboren: '1990-03-07' },
  art: 'besuch',
  einverstanden: true,
  kinder: [{ alter: 4 }, { alter: 7 }],
  sprachen: ['ar', 'de'],
  nachweis: `data:text/plain;name=ausweis%20kopie.txt;base64,${btoa('Hallo')}`,
};

describe('decrypted answers in the inbox', () => {
  it('lists the answers with German labels, choice titles, dates and Ja/Nein', () => {
    const { answers, files, summary, original } = listDecrypted(DEFINITION, DATA, 'de');
    const byLabel = Object.fromEntries(answers.map((a) => [a.label, a.value]));
    expect(byLabel['Person › Name']).to.equal('Dilan Öztürk');
    expect(byLabel['Person › Geburtsdatum']).to.equal('7. März 1990');
    expect(byLabel.Art).to.equal('Besuch');
    expect(byLabel.Einverstanden).to.equal('Ja');
    expect(byLabel['Kind 1 › Alter']).to.equal('4');
    expect(byLabel['Kind 2 › Alter']).to.equal('7');
    expect(byLabel.Sprachen).to.equal('ar, de');
    expect(byLabel.Nachweis).to.equal('Datei: ausweis kopie.txt (5 Bytes)');
    expect(files).to.have.length(1);
    expect(files[0].name).to.equal('ausweis kopie.txt');
    expect(new TextDecoder().decode(files[0].bytes)).to.equal('Hallo');
    expect(summary).to.include('Person › Name: Dilan Öztürk\n');
    // A German person: no second column.
    expect(original).to.equal(null);
  });

  it('puts the labels the person saw beside the German ones', () => {
    const { answers, original } = listDecrypted(DEFINITION, DATA, 'ar-SY');
    const name = answers.find((a) => a.pointer === '/person/name')!;
    expect(name.label).to.equal('Person › Name');
    expect(name.originalLabel).to.equal('الشخص › الاسم');
    const art = answers.find((a) => a.pointer === '/art')!;
    expect(art.value).to.equal('Besuch');
    expect(art.originalValue).to.equal('زيارة');
    expect(original).to.include('الشخص › الاسم: Dilan Öztürk');
  });

  it('finds text in the answers without case and diacritics, never in files', () => {
    expect(answersContain(DATA, fold('OZTURK'))).to.equal(true);
    expect(answersContain(DATA, fold('umzug'))).to.equal(false);
    // "Hallo" is inside the file only.
    expect(answersContain(DATA, fold('SGFsbG8'))).to.equal(false);
    expect(answersContain(DATA, fold('1990-03'))).to.equal(true);
  });

  it('exports CSV with formulas neutralised, as the receiver does', async () => {
    const csv = await csvBlob([
      {
        reference: 'AB-1',
        formId: 'antrag',
        formTitle: 'Antrag',
        formVersion: '1',
        receivedAt: '2026-12-05T08:00:00.000Z',
        submittedAt: null,
        status: 'new',
        locale: 'tr',
        routing: {},
        answers: [
          { pointer: '/a', label: 'Anliegen', value: '=HYPERLINK("http://x.example","y")' },
          { pointer: '/b', label: 'Betrag', value: '-5+3' },
          { pointer: '/c', label: 'Notiz', value: 'sagt "hallo"' },
        ],
      },
    ]).text();
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).to.equal(
      '"Aktenzeichen";"Formular";"Eingang";"Gesendet";"Status";"Sprache";"Anliegen";"Betrag";"Notiz"',
    );
    expect(row).to.equal(
      '"AB-1";"Antrag";"2026-12-05T08:00:00.000Z";"";"new";"tr";"\'=HYPERLINK(""http://x.example"",""y"")";"\'-5+3";"sagt ""hallo"""',
    );
  });
});
