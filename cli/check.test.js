// `intake-elements check`: the broken-definitions corpus, the examples, false positives, the
// meta-schema for editors, exit codes and output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { checkFile, run } from './check.js';
import { checkDefinition } from './lib/check-definition.js';
import { MAX_CONTROLS } from './lib/check-limits.js';
import { jsonPositions } from './lib/check-positions.js';
import { loadElementSource } from './lib/compile-element-source.js';
import { META_SCHEMA_ID, readMetaSchema } from './lib/meta-schema.js';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/intake-elements.js');
const BROKEN = join(ROOT, 'test/fixtures/broken-definitions');
const EXAMPLES = ['ki-erstberatung', 'sprachkurs-anmeldung'].map((id) =>
  join(ROOT, `schemas/${id}.json`),
);
const expected = JSON.parse(readFileSync(join(BROKEN, 'expected.json'), 'utf8'));
const fixtures = Object.keys(expected).filter((name) => name !== '$comment');

const temp = mkdtempSync(join(tmpdir(), 'intake-check-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A small valid definition around a schema. */
function definition(schema, ui = {}, extra = {}) {
  return { id: 'test', version: '1', lang: 'en', schema, ui, ...extra };
}

/** Runs the command line; returns exit code and output. */
function cli(...args) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the broken-definitions corpus', () => {
  it('lists every file, and every listed file exists', () => {
    const files = readdirSync(BROKEN)
      .filter((name) => name.endsWith('.json') && name !== 'expected.json')
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
    assert.deepEqual([...fixtures].sort(), files);
    assert.ok(files.length >= 50, `only ${files.length} broken definitions`);
  });

  for (const name of fixtures) {
    it(`${name}: check reports exactly its one problem`, () => {
      const { problems } = checkFile(join(BROKEN, `${name}.json`));
      const want = expected[name].check;
      assert.deepEqual(
        problems.map((p) => ({ pointer: p.pointer, code: p.code, severity: p.severity })),
        [want],
        problems.map((p) => `${p.pointer}: ${p.message}`).join('\n'),
      );
      assert.ok(problems[0].message.length > 10);
    });
  }

  it('the element raises the listed DefinitionError for each (or accepts the definition)', async () => {
    const element = await loadElementSource();
    const warn = console.warn;
    console.warn = () => undefined; // ajv's "unknown format ignored"
    try {
      for (const name of fixtures) {
        const text = readFileSync(join(BROKEN, `${name}.json`), 'utf8');
        let verdict = null;
        let parsed;
        try {
          parsed = JSON.parse(text);
        } catch {
          verdict = { code: 'not-json' };
        }
        if (!verdict) {
          try {
            // What the element does with a raw definition (useDefinition in intake-form.ts).
            const checked = element.checkDefinition(parsed);
            element.checkDefinitionLimits(checked);
            const resolver = new element.SchemaResolver(
              checked.schema,
              element.referenceTable(checked.schema),
            );
            const problem = element.checkReferences(resolver);
            if (problem) throw problem;
            element.compileSchema(checked.schema);
          } catch (error) {
            verdict =
              error.pointer === undefined
                ? { code: error.code }
                : { code: error.code, pointer: error.pointer };
          }
        }
        assert.deepEqual(verdict, expected[name].element, name);
      }
    } finally {
      console.warn = warn;
    }
  });
});

