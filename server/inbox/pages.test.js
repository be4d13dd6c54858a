// The inbox's pages as the receiver serves them: one HTML page for each inbox URL, with the
// inbox's strict CSP (Trusted Types included) and no inline script or style, and the script
// from dist/inbox/ (or a clear 404 when it has not been built).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startReceiver } from '../index.js';
import { formsDir, rawRequest, tempDir } from '../testing/harness.js';
import { INBOX_CSP } from './index.js';

test('every inbox URL is the same page under the strict policy; the script comes from dist', async (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'inbox-dist-'));
  writeFileSync(join(dist, 'intake-inbox.js'), 'export {};\n');
  const receiver = await startReceiver({
    port: 0,
    formsDir: formsDir(),
    dataDir: tempDir(),
    log: () => undefined,
    inbox: { distDir: dist },
  });
  t.after(() => receiver.close());
  for (const path of [
    '/inbox/',
    '/inbox/submissions/KI-2345-6789',
    '/inbox/print/KI-2345-6789',
    '/inbox/audit',
    '/inbox/deliveries',
  ]) {
    const response = await fetch(`${receiver.url}${path}`);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-security-policy'), INBOX_CSP);
    assert.match(INBOX_CSP, /require-trusted-types-for 'script'/);
    const html = await response.text();
    assert.match(html, /<script type="module" src="\/inbox\/intake-inbox.js"><\/script>/);
    assert.doesNotMatch(html, /<script>|<style|style=/, 'nothing inline');
    assert.doesNotMatch(html, /KI-2345-6789/, 'the page holds no data');
  }
  const script = await fetch(`${receiver.url}/inbox/intake-inbox.js`);
  assert.equal(script.status, 200);
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(await script.text(), 'export {};\n');
  // Another host name (DNS rebinding) gets nothing.
  const other = await rawRequest(`${receiver.url}/inbox/`, { headers: { Host: 'evil.example' } });
  assert.equal(other.status, 421);
});

test('without a build the script answers 404 with what to do', async (t) => {
  const receiver = await startReceiver({
    port: 0,
    formsDir: formsDir(),
    dataDir: tempDir(),
    log: () => undefined,
    inbox: { distDir: tempDir() },
  });
  t.after(() => receiver.close());
  const response = await fetch(`${receiver.url}/inbox/intake-inbox.js`);
  assert.equal(response.status, 404);
  assert.match((await response.json()).detail, /npm run build/);
});
