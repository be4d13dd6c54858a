/** Runs `node server/staff.js` as a real process against a test's storage. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../staff.js', import.meta.url));

/**
 * @param {string[]} args
 * @param {{ stdin?: string, storageOptions: object, env?: Record<string, string> }} options
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function staff(args, { stdin = '', storageOptions, env: extraEnv = {} }) {
  const env = { ...process.env, ...extraEnv };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  delete env.RECEIVER_CONFIG;
  if (!('INBOX_TOTP_KEY' in extraEnv)) delete env.INBOX_TOTP_KEY;
  if (storageOptions.dataDir) env.DATA_DIR = storageOptions.dataDir;
  if (storageOptions.databaseUrl) {
    env.DATABASE_URL = storageOptions.databaseUrl;
    env.DATABASE_SCHEMA = storageOptions.databaseSchema;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
