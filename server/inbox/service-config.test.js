// The service's settings from the environment (server/config.js): SMTP, webhooks, retention.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { optionsFromEnv } from '../config.js';
import { tempDir } from '../testing/harness.js';

const SECRET = 'x'.repeat(40);

function file(name, content) {
  const path = join(tempDir('intake-config-'), name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

test('SMTP, webhooks and retention from the environment', () => {
  const options = optionsFromEnv({
    SMTP_URL: 'smtp://mail.internal:587',
    SMTP_FROM: 'posteingang@kreis.example',
    INBOX_URL: 'https://intake.kreis.example',
    WEBHOOKS_FILE: file('webhooks.json', {
      kontakt: { url: 'https://cms.example/intake', secret: SECRET },
    }),
    RETENTION_DAYS: '90',
    RETENTION_FILE: file('retention.json', { kontakt: 30 }),
    RETENTION_INTERVAL: '15',
  });
  assert.deepEqual(options.notify, {
    smtpUrl: 'smtp://mail.internal:587',
    from: 'posteingang@kreis.example',
    inboxUrl: 'https://intake.kreis.example/',
  });
  assert.deepEqual(options.webhooks, {
    kontakt: { url: 'https://cms.example/intake', secret: SECRET },
  });
  assert.deepEqual(options.retention, { days: 90, forms: { kontakt: 30 }, intervalMs: 900_000 });
  assert.equal(optionsFromEnv({}).retention, undefined, 'the default: 180 days, hourly');
  assert.equal(optionsFromEnv({ RETENTION: 'off' }).retention, false);
});

test('wrong service settings are refused at start', () => {
  assert.throws(() => optionsFromEnv({ SMTP_URL: 'smtp://mail' }), /SMTP_FROM/);
  assert.throws(
    () =>
      optionsFromEnv({
        WEBHOOKS_FILE: file('w.json', { kontakt: { url: 'https://x.example', secret: 'short' } }),
      }),
    /at least 32 characters/,
  );
  assert.throws(() => optionsFromEnv({ RETENTION_DAYS: '-1' }), /whole number/);
  assert.throws(
    () => optionsFromEnv({ RETENTION_FILE: file('r.json', { kontakt: 1.5 }) }),
    /kontakt: days must be a whole number/,
  );
});
