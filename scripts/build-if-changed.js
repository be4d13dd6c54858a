#!/usr/bin/env node
/**
 * `npm start` runs this before the demo server: it runs `npm run build` only when dist/ is
 * missing, incomplete, or older than a file the build reads, so a restart takes a second instead
 * of the full build (about 50 s on a small machine). `npm run serve` skips even this check.
 *
 *   node scripts/build-if-changed.js           # builds when needed
 *   node scripts/build-if-changed.js --check   # only says whether a build is needed (exit 1 if so)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** What the build reads: sources, translations, example definitions, the compiler, configs. */
export const BUILD_INPUTS = [
  'src',
  'xliff',
  'schemas',
  'cli/lib',
  'cli/compile.js',
  'scripts/compile-examples.js',
  'rollup.config.js',
  'tools/rollup-part-dependencies.js',
  'lit-localize.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];
/** Written by lit-localize during the build itself, so never a reason to build again. */
const GENERATED = ['src/generated'];
/** Written last by each step of the build; a build that stopped early lacks one of them. */
export const BUILD_OUTPUTS = [
  'dist/intake-elements.js',
  'dist/inbox/intake-inbox.js',
  'dist/forms',
  'dist/types/index.d.ts',
];

/**
 * Every file under `path` (a file or a folder) except the generated ones, with its mtime.
 * @param {string} root
 * @param {string} path relative to root
 * @returns {Array<{ file: string, mtimeMs: number }>}
 */
function files(root, path) {
  const full = join(root, path);
  if (!existsSync(full) || GENERATED.includes(path)) return [];
  const stat = statSync(full);
  if (!stat.isDirectory()) return [{ file: path, mtimeMs: stat.mtimeMs }];
  return readdirSync(full).flatMap((name) => files(root, `${path}/${name}`));
}

/**
 * Why a build is needed, or null when dist/ is newer than everything the build reads.
 * @param {string} root the repository
 * @returns {string | null}
 */
export function buildReason(root) {
  const missing = BUILD_OUTPUTS.find((path) => !existsSync(join(root, path)));
  if (missing) return `${missing} is missing`;
  const outputs = files(root, 'dist');
  const oldestOutput = Math.min(...outputs.map((entry) => entry.mtimeMs));
  const newer = BUILD_INPUTS.flatMap((path) => files(root, path)).find(
    (entry) => entry.mtimeMs > oldestOutput,
  );
  return newer ? `${newer.file} changed since the last build` : null;
}

async function isMain() {
  return process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '';
}

if (await isMain()) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const reason = buildReason(root);
  if (process.argv.includes('--check')) {
    console.log(reason ? `build needed: ${reason}` : 'dist/ is up to date');
    process.exit(reason ? 1 : 0);
  }
  if (!reason) {
    console.log('dist/ is up to date: skipping the build (npm run build forces one).');
  } else {
    console.log(`Building (${reason}).`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
    process.exit(result.status ?? 1);
  }
}
