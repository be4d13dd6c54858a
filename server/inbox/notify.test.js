// The new-request e-mail (server/inbox/notify.js) through a real SMTP server on 127.0.0.1
// (smtp-server): to each team that sees the submission, with the reference and the form's title
// only, retried when the server refuses, and never in the way of the submission's answer; a
// notice the SMTP server could not take before the receiver stopped is sent once after a restart.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { logEvents, mailbox, routeKontakt, smtpDown, until } from '../testing/delivery-harness.js';
import { KONTAKT, envelope, kontaktData, storageTest, submit } from '../testing/harness.js';

/** Teams: Bergkamen sees its town, Unna its own, the county office every kontakt request. */
async function teams(db) {
  const at = new Date().toISOString();
  await db
    .insertInto('teams')
    .values([
      { id: 'bergkamen', name: 'Bergkamen', email: 'bergkamen@kreis.example', created_at: at },
      { id: 'unna', name: 'Unna', email: 'unna@kreis.example', created_at: at },
      { id: 'kreis', name: 'Kreis', email: 'kreis@kreis.example', created_at: at },
      { id: 'ohne', name: 'Ohne Adresse', email: null, created_at: at },
    ])
    .execute();
  await routeKontakt(db, { bergkamen: 'Bergkamen', unna: 'Unna', kreis: null, ohne: null });
}

/** Every answer of kontaktData() that must never appear in a notice. */
const PERSONAL = ['Zuleika', 'Quaxenbr', 'zuleika.quaxenbrueck', '59192', 'Xaverine', '1987-06-05'];

storageTest(
  'a new request e-mails each team that sees it, with reference and form title only',
  async (t, env) => {
    const smtp = await mailbox({ refuse: 1 });
    t.after(smtp.close);
    const receiver = await env.start({
      notify: {
        smtpUrl: smtp.url,
        from: 'posteingang@kreis.example',
        inboxUrl: 'https://intake.kreis.example',
        retryMs: 50,
      },
    });
    await teams(receiver.storage.db);

    const data = kontaktData({ address: { postalCode: '59192', city: 'Bergkamen' } });
    const started = Date.now();
    const response = await submit(receiver, 'kontakt', envelope(KONTAKT, data));
    assert.equal(response.status, 201);
    const { reference } = await response.json();
    assert.ok(Date.now() - started < 1500, 'the answer does not wait for the mail');

    await until(() => smtp.messages.length >= 2, 'two messages');
    await sleep(200); // nothing else is on its way (Unna does not see it)
    assert.equal(smtp.refusals(), 1, 'the SMTP server refused once (the fault fired)');
    const recipients = smtp.messages.flatMap((m) => m.to).sort();
    assert.deepEqual(recipients, ['bergkamen@kreis.example', 'kreis@kreis.example']);
    for (const message of smtp.messages) {
      assert.equal(message.from, 'posteingang@kreis.example');
      assert.match(message.raw, new RegExp(`Subject: Neue Anfrage ${reference}: Kontaktformular`));
      assert.match(message.raw, new RegExp(`Aktenzeichen: ${reference}`));
      assert.match(message.raw, /https:\/\/intake\.kreis\.example\/inbox\//);
      for (const answer of PERSONAL) {
        assert.ok(!message.raw.includes(answer), `the message does not contain ${answer}`);
      }
    }
    const lines = logEvents(env);
    assert.equal(lines.filter((l) => l.event === 'notice-retry').length, 1);
    assert.equal(lines.filter((l) => l.event === 'notice-sent').length, 2);
    assert.ok(!env.logs.some((line) => line.includes('kreis.example')), 'no address in the log');
    assert.ok(!env.logs.some((line) => line.includes(reference)), 'no reference in the log');
  },
);

storageTest('an unreachable SMTP server neither delays nor fails the answer', async (t, env) => {
  const down = await smtpDown(); // every try is refused
  const receiver = await env.start({
    notify: { smtpUrl: down.url, from: 'posteingang@kreis.example', retryMs: 20, attempts: 3 },
  });
  await teams(receiver.storage.db);
  const started = Date.now();
  const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
  assert.equal(response.status, 201);
  assert.ok(Date.now() - started < 1500);
  await until(
    () => logEvents(env).some((l) => l.event === 'notice-failed'),
    'the notice to be given up',
  );
  const tries = logEvents(env).filter((l) => /^notice-/.test(l.event));
  assert.deepEqual(
    tries.map((l) => l.event),
    ['notice-retry', 'notice-retry', 'notice-failed'],
  );
  assert.equal(tries[2].error, 'ESOCKET', 'the connection was refused');
});

storageTest(
  'a notice not sent before the receiver stopped is sent once after the restart',
  async (t, env) => {
    // The SMTP server is down: its port is taken and closed again, nothing listens there.
    const down = await smtpDown();
    const notify = { smtpUrl: down.url, from: 'posteingang@kreis.example' };
    // The next try would be due in 5–15 s: the receiver stops long before.
    const first = await env.start({ notify: { ...notify, retryMs: 10_000 } });
    await teams(first.storage.db);
    const data = kontaktData({ address: { postalCode: '59192', city: 'Bergkamen' } });
    const response = await submit(first, 'kontakt', envelope(KONTAKT, data));
    assert.equal(response.status, 201);
    const { reference } = await response.json();
    const logged = () => logEvents(env);
    await until(
      () => logged().filter((l) => l.event === 'notice-retry').length === 2,
      'both first tries to fail',
    );
    assert.ok(
      logged()
        .filter((l) => l.event === 'notice-retry')
        .every((l) => l.error === 'ESOCKET'),
      'the fault fired: the SMTP server could not be reached',
    );
    const kept = await first.storage.db
      .selectFrom('notice_deliveries')
      .select(['state', 'attempts', 'recipient'])
      .execute();
    assert.deepEqual(kept.map((row) => [row.state, Number(row.attempts)]).sort(), [
      ['pending', 1],
      ['pending', 1],
    ]);
    await first.close();

    // The SMTP server is back where it was. Two receivers start on the same storage, their
    // clocks 20 s on (the tries are due), both sweeping often: each notice arrives once.
    const smtp = await mailbox({ port: down.port });
    t.after(smtp.close);
    const options = {
      notify: { ...notify, sweepMs: 25, now: () => Date.now() + 20_000 },
    };
    const [second] = await Promise.all([env.start(options), env.start(options)]);
    await until(() => smtp.messages.length >= 2, 'two messages after the restart');
    await sleep(300); // nothing sent twice is still on its way
    const recipients = smtp.messages.flatMap((m) => m.to).sort();
    assert.deepEqual(recipients, ['bergkamen@kreis.example', 'kreis@kreis.example']);
    for (const message of smtp.messages) {
      assert.match(message.raw, new RegExp(`Aktenzeichen: ${reference}`));
      for (const answer of PERSONAL) {
        assert.ok(!message.raw.includes(answer), `the message does not contain ${answer}`);
      }
    }
    const rows = await second.storage.db.selectFrom('notice_deliveries').select('state').execute();
    assert.deepEqual(
      rows.map((row) => row.state),
      ['delivered', 'delivered'],
    );
    // What is kept until sent holds no answer either.
    const stored = JSON.stringify(
      await second.storage.db.selectFrom('notice_deliveries').selectAll().execute(),
    );
    for (const answer of PERSONAL)
      assert.ok(!stored.includes(answer), `no ${answer} in the outbox`);
    assert.ok(!env.logs.some((line) => line.includes('kreis.example')), 'no address in the log');
  },
);
