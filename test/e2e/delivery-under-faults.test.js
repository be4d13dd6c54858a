// End to end, in Chromium against the real reference receiver on 127.0.0.1: 50 submissions while
// the receiver's fault injector drops connections (before and after storing), answers 500, 503
// and 429 with Retry-After, or stalls past the client's timeout, and the browser is taken
// offline, once for several submissions in a row so that the outbox builds a backlog. The page
// is reloaded while the outbox holds that backlog (counted in IndexedDB before the reload).
// Afterwards every submission is a row in the database exactly once, and the receiver's log
// shows that every kind of fault fired.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULT_KINDS } from '../../server/faults.js';
import {
  PASSPHRASE,
  joseOpen,
  officeKeys,
  openPrivateKeys,
} from '../../server/testing/encryption-helpers.js';
import { addInboxCrypto } from './inbox-crypto-bundle.js';
import { openForm, outboxCount, requestLines, setUp } from './support.js';

const SUBMISSIONS = 50;
/** The element gives up on an attempt after this long; a stalled answer comes later. */
const TIMEOUT_MS = 800;
const STALL_MS = 1500;
/** Rounds taken offline one after the other: the backlog. */
const BACKLOG_ROUNDS = [20, 21, 22, 23, 24];

const definition = {
  id: 'e2e-contact',
  version: '1',
  lang: 'en',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['name', 'n'],
    properties: {
      name: { type: 'string', title: 'Name' },
      n: { type: 'integer', title: 'Number' },
    },
  },
};

/**
 * This seed draws every kind of fault within the first eight requests (checked below), so each
 * fires in every run whatever the timing: the receiver draws once per request, in arrival order.
 */
const FAULTS = {
  seed: 20262541,
  drop: 0.06,
  dropAfterStore: 0.06,
  status500: 0.05,
  status503: 0.05,
  status429: 0.05,
  stall: 0.05,
  stallMs: STALL_MS,
};

