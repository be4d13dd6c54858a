// Compiled modules carry the validation split by root property (src/validation/precompiled.ts):
// the shell and one validator per root property instead of the whole schema's, each property's
// code once; modules compiled before the split still work; the compiler lays out the split with
// the element's own module (src/core/split-schema.js, through compile-ajv.js `splitDocument`).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateForm } from '../bench/generate-form.js';
import { differences, EDGE_CASES, EXAMPLE_DATA } from '../test/helpers/split-equivalence.js';
import { compileDefinition } from './lib/compile-definition.js';
import { splitDocument } from './lib/compile-ajv.js';
import { loadElementSource } from './lib/compile-element-source.js';
import {
  PROPERTY_KEY_PREFIX,
  propertyKey,
  SHELL_KEY,
  validatorLocations,
  WHOLE_KEY,
} from './lib/compile-locations.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'intake-split-'));
after(() => rmSync(temp, { recursive: true, force: true }));

let counter = 0;
/** Imports module source as a browser would. @param {string} source */
async function importModule(source) {
  const file = join(temp, `module-${++counter}.js`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)).default;
}

/** @param {Record<string, unknown>} schema */
const definitionOf = (schema, id = 'split') => ({ id, version: '1', lang: 'en', schema });

/** @type {Awaited<ReturnType<typeof loadElementSource>>} */
let element;
before(async () => {
  element = await loadElementSource();
});

const brief = (errors) => errors.map((e) => `${e.pointer} ${e.keyword}`);

