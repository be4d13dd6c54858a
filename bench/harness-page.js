// The benchmark's page and what it loads: the contenders and the harness bundled with esbuild
// into bench/build/, a snapshot of dist/, the generated definitions compiled with the CLI's
// compiler, and a static server for all of it on 127.0.0.1. Used by bench/run.js and
// bench/profile.js.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateForm } from './generate-form.js';

export const BENCH = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH, '..');
/** Where the page and its bundles are written (removed after a run unless --keep-build). */
export const BUILD = path.join(BENCH, 'build');
/** The snapshot of dist/ that is served as /dist/ and whose sizes are reported. */
export const DIST_COPY = path.join(BUILD, 'dist');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>intake-elements benchmark</title>
    <script>
      // A minimal React DevTools hook: React's production build reports every commit to it, which
      // is how the React contenders' "end of update" is timed (bench/contenders/shared.js).
      window.__benchCommits = { count: 0, last: 0, onCommit: undefined };
      window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        isDisabled: false,
        renderers: new Map(),
        inject() { return 1; },
        onCommitFiberRoot() {
          const c = window.__benchCommits;
          c.count += 1;
          c.last = performance.now();
          if (c.onCommit) c.onCommit();
        },
        onPostCommitFiberRoot() { window.__benchCommits.last = performance.now(); },
        onCommitFiberUnmount() {},
        checkDCE() {},
      };
    </script>
  </head>
  <body>
    <main id="app"></main>
    <script type="module" src="./harness.js"></script>
  </body>
</html>
`;

/** The import of the built package stays an import of /dist/intake-elements.js, served as is. */
const distExternal = {
  name: 'dist-external',
  setup(b) {
    b.onResolve({ filter: /dist\/intake-elements\.js$/ }, () => ({
      path: '/dist/intake-elements.js',
      external: true,
    }));
  },
};

export async function buildContenders(names) {
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(BUILD, { recursive: true });
  // A snapshot of the package as built now: a rebuild during the run does not change what is
  // measured (served as /dist/, sizes read from it).
  cpSync(path.join(ROOT, 'dist'), DIST_COPY, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}types`),
  });
  writeFileSync(path.join(BUILD, 'page.html'), PAGE);
  const entryPoints = Object.fromEntries(
    ['harness', ...names].map((name) => [name, path.join(BENCH, 'contenders', `${name}.js`)]),
  );
  await build({
    entryPoints,
    outdir: BUILD,
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'error',
    plugins: [distExternal],
  });
}

/**
 * Compiles the generated definition for each N with the CLI's compiler
 * (cli/lib/compile-definition.js) into an ES module whose default export is the definition with
 * its precompiled validators, bundled for the browser. Returns a map N → URL, or the reason why
 * there is none (the element then compiles at run time).
 */
export async function compileIntakeDefinitions(ns) {
  const file = path.join(ROOT, 'cli', 'lib', 'compile-definition.js');
  if (!existsSync(file))
    return { urls: {}, reason: 'cli/lib/compile-definition.js does not exist yet' };
  try {
    const module = await import(pathToFileURL(file).href);
    const compile =
      module.compileDefinition ??
      module.compileDefinitionModule ??
      module.compile ??
      module.default;
    if (typeof compile !== 'function')
      return { urls: {}, reason: 'cli/lib/compile-definition.js exports no compile function' };
    const dir = path.join(BUILD, 'definitions');
    mkdirSync(dir, { recursive: true });
    const urls = {};
    for (const n of ns) {
      const definition = {
        id: `bench-${n}`,
        version: '1',
        lang: 'en',
        schema: generateForm(n).schema,
      };
      const output = await compile(definition, { path: `bench-${n}.json` });
      const source =
        typeof output === 'string' ? output : (output?.code ?? output?.source ?? output?.module);
      if (typeof source !== 'string')
        return { urls: {}, reason: 'compile-definition returned no module source' };
      const sourceFile = path.join(dir, `intake-${n}.source.js`);
      writeFileSync(sourceFile, source);
      await build({
        entryPoints: [sourceFile],
        outfile: path.join(dir, `intake-${n}.js`),
        bundle: true,
        format: 'esm',
        minify: true,
        target: 'es2022',
        legalComments: 'none',
        nodePaths: [path.join(ROOT, 'node_modules'), path.join(BENCH, 'node_modules')],
        logLevel: 'error',
      });
      urls[n] = `/build/definitions/intake-${n}.js`;
    }
    return { urls };
  } catch (error) {
    return { urls: {}, reason: `compiling the definition failed: ${error.message}` };
  }
}

// ---- server --------------------------------------------------------------------------------

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

/** A static server on 127.0.0.1: /build/ (bench/build), /dist/ (the package), /form/<n>.json. */
export function startServer() {
  const forms = new Map();
  const roots = { '/build/': BUILD, '/dist/': DIST_COPY };
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
    const form = /^\/form\/(\d+)\.json$/.exec(url.pathname);
    if (form) {
      const n = Number(form[1]);
      if (!forms.has(n)) forms.set(n, JSON.stringify(generateForm(n)));
      return send(200, TYPES['.json'], forms.get(n));
    }
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    if (!prefix) return send(404, 'text/plain', 'not found');
    const base = roots[prefix];
    const file = path.resolve(base, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(base + path.sep) || !existsSync(file))
      return send(404, 'text/plain', 'not found');
    return send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
