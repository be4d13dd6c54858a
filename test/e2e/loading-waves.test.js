// Loading on a phone (issue 21): the compiled first-contact form in Arabic is usable after at
// most three waves of requests (the page; the main file with the compiled module; then, all at
// once, the language's strings, the form's translations, the parts of the library it needs and
// the chunks those import); the outbox, which the first screen does not need, follows once the
// form is usable. The page does not jump while the form appears. Chromium over a connection
// with a 150 ms round trip. Needs `npm run build`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRequests, openFirstContact } from './loading-support.js';

test('the compiled first-contact form in Arabic is usable after at most 3 waves of requests', async (t) => {
  const { requests } = await openFirstContact(t, { locale: 'ar' });
  const list = describeRequests(requests);
  const untilUsable = requests.filter((r) => r.beforeUsable);
  const waves = Math.max(...untilUsable.map((r) => r.wave));
  assert.ok(waves <= 3, `${waves} waves until the form was usable:\n${list}`);
  // What was loaded is what the form needs: it was not made few by leaving things out.
  const paths = untilUsable.map((r) => r.path);
  for (const needed of [
    /^\/dist\/intake-elements\.js$/,
    /^\/dist\/forms\/ki-erstberatung\.js$/,
    /^\/dist\/forms\/translations\/ki-erstberatung\.ar\.json$/,
    /^\/dist\/chunks\/ar-[\w-]+\.js$/,
    /^\/dist\/chunks\/conditions-[\w-]+\.js$/,
    /^\/dist\/chunks\/lists-[\w-]+\.js$/,
    /^\/dist\/chunks\/checkbox-group-widget-[\w-]+\.js$/,
  ])
    assert.ok(
      paths.some((path) => needed.test(path)),
      `${needed} was not loaded:\n${list}`,
    );
  // The outbox (which sends what an earlier visit left in it) is loaded too, once the form is
  // usable.
  assert.ok(
    requests.some(
      (r) => !r.beforeUsable && /^\/dist\/chunks\/outbox-sender-[\w-]+\.js$/.test(r.path),
    ),
    `the outbox was not loaded after the form was usable:\n${list}`,
  );
  // The parts are asked for by the main file (modulepreload links and imports it makes), not
  // discovered by the parts themselves.
  const parts = requests.filter((r) => r.wave === 3);
  assert.ok(parts.length >= 6, `the third wave holds the form's parts:\n${list}`);
});

test('the page does not jump while the form loads', async (t) => {
  const { layoutShift, boxTops, page } = await openFirstContact(t, { locale: 'ar' });
  assert.ok(layoutShift <= 0.02, `cumulative layout shift ${layoutShift.toFixed(3)}`);
  // The form's box starts where the page put it, from the first paint to the form shown.
  assert.ok(boxTops.length >= 2, 'the box was measured before and after loading');
  assert.ok(
    boxTops.every((top) => Math.abs(top - boxTops[0]) < 1),
    `the form's box moved: ${boxTops.join(' → ')}`,
  );
  // And the text after the form was out of sight from the start, so it did not move in view.
  const after = await page.locator('#after').boundingBox();
  assert.ok(after.y > 823, 'the text after the form is below the first screen');
});

test('the demo page does not jump while its forms load (it moved by 0.526 before)', async (t) => {
  const { layoutShift } = await openFirstContact(t, { path: '/' });
  assert.ok(layoutShift <= 0.02, `cumulative layout shift ${layoutShift.toFixed(3)}`);
});
