/**
 * Configuration from the environment (and an optional JSON file named by RECEIVER_CONFIG), for
 * `node server/index.js`. Variables win over the file. See server/README.md for the list.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFaults } from './faults.js';
import { inboxOptionsFromEnv } from './inbox/config.js';
import { retentionFromEnv } from './inbox/retention.js';
import { readWebhooksFile } from './inbox/webhooks.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Keys a RECEIVER_CONFIG file may set (the options of startReceiver()). */
const FILE_KEYS = new Set([
  'formsDir',
  'dataDir',
  'cors',
  'corsAllowHeaders',
  'referencePrefix',
  'rateLimit',
  'bodyLimit',
  'trustProxy',
  'staffHosts',
  'inbox',
  'retention',
  'keysDir',
]);

const ENDPOINTS_GONE =
  'the loopback staff endpoints are gone; use the staff inbox (INBOX=on, /inbox/) or ' +
  '`node server/list-submissions.js` on the server';

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {object} options for startReceiver()
 */
export function optionsFromEnv(env = process.env) {
  const options = {
    port: 8080,
    host: '127.0.0.1',
    formsDir: join(REPO_ROOT, 'schemas'),
    dataDir: join(REPO_ROOT, 'data'),
  };

  if (env.RECEIVER_CONFIG) {
    const file = resolve(env.RECEIVER_CONFIG);
    const config = JSON.parse(readFileSync(file, 'utf8'));
    for (const [key, value] of Object.entries(config)) {
      if (key === 'staffEndpoints') throw new Error(`${file}: ${ENDPOINTS_GONE}`);
      if (!FILE_KEYS.has(key)) throw new Error(`${file}: unknown setting ${key}`);
      // Folders in the file are relative to the file.
      options[key] =
        (key === 'formsDir' || key === 'dataDir' || key === 'keysDir') && typeof value === 'string'
          ? resolve(dirname(file), value)
          : value;
    }
    if (options.cors !== undefined) options.cors = corsFrom(options.cors);
  }

  if (env.PORT !== undefined && env.PORT !== '') options.port = integer(env.PORT, 'PORT');
  if (env.HOST) options.host = env.HOST;
  if (env.FORMS_DIR) options.formsDir = resolve(env.FORMS_DIR);
  if (env.DATA_DIR) options.dataDir = resolve(env.DATA_DIR);
  if (env.KEYS_DIR) options.keysDir = resolve(env.KEYS_DIR);
  if (env.DATABASE_URL) options.databaseUrl = env.DATABASE_URL;
  if (env.DATABASE_SCHEMA) options.databaseSchema = env.DATABASE_SCHEMA;
  if (env.BODY_LIMIT) options.bodyLimit = integer(env.BODY_LIMIT, 'BODY_LIMIT');
  if (env.RATE_LIMIT || env.RATE_LIMIT_BURST) {
    const perMinute = env.RATE_LIMIT
      ? integer(env.RATE_LIMIT, 'RATE_LIMIT')
      : (options.rateLimit?.perMinute ?? 30);
    const burst = env.RATE_LIMIT_BURST
      ? integer(env.RATE_LIMIT_BURST, 'RATE_LIMIT_BURST')
      : perMinute;
    options.rateLimit = { perMinute, burst };
  }
  if (env.TRUST_PROXY) options.trustProxy = flag(env.TRUST_PROXY, 'TRUST_PROXY');
  // Said loudly rather than ignored: whoever set it reads submissions some other way now.
  if (env.STAFF_ENDPOINTS) throw new Error(`STAFF_ENDPOINTS: ${ENDPOINTS_GONE}`);
  if (env.STAFF_HOSTS) options.staffHosts = list(env.STAFF_HOSTS);
  if (env.INBOX) options.inbox = flag(env.INBOX, 'INBOX');
  const signIn = options.inbox ? inboxOptionsFromEnv(env) : {};
  if (Object.keys(signIn).length > 0) {
    options.inbox = { ...(typeof options.inbox === 'object' ? options.inbox : {}), ...signIn };
  }
  if (options.staffHosts !== undefined && !Array.isArray(options.staffHosts)) {
    throw new Error('staffHosts must be a list of host names');
  }
  if (env.CORS_ORIGINS) {
    const text = env.CORS_ORIGINS.trim();
    options.cors = text.startsWith('{') ? corsFrom(JSON.parse(text)) : { '*': list(text) };
  }
  if (env.CORS_ALLOW_HEADERS) options.corsAllowHeaders = list(env.CORS_ALLOW_HEADERS);
  if (env.REFERENCE_PREFIX) {
    const text = env.REFERENCE_PREFIX.trim();
    options.referencePrefix = text.startsWith('{') ? JSON.parse(text) : text;
  }
  if (env.FAULTS) options.faults = parseFaults(env.FAULTS);
  Object.assign(options, serviceFromEnv(env, options.retention));
  return options;
}

/**
 * E-mail notices, webhooks and retention (server/inbox/background.js) from SMTP_URL, SMTP_FROM,
 * INBOX_URL, WEBHOOKS_FILE, RETENTION_DAYS, RETENTION_FILE and RETENTION_INTERVAL (minutes).
 * Secrets (the SMTP password, webhook secrets) come from the environment or their own file,
 * never from RECEIVER_CONFIG.
 */
function serviceFromEnv(env, retentionInFile) {
  const options = {};
  if (env.SMTP_URL) {
    if (!env.SMTP_FROM) throw new Error('SMTP_URL needs SMTP_FROM (the sender address)');
    options.notify = { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM };
    if (env.INBOX_URL) options.notify.inboxUrl = new URL(env.INBOX_URL).href;
  }
  if (env.WEBHOOKS_FILE) options.webhooks = readWebhooksFile(resolve(env.WEBHOOKS_FILE));
  if (env.RETENTION === 'off') {
    options.retention = false;
  } else if (env.RETENTION_DAYS || env.RETENTION_FILE || env.RETENTION_INTERVAL) {
    const interval =
      env.RETENTION_INTERVAL && integer(env.RETENTION_INTERVAL, 'RETENTION_INTERVAL');
    options.retention = {
      ...retentionInFile,
      ...retentionFromEnv(env, retentionInFile),
      ...(interval && { intervalMs: interval * 60_000 }),
    };
  }
  return options;
}

/** `{ "<form id>" | "*": "a, b" | ["a", "b"] }` → `{ id: ["a", "b"] }`. */
function corsFrom(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('CORS origins must be an object: { "<form id>" or "*": [origins] }');
  }
  return Object.fromEntries(
    Object.entries(value).map(([id, origins]) => [
      id,
      Array.isArray(origins) ? origins.map(String) : list(String(origins)),
    ]),
  );
}

function list(text) {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function integer(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  return value;
}

function flag(text, name) {
  const value = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`${name} must be on or off`);
}
