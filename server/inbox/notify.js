/**
 * The new-request e-mail: when a submission is stored, each team that sees it (./audience.js)
 * and has an address (`teams.email`) gets a short message with the reference and the form's
 * title — never an answer, a name or a file, since e-mail leaves the service unencrypted and is
 * kept in mailboxes outside any retention period.
 *
 * Sending happens after the submitter has their answer. Each message is a `notice_deliveries`
 * row in the durable outbox of ./outbox.js: tried again with growing pauses when the SMTP
 * server refuses or cannot be reached, and still there after a stop or a crash, when the next
 * start (of this or another receiver on the same database) sends it. Every outcome is logged
 * (form and team; like every log line, no reference and no address).
 *
 * SMTP comes from the environment: SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`)
 * and SMTP_FROM (the sender address).
 */
import nodemailer from 'nodemailer';
import { teamsSeeing } from './audience.js';
import { createOutbox } from './outbox.js';

/**
 * @typedef {object} NotifyOptions
 * @property {string} smtpUrl nodemailer connection URL
 * @property {string} from the sender address
 * @property {string} [inboxUrl] the inbox's public address, put into the message when given
 * @property {number} [attempts] per message, default 5
 * @property {number} [retryMs] the first pause before trying again, doubled each time
 *   (default 30 s)
 * @property {number} [sweepMs] how often messages left by a stopped process are looked for
 *   (default 60 s)
 * @property {() => number} [now] the clock (tests)
 */

/**
 * @param {NotifyOptions & { useStorage: () => Promise<object>, write: (entry: object) => void }}
 *   options
 * @returns {{ notify: (submission: { reference: string, formId: string, formTitle: string,
 *   data: unknown }) => void, retry: (id: number) => Promise<boolean>, idle: () => Promise<void>,
 *   close: () => Promise<void> }}
 */
export function createNotifier({
  smtpUrl,
  from,
  inboxUrl,
  attempts = 5,
  retryMs = 30_000,
  useStorage,
  write,
  ...timing
}) {
  const transport = nodemailer.createTransport(smtpUrl);
  const outbox = createOutbox({
    table: 'notice_deliveries',
    useStorage,
    write,
    attempts,
    retryMs,
    ...timing,
    columns: ['reference', 'form_id', 'form_title', 'recipient', 'teams'],
    about: (row) => ({ formId: row.form_id, teams: JSON.parse(row.teams) }),
    events: { delivered: 'notice-sent', retry: 'notice-retry', failed: 'notice-failed' },
    send: async (row) => {
      const message = compose(
        { reference: row.reference, formTitle: row.form_title },
        { from, to: row.recipient, inboxUrl },
      );
      try {
        await transport.sendMail(message);
        return { ok: true, status: 250 };
      } catch (error) {
        return { ok: false, status: error.responseCode, error: error.code ?? error.message };
      }
    },
  });

  /**
   * Looks up the teams that see the submission and stores one message per address, then sends
   * them. Never rejects: a failed look-up is logged.
   */
  function notify(submission) {
    outbox.track(
      (async () => {
        const { db } = await useStorage();
        const teams = await teamsSeeing(db, submission);
        const byAddress = new Map();
        for (const team of teams) {
          if (!team.email) continue;
          byAddress.set(team.email, [...(byAddress.get(team.email) ?? []), team.id]);
        }
        await outbox.add(
          [...byAddress].map(([recipient, teamIds]) => ({
            reference: submission.reference,
            form_id: submission.formId,
            form_title: submission.formTitle,
            recipient,
            teams: JSON.stringify(teamIds),
          })),
        );
      })(),
    );
  }

  return {
    notify,
    /**
     * Staff's retry (the inbox's deliveries page): the message becomes pending and due with a
     * fresh count of tries, and is tried once right away.
     *
     * @returns {Promise<boolean>} false when there is no such message, or it was sent
     */
    retry: outbox.retry,
    /** Resolves when no message is being stored or sent in this process (tests, shutdown). */
    idle: outbox.idle,
    /** Stops; messages not yet sent stay stored for the next start. */
    async close() {
      await outbox.close();
      transport.close();
    },
  };
}

/**
 * The message: the reference and the form's title, in German (the staff's language) with an
 * English line, and nothing the person wrote.
 */
export function compose({ reference, formTitle }, { from, to, inboxUrl }) {
  const link = inboxUrl ? `\n${new URL('/inbox/', inboxUrl).href}\n` : '';
  return {
    from,
    to,
    subject: `Neue Anfrage ${reference}: ${formTitle}`,
    text:
      `Im Posteingang ist eine neue Anfrage eingegangen.\n\n` +
      `Formular: ${formTitle}\nAktenzeichen: ${reference}\n${link}\n` +
      `A new request has arrived in the inbox (form and reference above).\n`,
  };
}

/** The title staff know a form by: the definition's `title`, its schema's, or its id. */
export function formTitle(definition, formId) {
  for (const title of [definition?.title, definition?.schema?.title]) {
    if (typeof title === 'string' && title.trim()) return title.trim().slice(0, 200);
  }
  return formId;
}
