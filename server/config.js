/**
 * Configuration from the environment (and an optional JSON file named by RECEIVER_CONFIG), for
 * `node server/index.js`. Variables win over the file. See server/README.md for the list.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFaults } from './faults.js';

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
  'staffEndpoints',
  'staffHosts',
  'inbox',
  'keysDir',
]);

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
  if (env.STAFF_ENDPOINTS) options.staffEndpoints = flag(env.STAFF_ENDPOINTS, 'STAFF_ENDPOINTS');
  if (env.STAFF_HOSTS) options.staffHosts = list(env.STAFF_HOSTS);
  if (env.INBOX) options.inbox = flag(env.INBOX, 'INBOX');
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
