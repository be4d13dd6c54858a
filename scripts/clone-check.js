#!/usr/bin/env node
/**
 * Runs the tests from a fresh clone of this repository in a temporary folder, as a newcomer's
 * machine would: the committed files alone (no node_modules, no dist/, nothing beside the
 * checkout), `npm ci`, then the npm scripts named (default: `test`). Removes the clone afterwards
 * (`--keep` keeps it). Commit first: only committed files are cloned.
 *
 *   npm run test:clone                      # npm ci && npm test in a clone
 *   node scripts/clone-check.js typecheck    # any npm scripts, in order
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const scripts = args.filter((arg) => arg !== '--keep');
const clone = join(mkdtempSync(join(tmpdir(), 'intake-clone-')), 'intake-elements');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs one command in the clone, printing what it runs; returns its exit status. */
function run(command, commandArgs, cwd = clone) {
  console.log(`\n$ ${[command, ...commandArgs].join(' ')}`);
  return spawnSync(command, commandArgs, { cwd, stdio: 'inherit' }).status ?? 1;
}

let status = run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], root);
if (status === 0) status = run(npm, ['ci', '--no-audit', '--no-fund']);
for (const script of scripts.length > 0 ? scripts : ['test']) {
  if (status !== 0) break;
  status = run(npm, ['run', script]);
}
if (keep) console.log(`\nThe clone stays in ${clone}`);
else rmSync(join(clone, '..'), { recursive: true, force: true });
console.log(status === 0 ? '\nThe clone passed.' : `\nThe clone failed (exit ${status}).`);
process.exit(status);
