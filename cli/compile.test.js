// `intake-elements compile`: the compiled module is self-contained and eval-free, carries a
// validator for every location the form matches, and judges data exactly as ajv compiled at run
// time in the browser does (src/validation/ajv-compiler.ts, loaded into Node).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { KI_ANSWERS, SPRACHKURS_ANSWERS_WITH_NEEDS } from '../test/helpers/example-answers.js';
import {
  assertAgreement,
  dataSet,
  element,
  examplePath,
  FORBIDDEN,
  ifLocations,
  importModule,
  readExample,
  ROOT,
} from '../test/helpers/compile-checks.js';
import { compileDefinition, CompileError } from './lib/compile-definition.js';
import { propertyKey, SHELL_KEY, validatorLocations, WHOLE_KEY } from './lib/compile-locations.js';
import { getAtPointer } from './lib/json-pointer.js';
import { referenceTable } from '../src/core/schema-references.js';

for (const id of ['sprachkurs-anmeldung', 'ki-erstberatung']) {
  describe(`the compiled ${id}`, () => {
    const definition = readExample(id);
    /** @type {string} */
    let source;
    /** @type {any} */
    let compiled;
    before(async () => {
      source = await compileDefinition(definition, { path: examplePath(id) });
      compiled = await importModule(source);
    });

    it('is one self-contained ES module: no require, no import, no eval, no new Function', () => {
      for (const pattern of FORBIDDEN) assert.doesNotMatch(source, pattern);
      assert.match(source, /export\s*\{\s*\w+ as default\s*\}|export default/);
    });

    it('exports the definition itself plus validators: the shell and one per property', () => {
      const { validators, refs, ...rest } = compiled;
      assert.deepEqual(rest, definition);
      // Where each `$ref` leads, as the element would work it out for the raw definition.
      assert.ok(Object.keys(refs).length > 0);
      assert.deepEqual(refs, referenceTable(definition.schema));
      for (const [site, target] of Object.entries(refs)) {
        const holder = getAtPointer(definition, site);
        assert.equal(holder.$ref, `#${target.slice('/schema'.length)}`, site);
      }
      assert.equal(typeof validators[SHELL_KEY], 'function');
      for (const name of Object.keys(definition.schema.properties))
        assert.equal(typeof validators[propertyKey(name)], 'function', name);
      assert.equal(validators[WHOLE_KEY], undefined, 'not the whole schema besides');
    });

    it('has a validator for every `if` (and only for locations of the schema)', () => {
      const ifs = ifLocations(definition.schema);
      assert.ok(ifs.length > 0 || id === 'ki-erstberatung');
      for (const location of ifs)
        assert.equal(typeof compiled.validators[location], 'function', location);
      const locations = Object.keys(compiled.validators).filter((key) => !key.startsWith('#'));
      for (const location of locations) assert.match(location, /^\/schema\//);
      assert.deepEqual(Object.keys(compiled.validators), [
        SHELL_KEY,
        ...Object.keys(definition.schema.properties).map(propertyKey),
        ...validatorLocations(definition.schema).filter((location) => location !== WHOLE_KEY),
      ]);
    });

    it('agrees with ajv compiled at run time on valid and invalid data', () => {
      assertAgreement(
        definition,
        compiled,
        dataSet(id === 'ki-erstberatung' ? KI_ANSWERS : SPRACHKURS_ANSWERS_WITH_NEEDS),
      );
      assert.deepEqual(
        element
          .precompiledValidator(compiled)
          .validate(id === 'ki-erstberatung' ? KI_ANSWERS : SPRACHKURS_ANSWERS_WITH_NEEDS),
        [],
      );
    });

    it('agrees with ajv compiled at run time on generated data', () => {
      const valid = id === 'ki-erstberatung' ? KI_ANSWERS : SPRACHKURS_ANSWERS_WITH_NEEDS;
      const leaf = fc.oneof(
        fc.constantFrom(...Object.values(valid).filter((v) => typeof v !== 'object')),
        fc.constantFrom(
          '',
          'x',
          '2024-02-29',
          '2023-02-29',
          'a@b.de',
          '50667',
          'andere',
          'duldung',
          true,
          false,
          0,
          3,
          -1,
          1.5,
          null,
        ),
        fc.string({ maxLength: 8 }),
      );
      const field = fc.oneof(
        { weight: 4, arbitrary: leaf },
        { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) },
        {
          weight: 1,
          arbitrary: fc.dictionary(
            fc.constantFrom('age', 'street', 'postalCode', 'city', 'givenName', 'specialNeeds'),
            leaf,
            { maxKeys: 3 },
          ),
        },
      );
      const keys = [
        ...Object.keys(valid),
        'permitExpiry',
        'residenceStatusOther',
        'childrenCount',
        'children',
      ];
      const value = fc
        .record(Object.fromEntries(keys.map((key) => [key, field])), { requiredKeys: [] })
        .map((generated) => ({ ...valid, ...generated }));
      fc.assert(
        fc.property(value, (data) => {
          assertAgreement(definition, compiled, [JSON.parse(JSON.stringify(data))]);
        }),
        { numRuns: 300 },
      );
    });

    it('is the same every time (deterministic output)', async () => {
      assert.equal(await compileDefinition(definition, { path: examplePath(id) }), source);
    });
  });
}

