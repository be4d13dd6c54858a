// The inbox's cache of compiled validator modules (server/inbox/decrypt.js) stays small: a
// receiver that runs for months sees many versions of many forms, each under its own hash, and
// keeps only the modules used last. The module served is checked end to end in encrypted.test.js.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDefinition } from '../../cli/lib/compile-definition.js';
import { VALIDATOR_CACHE_SIZE, validatorCache } from './decrypt.js';

/** A small definition; each `n` is another version of the form, so another hash. */
const definition = (n) => ({
  id: 'sicher',
  version: String(n),
  lang: 'de',
  schema: {
    type: 'object',
    required: ['anliegen'],
    properties: { anliegen: { type: 'string', maxLength: 10 + n } },
  },
});

test('the cache keeps at most VALIDATOR_CACHE_SIZE compiled modules', async () => {
  assert.ok(VALIDATOR_CACHE_SIZE > 0 && VALIDATOR_CACHE_SIZE <= 64, 'a small number');
  const cache = validatorCache();
  // Real compiled modules, as the route keeps them (a few KiB each).
  const sources = [];
  for (let n = 0; n < 3; n++) sources.push(await compileDefinition(definition(n)));
  const total = VALIDATOR_CACHE_SIZE * 3;
  for (let n = 0; n < total; n++) {
    cache.set(`hash-${n}`, sources[n % sources.length]);
    assert.ok(cache.size <= VALIDATOR_CACHE_SIZE, `${cache.size} kept after ${n + 1} definitions`);
  }
  assert.equal(cache.size, VALIDATOR_CACHE_SIZE);
  // The newest are there, the oldest were dropped.
  assert.equal(cache.get(`hash-${total - 1}`), sources[(total - 1) % sources.length]);
  assert.equal(cache.get('hash-0'), undefined);
  assert.equal(cache.get(`hash-${total - VALIDATOR_CACHE_SIZE - 1}`), undefined);
});

test('a module in use stays; the one used least recently goes first', () => {
  const cache = validatorCache(3);
  cache.set('a', 'module a');
  cache.set('b', 'module b');
  cache.set('c', 'module c');
  // Decrypting against form "a" again makes it the most recently used.
  assert.equal(cache.get('a'), 'module a');
  cache.set('d', 'module d');
  assert.equal(cache.size, 3);
  assert.equal(cache.get('b'), undefined, 'b was used least recently');
  assert.equal(cache.get('a'), 'module a');
  assert.equal(cache.get('c'), 'module c');
  assert.equal(cache.get('d'), 'module d');
  // Setting a hash again replaces its module and does not grow the cache.
  cache.set('d', 'module d, again');
  assert.equal(cache.size, 3);
  assert.equal(cache.get('d'), 'module d, again');
});
