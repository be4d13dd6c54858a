/**
 * Demo server for intake-elements: the reference receiver (server/) with the demo's static files,
 * so `npm start` runs one process: the demo page at `/`, `demo/`, `dist/` and `schemas/` as
 * files, and submissions checked against schemas/<id>.json and stored (SQLite in data/, or
 * PostgreSQL with DATABASE_URL; every variable of server/README.md applies).
 *
 *   /inbox/                                    the staff inbox (sign in with a staff account)
 *
 *   node scripts/serve-demo.js           # http://localhost:8080/
 *   PORT=0 HOST=0.0.0.0 node scripts/serve-demo.js
 */
import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, optionsFromEnv } from '../server/config.js';
import { runFromCommandLine } from '../server/index.js';
import { isLoopback } from '../server/http.js';
import { hashPassword } from '../server/passwords.js';
import { createReceiver } from '../server/receiver.js';

/** URL prefix → folder. Nothing outside these folders is ever served (no package.json, no src/). */
export const STATIC_ROOTS = {
  demo: join(REPO_ROOT, 'demo'),
  dist: join(REPO_ROOT, 'dist'),
  schemas: join(REPO_ROOT, 'schemas'),
  builder: join(REPO_ROOT, 'demo', 'builder'),
};
export const STATIC_INDEX = join(REPO_ROOT, 'demo', 'index.html');

/*
 * The strict policy a CMS is likely to impose, so the demo fails the same way a real page would:
 * no inline scripts and no eval (a raw JSON definition whose validators need runtime compilation
 * will hit this; compiled definitions will not).
 * style-src keeps 'unsafe-inline' for now: Chromium, Firefox and Safari ≥ 16.4 get Lit's styles
 * through constructable stylesheets, which CSP does not gate, but Lit falls back to <style>
 * elements in older engines. Drop it once we have checked the supported browser list (or pass a
 * nonce via window.litNonce).
 */
// The demo loads the compiled definitions (dist/forms/, made by `npm run build`), so no
// 'unsafe-eval' is needed; Lit's Trusted Types policy is named 'lit-html'.
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * The builder (/builder/) compiles the schema it edits in the browser (ajv, for its checks and
 * the preview), which the strict policy above forbids: its pages get this one instead.
 */
export const BUILDER_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'";

/** Serves /builder/ as /builder/index.html (the receiver's static files know one index page). */
function withBuilderPage(server) {
  server.prependListener('request', (req) => {
    if (/^\/builder\/?(\?|$)/.test(req.url ?? '')) {
      req.url = req.url.replace(/^\/builder\/?(?=\?|$)/, '/builder/index.html');
    }
  });
  return server;
}

/** The builder's pages get the builder's policy, every other answer the strict one. */
export function demoCsp(path) {
  return /^\/builder(\/|$)/.test(path) ? BUILDER_CSP : CSP;
}

/** Both example forms belong to the integration centre, so their references start with KI. */
const DEMO_OPTIONS = {
  formsDir: STATIC_ROOTS.schemas,
  staticRoots: STATIC_ROOTS,
  staticIndex: STATIC_INDEX,
  csp: demoCsp,
  referencePrefix: 'KI',
  // The staff inbox at /inbox/ (it also compiles forms for the builder's export).
  inbox: true,
};

/**
 * Starts the demo server and returns the http.Server (already listening, or about to: wait for
 * its 'listening' event when you need the port, e.g. with `port: 0` in a test). Submissions are
 * kept in memory unless `dataDir` or `databaseUrl` says otherwise; closing the server closes the
 * storage.
 *
 * @param {{ port?: number, host?: string, log?: (line: string) => void, dataDir?: string,
 *   databaseUrl?: string }} [options] and any other option of startReceiver()
 */
export function startDemoServer({ port = 8080, host = '127.0.0.1', ...options } = {}) {
  const { server } = createReceiver({ ...DEMO_OPTIONS, dataDir: ':memory:', ...options });
  withBuilderPage(server).listen(port, host);
  return server;
}

/** The demo's staff account: an administrator, so it sees every demo submission. */
export const DEMO_ACCOUNT = 'demo';

/**
 * Makes the demo's staff account with a new random password (a new one on every start, also
 * when the account is kept in data/), only when the demo listens on this machine alone: on any
 * other address nobody gets an account they did not make themselves.
 *
 * @param {object} storage the receiver's open storage
 * @param {string} host the address the demo listens on
 * @returns {Promise<{ name: string, password: string } | undefined>}
 */
export async function demoAccount(storage, host) {
  if (!isLoopback(host) && host !== 'localhost') return undefined;
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const added = await storage.addStaffUser({
    name: DEMO_ACCOUNT,
    team: 'demo',
    isAdmin: true,
    passwordHash,
    createdAt: new Date().toISOString(),
  });
  if (!added) {
    await storage.db
      .updateTable('staff_users')
      .set({ password_hash: passwordHash })
      .where('name', '=', DEMO_ACCOUNT)
      .execute();
  }
  return { name: DEMO_ACCOUNT, password };
}

async function isMain() {
  if (!process.argv[1]) return false;
  try {
    return (await realpath(process.argv[1])) === (await realpath(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

if (await isMain()) {
  let options;
  try {
    options = { ...DEMO_OPTIONS, ...optionsFromEnv() };
  } catch (error) {
    console.error(`Configuration: ${error.message}`);
    process.exit(2);
  }
  const receiver = await runFromCommandLine(
    options,
    (url, kind) => `Demo: ${url.replace('127.0.0.1', 'localhost')}/ (storage: ${kind})`,
  );
  if (receiver) {
    withBuilderPage(receiver.server);
    const account = await demoAccount(receiver.storage, options.host ?? '127.0.0.1');
    const inbox = `${receiver.url.replace('127.0.0.1', 'localhost')}/inbox/`;
    if (account) {
      console.error(
        `Staff inbox: ${inbox} (sign in as "${account.name}", password "${account.password}"; a new password on every start)`,
      );
    } else {
      console.error(`Staff inbox: ${inbox} (no demo account off loopback: see server/README.md)`);
    }
  }
}
