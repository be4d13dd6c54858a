// The size budget of what a phone downloads until the first-contact form can be used (issue 21):
// the compiled form in Arabic as a web team ships it (the page's own document and style sheets
// left out), every file it fetched compressed on its own with brotli, as a production server
// sends it. test/size-budget.test.js guards the main file alone. Chromium opens the page
// (test/e2e/loading-support.js). Run after `npm run build`:
// `node --test test/first-contact-budget.test.js`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describeRequests, openFirstContact, servedBytes } from './e2e/loading-support.js';

/**
 * The issue's target is 36 KiB brotli for this form in Arabic, transferred until the form is
 * usable (`intake-ready`); it is not met. Measured 43.59 KiB (5 December 2026): the main file
 * 28.14, the compiled module 6.20, the library's Arabic strings 2.42 and the form's translations
 * 1.67, conditions with the filter of alternatives' errors 2.51, lists 2.39, the checkbox group
 * 0.25 (docs/benchmarks.md, the phone section, says what the rest is). The budget is that, a
 * guard against regressions: lower it as the total shrinks, towards the target.
 */
// 45.14 KiB measured when the waves landed (issue 21); the merge with issues 19 and 20 (the
// outbox's sealing and the control count in the main file) brought it to 48.87 KiB; the
// encryption seam (issue 23) and the progressive drawing of long steps (issue 19) to 49.89 KiB;
// then the example's English translations became a file like every other language's (the
// compiled module 7.31 → 6.20 KiB; the main file +0.12 for the raw path's compile after the
// first paint and `intake-ready`'s `validator`): 49.02 KiB measured after the merge, and 49.25
// leaves 0.2 KiB. Then (issue 21, bytes) only what arrives until the form is usable counts, as
// the target says: the outbox (3.48 KiB with its sealing and idb-keyval) and sending's
// code (envelope, transport, delivery with retries: the main file 28.74 → 27.85 KiB) load in
// an idle moment after it and are listed, not counted; the selector between object
// alternatives (0.31 KiB) is no longer loaded for a form whose oneOfs are all choice lists:
// 44.42 KiB. The strings only parts loaded after that show became a second catalogue per
// language (tools/split-locale-strings.js; the Arabic strings 3.42 → 2.42 KiB, the main file
// +0.17 for loading it): 43.59 KiB measured, 43.79 leaves 0.2 KiB. A raw schema compiled once a
// long step is drawn whole, and sending that waits for a file still being read (the main file
// +0.25 KiB), brought it to 43.84 KiB; 44.04 leaves 0.2 KiB.
const BUDGET_BROTLI = 44.04 * 1024;

test('the compiled first-contact form in Arabic stays within its budget (brotli)', async (t) => {
  const { requests } = await openFirstContact(t, { locale: 'ar' });
  let brotli = 0;
  let gzip = 0;
  let later = 0;
  const rows = [];
  const laterRows = [];
  for (const request of requests) {
    // The library's and the form's files: the page itself and its style sheets are the town's.
    if (!/^\/dist\//.test(request.path)) continue;
    const bytes = servedBytes(request.path);
    assert.ok(bytes, `${request.path} is not a file`);
    const size = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    const row = `${(size / 1024).toFixed(2).padStart(6)} KiB  ${request.path}`;
    // What the page asks for once the form is usable (the outbox) is loaded, and listed, but
    // not counted: the target is what a phone transfers until the form can be used.
    if (!request.beforeUsable) {
      later += size;
      laterRows.push(row);
      continue;
    }
    brotli += size;
    gzip += gzipSync(bytes, { level: 9 }).length;
    rows.push(row);
  }
  t.diagnostic(
    `${requests.filter((r) => r.beforeUsable).length} requests until usable, ${(brotli / 1024).toFixed(2)} KiB brotli, ${(gzip / 1024).toFixed(2)} KiB gzip`,
  );
  for (const row of rows) t.diagnostic(row);
  t.diagnostic(`after the form is usable, not counted: ${(later / 1024).toFixed(2)} KiB brotli`);
  for (const row of laterRows) t.diagnostic(row);
  assert.ok(
    brotli <= BUDGET_BROTLI,
    `${(brotli / 1024).toFixed(2)} KiB brotli, over the budget of ${BUDGET_BROTLI / 1024} KiB:\n${rows.join('\n')}\n${describeRequests(requests)}`,
  );
});