describe('definitions without problems', () => {
  it('the example definitions have none', () => {
    for (const path of EXAMPLES) assert.deepEqual(checkFile(path).problems, [], path);
  });

  const valid = {
    'ui for fields of conditional branches, dependent schemas and alternatives': definition(
      {
        type: 'object',
        properties: { kind: { enum: ['a', 'b'] }, hasPet: { type: 'boolean' } },
        allOf: [
          {
            if: { properties: { kind: { const: 'a' } } },
            then: { properties: { aOnly: { type: 'string' } } },
          },
          {
            if: { properties: { kind: { const: 'b' } } },
            then: { properties: { bOnly: { type: 'string' } } },
            else: { properties: { notB: { type: 'string' } } },
          },
        ],
        dependentSchemas: { hasPet: { properties: { petName: { type: 'string' } } } },
        oneOf: [
          { properties: { mode: { const: 'post' }, street: { type: 'string' } } },
          { properties: { mode: { const: 'mail' }, email: { type: 'string', format: 'email' } } },
        ],
      },
      {
        'ui:order': ['kind', '*'],
        aOnly: { 'ui:help': 'x' },
        bOnly: { 'ui:help': 'x' },
        notB: { 'ui:help': 'x' },
        petName: { 'ui:autocomplete': 'off' },
        street: { 'ui:autocomplete': 'street-address' },
        email: { 'ui:autocomplete': 'email' },
        'ui:steps': [
          { title: 'One', fields: ['kind', 'aOnly', 'bOnly', 'notB'] },
          { title: 'Two', fields: ['hasPet', 'petName', 'mode', 'street', 'email'] },
        ],
      },
    ),
    'ui for array items, tuples and $ref targets; recursive schemas': definition(
      {
        type: 'object',
        $defs: {
          person: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              children: { type: 'array', items: { $ref: '#/$defs/person' } },
            },
          },
        },
        properties: {
          people: { type: 'array', items: { $ref: '#/$defs/person' } },
          pair: {
            type: 'array',
            prefixItems: [
              { type: 'string' },
              { type: 'object', properties: { x: { type: 'number' } } },
            ],
            minItems: 2,
          },
          boss: { $ref: '#/$defs/person' },
        },
      },
      {
        people: {
          items: {
            name: { 'ui:autocomplete': 'name' },
            children: { items: { name: { 'ui:help': 'x' } } },
          },
        },
        pair: { items: [{ 'ui:placeholder': 'a' }, { x: { 'ui:help': 'x' } }] },
        boss: { name: { 'ui:autocomplete': 'name' } },
      },
    ),
    'draft-07 with definitions, dependencies, $id and anchors': definition({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://forms.example.org/x.json',
      type: 'object',
      definitions: {
        address: { $id: '#address', type: 'object', properties: { city: { type: 'string' } } },
      },
      properties: {
        home: { $ref: '#address' },
        work: { $ref: 'x.json#/definitions/address' },
        a: { type: 'string' },
      },
      dependencies: { a: { properties: { b: { type: 'string' } } } },
    }),
    'translations for every kind of text': definition(
      {
        type: 'object',
        title: 'T',
        properties: { x: { type: 'string', title: 'X', oneOf: [{ const: 'a', title: 'A' }] } },
      },
      {
        x: { 'ui:help': 'H', 'ui:options': { errorMessages: { pattern: 'P' } } },
        'ui:steps': [{ title: 'S', fields: ['x'] }],
      },
      {
        translations: {
          de: {
            '/schema/title': 't',
            '/schema/properties/x/title': 'x',
            '/schema/properties/x/oneOf/0/title': 'a',
            '/ui/x/ui:help': 'h',
            '/ui/x/ui:options/errorMessages/pattern': 'p',
            '/ui/ui:steps/0/title': 's',
          },
        },
      },
    ),
    'every autocomplete form': definition(
      { type: 'object', properties: { a: {}, b: {}, c: {}, d: {}, e: {} } },
      {
        a: { 'ui:autocomplete': 'section-blue shipping postal-code' },
        b: { 'ui:autocomplete': 'billing work email' },
        c: { 'ui:autocomplete': 'mobile tel' },
        d: { 'ui:autocomplete': 'one-time-code' },
        e: { 'ui:autocomplete': 'username webauthn' },
      },
    ),
  };
  for (const [name, value] of Object.entries(valid)) {
    it(name, () => assert.deepEqual(checkDefinition(value), []));
  }
});

