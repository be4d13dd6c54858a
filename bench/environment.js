// What a result was measured with: the package versions of every contender, and the machine
// (CPU, memory, load average, Node, Chromium).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { BENCH, ROOT } from './harness-page.js';

/** The versions of the package (and its commit) and of every contender's libraries. */
export function versions() {
  const require = createRequire(path.join(BENCH, 'package.json'));
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    } catch {
      // Packages without an exported package.json: read it from node_modules directly.
      const file = path.join(BENCH, 'node_modules', name, 'package.json');
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
    }
  };
  const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT })
      .toString()
      .trim();
    if (dirty) commit += ' + uncommitted changes in src/';
  } catch {
    // Not a git checkout: the version alone.
  }
  return {
    'intake-elements': `${root.version} (${commit})`,
    'lit (intake-elements)': root.dependencies?.lit,
    react: version('react'),
    'react-dom': version('react-dom'),
    '@rjsf/core': version('@rjsf/core'),
    '@rjsf/utils': version('@rjsf/utils'),
    '@rjsf/validator-ajv8': version('@rjsf/validator-ajv8'),
    'ajv (rjsf, JSON Forms)': version('ajv'),
    '@jsonforms/core': version('@jsonforms/core'),
    '@jsonforms/react': version('@jsonforms/react'),
    '@jsonforms/vanilla-renderers': version('@jsonforms/vanilla-renderers'),
    'lit (plain Lit contender)': version('lit'),
    esbuild: version('esbuild'),
    'playwright-core': version('playwright-core'),
  };
}

/** The machine a run was measured on, with the load average before and after. */
export function machine(browserVersion, loadBefore) {
  const cpus = os.cpus();
  const load = (l) => l.map((v) => v.toFixed(1)).join(' / ');
  return {
    'load average 1/5/15 min (start → end)': `${load(loadBefore)} → ${load(os.loadavg())}`,
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: browserVersion,
  };
}
