import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { after, beforeEach, describe, it } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import { sourceHash } from './lib/hash.js';
import { setTopLevelMember } from './lib/json-edit.js';
import { readXliff } from './lib/xliff.js';
import { run } from './translations.js';

const BIN = fileURLToPath(new URL('../bin/intake-elements.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'intake-translations-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** The test definition's text: deliberately formatted unlike JSON.stringify in places. */
const DEFINITION_TEXT = `{
  "id": "test-form",
  "version": "1",
  "lang": "de",
  "schema": {
    "type": "object",
    "title": "Testformular",
    "required": ["name", "status"],
    "properties": {
      "name": { "type": "string", "title": "Name" },
      "a/b~c": { "type": "string", "title": "Seltsamer Name" },
      "status": {
        "type": "string",
        "title": "Status",
        "oneOf": [{ "const": "x", "title": "Iks" }, { "const": "y", "title": "Ypsilon" }]
      }
    }
  },
  "ui": { "name": { "ui:help": "Wie im Pass" } },
  "translations": {
    "en": { "/schema/title": "Test form", "/schema/properties/name/title": "Name" },
    "fr": "lang/fr.json"
  }
}
`;

/** @type {string} */
let dir;
/** @type {string} */
let definitionPath;
let counter = 0;

beforeEach(() => {
  dir = join(root, `case-${++counter}`);
  mkdirSync(join(dir, 'lang'), { recursive: true });
  definitionPath = join(dir, 'test-form.json');
  writeFileSync(definitionPath, DEFINITION_TEXT);
  writeFileSync(
    join(dir, 'lang/fr.json'),
    `${JSON.stringify({ '/schema/properties/status/title': 'Statut', '/schema/gone': 'Ancien' }, null, 2)}\n`,
  );
});

/**
 * Runs a translations command in-process and returns its exit code and output.
 * @param {string[]} args
 */
async function cli(args) {
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  const err = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Runs the bin as a separate process.
 * @param {string[]} args
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function bin(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** @param {string} path */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * Sets the target of one unit in an XLIFF 2.0 file written by extract, as a translator would.
 * @param {string} xml
 * @param {string} pointer
 * @param {string} target already XML-escaped
 * @param {string} [state]
 */
function translateUnit(xml, pointer, target, state = 'translated') {
  const start = xml.indexOf(`name="${pointer}"`);
  assert.notEqual(start, -1, pointer);
  const end = xml.indexOf('</unit>', start);
  const unit = xml
    .slice(start, end)
    .replace(/<segment state="[^"]*">/, `<segment state="${state}">`)
    .replace(/<target>[\s\S]*?<\/target>\n\s*/, '')
    .replace(/(<\/source>)/, `$1\n        <target>${target}</target>`);
  return xml.slice(0, start) + unit + xml.slice(end);
}

describe('translations extract', () => {
  it('writes one XLIFF file per locale with sources, notes, hashes and current translations', async () => {
    const { code, out } = await cli(['extract', definitionPath, '--locales', 'en,ar']);
    assert.equal(code, 0);
    assert.match(
      out,
      /en: wrote .*test-form\.en\.xlf \(7 strings: 2 translated, 5 missing, 0 outdated\)/,
    );
    const en = readXliff(readFileSync(join(dir, 'translations/test-form.en.xlf'), 'utf8'));
    assert.equal(en.sourceLang, 'de');
    assert.equal(en.targetLang, 'en');
    assert.deepEqual(
      en.units.map((u) => u.pointer),
      [
        '/schema/title',
        '/schema/properties/name/title',
        '/schema/properties/a~1b~0c/title',
        '/schema/properties/status/title',
        '/schema/properties/status/oneOf/0/title',
        '/schema/properties/status/oneOf/1/title',
        '/ui/name/ui:help',
      ],
    );
    assert.equal(en.units[0].target, 'Test form');
    assert.equal(en.units[0].sourceHash, sourceHash('Testformular'));
    assert.equal(en.units[2].target, undefined);
    const raw = readFileSync(join(dir, 'translations/test-form.en.xlf'), 'utf8');
    assert.ok(
      raw.includes(
        'id=".schema.properties.a_7e_1b_7e_0c.title" name="/schema/properties/a~1b~0c/title"',
      ),
    );
    assert.ok(raw.includes('Label of field /a~1b~0c.'));
    assert.ok(raw.includes('Choice 2 of 2 for /status “Status” (stored value "y").'));
  });

  it('defaults to the locales of the definition and honours --out', async () => {
    const { code } = await cli(['extract', definitionPath, '-o', join(dir, 'out')]);
    assert.equal(code, 0);
    const fr = readXliff(readFileSync(join(dir, 'out/test-form.fr.xlf'), 'utf8'));
    assert.equal(
      fr.units.find((u) => u.pointer === '/schema/properties/status/title')?.target,
      'Statut',
    );
  });
});

describe('translations merge', () => {
  it('round trip: extract → translate → merge into a new translations file', async () => {
    await cli(['extract', definitionPath, '-l', 'ar']);
    const xlf = join(dir, 'translations/test-form.ar.xlf');
    let xml = readFileSync(xlf, 'utf8');
    xml = translateUnit(xml, '/schema/title', 'نموذج اختبار');
    xml = translateUnit(xml, '/schema/properties/a~1b~0c/title', 'اسم غريب');
    writeFileSync(xlf, xml);

    const { code, out } = await cli(['merge', definitionPath, xlf]);
    assert.equal(code, 0);
    assert.match(out, /ar: .*: 7 units: 2 added, 0 changed, 0 unchanged, 5 without translation/);
    assert.match(
      out,
      /ar: created .*test-form\.ar\.json, referenced as "translations\/test-form\.ar\.json"/,
    );

    const file = join(dir, 'translations/test-form.ar.json');
    const text = readFileSync(file, 'utf8');
    assert.equal(
      text,
      `{\n  "/schema/title": "نموذج اختبار",\n  "/schema/properties/a~1b~0c/title": "اسم غريب"\n}\n`,
    );
    const meta = readJson(join(dir, 'translations/test-form.ar.meta.json'));
    assert.deepEqual(meta.sources, {
      '/schema/title': sourceHash('Testformular'),
      '/schema/properties/a~1b~0c/title': sourceHash('Seltsamer Name'),
    });

    // Only the translations member of the definition changed; the rest is byte for byte the same.
    const after = readFileSync(definitionPath, 'utf8');
    const expected = setTopLevelMember(DEFINITION_TEXT, 'translations', {
      en: { '/schema/title': 'Test form', '/schema/properties/name/title': 'Name' },
      fr: 'lang/fr.json',
      ar: 'translations/test-form.ar.json',
    });
    assert.equal(after, expected);
    assert.ok(
      after.startsWith(DEFINITION_TEXT.slice(0, DEFINITION_TEXT.indexOf('"translations"'))),
    );
  });

  it('merges into inline translations, in definition order, keeping what the file lacks', async () => {
    await cli(['extract', definitionPath, '-l', 'en']);
    const xlf = join(dir, 'translations/test-form.en.xlf');
    let xml = readFileSync(xlf, 'utf8');
    xml = translateUnit(xml, '/ui/name/ui:help', 'As in your passport');
    xml = translateUnit(xml, '/schema/title', 'Test form, revised');
    // A translator's file that no longer has the name unit must not remove its translation.
    xml = xml.replace(/<unit id=".schema.properties.name.title"[\s\S]*?<\/unit>\n/, '');
    writeFileSync(xlf, xml);
    const { code, out } = await cli(['merge', definitionPath, xlf]);
    assert.equal(code, 0);
    assert.match(out, /6 units: 1 added, 1 changed, 0 unchanged, 4 without translation/);
    const definition = readJson(definitionPath);
    assert.deepEqual(Object.entries(definition.translations.en), [
      ['/schema/title', 'Test form, revised'],
      ['/schema/properties/name/title', 'Name'],
      ['/ui/name/ui:help', 'As in your passport'],
    ]);
    assert.equal(definition.translations.fr, 'lang/fr.json');
  });

  it('merges into an existing URL file, keeping keys it does not know', async () => {
    await cli(['extract', definitionPath, '-l', 'fr']);
    const xlf = join(dir, 'translations/test-form.fr.xlf');
    writeFileSync(
      xlf,
      translateUnit(readFileSync(xlf, 'utf8'), '/schema/properties/status/oneOf/1/title', 'I grec'),
    );
    assert.equal((await cli(['merge', definitionPath, xlf])).code, 0);
    assert.deepEqual(readJson(join(dir, 'lang/fr.json')), {
      '/schema/properties/status/title': 'Statut',
      '/schema/properties/status/oneOf/1/title': 'I grec',
      '/schema/gone': 'Ancien',
    });
    assert.ok(
      readJson(join(dir, 'lang/fr.meta.json')).sources['/schema/properties/status/oneOf/1/title'],
    );
  });

  it('keeps hostile text exact through XLIFF and JSON', async () => {
    const hostile = '<script>alert("x")</script> & \'q\' \u202Eevil\u202C 👩‍👩‍👧 ]]> \u0001';
    await cli(['extract', definitionPath, '-l', 'ar']);
    const xlf = join(dir, 'translations/test-form.ar.xlf');
    const escaped = hostile
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace('\u202E', '&#x202E;')
      .replace('\u0001', '<cp hex="0001"/>');
    writeFileSync(xlf, translateUnit(readFileSync(xlf, 'utf8'), '/schema/title', escaped));
    assert.equal((await cli(['merge', definitionPath, xlf])).code, 0);
    assert.equal(readJson(join(dir, 'translations/test-form.ar.json'))['/schema/title'], hostile);
    // … and back out again.
    await cli(['extract', definitionPath, '-l', 'ar']);
    const again = readXliff(readFileSync(xlf, 'utf8'));
    assert.equal(again.units[0].target, hostile);
  });

  it('skips units that are not strings of the definition, with a warning', async () => {
    const xlf = join(dir, 'stray.xlf');
    writeFileSync(
      xlf,
      `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="ar"><file id="f">
<unit id="a" name="/schema/type"><segment><source>object</source><target>كائن</target></segment></unit>
<unit id="b" name="/schema/title"><segment state="translated"><source>Testformular</source><target>اختبار</target></segment></unit>
</file></xliff>`,
    );
    const { code, out, err } = await cli(['merge', definitionPath, xlf]);
    assert.equal(code, 0);
    assert.match(out, /2 units: 1 added, .*1 skipped/);
    assert.match(err, /\/schema\/type is not a translatable string of test-form; skipped/);
  });
});

describe('translations status', () => {
  it('reports coverage, missing and outdated strings', async () => {
    // fr: status title translated (no hash: unchecked), one unknown key.
    let result = await cli(['status', definitionPath]);
    assert.equal(result.code, 0);
    assert.match(result.out, /test-form .*: 7 translatable strings in de/);
    assert.match(result.out, /en +2\/7 +28\.5 % +inline +\(5 missing, 2 without source hash\)/);
    assert.match(
      result.out,
      /fr +1\/7 +14\.2 % +lang\/fr\.json +\(6 missing, 1 invalid, 1 without source hash\)/,
    );
    assert.match(
      result.out,
      /fr: invalid keys \(1\):\n {2}\/schema\/gone {2}\(no such place in the definition\)/,
    );
    assert.match(
      result.out,
      /en: missing \(5\):\n {2}\/schema\/properties\/a~1b~0c\/title {2}"Seltsamer Name"/,
    );

    // Translate everything for ar, then change a source text: that translation is outdated.
    await cli(['extract', definitionPath, '-l', 'ar']);
    const xlf = join(dir, 'translations/test-form.ar.xlf');
    let xml = readFileSync(xlf, 'utf8');
    for (const unit of readXliff(xml).units)
      xml = translateUnit(xml, unit.pointer, `ar: ${unit.source}`);
    writeFileSync(xlf, xml);
    await cli(['merge', definitionPath, xlf]);
    assert.equal((await cli(['status', definitionPath, '-l', 'ar', '--strict'])).code, 0);

    writeFileSync(
      definitionPath,
      readFileSync(definitionPath, 'utf8').replace('"Wie im Pass"', '"Wie im Reisepass"'),
    );
    result = await cli(['status', definitionPath, '-l', 'ar', '--strict']);
    assert.equal(result.code, 1);
    assert.match(result.out, /ar +6\/7 +85\.7 % .*\(1 outdated\)/);
    assert.match(
      result.out,
      /ar: outdated \(source text changed\) \(1\):\n {2}\/ui\/name\/ui:help {2}"Wie im Reisepass"/,
    );

    const json = JSON.parse((await cli(['status', definitionPath, '-l', 'ar', '--json'])).out);
    assert.deepEqual(json.locales[0].outdated, ['/ui/name/ui:help']);
    assert.equal(json.locales[0].percent, 85.7);

    // Re-extract: the old translation comes along, marked for review.
    await cli(['extract', definitionPath, '-l', 'ar']);
    xml = readFileSync(xlf, 'utf8');
    const unit = readXliff(xml).units.find((u) => u.pointer === '/ui/name/ui:help');
    assert.equal(unit?.state, 'initial');
    assert.equal(unit?.target, 'ar: Wie im Pass');
    assert.ok(xml.includes('The source text changed after this was translated.'));

    // Merging it back untouched leaves it outdated; confirming it (state translated) does not.
    await cli(['merge', definitionPath, xlf]);
    assert.equal((await cli(['status', definitionPath, '-l', 'ar', '--strict'])).code, 1);
    writeFileSync(xlf, translateUnit(xml, '/ui/name/ui:help', 'ar: Wie im Pass', 'translated'));
    await cli(['merge', definitionPath, xlf]);
    assert.equal((await cli(['status', definitionPath, '-l', 'ar', '--strict'])).code, 0);
  });

  it('marks a translation made from an older source text as outdated when merged', async () => {
    await cli(['extract', definitionPath, '-l', 'ar']);
    const xlf = join(dir, 'translations/test-form.ar.xlf');
    writeFileSync(xlf, translateUnit(readFileSync(xlf, 'utf8'), '/schema/title', 'قديم'));
    writeFileSync(
      definitionPath,
      readFileSync(definitionPath, 'utf8').replace('"Testformular"', '"Neues Formular"'),
    );
    const merged = await cli(['merge', definitionPath, xlf]);
    assert.match(merged.err, /1 translations were made for an older source text/);
    const json = JSON.parse((await cli(['status', definitionPath, '-l', 'ar', '--json'])).out);
    assert.deepEqual(json.locales[0].outdated, ['/schema/title']);
  });
});

describe('intake-elements bin', () => {
  it('exits 0 for help and successful commands', async () => {
    const cases = [
      ['--help'],
      ['translations', '--help'],
      ['translations', 'status', definitionPath],
    ];
    const results = await Promise.all(cases.map(bin));
    results.forEach((result, i) => assert.equal(result.code, 0, `${cases[i]}: ${result.stderr}`));
    assert.match(results[0].stdout, /translations +extract, check and merge translations/);
  });

  it('exits 2 for usage errors, with one line on stderr', async () => {
    const cases = [
      [],
      ['frobnicate'],
      ['../package'],
      ['translations'],
      ['translations', 'nope'],
      ['translations', 'status'],
      ['translations', 'status', definitionPath, '--bogus'],
      ['translations', 'extract', definitionPath, '--locales', 'de'],
      ['translations', 'extract', definitionPath, '--locales', '../etc'],
      ['translations', 'merge', definitionPath],
    ];
    const results = await Promise.all(cases.map(bin));
    results.forEach((result, i) => {
      const args = cases[i];
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      if (args.length > 1)
        assert.match(result.stderr, /^intake-elements: [^\n]+\n$/, args.join(' '));
    });
  });

  it('exits 1 for unreadable or invalid files and for --strict findings', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    writeFileSync(join(dir, 'not-form.json'), '[1, 2]');
    writeFileSync(join(dir, 'broken.xlf'), '<xliff version="2.0"><file>');
    writeFileSync(
      join(dir, 'bad-ref.json'),
      DEFINITION_TEXT.replace('"lang/fr.json"', '"https://example.org/fr.json"'),
    );
    const cases = [
      [['translations', 'status', 'missing.json'], /cannot read missing\.json: no such file/],
      [['translations', 'status', 'broken.json'], /broken\.json is not valid JSON/],
      [['translations', 'status', 'not-form.json'], /not-form\.json is not a form definition/],
      [
        ['translations', 'merge', 'test-form.json', 'broken.xlf'],
        /broken\.xlf is not valid XLIFF: Unclosed element <file>/,
      ],
      [
        ['translations', 'merge', 'test-form.json', 'nothing.xlf'],
        /cannot read nothing\.xlf: no such file/,
      ],
      [
        ['translations', 'status', 'bad-ref.json'],
        /only URLs relative to the definition can be read/,
      ],
      [['translations', 'status', 'test-form.json', '--strict'], /^$/],
    ];
    const results = await Promise.all(cases.map(([args]) => bin(/** @type {string[]} */ (args))));
    results.forEach((result, i) => {
      const [args, message] = cases[i];
      assert.equal(result.code, 1, `${args}: ${result.stderr}`);
      assert.match(result.stderr, /** @type {RegExp} */ (message));
      assert.ok(result.stderr.split('\n').length <= 2, 'one line');
    });
  });
});