describe('limits', () => {
  /** A schema nested `levels` objects deep. */
  function nested(levels) {
    let schema = { type: 'string' };
    for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { a: schema } };
    return schema;
  }

  it("refuses definitions beyond the element's limits, which trusts compiled ones", async () => {
    const deep = checkDefinition(definition(nested(150)));
    assert.deepEqual(
      deep.map((p) => [p.code, p.severity]),
      [['too-deep', 'error']],
    );
    const many = checkDefinition(
      definition({
        type: 'object',
        properties: { c: { enum: Array.from({ length: 5001 }, (_, i) => i) } },
      }),
    );
    assert.deepEqual(
      many.map((p) => [p.code, p.pointer]),
      [['too-many-choices', '/schema/properties/c/enum']],
    );
    assert.deepEqual(checkDefinition(definition(nested(100))), []);
  });

  /** `count` text questions at the top level, each `{ type: "string" }`. */
  function questions(count) {
    const properties = {};
    for (let i = 0; i < count; i++) properties[`q${i}`] = { type: 'string' };
    return { type: 'object', properties };
  }

  it('refuses more controls at once than the element shows, in its words', () => {
    const problems = checkDefinition(definition(questions(MAX_CONTROLS + 1)));
    assert.deepEqual(
      problems.map((p) => [p.code, p.pointer, p.severity]),
      [['too-many-controls', '/schema', 'error']],
    );
    // The element's definition error says the same (src/core/control-count.js).
    assert.match(
      problems[0].message,
      /^The form needs more than 5000 controls at once \(5001 counted before \/q5000\)\./,
    );
    assert.deepEqual(checkDefinition(definition(questions(MAX_CONTROLS))), []);
    // Optional parts below the top level count as one "Add …" button each, as in the element.
    const sections = { type: 'object', properties: {} };
    for (let i = 0; i < 50; i++)
      sections.properties[`s${i}`] = {
        type: 'object',
        properties: { inner: questions(200) },
      };
    assert.deepEqual(checkDefinition(definition(sections)), []);
    sections.required = [];
    for (let i = 0; i < 50; i++) sections.properties[`s${i}`].required = ['inner'];
    assert.deepEqual(
      checkDefinition(definition(sections)).map((p) => p.code),
      ['too-many-controls'],
    );
  });

  it('check and compile exit 1 naming the limit for such a definition', () => {
    const file = join(temp, 'too-many-controls.json');
    writeFileSync(file, JSON.stringify(definition(questions(6000))));
    const checked = cli('check', file);
    assert.equal(checked.code, 1, checked.stdout + checked.stderr);
    assert.match(
      checked.stdout + checked.stderr,
      /\/schema: The form needs more than 5000 controls at once \(5001 counted before \/q5000\)/,
    );
    const out = join(temp, 'too-many-out');
    const compiled = cli('compile', file, '-o', out);
    assert.equal(compiled.code, 1, compiled.stdout + compiled.stderr);
    assert.match(compiled.stderr, /The form needs more than 5000 controls at once/);
    assert.ok(!existsSync(join(out, 'test.js')));
  });
});

describe('reporting', () => {
  it('lists every problem of a definition, not only the first', () => {
    const problems = checkDefinition(
      definition(
        {
          type: 'object',
          properties: { a: { type: 'strin' }, b: { pattern: '(' }, c: { $ref: '#/$defs/none' } },
        },
        { d: {}, a: { 'ui:wigdet': 'x' } },
        { titel: 'x', translations: { en: { '/schema/title': 'T' } } },
      ),
    );
    assert.deepEqual(problems.map((p) => p.pointer).sort(), [
      '/schema/properties/a/type',
      '/schema/properties/b/pattern',
      '/schema/properties/c/$ref',
      '/titel',
      '/translations/en/~1schema~1title',
      '/ui/a/ui:wigdet',
      '/ui/d',
    ]);
    assert.match(
      problems.find((p) => p.pointer === '/ui/a/ui:wigdet').message,
      /did you mean "ui:widget"/,
    );
  });

  it('finds translation keys pointing at nothing in translation files too', () => {
    const dir = join(temp, 'files');
    mkdirSync(join(dir, 'translations'), { recursive: true });
    const path = join(dir, 'form.json');
    writeFileSync(
      path,
      JSON.stringify(
        definition(
          { type: 'object', title: 'T' },
          {},
          { translations: { fr: 'translations/fr.json', ar: 'translations/ar.json' } },
        ),
      ),
    );
    writeFileSync(
      join(dir, 'translations/fr.json'),
      '{\n  "/schema/title": "T",\n  "/schema/description": "D"\n}\n',
    );
    const { problems } = checkFile(path);
    assert.deepEqual(
      problems.map((p) => [p.file?.endsWith('fr.json') ?? false, p.pointer, p.code, p.line]),
      [
        [false, '/translations/ar', 'translation-file-missing', 1],
        [true, '/~1schema~1description', 'translation-unknown-key', 3],
      ],
    );
  });

  it('gives line and column of each pointer', () => {
    const text = '{\n  "a": [1, {"b": "c"}],\n  "d~e": null\n}';
    const positions = jsonPositions(text);
    assert.deepEqual(positions.get('/a'), { line: 2, column: 3 });
    assert.deepEqual(positions.get('/a/1'), { line: 2, column: 12 });
    assert.deepEqual(positions.get('/a/1/b'), { line: 2, column: 13 });
    assert.deepEqual(positions.get('/d~0e'), { line: 3, column: 3 });
  });
});

