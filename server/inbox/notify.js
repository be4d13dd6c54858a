/**
 * The new-request e-mail: when a submission is stored, each team that sees it (./audience.js)
 * and has an address (`teams.email`) gets a short message with the reference and the form's
 * title — never an answer, a name or a file, since e-mail leaves the service unencrypted and is
 * kept in mailboxes outside any retention period.
 *
 * Sending happens after the submitter has their answer: messages wait in a queue in memory,
 * are tried again with growing pauses when the SMTP server refuses or cannot be reached, and
 * every outcome is logged (form and team; like every log line, no reference and no address). A message still queued when
 * the process ends is lost; the log says how many.
 *
 * SMTP comes from the environment: SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`)
 * and SMTP_FROM (the sender address).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { teamsSeeing } from './audience.js';

/**
 * @typedef {object} NotifyOptions
 * @property {string} smtpUrl nodemailer connection URL
 * @property {string} from the sender address
 * @property {string} [inboxUrl] the inbox's public address, put into the message when given
 * @property {number} [attempts] per message, default 5
 * @property {number} [retryMs] the first pause before trying again, doubled each time
 *   (default 30 s)
 */

/**
 * @param {NotifyOptions & { write: (entry: object) => void }} options
 * @returns {{ notify: (db: object, submission: { reference: string, formId: string,
 *   formTitle: string, data: unknown }) => void, idle: () => Promise<void>,
 *   close: () => Promise<void> }}
 */
export function createNotifier({ smtpUrl, from, inboxUrl, attempts = 5, retryMs = 30_000, write }) {
  const transport = nodemailer.createTransport(smtpUrl);
  const stop = new AbortController();
  /** Messages being sent or waiting for their next try. */
  const pending = new Set();

  /**
   * Looks up the teams that see the submission and queues one message per address. Never
   * rejects: a failed look-up is logged.
   *
   * @param {object | Promise<object>} db the Kysely instance (or a promise of it)
   */
  function notify(db, submission) {
    track(
      (async () => {
        const teams = await teamsSeeing(await db, submission);
        const byAddress = new Map();
        for (const team of teams) {
          if (!team.email) continue;
          byAddress.set(team.email, [...(byAddress.get(team.email) ?? []), team.id]);
        }
        for (const [to, teamIds] of byAddress) {
          const message = compose(submission, { from, to, inboxUrl });
          track(send(message, { formId: submission.formId, teams: teamIds }));
        }
      })().catch((error) =>
        write({
          level: 'error',
          event: 'notice-failed',
          formId: submission.formId,
          error: error.message,
        }),
      ),
    );
  }

  function track(job) {
    pending.add(job);
    job.finally(() => pending.delete(job));
  }

  async function send(message, about) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (stop.signal.aborted) return;
      try {
        await transport.sendMail(message);
        write({ level: 'info', event: 'notice-sent', ...about, attempt });
        return;
      } catch (error) {
        const last = attempt === attempts;
        write({
          level: last ? 'error' : 'warn',
          event: last ? 'notice-failed' : 'notice-retry',
          ...about,
          attempt,
          error: error.code ?? error.message,
        });
        if (last) return;
        try {
          await sleep(retryMs * 2 ** (attempt - 1), undefined, { signal: stop.signal, ref: false });
        } catch {
          return; // closing
        }
      }
    }
  }

  return {
    notify,
    /** Resolves when every queued message is sent or given up (for tests and shutdown). */
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async close() {
      if (pending.size > 0) {
        write({ level: 'warn', event: 'notice-dropped', count: pending.size });
      }
      stop.abort();
      await Promise.allSettled([...pending]);
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
