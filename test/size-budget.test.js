// The size budget of the built package (the issue "Fast and small, measured against the field"):
// dist/intake-elements.js — everything needed to render, validate with a precompiled validator,
// step through and submit a form, without locale chunks and without the form's own validator —
// within the budget below, counting every chunk it imports statically (those load with it; only
// dynamically imported chunks, such as the locales and the runtime ajv compiler, are lazy).
//
// Run after `npm run build`: `node --test test/size-budget.test.js`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
// The budget and the decisions that set it: test/size-budgets.js.
import { MAIN_FILE_BUDGET_GZIP as BUDGET_GZIP } from './size-budgets.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(ROOT, 'dist', 'intake-elements.js');

/** Relative module specifiers a file imports statically (`import … from` / `import '…'`). */
export function staticImports(code) {
  const found = new Set();
  // Minified ES modules: `import{a as b}from"./chunks/x.js"`, `import"./x.js"`, `export*from"./x.js"`.
  const pattern =
    /(?:^|[;\s}])(?:import|export)\s*(?:[^'"`()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** The entry and every file it reaches through static imports. */
function staticClosure(entry) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8')))
      visit(path.resolve(path.dirname(file), specifier));
  };
  visit(entry);
  return [...files];
}

const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;

test('staticImports finds static imports and leaves dynamic ones out', () => {
  const code =
    'import{a as b}from"./chunks/lit-1.js";import"./side.js";export*from"../x.js";' +
    'const c=()=>import("./chunks/ajv-compiler-2.js");const d="import(\'./y.js\')";';
  assert.deepEqual(staticImports(code), ['./chunks/lit-1.js', './side.js', '../x.js']);
});

test('dist/intake-elements.js with its static imports stays within its budget', (t) => {
  assert.ok(existsSync(ENTRY), 'dist/intake-elements.js is missing: run `npm run build` first');
  const files = staticClosure(ENTRY);
  const sizes = files.map((file) => ({
    file: path.relative(ROOT, file),
    gzip: gzipSync(readFileSync(file)).length,
  }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  t.diagnostic(
    `${sizes.map((s) => `${s.file} ${kib(s.gzip)}`).join(', ')}; total ${kib(total)} gzip; ` +
      `budget ${kib(BUDGET_GZIP)}`,
  );
  assert.ok(
    total <= BUDGET_GZIP,
    `dist/intake-elements.js is ${kib(total)} gzip, over its budget of ${kib(BUDGET_GZIP)} by ` +
      `${kib(total - BUDGET_GZIP)}. See docs/benchmarks.md ("What makes the bundle big") and ` +
      '`node bench/size-breakdown.js dist/intake-elements.js` for where the bytes come from.',
  );
});