/** A small seeded PRNG, so that the offline pattern is the same in every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

for (const encrypted of [false, true]) {
  test(
    `${encrypted ? 'encrypted (issue 23): ' : ''}50 submissions under every kind of fault and offline periods arrive exactly once`,
    { timeout: 600_000 },
    async (t) => {
      // With encryption, the same run with the office's key in the definition: every envelope
      // travels, waits in the outbox and is stored as a JWE, and the inbox decrypts every one.
      const keys = encrypted ? await officeKeys() : undefined;
      const { browser, logs, pageUrl, rows } = await setUp(t, {
        serverDefinition: keys
          ? { ...definition, encryption: { key: keys.pairs[0].publicKey } }
          : definition,
        receiverOptions: { faults: FAULTS, ...(keys ? { keysDir: keys.keysDir } : {}) },
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // What the browser saw of the 429s: their Retry-After.
      const retryAfter = [];
      page.on('response', (response) => {
        if (response.status() === 429) retryAfter.push(response.headers()['retry-after']);
      });
      await openForm(page, pageUrl);

      const send = (n) =>
        page.evaluate(
          async ({ n, timeout }) => {
            const form = document.querySelector('intake-form');
            form.reset();
            form.retryPolicy = { attempts: 4, baseDelayMs: 50, maxDelayMs: 2000 };
            form.timeout = timeout;
            form.value = { name: `Person ${n}`, n };
            return form.submit();
          },
          { n, timeout: TIMEOUT_MS },
        );

      /** Nudges the outbox (as coming online does) until it is empty. */
      const drain = async (seconds) => {
        const deadline = Date.now() + seconds * 1000;
        for (;;) {
          const waiting = await outboxCount(page);
          if (waiting === 0) return;
          assert.ok(Date.now() < deadline, `the outbox still holds ${waiting} submissions`);
          await page.evaluate(() => window.dispatchEvent(new Event('online')));
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      };

      const chance = random(7);
      const outcomes = { ok: 0, queued: 0, other: 0 };
      let offlineRounds = 0;
      let backlog = 0;
      /** When the backlog's offline period began and ended (the receiver's clock is this one). */
      const offlinePeriod = { from: 0, to: 0 };
      for (let n = 0; n < SUBMISSIONS; n++) {
        const inBacklog = BACKLOG_ROUNDS.includes(n);
        // The backlog starts from an empty outbox, so that each round's entry can be counted.
        if (n === BACKLOG_ROUNDS[0]) {
          await drain(120);
          // Anything still under way (a stalled request) has had its answer or timeout by now.
          await new Promise((resolve) => setTimeout(resolve, STALL_MS));
          offlinePeriod.from = Date.now();
        }
        const offline = inBacklog || chance() < 0.25;
        if (offline) {
          offlineRounds += 1;
          await context.setOffline(true);
        }
        const before = inBacklog ? await outboxCount(page) : 0;
        const result = await send(n);
        if (result.ok) outcomes.ok += 1;
        else if (result.reason === 'queued') outcomes.queued += 1;
        else outcomes.other += 1;

        if (inBacklog) {
          // Offline, the submission waits in the outbox, next to those of the rounds before.
          assert.equal(result.reason, 'queued', `round ${n} offline is queued`);
          assert.equal(await outboxCount(page), before + 1, `round ${n} adds one to the outbox`);
          backlog += 1;
          if (n !== BACKLOG_ROUNDS.at(-1)) continue; // stays offline: the backlog grows
          // Back online, but the receiver out of reach for now (as behind a broken proxy), so the
          // backlog is still there when the person reloads the page.
          await page.route('**/api/forms/**', (route) => route.abort('connectionrefused'));
          await context.setOffline(false);
          const waiting = await outboxCount(page);
          assert.equal(waiting, backlog, 'the outbox holds the whole backlog before the reload');
          offlinePeriod.to = Date.now();
          await page.unroute('**/api/forms/**');
          await openForm(page, pageUrl);
          t.diagnostic(`reloaded with ${waiting} submissions in the outbox`);
          continue;
        }
        if (offline) await context.setOffline(false);
      }
      assert.equal(outcomes.other, 0, 'no submission failed for good');
      assert.equal(backlog, BACKLOG_ROUNDS.length);
      t.diagnostic(
        `offline rounds: ${offlineRounds}; accepted at once: ${outcomes.ok}; queued: ${outcomes.queued}`,
      );

      // Back online: the outbox empties itself.
      await drain(240);

      // Every submission is one row in the database.
      const envelopes = (await rows()).map((row) => JSON.parse(row.envelope));
      let numbers = envelopes.map((envelope) => envelope.data?.n);
      if (keys) {
        assert.ok(envelopes.every((e) => e.data === undefined && typeof e.encrypted === 'string'));
        // jose opens every one with the private key file…
        const privateKeys = await openPrivateKeys(keys.privateText);
        numbers = await Promise.all(
          envelopes.map(async (e) => (await joseOpen(e.encrypted, privateKeys)).data.n),
        );
        // …and so does the inbox's module in a browser that imported that file.
        await addInboxCrypto(page);
        const opened = await page.evaluate(
          async ({ file, passphrase, jwes, definition }) => {
            await window.inboxCrypto.importKeyFile(file, passphrase);
            const out = [];
            for (const jwe of jwes) {
              const result = await window.inboxCrypto.openSubmission(jwe, definition, {
                formId: definition.id,
              });
              out.push({ n: result.data.n, problems: result.problems.length });
            }
            return out;
          },
          {
            file: keys.privateText,
            passphrase: PASSPHRASE,
            jwes: envelopes.map((e) => e.encrypted),
            definition,
          },
        );
        assert.deepEqual(
          opened.map((o) => o.n).sort((a, b) => a - b),
          Array.from({ length: SUBMISSIONS }, (_, i) => i),
          'the inbox opens every one',
        );
        assert.ok(
          opened.every((o) => o.problems === 0),
          'and every one is valid',
        );
      }
      numbers.sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({ length: SUBMISSIONS }, (_, i) => i),
        'each submission stored exactly once',
      );

      // Every kind of fault fired, as the receiver's log says.
      const posts = requestLines(logs).filter((l) => l.route === '/api/forms/:id/submissions');
      const fired = (kind) => posts.filter((l) => l.fault === kind);
      for (const kind of FAULT_KINDS) assert.ok(fired(kind).length > 0, `fault ${kind} fired`);
      assert.ok(
        fired('drop').every((l) => l.status === null),
        'a dropped request got no answer',
      );
      // Drawn for a retry of something stored already, dropAfterStore has nothing to drop: the
      // replay is answered. At least one stored a new row and lost its answer.
      assert.ok(
        fired('dropAfterStore').some((l) => l.status === null),
        'a request dropped after storing got no answer',
      );
      assert.ok(
        fired('dropAfterStore').every((l) => l.status === null || l.replayed),
        'dropAfterStore either dropped the answer or answered a replay',
      );
      for (const [kind, status] of [
        ['status500', 500],
        ['status503', 503],
        ['status429', 429],
      ]) {
        assert.ok(
          fired(kind).every((l) => l.status === status),
          `${kind} answered ${status}`,
        );
      }
      assert.ok(
        retryAfter.length > 0 && retryAfter.every((value) => value === '1'),
        '429 Retry-After',
      );
      // The client gave up at its timeout while the receiver stalled: the connection closed
      // before an answer (the stalled request still stores, and the retry gets a replay).
      t.diagnostic(`stalled requests: ${fired('stall').length}`);
      assert.ok(
        fired('stall').some(
          (l) => l.aborted && l.status === null && l.durationMs >= TIMEOUT_MS - 50,
        ),
        'a stalled request outlasted the client timeout',
      );
      // Offline (and then cut off from the receiver), nothing arrived: no request of the log
      // started in that period.
      const startedIn = posts.filter((l) => {
        const started = Date.parse(l.time) - l.durationMs;
        return started >= offlinePeriod.from && started <= offlinePeriod.to;
      });
      assert.ok(offlinePeriod.to > offlinePeriod.from);
      assert.deepEqual(startedIn, [], 'no request reached the receiver while offline');
      // Lost answers (dropped after storing, stalled past the timeout) were retried and replayed.
      assert.ok(
        posts.some((l) => l.replayed),
        'a retry got the stored answer again',
      );
      assert.deepEqual(pageErrors, []);
    },
  );
}

test('the seed draws every kind of fault within the first eight requests', async () => {
  const { createFaults } = await import('../../server/faults.js');
  const faults = createFaults(FAULTS);
  const drawn = new Set(Array.from({ length: 8 }, () => faults.pick()));
  for (const kind of FAULT_KINDS) assert.ok(drawn.has(kind), kind);
});
