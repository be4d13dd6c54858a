// What the tests of the receiver's hand-offs share (server/inbox/webhooks.test.js,
// notify.test.js, deliveries.test.js and test/e2e/inbox-deliveries.test.js): real servers on
// 127.0.0.1 to hand off to (a case-management system for webhooks, an SMTP server for the
// new-request e-mails, a port where nothing listens), the kontakt form routed to teams by town,
// the receiver's log as events, and waiting until something happened.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';

/** The shared secret of the webhook tests (webhooks need at least 32 characters). */
export const WEBHOOK_SECRET = 'a-webhook-secret-of-forty-characters-xyz';

/** Waits until `check()` gives a truthy value and returns it; fails after `ms`. */
export async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The receiver's log lines (`env.logs`, JSON), parsed. */
export function logEvents(env) {
  return env.logs.map((line) => JSON.parse(line));
}

/**
 * A case-management system: answers each POST by the next entry of `script` ('fail' → 503,
 * 'hang' → no answer for 2 s, 'ok' → 204; the last entry repeats) and keeps what arrived, with
 * whether its signature verifies with `secret`. `script` may be changed while it runs.
 */
export async function caseSystem(script, secret = WEBHOOK_SECRET) {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const step = script[Math.min(received.length, script.length - 1)];
      received.push({
        headers: request.headers,
        body,
        step,
        signed: verifySignature(request.headers, body, secret),
      });
      if (step === 'fail') response.writeHead(503).end('busy');
      else if (step === 'hang') setTimeout(() => response.destroyed || response.end(), 2000);
      else response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/intake`,
    received,
    script,
    close: () => new Promise((resolve) => server.close(resolve) && server.closeAllConnections()),
  };
}

/** What a case-management system does: recompute the HMAC and compare in constant time. */
export function verifySignature(headers, body, secret = WEBHOOK_SECRET) {
  const timestamp = headers['x-intake-timestamp'];
  const given = Buffer.from(String(headers['x-intake-signature']));
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  );
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * An SMTP server that keeps each message; `refuse` of the first RCPT TO answer 451. `port`: a
 * given one (a server that comes back where it was), default any free one.
 */
export async function mailbox({ refuse = 0, port = 0 } = {}) {
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
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    messages,
    refusals: () => refusals,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * A port on 127.0.0.1 that nothing listens on (taken and closed again): a server that is down.
 * A `mailbox({ port })` may come back there later.
 */
export async function closedPort() {
  const server = createTcpServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** An SMTP server that is down: its `url`, and the `port` a `mailbox({ port })` may come back at. */
export async function smtpDown() {
  const port = await closedPort();
  return { port, url: `smtp://127.0.0.1:${port}` };
}

/**
 * Routes the kontakt form to teams: `{ team: 'Town' }` gives the team the requests whose
 * /address/city is that town; `{ team: null }` every kontakt request.
 */
export async function routeKontakt(db, towns) {
  await db
    .insertInto('team_forms')
    .values(
      Object.entries(towns).map(([team, town]) => ({
        team_id: team,
        form_id: 'kontakt',
        route_pointer: town === null ? null : '/address/city',
        route_value: town,
      })),
    )
    .execute();
}
