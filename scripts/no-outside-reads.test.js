// Nothing in the project may read outside its own tree at test or run time: a clone of the
// repository alone must pass `npm test`. Outside corpora are vendored under test/fixtures/ with
// their licence. This check fails when a tracked file names a path beside the checkout
// (`../shared/…`, the shared `compat/` folder) or an absolute machine path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'storybook-static', '.git', 'coverage', 'data']);
const SELF = 'scripts/no-outside-reads.test.js';

/** Tracked files (git), or every file outside build output when there is no git checkout. */
function projectFiles() {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  } catch {
    const files = [];
    const walk = (dir) => {
      for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.git')) continue;
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(rel);
        else files.push(rel);
      }
    };
    walk('');
    return files;
  }
}

// Code, configuration and data: what runs or is read. Prose (*.md) may mention where a corpus
// came from.
const CHECKED = /\.(?:[cm]?[jt]s|tsx?|json|html|css|sh|ya?ml)$|^\.ci\/|^\.storybook\//;
const OUTSIDE = [
  { name: 'a folder beside the checkout', pattern: /\.\.\/shared\b|\.\.\\shared\b/ },
  { name: 'the shared compat corpus', pattern: /\bshared\/compat\b/ },
  { name: 'an absolute machine path', pattern: /(?<![\w.])\/(?:work|root|home\/\w+)\/[\w.-]/ },
];

describe('nothing in the project reads outside its tree', () => {
  const files = projectFiles().filter(
    (file) => file !== SELF && CHECKED.test(file) && !file.endsWith('package-lock.json'),
  );

  it('finds the project files to check', () => {
    assert.ok(files.length > 100, `only ${files.length} files found`);
  });

  it('names no path outside the repository', () => {
    const found = [];
    for (const file of files) {
      const full = path.join(ROOT, file);
      if (!existsSync(full) || statSync(full).size > 2_000_000) continue;
      const lines = readFileSync(full, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const { name, pattern } of OUTSIDE)
          if (pattern.test(line)) found.push(`${file}:${index + 1}: ${name}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('has the vendored react-jsonschema-form samples, with their licence note', () => {
    const dir = path.join(ROOT, 'test/fixtures/rjsf');
    const samples = readdirSync(dir).filter((name) => name.endsWith('.json'));
    assert.equal(samples.length, 48);
    assert.match(readFileSync(path.join(dir, 'README.md'), 'utf8'), /Apache License 2\.0/);
  });
});
