/**
 * Shared setup for the receiver's tests (server/*.test.js): fixture forms, both storage backends,
 * a receiver per test with its log captured, and request helpers.
 *
 * PostgreSQL runs when TEST_DATABASE_URL (or DATABASE_URL) is set; each test gets a schema of its
 * own, dropped afterwards. Without it, every PostgreSQL variant is still registered, prints why it
 * does not run (t.diagnostic) and is reported as skipped, so the gap shows in every test report.
 */
import { test } from 'node:test';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startReceiver } from '../index.js';

export const PG_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
export const PG_MISSING =
  'PostgreSQL not available: set TEST_DATABASE_URL (e.g. via scripts/ci-postgres.sh) to run this test against PostgreSQL';

const scratch = [];
process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A scratch folder, removed when the test process ends. */
export function tempDir(prefix = 'intake-receiver-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Fixture forms

export const KONTAKT = {
  id: 'kontakt',
  version: '2026-01-01',
  lang: 'de',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Kontaktformular',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'email', 'address'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 100, title: 'Name' },
      email: { type: 'string', format: 'email', title: 'E-Mail-Adresse' },
      appointment: { type: 'string', format: 'time', title: 'Uhrzeit' },
      color: { type: 'string', format: 'color', title: 'Farbe' },
      file: { type: 'string', format: 'data-url', title: 'Nachweis' },
      birthDate: { type: 'string', format: 'date', title: 'Geburtsdatum' },
      address: {
        type: 'object',
        title: 'Anschrift',
        required: ['postalCode'],
        properties: {
          postalCode: { type: 'string', pattern: '^[0-9]{5}$', title: 'Postleitzahl' },
          city: { type: 'string', title: 'Ort' },
        },
      },
      children: {
        type: 'array',
        title: 'Kinder',
        items: {
          type: 'object',
          title: 'Kind',
          required: ['givenName'],
          properties: { givenName: { type: 'string', title: 'Vorname' } },
        },
      },
    },
  },
};

/** No `$schema`, but `definitions` and `dependencies`: draft-07 by the project's heuristic. */
export const ALT = {
  id: 'alt-formular',
  version: '1',
  lang: 'de',
  schema: {
    type: 'object',
    definitions: { text: { type: 'string' } },
    properties: { a: { $ref: '#/definitions/text' }, b: { type: 'string' } },
    dependencies: { a: ['b'] },
  },
};

/** Writes the fixture forms (plus `extra` files: name → content) into a fresh folder. */
export function formsDir(extra = {}) {
  const dir = tempDir('intake-forms-');
  for (const form of [KONTAKT, ALT]) {
    writeFileSync(join(dir, `${form.id}.json`), JSON.stringify(form, null, 2));
  }
  for (const [name, content] of Object.entries(extra)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/** Data that is valid for KONTAKT, with values easy to search for in logs. */
export function kontaktData(overrides = {}) {
  return {
    name: 'Zuleika Quaxenbrück',
    email: 'zuleika.quaxenbrueck@example.org',
    appointment: '14:30',
    color: '#a0b1c2',
    file: 'data:application/pdf;name=nachweis.pdf;base64,JVBERi0xLjQK',
    birthDate: '1987-06-05',
    address: { postalCode: '50667', city: 'Köln-Quaxenbrückhausen' },
    children: [{ givenName: 'Xaverine' }],
    ...overrides,
  };
}

export function envelope(form, data, overrides = {}) {
  return {
    form: { id: form.id, version: form.version },
    locale: 'ar',
    submittedAt: '2026-11-25T10:00:00.000Z',
    data,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Backends

export const BACKENDS = [
  { name: 'SQLite', kind: 'sqlite', available: true },
  { name: 'PostgreSQL', kind: 'postgres', available: Boolean(PG_URL) },
];

/**
 * Registers `fn` once per storage backend: `SQLite: <name>` and `PostgreSQL: <name>`.
 * `fn(t, env)` gets an environment whose `start()` starts receivers on that backend.
 */
export function storageTest(name, fn, options = {}) {
  for (const backend of BACKENDS) {
    // A timeout, so that a receiver that waits for a body forever fails instead of hanging.
    test(`${backend.name}: ${name}`, { timeout: 120_000, ...options }, async (t) => {
      if (!backend.available) {
        t.diagnostic(PG_MISSING);
        t.skip(PG_MISSING);
        return;
      }
      const env = await backendEnv(t, backend);
      await fn(t, env);
    });
  }
}

/** Drops a test's PostgreSQL schema (on PG_URL) with everything in it. */
export async function dropPgSchema(schema) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * @returns {Promise<{ backend: object, storageOptions: object, start: (options?: object) =>
 *   Promise<object>, logs: string[] }>}
 */
async function backendEnv(t, backend) {
  const receivers = [];
  let storageOptions;
  let dropSchema = async () => {};
  if (backend.kind === 'sqlite') {
    storageOptions = { dataDir: tempDir('intake-data-') };
  } else {
    const schema = `intake_test_${randomBytes(6).toString('hex')}`;
    storageOptions = { databaseUrl: PG_URL, databaseSchema: schema };
    dropSchema = () => dropPgSchema(schema);
  }
  const logs = [];
  t.after(async () => {
    await Promise.all(receivers.map((r) => r.close().catch(() => {})));
    await dropSchema();
  });
  return {
    backend,
    storageOptions,
    logs,
    /** Starts a receiver on this backend (fixture forms, no rate limit unless asked). */
    async start(options = {}) {
      const receiver = await startReceiver({
        port: 0,
        host: '127.0.0.1',
        formsDir: options.formsDir ?? formsDir(),
        rateLimit: false,
        log: (line) => logs.push(line),
        ...storageOptions,
        ...options,
      });
      receivers.push(receiver);
      return receiver;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * POSTs an envelope (or a raw string body) to the submission route.
 *
 * @returns {Promise<Response>}
 */
export function submit(receiver, formId, body, { key = randomUUID(), headers = {} } = {}) {
  return fetch(`${receiver.url}/api/forms/${formId}/submissions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key !== null && { 'Idempotency-Key': key }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * A raw request with node:http, for what fetch cannot do (a local address, unfinished bodies).
 * Resolves to { status, headers, body } once the answer is complete.
 */
export function rawRequest(url, { method = 'GET', headers = {}, body, localAddress, path } = {}) {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const options = {
      host: hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      // `path` goes out exactly as written (a URL would have its dots resolved).
      path: path ?? `${pathname}${search}`,
      method,
      headers,
      localAddress,
    };
    const req = request(options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          bodyBytes: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** All records in the receiver's storage. */
export async function records(receiver) {
  return receiver.storage.list({ limit: 1000 });
}

/** The parsed log lines that describe requests. */
export function requestLines(logs) {
  return logs.map((line) => JSON.parse(line)).filter((entry) => entry.method !== undefined);
}

export { sprachkursData } from './sprachkurs-data.js';
