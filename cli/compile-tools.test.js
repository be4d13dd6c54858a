// `intake-elements compile` as it is used: on the react-jsonschema-form compat corpus, through
// the rollup plugin (an imported *.intake.json), and on the command line. The compiled module
// itself is checked in cli/compile.test.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import {
  assertAgreement,
  BIN,
  element,
  examplePath,
  FORBIDDEN,
  importModule,
  ROOT,
  temp,
} from '../test/helpers/compile-checks.js';
import { compileDefinition } from './lib/compile-definition.js';
import { SHELL_KEY } from './lib/compile-locations.js';
import { intakeDefinitions } from './lib/compile-rollup-plugin.js';

describe('the react-jsonschema-form compat corpus (test/fixtures/rjsf)', () => {
  const corpus = join(ROOT, 'test/fixtures/rjsf');
  const samples = existsSync(corpus)
    ? readdirSync(corpus)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];

  it(
    'compiles every sample ajv compiles, and agrees with the runtime on its data',
    { skip: samples.length === 0 && 'corpus not found' },
    async () => {
      let compared = 0;
      for (const name of samples) {
        const sample = JSON.parse(readFileSync(join(corpus, name), 'utf8'));
        const definition = { id: 'sample', version: '1', lang: 'en', schema: sample.schema };
        try {
          element.compileSchema(definition.schema);
        } catch {
          continue; // the element refuses it too
        }
        const compiled = await importModule(await compileDefinition(definition, { check: false }));
        assertAgreement(definition, compiled, [sample.formData ?? {}, {}]);
        compared += 1;
      }
      assert.ok(compared >= 40, `only ${compared} samples compared`);
    },
  );
});

describe('the rollup plugin', () => {
  it('turns an imported *.intake.json into the compiled module, translations into assets', async () => {
    const dir = join(temp, 'rollup');
    mkdirSync(join(dir, 'forms/translations'), { recursive: true });
    writeFileSync(join(dir, 'forms/ki.intake.json'), readFileSync(examplePath('ki-erstberatung')));
    writeFileSync(
      join(dir, 'forms/intake-definition.schema.json'),
      readFileSync(join(ROOT, 'schemas/intake-definition.schema.json')),
    );
    for (const locale of ['en', 'ar', 'fa', 'ru', 'tr', 'uk'])
      writeFileSync(
        join(dir, `forms/translations/ki-erstberatung.${locale}.json`),
        readFileSync(join(ROOT, `schemas/translations/ki-erstberatung.${locale}.json`)),
      );
    writeFileSync(
      join(dir, 'main.js'),
      "import form from './forms/ki.intake.json';\nexport default form;\n",
    );
    const bundle = await rollup({
      input: join(dir, 'main.js'),
      plugins: [intakeDefinitions()],
      logLevel: 'silent',
    });
    await bundle.write({ dir: join(dir, 'dist'), format: 'es' });
    await bundle.close();
    const source = readFileSync(join(dir, 'dist/main.js'), 'utf8');
    for (const pattern of FORBIDDEN.slice(0, 4)) assert.doesNotMatch(source, pattern);
    const compiled = (await import(pathToFileURL(join(dir, 'dist/main.js')).href)).default;
    assert.equal(typeof compiled.validators[SHELL_KEY], 'function');
    const arabic = fileURLToPath(compiled.translations.ar);
    assert.ok(existsSync(arabic), arabic);
    assert.deepEqual(
      JSON.parse(readFileSync(arabic, 'utf8')),
      JSON.parse(readFileSync(join(ROOT, 'schemas/translations/ki-erstberatung.ar.json'), 'utf8')),
    );
  });
});

describe('intake-elements compile (command line)', () => {
  it('writes <dir>/<id>.js and copies the translation files next to it', () => {
    const out = join(temp, 'cli-out');
    const result = spawnSync(
      process.execPath,
      [
        BIN,
        'compile',
        examplePath('ki-erstberatung'),
        examplePath('sprachkurs-anmeldung'),
        '-o',
        out,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(out, 'ki-erstberatung.js')));
    assert.ok(existsSync(join(out, 'sprachkurs-anmeldung.js')));
    assert.ok(existsSync(join(out, 'translations/ki-erstberatung.ar.json')));
    assert.match(result.stdout, /ki-erstberatung\.js \(\d+\.\d KB\) \+ 6 translation files/);
  });

  it('exits 1 with the pointers of the errors, 2 without -o', () => {
    const broken = join(ROOT, 'test/fixtures/broken-definitions/invalid-pattern-regex.json');
    const failed = spawnSync(
      process.execPath,
      [BIN, 'compile', broken, '-o', join(temp, 'never')],
      { encoding: 'utf8' },
    );
    assert.equal(failed.status, 1);
    assert.match(
      failed.stderr,
      /\/schema\/properties\/postalCode\/pattern: is not a valid regular expression/,
    );
    assert.ok(!existsSync(join(temp, 'never')));
    assert.equal(
      spawnSync(process.execPath, [BIN, 'compile', broken], { encoding: 'utf8' }).status,
      2,
    );
  });
});
