/**
 * Retention on the command line, against the receiver's storage (the same DATA_DIR /
 * DATABASE_URL and RETENTION_DAYS / RETENTION_FILE settings as `node server/index.js`):
 *
 *   node server/retention.js run        deletes every submission that is due (see
 *                                       server/inbox/retention.js), prints how many per form
 *   node server/retention.js due        prints what `run` would delete, deletes nothing
 *
 * The receiver runs the same job hourly by itself; the command is for cron-minded setups, for
 * a receiver started with RETENTION=off, and for checking a policy before it applies.
 */
import { parseArgs } from 'node:util';
import { settingsFromEnv, stderr, stdout } from './cli.js';
import { checkRetention, runRetention } from './inbox/retention.js';
import { isMainModule } from './main-module.js';
import { openStorage } from './storage/index.js';

const USAGE = 'Usage: node server/retention.js run | due';

/**
 * @param {string[]} argv
 * @param {{ env?: Record<string, string | undefined>, now?: () => number,
 *   out?: (text: string) => void, err?: (text: string) => void }} [io]
 * @returns {Promise<number>} the exit code: 0 done, 1 failed, 2 wrong usage
 */
export async function main(
  argv,
  { env = process.env, now = Date.now, out = stdout, err = stderr } = {},
) {
  let command;
  try {
    const args = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
    [command] = args.positionals;
    if (!['run', 'due'].includes(command) || args.positionals.length !== 1) throw new Error();
  } catch {
    err(`${USAGE}\n`);
    return 2;
  }
  const options = settingsFromEnv(env, err);
  if (!options) return 2;
  let policy;
  try {
    // RETENTION=off stops the receiver's job, not a run asked for by hand.
    policy = checkRetention(options.retention || {});
  } catch (error) {
    err(`Configuration: ${error.message}\n`);
    return 2;
  }
  let storage;
  try {
    storage = await openStorage(options);
    const deleted = await runRetention(storage.db, { policy, now, dryRun: command === 'due' });
    const perForm = new Map();
    for (const { formId } of deleted) perForm.set(formId, (perForm.get(formId) ?? 0) + 1);
    const verb = command === 'due' ? 'due for deletion' : 'deleted';
    out(`${deleted.length} submission${deleted.length === 1 ? '' : 's'} ${verb}\n`);
    for (const [formId, count] of [...perForm].sort()) out(`  ${formId}: ${count}\n`);
    if (command === 'due') for (const { reference } of deleted) out(`  ${reference}\n`);
    return 0;
  } catch (error) {
    err(`Retention failed: ${error.message}\n`);
    return 1;
  } finally {
    await storage?.close();
  }
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
