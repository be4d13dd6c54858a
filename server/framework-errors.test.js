// The receiver runs on Fastify; whatever Fastify itself refuses (a malformed path, bytes that are
// not HTTP, an unknown route or method) is answered in the receiver's own problem+json shape,
// never in Fastify's `{ statusCode, error, message }`.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { startReceiver } from './index.js';
import { formsDir, rawRequest, tempDir } from './testing/harness.js';

async function receiver(t) {
  const started = await startReceiver({
    port: 0,
    dataDir: ':memory:',
    formsDir: formsDir(),
    log: () => {},
  });
  t.after(() => started.close());
  return started;
}

function assertProblem(response, status, label) {
  assert.equal(response.status, status, label);
  assert.equal(response.headers['content-type'], 'application/problem+json', label);
  const body = JSON.parse(response.body);
  assert.equal(body.status, status, label);
  assert.equal(typeof body.title, 'string', label);
  assert.equal(body.statusCode, undefined, label);
  assert.equal(body.code, undefined, label);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', label);
}

test('framework refusals are problem+json with the usual headers', async (t) => {
  const { url } = await receiver(t);
  const cases = [
    ['GET', '/api/forms/%E0%A4%A/submissions', 404],
    ['POST', `/api/forms/${'a'.repeat(600)}/submissions`, 404],
    ['GET', '/nowhere', 404],
    ['DELETE', '/nowhere', 404],
    ['OPTIONS', '/nowhere', 404],
    ['OPTIONS', '/healthz', 405],
    ['PUT', '/healthz', 405],
  ];
  for (const [method, path, status] of cases) {
    assertProblem(await rawRequest(url, { method, path }), status, `${method} ${path}`);
  }
  const allow = await rawRequest(url, { method: 'PUT', path: '/healthz' });
  assert.equal(allow.headers.allow, 'GET, HEAD');
});

test('bytes that are not HTTP get a problem+json 400 and a closed connection', async (t) => {
  const { url } = await receiver(t);
  const answer = await new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () =>
      socket.write('NOT HTTP AT ALL\r\n\r\n'),
    );
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
  const [head, body] = answer.split('\r\n\r\n');
  assert.match(head, /^HTTP\/1\.1 400 /);
  assert.match(head, /content-type: application\/problem\+json/i);
  assert.deepEqual(JSON.parse(body), { type: 'about:blank', title: 'Bad Request', status: 400 });
});

test('with static files: refusals there are problem+json too', async (t) => {
  const folder = tempDir('intake-static-');
  writeFileSync(join(folder, 'a.txt'), 'a');
  writeFileSync(join(folder, '.hidden'), 'secret');
  const { url, close } = await startReceiver({
    port: 0,
    dataDir: ':memory:',
    formsDir: formsDir(),
    staticRoots: { files: folder },
    log: () => {},
  });
  t.after(close);
  assert.equal((await rawRequest(url, { path: '/files/a.txt' })).body, 'a');
  for (const [path, status] of [
    ['/files/.hidden', 404],
    ['/files/missing.txt', 404],
    ['/elsewhere/a.txt', 404],
    ['/files/%2e%2e/a.txt', 400],
    ['/files/%E0%A4%A', 400],
  ]) {
    assertProblem(await rawRequest(url, { path }), status, path);
  }
  assertProblem(await rawRequest(url, { method: 'POST', path: '/files/a.txt' }), 405, 'POST');
});
