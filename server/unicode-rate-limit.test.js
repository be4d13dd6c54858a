// Lone surrogates in strings are refused (422 at their pointer, nothing stored); the rate limit
// counts an IPv6 client by its /64.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateLimitKey } from './rate-limit.js';
import { lonelySurrogates } from './well-formed.js';
import { KONTAKT, envelope, kontaktData, records, storageTest, submit } from './testing/harness.js';

test('lonelySurrogates finds lone surrogates in values and names, not in pairs', () => {
  assert.deepEqual(lonelySurrogates({ a: 'Grüße 😀 \ud83d\ude00', b: ['x'] }), []);
  assert.deepEqual(
    lonelySurrogates({
      a: 'x\ud800',
      b: [{ c: '\udfff' }],
      ['k\ud83d']: 'v',
      d: '\ude00\ud83d',
    })
      .map((e) => e.pointer)
      .sort(),
    ['/a', '/b/0/c', '/d', '/k\ud83d'],
  );
});

storageTest('a lone surrogate in data is refused with 422 at its pointer', async (t, env) => {
  const receiver = await env.start();
  // Written as JSON escapes, as a hand-made request would carry them.
  const body = JSON.stringify(envelope(KONTAKT, kontaktData({ name: 'Ana NAME' }))).replace(
    'NAME',
    '\\ud800',
  );
  assert.ok(body.includes('\\ud800'));
  const response = await submit(receiver, 'kontakt', body);
  assert.equal(response.status, 422);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const problem = await response.json();
  assert.equal(problem.type, 'urn:intake-elements:problem:invalid-data');
  assert.deepEqual(
    problem.errors.map((e) => [e.pointer, e.keyword]),
    [['/name', 'unicode']],
  );
  const nested = JSON.stringify(envelope(KONTAKT, kontaktData())).replace('Xaverine', 'X\\udc00');
  const second = await (await submit(receiver, 'kontakt', nested)).json();
  assert.deepEqual(
    second.errors.map((e) => e.pointer),
    ['/children/0/givenName'],
  );
  assert.equal((await records(receiver)).length, 0);

  // A proper pair (an emoji written as escapes) is fine.
  const pair = JSON.stringify(envelope(KONTAKT, kontaktData({ name: 'Ana NAME' }))).replace(
    'NAME',
    '\\ud83d\\ude00',
  );
  assert.equal((await submit(receiver, 'kontakt', pair)).status, 201);
  const [row] = await records(receiver);
  assert.equal(JSON.parse(row.envelope).data.name, 'Ana 😀');
});

test('rateLimitKey: IPv6 by /64, IPv4 (also IPv4-mapped) as it is', () => {
  assert.equal(rateLimitKey('192.0.2.7'), '192.0.2.7');
  assert.equal(rateLimitKey('::ffff:192.0.2.7'), '192.0.2.7');
  assert.equal(rateLimitKey('::ffff:c000:207'), '192.0.2.7');
  assert.equal(rateLimitKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
  assert.equal(rateLimitKey('2001:DB8:1:2::1'), '2001:db8:1:2::/64');
  assert.equal(rateLimitKey('2001:db8:1:2::1%eth0'), '2001:db8:1:2::/64');
  assert.equal(rateLimitKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.notEqual(rateLimitKey('2001:db8:1:3::1'), rateLimitKey('2001:db8:1:2::1'));
  assert.equal(rateLimitKey('::1'), '0:0:0:0::/64');
  assert.equal(rateLimitKey('unknown'), 'unknown');
});

storageTest('the rate limit counts a /64 as one client', async (t, env) => {
  const receiver = await env.start({ rateLimit: { perMinute: 1 }, trustProxy: true });
  const from = (address) =>
    submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()), {
      headers: { 'X-Forwarded-For': address },
    });
  assert.equal((await from('2001:db8:1:2::1')).status, 201);
  // Another address in the same /64: the same client.
  const limited = await from('2001:db8:1:2:ffff:ffff:ffff:fffe');
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  // The neighbouring /64 is someone else.
  assert.equal((await from('2001:db8:1:3::1')).status, 201);
  // IPv4 and its IPv4-mapped spelling are one client.
  assert.equal((await from('192.0.2.7')).status, 201);
  assert.equal((await from('::ffff:192.0.2.7')).status, 429);
});
