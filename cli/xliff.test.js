import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pointerToUnitId, readXliff, unitIdToPointer, writeXliff } from './lib/xliff.js';
import { escapeAttribute, escapeText, parseXml } from './lib/xml.js';

/** Texts a translator (or an attacker) might put into a form. */
const HOSTILE = [
  '<script>alert("x")</script>',
  'Tom & Jerry & &amp; &lt;b&gt;',
  `"double" and 'single' quotes, „German“ and «guillemets»`,
  'bidi: \u202Eevil\u202C, \u2066isolate\u2069, \u200Fmark\u200E, \u061Calm',
  'emoji: 👩‍👩‍👧 🇩🇪 and ZWNJ: می\u200Cتوانید',
  'CDATA end ]]> and <![CDATA[x]]>',
  'lines:\nsecond\r\nthird\rfourth\ttab  two spaces ',
  ' leading and trailing ',
  'controls: \u0001\u0008\u001F\uFFFE',
  '<!DOCTYPE x [<!ENTITY e "boom">]>&e;',
];

const NMTOKEN = /^[A-Za-z0-9:._-]+$/;

describe('unit ids', () => {
  it('turn any JSON Pointer into an XML NMTOKEN and back', () => {
    for (const pointer of [
      '/schema/title',
      '/schema/$defs/address/properties/city/title',
      '/schema/properties/a~1b/title',
      '/schema/properties/c~0d.e_f/title',
      '/ui/ui:steps/0/title',
      '/schema/properties/straße 👩‍👩‍👧/title',
      '/schema/properties/_2e_/title',
      '',
    ]) {
      const id = pointerToUnitId(pointer);
      if (pointer) assert.match(id, NMTOKEN, pointer);
      assert.equal(unitIdToPointer(id), pointer);
    }
    assert.equal(pointerToUnitId('/schema/$defs/a.b/title'), '.schema._24_defs.a_2e_b.title');
  });
});

describe('XML escaping', () => {
  it('escapes markup, carriage returns and bidi controls in text', () => {
    assert.equal(escapeText('<a href="x">&</a>'), '&lt;a href="x"&gt;&amp;&lt;/a&gt;');
    assert.equal(escapeText('a\u202Eb\r'), 'a&#x202E;b&#xD;');
    assert.equal(escapeAttribute('"x"\n\t<'), '&quot;x&quot;&#xA;&#x9;&lt;');
  });
});

describe('writeXliff / readXliff', () => {
  const units = HOSTILE.map((text, i) => ({
    pointer: `/schema/properties/f${i}~1${i}/title`,
    source: text,
    target: `${text} (übersetzt)`,
    sourceHash: 'abc123',
    notes: [`Note with ${text}`],
    warnings: i === 0 ? ['Source changed & <checked>'] : [],
  }));
  const xml = writeXliff({
    sourceLang: 'de',
    targetLang: 'ar',
    fileId: 'my-form',
    original: 'my "form".json',
    fileNotes: ['Please use <formal> register & be kind.'],
    units,
  });

  it('writes well-formed XLIFF 2.0 with no live markup from the texts', () => {
    assert.match(
      xml,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2\.0"/,
    );
    assert.equal(xml.includes('<script>'), false);
    assert.equal(xml.includes('<!DOCTYPE'), false);
    assert.equal(xml.includes('<![CDATA['), false);
    assert.equal(
      xml.includes('\u202E'),
      false,
      'bidi controls are written as character references',
    );
    assert.ok(xml.includes('&#x202E;'));
    assert.ok(xml.includes('<cp hex="0001"/>'), 'forbidden characters use XLIFF <cp>');
    const root = parseXml(xml);
    assert.equal(root.local, 'xliff');
    assert.equal(root.attributes.trgLang, 'ar');
  });

  it('reads back exactly what it wrote', () => {
    const document = readXliff(xml);
    assert.equal(document.version, '2.0');
    assert.equal(document.sourceLang, 'de');
    assert.equal(document.targetLang, 'ar');
    assert.equal(document.original, 'my "form".json');
    assert.equal(document.units.length, units.length);
    document.units.forEach((unit, i) => {
      assert.equal(unit.pointer, units[i].pointer);
      assert.equal(unit.source, units[i].source, `source ${i}`);
      assert.equal(unit.target, units[i].target, `target ${i}`);
      assert.equal(unit.state, 'translated');
      assert.equal(unit.sourceHash, 'abc123');
    });
  });

  it('falls back to the unit id when a tool drops the name', () => {
    const withoutNames = xml.replace(/ name="[^"]*"/g, '');
    assert.deepEqual(
      readXliff(withoutNames).units.map((u) => u.pointer),
      units.map((u) => u.pointer),
    );
  });

  it('joins segments that a tool split, and treats a unit with a missing target as untranslated', () => {
    const document = readXliff(`<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="tr">
  <file id="f"><group id="g">
    <unit id="u1" name="/schema/description">
      <segment state="reviewed"><source>Eins.</source><target>Bir.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment state="translated"><source>Zwei <pc id="1">fett</pc>.</source><target>İki <mrk id="m">kalın</mrk>.</target></segment>
    </unit>
    <unit id="u2" name="/schema/title">
      <segment><source>A.</source><target>A.</target></segment>
      <segment><source>B.</source></segment>
    </unit>
  </group></file>
</xliff>`);
    assert.deepEqual(document.units[0], {
      pointer: '/schema/description',
      source: 'Eins. Zwei fett.',
      target: 'Bir. İki kalın.',
      state: 'translated',
      sourceHash: undefined,
    });
    assert.equal(document.units[1].target, undefined);
    assert.equal(document.units[1].state, 'initial');
  });

  it('reads XLIFF 1.2 as returned by older tools', () => {
    const document = readXliff(`<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="de" target-language="uk" original="form.json" datatype="plaintext">
    <body>
      <trans-unit id="/schema/title"><source>Titel &amp; mehr</source><target state="translated">Назва &amp; більше</target></trans-unit>
      <trans-unit id=".schema.properties.a_7e_1b.title"><source>X</source><target state="needs-review-translation">Х</target></trans-unit>
      <trans-unit id="x" resname="/ui/ui:title" approved="yes"><source>Y</source><target>Y</target></trans-unit>
      <trans-unit id="skip" translate="no"><source>Z</source></trans-unit>
    </body>
  </file>
</xliff>`);
    assert.equal(document.version, '1.2');
    assert.equal(document.targetLang, 'uk');
    assert.deepEqual(
      document.units.map((u) => [u.pointer, u.source, u.target, u.state]),
      [
        ['/schema/title', 'Titel & mehr', 'Назва & більше', 'translated'],
        ['/schema/properties/a~1b/title', 'X', 'Х', 'initial'],
        ['/ui/ui:title', 'Y', 'Y', 'reviewed'],
      ],
    );
  });

  it('refuses DOCTYPEs, unknown entities and malformed XML', () => {
    const bad = [
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><xliff version="2.0">&lol;</xliff>',
      '<xliff version="2.0">&nbsp;</xliff>',
      '<xliff version="2.0"><file></xliff>',
      '<xliff version="2.0">a & b</xliff>',
      '<xliff version="2.0" version="2.0"></xliff>',
      '<xliff version="2.0">&#0;</xliff>',
      '<notxliff/>',
      '<xliff version="3.0"/>',
      '',
    ];
    for (const text of bad) assert.throws(() => readXliff(text), Error, text);
  });
});
