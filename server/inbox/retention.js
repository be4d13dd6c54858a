/**
 * Retention (GDPR Art. 5(1)(e)): a submission is kept for a period after staff marked it done,
 * 180 days unless configured otherwise per form, and then deleted with everything attached to
 * it — its files (inside the stored envelope), routing rows, read marks, notes and webhook
 * deliveries. Each deletion is written to the audit log as `retention-delete` with the form and
 * the dates it was due by, never the content. Submissions that are not done are never deleted
 * here, however old.
 *
 * Runs as a job in the receiver (every `intervalMs`, on an unref'd timer so that it never keeps
 * a process alive) and as a command: `node server/retention.js run`.
 *
 * Configuration: RETENTION_DAYS (the default period) and RETENTION_FILE, a JSON file
 * `{ "<form id>": <days> }` for forms that differ.
 */
import { readFileSync } from 'node:fs';
import { audit } from './audit.js';

export const DEFAULT_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

/** Rows that belong to a submission, deleted before it (the search index joins this list). */
export const DEPENDENT_TABLES = Object.freeze([
  'submission_routing',
  'submission_reads',
  'submission_notes',
  'webhook_deliveries',
  'notice_deliveries',
  // The searched text (./search.js). An FTS5 table has no foreign key, so on SQLite it would
  // stay behind; here a plain `reference = ?` scans it, which an hourly batch job can afford.
  'submission_search',
]);

/**
 * @typedef {{ days: number, forms: Record<string, number> }} RetentionPolicy
 */

/**
 * The policy from RETENTION_DAYS and RETENTION_FILE, over `base` (RECEIVER_CONFIG's `retention`).
 *
 * @param {Record<string, string | undefined>} env
 * @param {{ days?: number, forms?: Record<string, number> }} [base]
 * @returns {RetentionPolicy}
 */
export function retentionFromEnv(env, base = {}) {
  const days = env.RETENTION_DAYS ? Number(env.RETENTION_DAYS) : base.days;
  const forms = env.RETENTION_FILE
    ? JSON.parse(readFileSync(env.RETENTION_FILE, 'utf8'))
    : (base.forms ?? {});
  return checkRetention({ days, forms });
}

/** Checks a policy: whole numbers of days, at least 1. */
export function checkRetention({ days = DEFAULT_RETENTION_DAYS, forms = {} } = {}) {
  const valid = (value) => Number.isInteger(value) && value >= 1;
  if (!valid(days)) throw new Error('retention: days must be a whole number ≥ 1');
  if (typeof forms !== 'object' || forms === null || Array.isArray(forms)) {
    throw new Error('retention: expected { "<form id>": <days> }');
  }
  for (const [formId, value] of Object.entries(forms)) {
    if (!valid(value)) throw new Error(`retention: ${formId}: days must be a whole number ≥ 1`);
  }
  return { days, forms: { ...forms } };
}

/**
 * Deletes every submission whose retention period has passed.
 *
 * @param {import('kysely').Kysely<any>} db
 * @param {{ policy: RetentionPolicy, now?: () => number, dryRun?: boolean, batch?: number }}
 *   options
 * @returns {Promise<Array<{ reference: string, formId: string }>>} what was (or, with
 *   `dryRun`, would be) deleted
 */
export async function runRetention(db, { policy, now = Date.now, dryRun = false, batch = 500 }) {
  const time = now();
  const cutoff = (days) => new Date(time - days * DAY_MS).toISOString();
  const special = Object.keys(policy.forms);
  const deleted = [];

  // One query per period: the forms with their own, then all others with the default.
  const groups = [
    ...special.map((formId) => ({ days: policy.forms[formId], only: formId })),
    { days: policy.days, except: special },
  ];
  for (const group of groups) {
    for (;;) {
      let query = db
        .selectFrom('submissions')
        .select(['reference', 'form_id', 'done_at'])
        .where('status', '=', 'done')
        .where('done_at', '<=', cutoff(group.days));
      if (group.only) query = query.where('form_id', '=', group.only);
      if (group.except?.length) query = query.where('form_id', 'not in', group.except);
      const due = await query.orderBy('done_at').limit(batch).execute();
      for (const row of due) {
        if (dryRun || (await deleteSubmission(db, row.reference))) {
          deleted.push({ reference: row.reference, formId: row.form_id });
          if (!dryRun) {
            await audit(db, {
              at: new Date(now()).toISOString(),
              actor: 'retention',
              action: 'retention-delete',
              reference: row.reference,
              formId: row.form_id,
              detail: {
                doneAt: new Date(row.done_at).toISOString(),
                retentionDays: group.days,
              },
            });
          }
        }
      }
      if (dryRun || due.length < batch) break;
    }
  }
  return deleted;
}

/**
 * Deletes one submission and its rows. Not one transaction (the SQLite storage shares one
 * connection): the rows that hang on it go first, so a crash half-way leaves the submission,
 * and the next run deletes the rest.
 *
 * @returns {Promise<boolean>} false when it was gone already (another process, staff)
 */
export async function deleteSubmission(db, reference) {
  for (const table of DEPENDENT_TABLES) {
    await db.deleteFrom(table).where('reference', '=', reference).execute();
  }
  const result = await db
    .deleteFrom('submissions')
    .where('reference', '=', reference)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * The job in the receiver: runs every `intervalMs` (first after `firstMs`), never two at once.
 *
 * @param {{ useStorage: () => Promise<object>, policy: RetentionPolicy, write: Function,
 *   intervalMs?: number, firstMs?: number, now?: () => number }} options
 * @returns {{ run: () => Promise<Array<object>>, close: () => Promise<void> }}
 */
export function scheduleRetention({
  useStorage,
  policy,
  write,
  intervalMs = 3_600_000,
  firstMs = 60_000,
  now = Date.now,
}) {
  let running;
  let closed = false;
  const run = () => {
    running ??= (async () => {
      try {
        const { db } = await useStorage();
        const deleted = await runRetention(db, { policy, now });
        if (deleted.length > 0) {
          write({ level: 'info', event: 'retention', deleted: deleted.length });
        }
        return deleted;
      } catch (error) {
        write({ level: 'error', event: 'retention', error: error.message });
        return [];
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const tick = () => {
    if (!closed) run();
  };
  const first = setTimeout(tick, firstMs);
  const every = setInterval(tick, intervalMs);
  first.unref();
  every.unref();
  return {
    run,
    async close() {
      closed = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
