#!/usr/bin/env node
/**
 * Compiles the example definitions (schemas/*.json that are form definitions) into
 * dist/forms/<id>.js, with their translation files next to them in dist/forms/translations/:
 * what the strict-CSP page test (test/csp/) and the demo load. Part of the build: run it after
 * rollup (`node scripts/compile-examples.js [outDir]`).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { compileFile } from '../cli/compile.js';
import { displayPath } from '../cli/lib/definition-files.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const schemas = join(root, 'schemas');
const outDir = process.argv[2] ?? join(root, 'dist/forms');

const definitions = readdirSync(schemas)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .sort()
  .map((name) => join(schemas, name));

/** @type {import('../cli/compile.js').Io} */
const io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

rmSync(outDir, { recursive: true, force: true });
try {
  for (const path of definitions) {
    const { module, copied } = await compileFile(
      path,
      { outDir, inline: false, minify: true, check: true },
      io,
    );
    io.out(
      `compiled ${displayPath(module)}${copied.length > 0 ? ` (+ ${copied.length} translation files)` : ''}`,
    );
  }
} catch (error) {
  io.err(`compile-examples: ${/** @type {Error} */ (error).message}`);
  process.exitCode = 1;
}