describe('compiling other schemas', () => {
  it('uses the element\u2019s formats: the relaxed time, data-url, color, and ajv-formats\u2019 full ones', async () => {
    const definition = {
      id: 'formats',
      version: '1',
      lang: 'en',
      schema: {
        type: 'object',
        properties: Object.fromEntries(
          ['time', 'date', 'date-time', 'email', 'uri', 'color', 'data-url', 'uuid', 'ipv4'].map(
            (f) => [f, { type: 'string', format: f }],
          ),
        ),
      },
    };
    const compiled = await importModule(await compileDefinition(definition));
    const values = [
      { time: '14:30', color: '#00aa11', 'data-url': 'data:text/plain;name=a.txt;base64,SGk=' },
      { time: '25:00' },
      { time: '14:30:00+01:00', date: '2024-02-29', 'date-time': '2024-02-29T10:00:00Z' },
      { date: '2023-02-29', 'date-time': '2024-02-29 10:00', email: 'a@b', uri: 'relative/path' },
      { color: 'red', 'data-url': 'hello', uuid: 'x', ipv4: '256.1.1.1' },
      {
        uri: 'https://example.org/a?b#c',
        uuid: '123e4567-e89b-12d3-a456-426614174000',
        ipv4: '10.0.0.1',
      },
    ];
    assertAgreement(definition, compiled, values);
    assert.equal(
      compiled.validators[propertyKey('time')]({ time: '14:30' }),
      true,
      'a wall-clock time is valid',
    );
  });

  it('draft-07: definitions, dependencies, tuple items, conditions inside definitions', async () => {
    const definition = {
      id: 'draft-07',
      version: '1',
      lang: 'en',
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        definitions: {
          pet: {
            type: 'object',
            properties: { kind: { enum: ['dog', 'cat'] }, name: { type: 'string' } },
            if: { properties: { kind: { const: 'dog' } } },
            then: { required: ['name'] },
          },
        },
        properties: {
          pets: { type: 'array', items: { $ref: '#/definitions/pet' } },
          pair: {
            type: 'array',
            items: [{ type: 'string' }, { type: 'integer' }],
            additionalItems: false,
          },
          a: { type: 'string' },
        },
        dependencies: {
          a: { properties: { b: { type: 'string', minLength: 2 } }, required: ['b'] },
        },
      },
    };
    const compiled = await importModule(await compileDefinition(definition));
    assert.ok(compiled.validators['/schema/definitions/pet/if']);
    assertAgreement(definition, compiled, [
      { pets: [{ kind: 'dog' }], pair: ['x', 1] },
      { pets: [{ kind: 'dog', name: 'Rex' }, { kind: 'cat' }], pair: ['x', 1, 2], a: 'x' },
      { a: 'x', b: 'yy' },
      { kind: 'dog' },
    ]);
  });

  it('object alternatives (oneOf/anyOf of objects) get validators, choice lists do not', async () => {
    const definition = {
      id: 'alternatives',
      version: '1',
      lang: 'en',
      schema: {
        $id: 'https://forms.example.org/alternatives.json',
        type: 'object',
        properties: {
          contact: {
            type: 'object',
            oneOf: [
              { properties: { email: { type: 'string', format: 'email' } }, required: ['email'] },
              {
                properties: { phone: { type: 'string', pattern: '^[0-9 ]+$' } },
                required: ['phone'],
              },
            ],
          },
          extra: {
            anyOf: [
              { $ref: '#/$defs/post' },
              { type: 'object', properties: { box: { type: 'integer' } } },
            ],
          },
          level: {
            oneOf: [
              { const: 'a', title: 'A' },
              { const: 'b', title: 'B' },
            ],
          },
          weird: { anyOf: [{ enum: ['x'] }, { const: 'y' }] },
        },
        $defs: {
          post: {
            type: 'object',
            properties: { street: { type: 'string' } },
            required: ['street'],
          },
        },
      },
    };
    const compiled = await importModule(await compileDefinition(definition));
    assert.deepEqual(Object.keys(compiled.validators), [
      SHELL_KEY,
      ...['contact', 'extra', 'level', 'weird'].map(propertyKey),
      '/schema/properties/contact/oneOf/0',
      '/schema/properties/contact/oneOf/1',
      '/schema/properties/extra/anyOf/0',
      '/schema/properties/extra/anyOf/1',
    ]);
    assertAgreement(definition, compiled, [
      { contact: { email: 'a@b.de' } },
      { contact: { phone: '0221 1' } },
      { contact: { phone: 'x', email: 'y' }, extra: { street: 'S' } },
      { extra: { box: 'no' }, level: 'c', weird: 'y' },
    ]);
  });

  it('keeps translation URLs, or inlines them', async () => {
    const definition = readExample('ki-erstberatung');
    const kept = await importModule(
      await compileDefinition(definition, { path: examplePath('ki-erstberatung') }),
    );
    assert.equal(kept.translations.ar, 'translations/ki-erstberatung.ar.json');
    const inlined = await importModule(
      await compileDefinition(definition, {
        path: examplePath('ki-erstberatung'),
        translations: 'inline',
      }),
    );
    assert.deepEqual(
      inlined.translations.ar,
      JSON.parse(readFileSync(join(ROOT, 'schemas/translations/ki-erstberatung.ar.json'), 'utf8')),
    );
    assert.deepEqual(
      inlined.translations.en,
      JSON.parse(readFileSync(join(ROOT, 'schemas/translations/ki-erstberatung.en.json'), 'utf8')),
    );
  });

  it('never turns definition data into code (comment breaks, __proto__ keys)', async () => {
    const definition = {
      id: 'data',
      version: '1\nglobalThis.injected = true;\u2028globalThis.injected = true;',
      lang: 'en',
      schema: {
        type: 'object',
        title: '*/ globalThis.injected = true; /*',
        properties: { __proto__: { type: 'string', title: '</script>' } },
      },
    };
    definition.schema.properties = JSON.parse('{"__proto__": {"type": "string"}}');
    const compiled = await importModule(await compileDefinition(definition, { check: false }));
    assert.equal(globalThis.injected, undefined);
    assert.equal(compiled.version, definition.version);
    assert.equal(compiled.schema.title, definition.schema.title);
    assert.deepEqual(Object.keys(compiled.schema.properties), ['__proto__']);
    assert.equal(Object.getPrototypeOf(compiled.schema.properties), Object.prototype);
    assertAgreement(definition, compiled, [JSON.parse('{"__proto__": 5}'), { a: 1 }]);
  });

  it('reads only own properties of the data, as the element does (constructor, toString)', async () => {
    const definition = {
      id: 'own',
      version: '1',
      lang: 'en',
      schema: {
        type: 'object',
        required: ['toString'],
        properties: { constructor: { type: 'string', minLength: 1 }, toString: { type: 'string' } },
        if: { required: ['constructor'] },
        then: { required: ['hasOwnProperty'] },
      },
    };
    const compiled = await importModule(await compileDefinition(definition, { check: false }));
    assertAgreement(definition, compiled, [
      {},
      { toString: 'x' },
      { constructor: '', toString: 'x' },
      { constructor: 'c', toString: 'x', hasOwnProperty: 1 },
    ]);
    assert.equal(compiled.validators[SHELL_KEY]({}), false, 'required toString is missing');
  });

  it('refuses a definition with errors, listing each with its pointer', async () => {
    const broken = JSON.parse(
      readFileSync(join(ROOT, 'test/fixtures/broken-definitions/unresolvable-ref.json'), 'utf8'),
    );
    await assert.rejects(compileDefinition(broken), (error) => {
      assert.ok(error instanceof CompileError);
      assert.deepEqual(
        error.problems.map((p) => p.pointer),
        ['/schema/properties/address/$ref'],
      );
      assert.match(error.message, /\/schema\/properties\/address\/\$ref/);
      return true;
    });
  });
});
