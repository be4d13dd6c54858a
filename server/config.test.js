// Configuration from the environment and RECEIVER_CONFIG.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, optionsFromEnv } from './config.js';
import { tempDir } from './testing/harness.js';

test('defaults: 127.0.0.1:8080, schemas/ and data/ of the repository, SQLite, no faults', () => {
  assert.deepEqual(optionsFromEnv({}), {
    port: 8080,
    host: '127.0.0.1',
    formsDir: join(REPO_ROOT, 'schemas'),
    dataDir: join(REPO_ROOT, 'data'),
  });
});

test('every variable', () => {
  const options = optionsFromEnv({
    PORT: '0',
    HOST: '0.0.0.0',
    FORMS_DIR: '/srv/forms',
    DATA_DIR: '/var/lib/intake',
    DATABASE_URL: 'postgres://u:p@db/intake',
    DATABASE_SCHEMA: 'intake',
    BODY_LIMIT: '2048',
    RATE_LIMIT: '10',
    RATE_LIMIT_BURST: '3',
    TRUST_PROXY: 'on',
    STAFF_HOSTS: 'localhost:9000, intake.internal',
    CORS_ORIGINS: 'https://a.example, https://b.example',
    CORS_ALLOW_HEADERS: 'X-One,X-Two',
    REFERENCE_PREFIX: 'KI',
    FAULTS: 'seed=3,drop=0.1',
  });
  assert.deepEqual(options, {
    port: 0,
    host: '0.0.0.0',
    formsDir: '/srv/forms',
    dataDir: '/var/lib/intake',
    databaseUrl: 'postgres://u:p@db/intake',
    databaseSchema: 'intake',
    bodyLimit: 2048,
    rateLimit: { perMinute: 10, burst: 3 },
    trustProxy: true,
    staffHosts: ['localhost:9000', 'intake.internal'],
    cors: { '*': ['https://a.example', 'https://b.example'] },
    corsAllowHeaders: ['X-One', 'X-Two'],
    referencePrefix: 'KI',
    faults: { seed: 3, drop: 0.1 },
  });
  assert.deepEqual(
    optionsFromEnv({ CORS_ORIGINS: '{"kontakt": ["https://a.example"], "*": "https://b.example"}' })
      .cors,
    { kontakt: ['https://a.example'], '*': ['https://b.example'] },
  );
  assert.deepEqual(optionsFromEnv({ REFERENCE_PREFIX: '{"kontakt":"KO"}' }).referencePrefix, {
    kontakt: 'KO',
  });
  assert.deepEqual(optionsFromEnv({ RATE_LIMIT: '0' }).rateLimit, { perMinute: 0, burst: 0 });
});

test('mistakes are refused, not guessed at', () => {
  assert.throws(() => optionsFromEnv({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => optionsFromEnv({ BODY_LIMIT: '-1' }), /BODY_LIMIT/);
  assert.throws(() => optionsFromEnv({ TRUST_PROXY: 'maybe' }), /TRUST_PROXY/);
  // The loopback staff endpoints are gone: a setting that asks for them is refused, not ignored.
  assert.throws(() => optionsFromEnv({ STAFF_ENDPOINTS: 'on' }), /staff inbox/);
  assert.throws(() => optionsFromEnv({ CORS_ORIGINS: '{"a": 1' }));
  assert.throws(() => optionsFromEnv({ FAULTS: 'chaos=1' }), /unknown fault/);
  const file = join(tempDir(), 'receiver.config.json');
  writeFileSync(file, JSON.stringify({ staffHosts: 'localhost' }));
  assert.throws(() => optionsFromEnv({ RECEIVER_CONFIG: file }), /staffHosts/);
});

test('RECEIVER_CONFIG: a JSON file with the same settings; variables win', () => {
  const dir = tempDir();
  const file = join(dir, 'receiver.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      formsDir: 'forms',
      cors: { kontakt: 'https://www.stadt.example' },
      referencePrefix: { kontakt: 'KO' },
      rateLimit: { perMinute: 12 },
      trustProxy: true,
    }),
  );
  const options = optionsFromEnv({ RECEIVER_CONFIG: file, DATA_DIR: '/data' });
  assert.equal(options.formsDir, join(dir, 'forms'));
  assert.equal(options.dataDir, '/data');
  assert.deepEqual(options.cors, { kontakt: ['https://www.stadt.example'] });
  assert.deepEqual(options.referencePrefix, { kontakt: 'KO' });
  assert.deepEqual(options.rateLimit, { perMinute: 12 });
  assert.equal(options.trustProxy, true);
  assert.deepEqual(optionsFromEnv({ RECEIVER_CONFIG: file, RATE_LIMIT_BURST: '2' }).rateLimit, {
    perMinute: 12,
    burst: 2,
  });

  writeFileSync(file, JSON.stringify({ faults: { drop: 1 } }));
  assert.throws(() => optionsFromEnv({ RECEIVER_CONFIG: file }), /unknown setting faults/);
});
