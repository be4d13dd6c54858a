// scripts/serve-demo.js: one process serving the demo's files and the receiver, with its CSP.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BUILDER_CSP, CSP, startDemoServer } from '../scripts/serve-demo.js';
import { startReceiver } from './index.js';
import { cacheControl } from './static-cache.js';
import { rawRequest, submit } from './testing/harness.js';

async function demo(t) {
  const logs = [];
  const server = startDemoServer({ port: 0, host: '127.0.0.1', log: (line) => logs.push(line) });
  await once(server, 'listening');
  t.after(() => server.close());
  return { url: `http://127.0.0.1:${server.address().port}`, logs };
}

test('the demo page, its folders, and nothing else', async (t) => {
  const { url, logs } = await demo(t);

  const index = await fetch(`${url}/`);
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(index.headers.get('content-security-policy'), CSP);
  // The demo loads compiled definitions: no eval, and Trusted Types for Lit's policy only.
  assert.match(CSP, /script-src 'self';/);
  assert.doesNotMatch(CSP, /unsafe-eval/);
  assert.match(CSP, /trusted-types lit-html/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  // The builder compiles in the browser (ajv): its pages, and only they, allow eval.
  for (const path of ['/builder/', '/builder/builder.js']) {
    const builder = await fetch(`${url}${path}`);
    assert.equal(builder.status, 200, path);
    assert.equal(builder.headers.get('content-security-policy'), BUILDER_CSP, path);
  }
  assert.match(BUILDER_CSP, /unsafe-eval/);
  assert.equal(
    await index.text(),
    readFileSync(new URL('../demo/index.html', import.meta.url), 'utf8'),
  );
  assert.equal((await fetch(`${url}/index.html`)).status, 200);

  const script = await fetch(`${url}/demo/demo.js`);
  assert.equal(script.status, 200);
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  const definition = await fetch(`${url}/schemas/ki-erstberatung.json`);
  assert.equal(definition.headers.get('content-type'), 'application/json');
  assert.equal((await definition.json()).id, 'ki-erstberatung');

  const head = await fetch(`${url}/demo/demo.js`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
  assert.equal((await fetch(`${url}/favicon.ico`)).status, 204);
  assert.equal((await fetch(`${url}/demo/demo.js`, { method: 'POST' })).status, 405);

  for (const path of ['/package.json', '/src/index.ts', '/demo/', '/demo/.hidden', '/nope/x.js']) {
    assert.equal((await fetch(`${url}${path}`)).status, 404, path);
  }
  // Sent as written (fetch would resolve the dots itself).
  for (const path of ['/demo/../package.json', '/demo/%2e%2e/package.json', '/demo/a%5c..%5cb']) {
    assert.equal((await rawRequest(url, { path })).status, 400, path);
  }
  assert.ok(logs.every((line) => JSON.parse(line).route !== undefined || JSON.parse(line).level));
});

test('the demo accepts submissions in memory, with KI references (sprachkurs-anmeldung: staff-summary.test.js)', async (t) => {
  const { url } = await demo(t);
  const receiver = { url };
  const response = await submit(receiver, 'ki-erstberatung', {
    form: { id: 'ki-erstberatung', version: '2026-11-01' },
    locale: 'de',
    submittedAt: '2026-11-25T10:00:00.000Z',
    data: {
      person: { givenName: 'Amina', familyName: 'Haddad' },
      email: 'amina@example.org',
      topics: ['housing'],
      consent: true,
    },
  });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('content-security-policy'), CSP);
  assert.match((await response.json()).reference, /^KI-/);
  // The old loopback staff list is gone (the inbox at /inbox/ replaces it).
  assert.equal((await fetch(`${url}/api/submissions`)).status, 404);
  assert.equal((await fetch(`${url}/api/nothing`)).status, 404);
});

test('startReceiver with static roots: index.html of the demo folder at /', async (t) => {
  const demoDir = new URL('../demo/', import.meta.url).pathname;
  const receiver = await startReceiver({
    port: 0,
    dataDir: ':memory:',
    staticRoots: { demo: demoDir },
    log: () => {},
  });
  t.after(() => receiver.close());
  const index = await fetch(`${receiver.url}/`);
  assert.equal(index.status, 200);
  assert.match(await index.text(), /<intake-form/);
  assert.equal((await fetch(`${receiver.url}/dist/intake-elements.js`)).status, 404);
});

test('without static roots the receiver serves no files, and a strict API policy', async (t) => {
  const receiver = await startReceiver({ port: 0, dataDir: ':memory:', log: () => {} });
  t.after(() => receiver.close());
  for (const path of ['/', '/index.html', '/demo/demo.js', '/schemas/ki-erstberatung.json']) {
    const response = await fetch(`${receiver.url}${path}`);
    assert.equal(response.status, 404, path);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(
      response.headers.get('content-security-policy'),
      "default-src 'none'; frame-ancestors 'none'",
    );
  }
  assert.match(receiver.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(receiver.storage.kind, 'sqlite');
});

test('static files are compressed, revalidated by ETag, and hashed chunks cached for a year', async (t) => {
  const { url } = await demo(t);
  const plain = readFileSync(new URL('../demo/demo.js', import.meta.url));

  // Node's fetch asks for gzip and br by itself and decodes; the raw requests show the wire.
  const brotli = await rawRequest(url, {
    path: '/demo/demo.js',
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  assert.equal(brotli.status, 200);
  assert.equal(brotli.headers['content-encoding'], 'br');
  assert.equal(brotli.headers.vary, 'Accept-Encoding');
  assert.ok(brotli.bodyBytes.length < plain.length, 'brotli is smaller than the file');
  assert.deepEqual(brotliDecompressSync(brotli.bodyBytes), plain);

  const gzipped = await rawRequest(url, {
    path: '/demo/demo.js',
    headers: { 'accept-encoding': 'gzip, br;q=0' },
  });
  assert.equal(gzipped.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gzipped.bodyBytes), plain);

  const identity = await rawRequest(url, { path: '/demo/demo.js' });
  assert.equal(identity.headers['content-encoding'], undefined);
  assert.deepEqual(identity.bodyBytes, plain);

  // Definitions and translations change in place: revalidated, answered 304 when unchanged.
  const definition = await rawRequest(url, { path: '/schemas/ki-erstberatung.json' });
  assert.equal(definition.headers['cache-control'], 'no-cache');
  const etag = definition.headers.etag;
  assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
  const again = await rawRequest(url, {
    path: '/schemas/ki-erstberatung.json',
    headers: { 'if-none-match': etag },
  });
  assert.equal(again.status, 304);
  assert.equal(again.bodyBytes.length, 0);
  const other = await rawRequest(url, {
    path: '/schemas/ki-erstberatung.json',
    headers: { 'if-none-match': '"something-else"' },
  });
  assert.equal(other.status, 200);
});

test('content-hashed names are immutable, other names revalidate', () => {
  assert.equal(
    cacheControl('/x/dist/chunks/ar-DX_lUeFB.js'),
    'public, max-age=31536000, immutable',
  );
  assert.equal(
    cacheControl('/x/dist/chunks/ar-DX_lUeFB.js.map'),
    'public, max-age=31536000, immutable',
  );
  assert.equal(cacheControl('/x/dist/intake-elements.js'), 'no-cache');
  assert.equal(cacheControl('/x/dist/forms/ki-erstberatung.js'), 'no-cache');
  assert.equal(cacheControl('/x/schemas/translations/ki-erstberatung.ar.json'), 'no-cache');
});