describe('the compiled module', () => {
  it('has the shell, one validator per root property, and the locations — not the whole', async () => {
    const definition = JSON.parse(readFileSync(join(ROOT, 'schemas/sprachkurs-anmeldung.json')));
    const compiled = await importModule(await compileDefinition(definition, { check: false }));
    const names = Object.keys(definition.schema.properties);
    assert.ok(names.length > 10);
    assert.deepEqual(Object.keys(compiled.validators), [
      SHELL_KEY,
      ...names.map(propertyKey),
      ...validatorLocations(definition.schema).filter((key) => key !== WHOLE_KEY),
    ]);
    assert.equal(element.isCompiledDefinition(compiled), true);
    const validator = element.precompiledValidator(compiled);
    assert.deepEqual([...validator.split.properties], names);
    assert.deepEqual(validator.validate(EXAMPLE_DATA['sprachkurs-anmeldung']), []);
    // A property's validator reads only its own property of what it is given.
    const check = compiled.validators[propertyKey('email')];
    assert.equal(check({ email: 'x', givenName: 5 }), false);
    assert.deepEqual(
      check.errors.map((e) => [e.instancePath, e.keyword]),
      [['/email', 'format']],
    );
    assert.equal(check({ givenName: 5 }), true, 'no email: nothing to check');
  });

  it('carries each property’s code once: the whole schema’s code, cut apart', async () => {
    const { schema } = generateForm(50);
    const split = await compileDefinition(definitionOf(schema, 'bench-50'), { minify: false });
    // The same schema, unsplittable: `$dynamicRef` makes the compiler fall back to the whole.
    const whole = await compileDefinition(
      definitionOf({ ...schema, $defs: { x: { $dynamicRef: '#x' } } }, 'bench-50'),
      { minify: false },
    );
    /** Every error the code can report, by schema path, counted. */
    const reported = (source) => {
      const counts = new Map();
      for (const [, path] of source.matchAll(/schemaPath: "([^"]*)"/g))
        counts.set(path, (counts.get(path) ?? 0) + 1);
      return counts;
    };
    const inSplit = reported(split);
    assert.ok(inSplit.size > 100, `${inSplit.size} schema paths`);
    assert.deepEqual(inSplit, reported(whole));
    // One function per validator: the shell and five groups (the whole module: one).
    assert.equal(split.match(/^function validate\d+\(/gm).length, 6);
    assert.equal(whole.match(/^function validate\d+\(/gm).length, 1);
  });

  it('is no bigger than a few hundred bytes per property beside the whole schema’s', async () => {
    const { schema } = generateForm(200);
    const split = await compileDefinition(definitionOf(schema, 'bench-200'));
    // The same schema, unsplittable: `$dynamicRef` makes the compiler fall back to the whole.
    const whole = await compileDefinition(
      definitionOf({ ...schema, $defs: { x: { $dynamicRef: '#x' } } }, 'bench-200'),
    );
    assert.match(whole, /"\/schema":/);
    assert.doesNotMatch(split, /"\/schema":/);
    const properties = Object.keys(schema.properties).length;
    assert.ok(
      split.length - whole.length < properties * 400,
      `${split.length} bytes split, ${whole.length} whole`,
    );
  });

  it('compiles the whole schema where the root has no properties or cannot be split', async () => {
    for (const schema of [
      { type: 'array', items: { type: 'string' } },
      { type: 'object', minProperties: 1, if: { required: ['a'] }, then: { required: ['b'] } },
      {
        $id: 'https://forms.example.org/tree.json',
        $dynamicAnchor: 'node',
        type: 'object',
        properties: { children: { type: 'array', items: { $dynamicRef: '#node' } } },
      },
    ]) {
      const compiled = await importModule(await compileDefinition(definitionOf(schema)));
      const keys = Object.keys(compiled.validators);
      assert.equal(keys[0], WHOLE_KEY, JSON.stringify(schema));
      assert.ok(!keys.some((key) => key.startsWith('#')), keys.join(' '));
      const validator = element.precompiledValidator(compiled);
      assert.equal(validator.split, undefined);
      const runtime = element.compileSchema(schema);
      assert.equal(runtime.split, undefined);
      for (const value of [{}, { a: 1 }, [], { children: [{ children: 1 }] }])
        assert.deepEqual(validator.validate(value), runtime.validate(value));
    }
  });

  it('keys a property by its name as it is: /, ~, __proto__, constructor', async () => {
    const schema = EDGE_CASES.find((edge) => edge.name.startsWith('property names')).schema;
    const source = await compileDefinition(definitionOf(schema), { check: false });
    const compiled = await importModule(source);
    assert.deepEqual(
      Object.keys(compiled.validators).filter((key) => key.startsWith(PROPERTY_KEY_PREFIX)),
      ['a/b', '~x', '__proto__', 'constructor', 'toString'].map(propertyKey),
    );
    assert.equal(Object.getPrototypeOf(compiled.validators), Object.prototype);
    const validator = element.precompiledValidator(compiled);
    assert.deepEqual(brief(validator.split.property('a/b', 'a')), ['/a~1b minLength']);
    assert.deepEqual(brief(validator.split.property('~x', 'y')), ['/~0x type']);
    assert.deepEqual(brief(validator.split.property('constructor', 1)), ['/constructor type']);
  });
});

describe('a module compiled before the split', () => {
  it('validates with the whole schema’s validator, without split, as the runtime does', async () => {
    const legacy = (
      await import(pathToFileURL(join(ROOT, 'test/fixtures/compiled/legacy-form.0.1.0.js')).href)
    ).default;
    assert.ok(typeof legacy.validators[WHOLE_KEY] === 'function');
    assert.equal(legacy.validators[SHELL_KEY], undefined);
    assert.equal(element.isCompiledDefinition(legacy), true);
    const validator = element.precompiledValidator(legacy);
    assert.equal(validator.split, undefined);
    const definition = JSON.parse(
      readFileSync(join(ROOT, 'test/fixtures/definitions/legacy-form.json'), 'utf8'),
    );
    assert.deepEqual(legacy.schema, definition.schema, 'the fixture is the JSON compiled');
    const runtime = element.compileSchema(definition.schema);
    const recompiled = element.precompiledValidator(
      await importModule(await compileDefinition(definition)),
    );
    for (const value of [
      {},
      { name: 'A', kind: 'company', contact: {}, extra: 1, address: { postalCode: '1' } },
      { name: 'Al', contact: { email: 'a@b.de', phone: '1' }, 'a/b': -1 },
      { name: 'Al', contact: { email: 'a@b.de' } },
      'text',
    ]) {
      const errors = validator.validate(value);
      assert.deepEqual(differences(errors, runtime.validate(value)), [], JSON.stringify(value));
      assert.deepEqual(
        differences(recompiled.validate(value), runtime.validate(value)),
        [],
        JSON.stringify(value),
      );
    }
    assert.equal(validator.matches('/schema/if', { kind: 'company' }), true);
    assert.equal(validator.matches('/schema/if', { kind: 'private' }), false);
  });
});

describe('splitDocument in compile-ajv.js', () => {
  it('puts the shell and the wrappers beside the root’s keywords, leaving the root as it was', () => {
    const schema = {
      $id: 'https://forms.example.org/a.json',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { x: { $id: 'x.json' } },
      $anchor: 'top',
      type: 'object',
      required: ['a'],
      properties: { a: { $ref: 'x.json' }, b: { type: 'string' } },
      'x-intake-elements-split': 'taken',
    };
    const before = JSON.stringify(schema);
    const split = splitDocument(schema);
    assert.equal(JSON.stringify(schema), before);
    const keyword = 'x-intake-elements-split_';
    assert.equal(split.shell, `/${keyword}/0`);
    assert.deepEqual(split.wrappers, [`/${keyword}/1`, `/${keyword}/2`]);
    assert.deepEqual(split.properties, ['a', 'b']);
    assert.deepEqual(split.document[keyword], [
      {
        type: 'object',
        required: ['a'],
        properties: { a: true, b: true },
        'x-intake-elements-split': 'taken',
      },
      { properties: { a: { $ref: 'x.json' } } },
      { properties: { b: { type: 'string' } } },
    ]);
    // The wrappers hold the root's own property schemas (nothing is copied).
    assert.equal(split.document[keyword][1].properties.a, schema.properties.a);
  });
});