describe('the meta-schema for editors', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addMetaSchema(
    JSON.parse(
      readFileSync(join(ROOT, 'node_modules/ajv/dist/refs/json-schema-draft-07.json'), 'utf8'),
    ),
  );
  const meta = readMetaSchema();
  const validate = ajv.compile(meta);

  it('is a strict 2020-12 schema with a stable $id, describing every key', () => {
    assert.equal(meta.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(meta.$id, META_SCHEMA_ID);
    for (const key of ['id', 'version', 'lang', 'schema', 'ui', 'translations', '$schema'])
      assert.ok(meta.properties[key], key);
    for (const key of [
      'ui:steps',
      'ui:autocomplete',
      'ui:review',
      'ui:confirmation',
      'ui:options',
      'ui:order',
      'ui:widget',
    ])
      assert.ok(meta.$defs.rootUi.properties[key], key);
    for (const key of [
      'accept',
      'maxSize',
      'errorMessages',
      'rows',
      'label',
      'addable',
      'removable',
      'orderable',
    ])
      assert.ok(meta.$defs.uiOptions.properties[key], key);
  });

  it('takes an encrypting definition with the public key and refuses one with the private key', () => {
    const key = { kty: 'RSA', kid: 'office-1', n: 'n'.repeat(342), e: 'AQAB' };
    const encrypting = (jwk) =>
      definition({ type: 'object', properties: {} }, {}, { encryption: { key: jwk } });
    assert.equal(validate(encrypting(key)), true, JSON.stringify(validate.errors));
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      assert.equal(validate(encrypting({ ...key, [member]: 'secret' })), false, member);
      assert.ok(
        validate.errors.some((e) => e.instancePath === `/encryption/key/${member}`),
        JSON.stringify(validate.errors),
      );
    }
  });

  it('the examples name it in "$schema" and pass it, including their schemas against the dialect meta-schema', () => {
    for (const path of EXAMPLES) {
      const value = JSON.parse(readFileSync(path, 'utf8'));
      assert.equal(value.$schema, './intake-definition.schema.json');
      assert.equal(validate(value), true, JSON.stringify(validate.errors));
    }
  });

  it('rejects, in the editor too, every broken definition whose problem is of the format', () => {
    for (const name of fixtures) {
      const { check } = expected[name];
      if (
        check.severity !== 'error' ||
        [
          'not-json',
          'not-object',
          'invalid-pattern',
          'unresolvable-ref',
          'cyclic-ref',
          'unsupported-dialect',
        ].includes(check.code)
      )
        continue;
      const value = JSON.parse(readFileSync(join(BROKEN, `${name}.json`), 'utf8'));
      assert.equal(validate(value), false, name);
    }
  });
});

describe('intake-elements check (command line)', () => {
  it('exits 0 and says so for good definitions', () => {
    const result = cli('check', ...EXAMPLES);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /ki-erstberatung\.json: no problems/);
  });

  it('exits 1 and lists file:line:column, severity, pointer and message', () => {
    const file = join(BROKEN, 'ui-key-for-missing-field.json');
    const result = cli('check', file);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /ui-key-for-missing-field\.json:\d+:\d+: warning: \/ui\/emial: "emial" is not a property .*did you mean "email"/,
    );
    assert.match(result.stdout, /1 problem \(0 errors, 1 warning\)/);
  });

  it('--json prints machine-readable results', async () => {
    const lines = [];
    const code = await run(['--json', join(BROKEN, 'cyclic-ref-pair.json'), EXAMPLES[0]], {
      out: (t) => lines.push(t),
      err: () => undefined,
    });
    assert.equal(code, 1);
    const [broken, good] = JSON.parse(lines.join('\n'));
    assert.equal(broken.problems[0].code, 'cyclic-ref');
    assert.deepEqual(good.problems, []);
  });

  it('exits 1 for a file that does not exist, 2 without arguments', () => {
    assert.equal(cli('check', join(temp, 'nope.json')).code, 1);
    assert.equal(cli('check').code, 2);
  });
});
