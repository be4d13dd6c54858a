// Independent oracle for test/fixtures/rjsf-expected.json.
//
// For every RJSF playground sample in the compat corpus, compute the form state
// that react-jsonschema-form's <Form> builds on mount with default props, i.e.
// what @rjsf/core's Form constructor does:
//
//   schemaUtils = createSchemaUtils(validator, schema, experimental_defaultFormStateBehavior=undefined)
//   state.formData = schemaUtils.getDefaultFormState(schemaUtils.getRootSchema(), formData, false)
//
// which is getDefaultFormState(validator, rootSchema, formData, rootSchema,
// includeUndefinedValues=false, experimental_defaultFormStateBehavior=undefined).
// (createSchemaUtils also makes $refs absolute for 2020-12 root schemas, as the Form does.)
//
// Usage: node generate.js [compatDir]
//   compatDir defaults to <repoRoot>/test/fixtures/rjsf
//   output:    <repoRoot>/test/fixtures/rjsf-expected.json

import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import console from 'node:console';
import { fileURLToPath } from 'node:url';
import { createSchemaUtils, deepEquals } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const compatDir = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(repoRoot, 'test/fixtures/rjsf');
const outFile = path.resolve(repoRoot, 'test/fixtures/rjsf-expected.json');

const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

// What RJSF 6's <Form> passes when the prop is not set: nothing. The effective
// behaviour then is computeDefaults' own fallbacks, listed in README.md. Note
// that passing the *documented* defaults explicitly is NOT equivalent: e.g.
// `constAsDefaults: 'always'` makes a `const` override formData, while
// `undefined` does not.
const EXPERIMENTAL_DEFAULT_FORM_STATE_BEHAVIOR = undefined;

// The playground's default validator is `@rjsf/validator-ajv8`'s default
// export, i.e. customizeValidator(); 2020-12 schemas need the Ajv2020 class.
const draft07Validator = customizeValidator();
const ajv2020Validator = customizeValidator({ AjvClass: Ajv2020 });

function rjsfInitialFormState(schema, formData) {
  const validator =
    schema && schema.$schema === JSON_SCHEMA_2020_12 ? ajv2020Validator : draft07Validator;
  const schemaUtils = createSchemaUtils(
    validator,
    schema,
    EXPERIMENTAL_DEFAULT_FORM_STATE_BEHAVIOR,
  );
  return schemaUtils.getDefaultFormState(schemaUtils.getRootSchema(), formData, false);
}

// Recursively sort object keys so the fixture is stable across RJSF versions.
// Reports values that JSON cannot represent (undefined in arrays, NaN, ...).
function normalise(value, where, problems) {
  if (Array.isArray(value)) {
    return value.map((v, i) => {
      if (v === undefined) problems.push(`${where}/${i} is undefined`);
      return normalise(v, `${where}/${i}`, problems);
    });
  }
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] === undefined) continue; // as JSON.stringify would
      out[key] = normalise(value[key], `${where}/${key}`, problems);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    problems.push(`${where} is ${value}`);
  }
  if (typeof value === 'function' || typeof value === 'symbol') {
    problems.push(`${where} is a ${typeof value}`);
  }
  return value;
}

const files = readdirSync(compatDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
if (files.length === 0) {
  console.error(`no *.json samples in ${compatDir}`);
  process.exit(1);
}

// RJSF reports some recoverable problems (e.g. an allOf it cannot merge) with
// console.warn and carries on; keep them in the sample's note.
const rjsfWarnings = [];
const originalWarn = console.warn;
console.warn = (...args) => {
  rjsfWarnings.push(
    args
      .map((a) => (a instanceof Error ? a.message : String(a)))
      .join(' ')
      .split('\n')
      .filter((line) => !/^\s+at /.test(line))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
};

const result = {};
for (const file of files) {
  rjsfWarnings.length = 0;
  const sample = JSON.parse(readFileSync(path.join(compatDir, file), 'utf8'));
  const name = sample.name ?? path.basename(file, '.json');
  const entry = {};
  try {
    const expected = rjsfInitialFormState(
      sample.schema,
      JSON.parse(JSON.stringify(sample.formData ?? null)) ?? undefined,
    );
    const problems = [];
    const notes = [];
    if (expected === undefined) {
      notes.push("RJSF's initial form state is undefined");
    } else {
      entry.expected = normalise(expected, '', problems);
    }
    entry.formDataValid = sample.formDataValid;
    if (problems.length) notes.push(`not JSON-exact: ${problems.join('; ')}`);
    // Samples without formData in the playground source were written with
    // `{}`; say so when RJSF would start differently from `undefined`.
    if (/sets no formData/.test(String(sample.notes ?? ''))) {
      const fromUndefined = rjsfInitialFormState(sample.schema, undefined);
      if (!deepEquals(fromUndefined, expected)) {
        notes.push(
          `the sample sets no formData; computed from {} as in the corpus. ` +
            `From undefined RJSF would give ${JSON.stringify(normalise(fromUndefined, '', []))}`,
        );
      }
    }
    if (rjsfWarnings.length) {
      notes.push(`RJSF warned: ${[...new Set(rjsfWarnings)].join('; ')}`);
    }
    if (notes.length) entry.note = notes.join(' | ');
  } catch (err) {
    entry.error = err instanceof Error ? err.message : String(err);
    entry.formDataValid = sample.formDataValid;
  }
  result[name] = entry;
}

console.warn = originalWarn;

const text = JSON.stringify(result, null, 2) + '\n';
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, text);

const errored = Object.entries(result).filter(([, e]) => 'error' in e);
console.log(
  `${files.length} samples -> ${path.relative(process.cwd(), outFile)}` +
    (errored.length
      ? `; errors: ${errored.map(([n, e]) => `${n} (${e.error})`).join(', ')}`
      : '; no errors'),
);
