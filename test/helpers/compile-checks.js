// What the tests of `intake-elements compile` (cli/compile.test.js, cli/compile-tools.test.js)
// share: the example definitions, importing a compiled module as a browser would, what the
// module must never contain, and the check that the precompiled validators agree with ajv
// compiled at run time (src/validation/ajv-compiler.ts, loaded into Node).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadElementSource } from '../../cli/lib/compile-element-source.js';
import { differences, splitErrors } from './split-equivalence.js';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The command line, as installed. */
export const BIN = join(ROOT, 'bin/intake-elements.js');
/** A temporary folder of the test file, removed after it. */
export const temp = mkdtempSync(join(tmpdir(), 'intake-compile-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** @param {string} id */
export const examplePath = (id) => join(ROOT, `schemas/${id}.json`);
/** @param {string} id */
export const readExample = (id) => JSON.parse(readFileSync(examplePath(id), 'utf8'));

let counter = 0;
/**
 * Writes module source to a temporary file and imports it, as a browser would.
 * @param {string} source
 */
export async function importModule(source) {
  const file = join(temp, `module-${++counter}.js`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)).default;
}

/** What a grep of the module must not find. */
export const FORBIDDEN = [
  /\bnew\s+Function\b/,
  /\beval\s*\(/,
  /(^|[^.\w$])Function\s*\(/,
  /\brequire\s*\(/,
  /(^|[;}\s])import\s*[\s{*"'(]/m,
  /\bexport\s+[^d]/, // only `export default` (or `export { x as default }`)
];

/** Every `if` in a schema, found by a plain walk of the JSON (independent of the compiler's). */
export function ifLocations(node, location = '/schema', found = []) {
  if (typeof node !== 'object' || node === null) return found;
  for (const [key, value] of Object.entries(node)) {
    const here = `${location}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === 'if' && !Array.isArray(node)) found.push(here);
    if (!['enum', 'const', 'default', 'examples'].includes(key)) ifLocations(value, here, found);
  }
  return found;
}

/**
 * The element's own validation code (src/validation/), loaded into Node before the tests: a
 * live binding, set by the time any test runs.
 * @type {Awaited<ReturnType<typeof loadElementSource>>}
 */
export let element;
before(async () => {
  element = await loadElementSource();
});

/** The runtime and the precompiled validator of each compiled definition, made once. */
const validatorPairs = new WeakMap();

/**
 * Asserts that the compiled definition and the runtime compiler agree on `values`: the same
 * normalized errors for the whole value (see below), and from each part of the split; the same
 * answer at every location.
 */
export function assertAgreement(definition, compiled, values) {
  let pair = validatorPairs.get(compiled);
  if (!pair) {
    pair = {
      runtime: element.compileSchema(definition.schema),
      precompiled: element.precompiledValidator(compiled),
    };
    validatorPairs.set(compiled, pair);
  }
  const { runtime, precompiled } = pair;
  assert.equal(Boolean(precompiled.split), Boolean(runtime.split), 'both split, or neither');
  for (const value of values) {
    if (!runtime.split)
      assert.deepEqual(precompiled.validate(value), runtime.validate(value), JSON.stringify(value));
    else {
      // The runtime validates whole; the precompiled definition merges the split's errors: the
      // same errors and first error per pointer, pointers perhaps in another order.
      assert.deepEqual(
        differences(runtime.validate(value), precompiled.validate(value)),
        [],
        JSON.stringify(value),
      );
      assert.deepEqual(
        precompiled.validate(value),
        splitErrors(runtime.split, value, element.mergeErrors),
      );
      assert.deepEqual([...precompiled.split.properties], [...runtime.split.properties]);
      assert.deepEqual(precompiled.split.shell(value), runtime.split.shell(value));
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        for (const name of runtime.split.properties)
          if (Object.hasOwn(value, name))
            assert.deepEqual(
              precompiled.split.property(name, value[name]),
              runtime.split.property(name, value[name]),
              `${name}: ${JSON.stringify(value[name])}`,
            );
    }
    for (const location of Object.keys(compiled.validators).filter((key) => key[0] === '/')) {
      for (const data of [
        value,
        ...(typeof value === 'object' && value ? Object.values(value) : []),
      ]) {
        assert.equal(
          precompiled.matches(location, data),
          runtime.matches(location, data),
          `${location} ${JSON.stringify(data)}`,
        );
      }
    }
  }
}

/** Valid answers and, from each, a few broken ones. */
export function dataSet(valid) {
  const broken = [
    {},
    { ...valid, email: 'not an email' },
    { ...valid, birthDate: '1990-02-30' },
    { ...valid, consent: false },
    { ...valid, unexpected: 1 },
    { ...valid, address: { street: '', postalCode: '5066', city: 'Köln', extra: true } },
    { ...valid, residenceStatus: 'andere' },
    { ...valid, residenceStatus: 'duldung', permitExpiry: undefined },
    { ...valid, childcareNeeded: false },
    { ...valid, children: [{ age: 40, specialNeeds: true }] },
    { ...valid, attendedCourseBefore: false },
    { ...valid, preferredTimes: ['morning', 'morning'] },
    { ...valid, topics: [] },
    { ...valid, person: { givenName: 'A' } },
    { ...valid, householdMembers: [{ birthYear: 'x' }] },
    'a string',
    null,
  ];
  return [valid, ...broken.map((value) => JSON.parse(JSON.stringify(value ?? null)))];
}
