/**
 * What the receiver's command-line tools (staff.js, teams.js, retention.js) share: where they
 * write, reading the command line, and opening the storage that the environment configures
 * (the same DATA_DIR / DATABASE_URL settings as `node server/index.js`).
 */
import { parseArgs } from 'node:util';
import { optionsFromEnv } from './config.js';
import { openStorage } from './storage/index.js';

/** The default `out` and `err` of a tool's main(). */
export const stdout = (text) => process.stdout.write(text);
export const stderr = (text) => process.stderr.write(text);

/**
 * `parseArgs` with positionals and unknown options refused; on a mistake, writes it with the
 * usage and returns undefined (the caller exits with 2).
 *
 * @param {string[]} argv
 * @param {import('node:util').ParseArgsConfig['options']} options
 * @param {{ err: (text: string) => void, usage: string }} io
 */
export function parseCommandLine(argv, options, { err, usage }) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    err(`${error.message}\n${usage}\n`);
    return undefined;
  }
}

/**
 * The receiver's settings from `env`, or undefined after saying what is wrong with them.
 *
 * @param {Record<string, string | undefined>} env
 * @param {(text: string) => void} err
 */
export function settingsFromEnv(env, err) {
  try {
    return optionsFromEnv(env);
  } catch (error) {
    err(`Configuration: ${error.message}\n`);
    return undefined;
  }
}

/**
 * Opens the storage `env` configures, runs `run(storage, settings)` and closes it again.
 *
 * @template T
 * @param {Record<string, string | undefined>} env
 * @param {(text: string) => void} err
 * @param {(storage: object, settings: object) => Promise<T>} run
 * @returns {Promise<T | 2>} what `run` returned, or 2 when the configuration is wrong
 */
export async function withStorage(env, err, run) {
  const settings = settingsFromEnv(env, err);
  if (!settings) return 2;
  const storage = await openStorage(settings);
  try {
    return await run(storage, settings);
  } finally {
    await storage.close();
  }
}
