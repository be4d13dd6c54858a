// The new-request e-mail (server/inbox/notify.js) through a real SMTP server on 127.0.0.1
// (smtp-server): to each team that sees the submission, with the reference and the form's title
// only, retried when the server refuses, and never in the way of the submission's answer.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { KONTAKT, envelope, kontaktData, storageTest, submit } from '../testing/harness.js';

/** An SMTP server that keeps each message; `refuse` of the first RCPT TO answer 451. */
async function mailbox({ refuse = 0 } = {}) {
  const messages = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      if (refusals < refuse) {
        refusals++;
        const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
        return callback(error);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom.address,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    messages,
    refusals: () => refusals,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

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
  await db
    .insertInto('team_forms')
    .values([
      {
        team_id: 'bergkamen',
        form_id: 'kontakt',
        route_pointer: '/address/city',
        route_value: 'Bergkamen',
      },
      { team_id: 'unna', form_id: 'kontakt', route_pointer: '/address/city', route_value: 'Unna' },
      { team_id: 'kreis', form_id: 'kontakt', route_pointer: null, route_value: null },
      { team_id: 'ohne', form_id: 'kontakt', route_pointer: null, route_value: null },
    ])
    .execute();
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
    const lines = env.logs.map((line) => JSON.parse(line));
    assert.equal(lines.filter((l) => l.event === 'notice-retry').length, 1);
    assert.equal(lines.filter((l) => l.event === 'notice-sent').length, 2);
    assert.ok(!env.logs.some((line) => line.includes('kreis.example')), 'no address in the log');
    assert.ok(!env.logs.some((line) => line.includes(reference)), 'no reference in the log');
  },
);

storageTest('an unreachable SMTP server neither delays nor fails the answer', async (t, env) => {
  const smtp = await mailbox();
  await smtp.close(); // its port is now closed: every try is refused
  const receiver = await env.start({
    notify: { smtpUrl: smtp.url, from: 'posteingang@kreis.example', retryMs: 20, attempts: 3 },
  });
  await teams(receiver.storage.db);
  const started = Date.now();
  const response = await submit(receiver, 'kontakt', envelope(KONTAKT, kontaktData()));
  assert.equal(response.status, 201);
  assert.ok(Date.now() - started < 1500);
  await until(
    () => env.logs.some((line) => JSON.parse(line).event === 'notice-failed'),
    'the notice to be given up',
  );
  const tries = env.logs.map((line) => JSON.parse(line)).filter((l) => /^notice-/.test(l.event));
  assert.deepEqual(
    tries.map((l) => l.event),
    ['notice-retry', 'notice-retry', 'notice-failed'],
  );
  assert.equal(tries[2].error, 'ESOCKET', 'the connection was refused');
});
