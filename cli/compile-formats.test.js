// The compiled module bundles only the format checks its validators use (cli/lib/compile-formats.js),
// and those judge values exactly as the element's and the receiver's ajv (all formats) does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { compileDefinition } from './lib/compile-definition.js';
import { createAjv } from './lib/compile-ajv.js';
import { formatsUsedBy, pickAjvFormats } from './lib/compile-formats.js';

const require = createRequire(import.meta.url);

/** Imports module source text as an ES module. */
async function importModule(source) {
  const url = `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
  return (await import(url)).default;
}

const VALUES = {
  date: ['2026-02-28', '2026-02-30', '2024-02-29', '2025-02-29', '28.02.2026'],
  'date-time': ['2026-12-05T06:00:00Z', '2026-12-05T25:00:00Z', '2026-12-05 06:00', '2026-12-05'],
  time: ['14:30', '14:30:15+01:00', '24:00', 'halb drei'],
  uri: ['https://example.org/a?b#c', 'mailto:a@b.de', '/relative', 'not a uri'],
  email: ['a@example.org', 'a@b', 'no-at-sign'],
  'data-url': ['data:text/plain;name=a.txt;base64,SGk=', 'data:,x', 'http://x'],
  ipv4: ['192.168.0.1', '256.1.1.1'],
};

const definition = {
  id: 'formats',
  schema: {
    type: 'object',
    properties: Object.fromEntries(
      Object.keys(VALUES).map((format) => [format, { type: 'string', format }]),
    ),
  },
};

describe('format checks in a compiled module', () => {
  it('judges every value as ajv with all formats does', async () => {
    const compiled = await importModule(await compileDefinition(definition, { check: false }));
    const ajv = createAjv('draft-07', { logger: false });
    for (const [format, values] of Object.entries(VALUES)) {
      const reference = ajv.compile({ type: 'string', format });
      for (const value of values) {
        const data = { [format]: value };
        const whole = compiled.validators['#shell'](data);
        const property = compiled.validators[`#property:${format}`](data);
        assert.equal(
          whole && property,
          reference(value),
          `${format} ${JSON.stringify(value)}: compiled says ${whole && property}`,
        );
      }
    }
  });

  it('bundles only the formats the validators look up', async () => {
    const only = (format) =>
      compileDefinition(
        { id: 'x', schema: { type: 'object', properties: { a: { type: 'string', format } } } },
        { check: false, minify: false },
      );
    const date = await only('date');
    assert.deepEqual(formatsUsedBy(date), ['date']);
    // The first-contact form uses `date` (and `email`, which ajv writes into the code): none of
    // ajv-formats' other checks are in its module.
    assert.doesNotMatch(date, /function uri\(|function byte\(|validateInt32|uri-template|ipv6/);
    assert.match(date, /function date\(/);
    const uri = await only('uri');
    assert.match(uri, /function uri\(/);
    assert.doesNotMatch(uri, /function date\(/);
    // An email check is a regular expression in the validator's code: nothing is looked up.
    assert.deepEqual(formatsUsedBy(await only('email')), []);
    // And a form of the examples' size saves most of ajv-formats' file.
    const example = JSON.parse(
      readFileSync(new URL('../schemas/ki-erstberatung.json', import.meta.url), 'utf8'),
    );
    const module = await compileDefinition(example, {
      path: new URL('../schemas/ki-erstberatung.json', import.meta.url).pathname,
    });
    assert.ok(!module.includes('uri-template'), 'no unused formats in the example module');
  });

  it('falls back to all of ajv-formats where its file is laid out otherwise', () => {
    const source = readFileSync(require.resolve('ajv-formats/dist/formats.js'), 'utf8');
    assert.ok(pickAjvFormats(source, ['date', 'uri']), 'the pinned ajv-formats is understood');
    assert.equal(
      pickAjvFormats(source.replaceAll('exports.fastFormats', 'exports.other'), ['date']),
      undefined,
    );
    assert.equal(pickAjvFormats(source, ['no-such-format']), undefined);
  });
});
