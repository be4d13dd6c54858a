// Reference numbers: format, alphabet, uniqueness, prefixes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
  defaultPrefix,
  isValidPrefix,
  newReference,
} from './references.js';
import { createReceiver } from './receiver.js';
import {
  KONTAKT,
  envelope,
  formsDir,
  kontaktData,
  storageTest,
  submit,
} from './testing/harness.js';

test('the alphabet has no 0/O and no 1/I/L, and nothing twice', () => {
  assert.equal(REFERENCE_ALPHABET.length, 31);
  assert.equal(new Set(REFERENCE_ALPHABET).size, 31);
  for (const confusable of '01OIL') assert.ok(!REFERENCE_ALPHABET.includes(confusable), confusable);
  assert.match(REFERENCE_ALPHABET, /^[2-9A-Z]+$/);
});

test('1000 references: the format, only the alphabet, all different, every character used', () => {
  const seen = new Set();
  const used = new Set();
  for (let i = 0; i < 1000; i++) {
    const reference = newReference('KI');
    assert.match(reference, /^KI-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    assert.match(reference, REFERENCE_PATTERN);
    seen.add(reference);
    for (const c of reference.slice(3).replace('-', '')) used.add(c);
  }
  assert.equal(seen.size, 1000);
  // 8000 draws from 31 characters: each one shows up (a fixed or biased generator would not).
  assert.equal(used.size, 31);
});

test('default prefixes come from the form id; prefixes are checked', () => {
  assert.equal(defaultPrefix('ki-erstberatung'), 'KI');
  assert.equal(defaultPrefix('sprachkurs-anmeldung'), 'SP');
  assert.equal(defaultPrefix('a-b'), 'AB');
  assert.equal(defaultPrefix('x'), 'X');
  assert.equal(defaultPrefix('--'), 'X');
  for (const ok of ['KI', 'A', 'SPK2', 'ABCDEF']) assert.ok(isValidPrefix(ok), ok);
  for (const bad of ['', 'ki', 'K-I', 'ABCDEFG', 'KÖ', undefined])
    assert.ok(!isValidPrefix(bad), bad);
  assert.throws(
    () => createReceiver({ formsDir: '.', dataDir: ':memory:', referencePrefix: 'k-i' }),
    /Reference prefix/,
  );
  assert.throws(
    () =>
      createReceiver({ formsDir: '.', dataDir: ':memory:', referencePrefix: { a: 'toolong1' } }),
    /Reference prefix/,
  );
});

storageTest('prefixes per form and for all forms', async (t, env) => {
  const dir = formsDir();
  const post = async (receiver, form, data) => {
    const response = await submit(receiver, form.id, envelope(form, data));
    assert.equal(response.status, 201);
    return (await response.json()).reference;
  };
  const defaults = await env.start({ formsDir: dir });
  assert.match(await post(defaults, KONTAKT, kontaktData()), /^KO-/);
  const perForm = await env.start({ formsDir: dir, referencePrefix: { kontakt: 'BUE' } });
  assert.match(await post(perForm, KONTAKT, kontaktData()), /^BUE-/);
  const global = await env.start({ formsDir: dir, referencePrefix: 'KI' });
  assert.match(await post(global, KONTAKT, kontaktData()), /^KI-/);
});
