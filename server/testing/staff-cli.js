/**
 * Runs the receiver's command-line tools (`node server/staff.js`, `node server/teams.js`) as
 * real processes against a test's storage.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * @param {string} script the tool's file name under server/
 * @param {string[]} args
 * @param {{ stdin?: string, storageOptions: object, env?: Record<string, string> }} options
 *   `env` over the test process's, without its storage and TOTP settings
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function runCli(script, args, { stdin = '', storageOptions, env: extraEnv = {} }) {
  const env = { ...process.env, ...extraEnv };
  for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'RECEIVER_CONFIG', 'DATA_DIR'])
    delete env[name];
  if (!('INBOX_TOTP_KEY' in extraEnv)) delete env.INBOX_TOTP_KEY;
  if (storageOptions.dataDir) env.DATA_DIR = storageOptions.dataDir;
  if (storageOptions.databaseUrl) {
    env.DATABASE_URL = storageOptions.databaseUrl;
    env.DATABASE_SCHEMA = storageOptions.databaseSchema;
  }
  const file = fileURLToPath(new URL(`../${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** `node server/staff.js <args>` (see runCli()). */
export const staff = (args, options) => runCli('staff.js', args, options);
