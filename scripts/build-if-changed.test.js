// `npm start` skips the build when dist/ is newer than everything the build reads.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildReason } from './build-if-changed.js';

describe('build-if-changed', () => {
  let root;
  const write = (path, seconds) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, seconds, seconds);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-if-changed-'));
    write('src/index.ts', 1000);
    write('schemas/form.json', 1000);
    write('dist/intake-elements.js', 2000);
    write('dist/inbox/intake-inbox.js', 2000);
    write('dist/forms/form.js', 2000);
    write('dist/types/index.d.ts', 2000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('skips the build when dist/ is newer than every input', () => {
    assert.equal(buildReason(root), null);
  });

  it('builds when a source, an example or a translation changed', () => {
    write('schemas/translations/form.ar.json', 3000);
    assert.equal(
      buildReason(root),
      'schemas/translations/form.ar.json changed since the last build',
    );
  });

  it('builds when a step of the last build did not finish', () => {
    rmSync(join(root, 'dist/types'), { recursive: true });
    assert.equal(buildReason(root), 'dist/types/index.d.ts is missing');
  });

  it('ignores the strings lit-localize writes during the build', () => {
    write('src/generated/locales/de.ts', 3000);
    assert.equal(buildReason(root), null);
  });
});
