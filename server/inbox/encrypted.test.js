// Encrypted submissions in the inbox's data API: routed to the right town by their clear
// routing answer, listed as encrypted, the detail carries the JWE and no answers, server-side
// search finds nothing of the ciphertext's content (the browser-side search fetches details with
// ?search=1, which leaves them unread), and the validator module is served only to those who may
// see the submission.
import assert from 'node:assert/strict';
import { formsDir, storageTest, submit } from '../testing/harness.js';
import { SICHER, joseSeal, officeKeys } from '../testing/encryption-helpers.js';
import { addStaff, signIn } from '../testing/inbox-harness.js';

const SECRET = 'Zyxwvutsrq Aufenthaltstitel';

storageTest(
  'an encrypted submission in the inbox: routing and metadata only on the server',
  async (t, env) => {
    const keys = await officeKeys();
    const receiver = await env.start({
      inbox: true,
      formsDir: formsDir({ 'sicher.json': SICHER }),
      keysDir: keys.keysDir,
    });
    await addStaff(receiver.storage, { name: 'berg', team: 'bergkamen' });
    await addStaff(receiver.storage, { name: 'unna', team: 'unna' });
    for (const town of ['Bergkamen', 'Unna']) {
      await receiver.storage.db
        .insertInto('team_forms')
        .values({
          team_id: town.toLowerCase(),
          form_id: 'sicher',
          route_pointer: '/kommune',
          route_value: town,
        })
        .execute();
    }
    const inner = {
      form: { id: 'sicher', version: '1' },
      locale: 'fa',
      submittedAt: '2026-12-05T06:00:00.000Z',
      data: { kommune: 'Bergkamen', anliegen: SECRET },
    };
    const response = await submit(receiver, 'sicher', {
      form: inner.form,
      submittedAt: inner.submittedAt,
      encrypted: await joseSeal(inner, keys.pairs[0].publicKey),
      routing: { '/kommune': 'Bergkamen' },
    });
    assert.equal(response.status, 201);
    const { reference } = await response.json();

    const berg = await signIn(receiver, 'berg');
    const unna = await signIn(receiver, 'unna');
    const list = await (await berg.get('/inbox/api/submissions')).json();
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0].encrypted, true);
    assert.deepEqual(list.items[0].routing, { '/kommune': 'Bergkamen' });
    assert.equal(
      (await (await unna.get('/inbox/api/submissions')).json()).items.length,
      0,
      'not routed to Unna',
    );

    const search = await (
      await berg.get(`/inbox/api/submissions?q=${encodeURIComponent('Zyxwvutsrq')}`)
    ).json();
    assert.equal(search.items.length, 0, 'server-side search sees no encrypted content');
    const byTown = await (await berg.get(`/inbox/api/submissions?q=Bergkamen`)).json();
    assert.equal(byTown.items.length, 1, 'but finds the clear routing answer');

    const forms = await (await berg.get('/inbox/api/forms')).json();
    assert.equal(forms.forms.find((f) => f.id === 'sicher').encrypted, true);

    // The browser-side search fetches the detail with ?search=1: it stays unread, and the audit
    // log says why it was viewed.
    const searched = await berg.get(`/inbox/api/submissions/${reference}?search=1`);
    assert.equal(searched.status, 200);
    assert.equal((await searched.json()).encrypted.kid, keys.pairs[0].kid);
    const unreadAfterSearch = await (await berg.get('/inbox/api/submissions')).json();
    assert.equal(unreadAfterSearch.items[0].unread, true, 'the search marks nothing read');
    const views = await receiver.storage.db
      .selectFrom('audit_log')
      .select(['actor', 'detail'])
      .where('action', '=', 'view')
      .where('reference', '=', reference)
      .execute();
    assert.deepEqual(
      views.map((v) => [v.actor, JSON.parse(v.detail)]),
      [['berg', { purpose: 'search in encrypted submissions' }]],
    );

    const detail = await (await berg.get(`/inbox/api/submissions/${reference}`)).json();
    const readAfterOpening = await (await berg.get('/inbox/api/submissions')).json();
    assert.equal(readAfterOpening.items[0].unread, false, 'opening it marks it read');
    assert.deepEqual(detail.answers, []);
    assert.deepEqual(detail.attachments, []);
    assert.equal(detail.encrypted.kid, keys.pairs[0].kid);
    assert.equal(detail.encrypted.jwe.split('.').length, 5);
    assert.equal(JSON.stringify(detail).includes('Zyxwvutsrq'), false);

    const validator = await berg.get(`/inbox/api/submissions/${reference}/validator.js`);
    assert.equal(validator.status, 200);
    assert.match(validator.headers.get('content-type'), /text\/javascript/);
    const source = await validator.text();
    assert.match(source, /as default/);
    assert.equal(/new Function|eval\(/.test(source), false, 'eval-free, for the inbox CSP');
    assert.equal((await unna.get(`/inbox/api/submissions/${reference}/validator.js`)).status, 404);
  },
);
