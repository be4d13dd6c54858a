// `npm start` makes one staff account for the demo, on loopback only, with a new password on
// every start: the printed name and password sign in to the inbox, an older password does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startReceiver } from '../server/index.js';
import { formsDir, tempDir } from '../server/testing/harness.js';
import { demoAccount } from './serve-demo.js';

const signIn = (receiver, name, password) =>
  fetch(`${receiver.url}/inbox/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });

test('the demo account signs in with the password printed at this start only', async (t) => {
  const receiver = await startReceiver({
    port: 0,
    formsDir: formsDir(),
    dataDir: tempDir(),
    inbox: true,
    log: () => undefined,
  });
  t.after(() => receiver.close());
  assert.equal(await demoAccount(receiver.storage, '0.0.0.0'), undefined, 'not off loopback');
  const first = await demoAccount(receiver.storage, '127.0.0.1');
  assert.equal(first.name, 'demo');
  assert.ok(first.password.length >= 12);
  const second = await demoAccount(receiver.storage, 'localhost');
  assert.notEqual(second.password, first.password);
  assert.equal((await signIn(receiver, 'demo', first.password)).status, 401);
  const response = await signIn(receiver, 'demo', second.password);
  assert.equal(response.status, 200);
  assert.equal((await response.json()).isAdmin, true);
});
