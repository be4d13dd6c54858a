/**
 * The built files a page loads by default (dist/intake-elements.js and every chunk it imports
 * statically) contain no eval and no `new Function`; the ajv compiler, which does, is a separate
 * chunk, loaded only by a dynamic import (for raw schemas). The compiled example forms contain
 * neither. Run after `npm run build` and scripts/compile-examples.js.
 */
import { expect } from '@open-wc/testing';

const FORBIDDEN: [RegExp, string][] = [
  [/\bnew\s+Function\b/, 'new Function'],
  [/\beval\s*\(/, 'eval('],
  [/(^|[^.\w$])Function\s*\(/, 'Function('],
];

function findings(source: string): string[] {
  return FORBIDDEN.filter(([pattern]) => pattern.test(source)).map(([, name]) => name);
}

async function text(path: string): Promise<string> {
  const response = await fetch(path);
  expect(response.ok, `${path}: HTTP ${response.status}`).to.equal(true);
  return response.text();
}

/** Paths of the chunks a module imports statically (`import … from "./chunks/x.js"`, `import "./x.js"`). */
function staticImports(source: string, from: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/\bimport\s*(?:[\w${},*\s]+?\s*from\s*)?["']([^"']+)["']/g))
    found.add(new URL(match[1], new URL(from, location.origin)).pathname);
  for (const match of source.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g))
    found.add(new URL(match[1], new URL(from, location.origin)).pathname);
  return [...found];
}

function dynamicImports(source: string, from: string): string[] {
  return [...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map(
    (match) => new URL(match[1], new URL(from, location.origin)).pathname,
  );
}

describe('the built bundle', () => {
  it('dist/intake-elements.js and its static imports have no eval, new Function or Function(', async () => {
    const seen = new Set<string>();
    const queue = ['/dist/intake-elements.js'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const source = await text(path);
      expect(findings(source), path).to.deep.equal([]);
      queue.push(...staticImports(source, path));
    }
    expect(
      [...seen].some((path) => /ajv/.test(path)),
      [...seen].join(', '),
    ).to.equal(false);
  });

  it('the ajv compiler is a separate chunk, imported dynamically, and the grep finds its new Function', async () => {
    const main = await text('/dist/intake-elements.js');
    // Each path once: the main file also names the chunk in its preload table (issue 21).
    const ajv = [...new Set(dynamicImports(main, '/dist/intake-elements.js'))].filter((path) =>
      /\/chunks\/ajv-compiler-[^/]+\.js$/.test(path),
    );
    expect(ajv).to.have.length(1);
    expect(staticImports(main, '/dist/intake-elements.js')).not.to.include(ajv[0]);
    // The same grep that passes the main bundle catches the compiler: the test can fail.
    expect(findings(await text(ajv[0]))).to.include('new Function');
  });

  it('the compiled example forms have no eval, new Function, Function( or imports', async () => {
    for (const path of ['/dist/forms/sprachkurs-anmeldung.js', '/dist/forms/ki-erstberatung.js']) {
      const source = await text(path);
      expect(findings(source), path).to.deep.equal([]);
      expect(staticImports(source, path), path).to.deep.equal([]);
      expect(dynamicImports(source, path), path).to.deep.equal([]);
    }
  });
});
