/**
 * The reference receiver for intake-elements: accepts submissions from `<intake-form>`, checks
 * them against the same form definition the browser used, and stores them (SQLite, or PostgreSQL
 * when DATABASE_URL is set). See server/README.md.
 *
 *   node server/index.js                          # http://127.0.0.1:8080
 *   PORT=9000 DATA_DIR=/var/lib/intake node server/index.js
 */
import { realpath } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { REPO_ROOT, optionsFromEnv } from './config.js';
import { createReceiver } from './receiver.js';

/**
 * Starts the receiver and resolves once it listens and its storage is open.
 *
 * @param {object} [options]
 * @param {number} [options.port] default 8080; 0 picks a free port
 * @param {string} [options.host] default 127.0.0.1
 * @param {string} [options.formsDir] folder of `<id>.json` definitions (default: schemas/)
 * @param {string} [options.dataDir] folder of the SQLite file (default: data/); `':memory:'`
 *   keeps everything in memory
 * @param {string} [options.databaseUrl] use PostgreSQL instead of SQLite
 * @param {string} [options.databaseSchema] PostgreSQL schema for the tables (default public)
 * @param {Record<string, number>} [options.faults] fault injection (see ./faults.js); off by default
 * @param {Record<string, string>} [options.staticRoots] URL prefix → folder, to serve files too
 * @param {string} [options.staticIndex] the file served at `/` (default: `index.html` in
 *   `staticRoots.demo`)
 * @param {string | ((path: string) => string | undefined)} [options.csp] Content-Security-Policy
 *   for every answer, or a function choosing it by the request's path
 * @param {Record<string, string[]>} [options.cors] allowed origins per form id, `'*'` for all forms
 * @param {string[]} [options.corsAllowHeaders] more request headers to allow cross-origin
 * @param {{ perMinute: number, burst?: number } | false} [options.rateLimit] per client;
 *   default 30 per minute
 * @param {number} [options.bodyLimit] bytes: lowers the limit each form derives from its file
 *   fields (src/core/limits.js); by default there is no such cap
 * @param {boolean} [options.trustProxy] take the client address from X-Forwarded-For
 * @param {string | Record<string, string>} [options.referencePrefix] for all forms, or per form id
 * @param {string[]} [options.staffHosts] the `Host` names the inbox answers to: `name` (any
 *   port) or `name:port`; default `localhost`, `127.0.0.1`, `[::1]`
 * @param {boolean | object} [options.inbox] default false: the staff inbox under `/inbox/`
 *   (sign-in, the submissions a person's teams may see); an object passes options to it (see
 *   ./inbox/index.js)
 * @param {{ smtpUrl: string, from: string, inboxUrl?: string }} [options.notify] the e-mail to
 *   each team that sees a new submission (./inbox/notify.js); off without it
 * @param {Record<string, { url: string, secret: string }>} [options.webhooks] a signed webhook
 *   per form id (./inbox/webhooks.js); off without it
 * @param {{ days?: number, forms?: Record<string, number>, intervalMs?: number } | false}
 *   [options.retention] deletion after done (./inbox/retention.js); default 180 days, hourly
 * @param {string} [options.keysDir] the office's public encryption keys (keys.json, written by
 *   `intake-elements keys`) for forms with `encryption` (./keys.js, docs/security.md)
 * @param {(line: string) => void} [options.log] receives one JSON line per request
 * @returns {Promise<{ server: import('node:http').Server, url: string, close: (options?: { graceMs?: number }) => Promise<void>,
 *   storage: object }>}
 */
export async function startReceiver(options = {}) {
  const {
    port = 8080,
    host = '127.0.0.1',
    formsDir = join(REPO_ROOT, 'schemas'),
    dataDir = join(REPO_ROOT, 'data'),
    ...rest
  } = options;
  const receiver = createReceiver({ formsDir, dataDir, ...rest });
  try {
    await receiver.ready;
    await new Promise((resolve, reject) => {
      receiver.server.once('error', reject);
      receiver.server.listen(port, host, () => {
        receiver.server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await receiver.close().catch(() => {});
    throw error;
  }
  const address = receiver.server.address();
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server: receiver.server,
    url: `http://${hostname}:${address.port}`,
    close: receiver.close,
    storage: receiver.storage(),
  };
}

// ---------------------------------------------------------------------------------------------
// Run when executed directly (not when imported).

async function isMain() {
  if (!process.argv[1]) return false;
  try {
    return (await realpath(process.argv[1])) === (await realpath(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

/** How long requests under way may take to finish when the process is asked to stop. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Starts with `options`, logs where, and closes cleanly on SIGINT/SIGTERM. */
export async function runFromCommandLine(options, describe = (url) => `Receiver: ${url}`) {
  let receiver;
  try {
    receiver = await startReceiver(options);
  } catch (error) {
    console.error(`Cannot start the receiver: ${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
  console.error(describe(receiver.url, receiver.storage.kind));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      // Submissions under way finish (up to 10 s) before the storage closes.
      receiver.close({ graceMs: SHUTDOWN_GRACE_MS }).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return receiver;
}

if (await isMain()) {
  let options;
  try {
    options = optionsFromEnv();
  } catch (error) {
    console.error(`Configuration: ${error.message}`);
    process.exit(2);
  }
  await runFromCommandLine(options, (url, kind) => `Receiver: ${url} (storage: ${kind})`);
}
