// @web/test-runner: every test runs in headless Chromium (Debian's, or CHROME_PATH).
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { testReceiver } from './test/server/test-receiver.js';
import { cspPage } from './test/csp/csp-page.js';
import { compiledDefinitions } from './test/validation/compiled-definitions.js';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { findBrowser, CHROMIUM_ARGS } from './scripts/find-browser.js';

const executablePath = findBrowser();
if (!executablePath) {
  throw new Error(
    'No Chromium or Chrome found: run `apt-get install chromium` or set CHROME_PATH.',
  );
}

/**
 * ajv is CommonJS with JSON imports, which the dev server cannot serve as ES modules. The module
 * that wraps it is served bundled by esbuild (as rollup bundles it for dist/), while the project's
 * own modules stay external so that tests and the element share one copy of each.
 */
const BUNDLED = new Set([
  '/src/validation/ajv-compiler.ts',
  // ajv's runtime helpers and formats, for code kept across visits (validator-cache.ts).
  '/src/validation/standalone-validators.ts',
  // The one home of the ajv set-up, which imports ajv's classes (src/core/ajv-setup.js).
  '/src/core/ajv-setup.js',
  // ajv itself, for tests that check the element against ajv run directly.
  '/test/security/direct-ajv.ts',
]);

/**
 * Modules served bundled whole (their own relative imports included): the builder's check runs
 * the command line's checks (cli/lib/, which import ajv and the meta-schema JSON) in the browser.
 */
const BUNDLED_WHOLE = new Set(['/src/builder/check/definition-check.ts']);

function bundleCommonJs() {
  return {
    name: 'bundle-commonjs',
    async serve(context) {
      const whole = BUNDLED_WHOLE.has(context.path);
      if (!BUNDLED.has(context.path) && !whole) return undefined;
      const result = await build({
        entryPoints: [path.join(process.cwd(), context.path)],
        bundle: true,
        format: 'esm',
        write: false,
        target: 'es2022',
        plugins: [
          {
            name: 'own-modules-external',
            setup(b) {
              b.onResolve({ filter: /^\./ }, (args) =>
                whole || args.importer.includes(`${path.sep}node_modules${path.sep}`)
                  ? undefined
                  : {
                      // A `.js` import names the `.ts` source, except for the plain JavaScript
                      // of src/core/.
                      path: existsSync(path.resolve(args.resolveDir, args.path))
                        ? args.path
                        : args.path.replace(/\.js$/, '.ts'),
                      external: true,
                    },
              );
            },
          },
        ],
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

/**
 * Serves the react-jsonschema-form compat corpus (`test/fixtures/rjsf`, vendored with its licence) to
 * test/compat.test.ts: `GET /compat/rjsf/index.json` lists the sample names, and
 * `GET /compat/rjsf/<name>.json` returns one sample. Any other path under /compat/ is a 404, and
 * names are checked against the folder's listing, so nothing outside it can be read.
 */
const COMPAT_DIR = path.resolve(process.cwd(), 'test/fixtures/rjsf');

function compatCorpus() {
  return async function serveCompat(context, next) {
    if (!context.path.startsWith('/compat/')) return next();
    const json = (body) => {
      context.status = 200;
      context.type = 'application/json';
      context.body = body;
    };
    const notFound = () => {
      context.status = 404;
      context.type = 'text/plain';
      context.body = 'Not found';
    };
    if (context.method !== 'GET' && context.method !== 'HEAD') return notFound();
    let names;
    try {
      names = (await readdir(COMPAT_DIR))
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.slice(0, -'.json'.length))
        .sort();
    } catch {
      return notFound();
    }
    if (context.path === '/compat/rjsf/index.json') return json(JSON.stringify(names));
    const match = /^\/compat\/rjsf\/([A-Za-z0-9_-]+)\.json$/.exec(context.path);
    if (!match || !names.includes(match[1])) return notFound();
    return json(await readFile(path.join(COMPAT_DIR, `${match[1]}.json`), 'utf8'));
  };
}

/**
 * `executeServerCommand('set-offline', { offline })`: takes the browser context off the network
 * (Playwright's `setOffline`), as a phone in a basement would be.
 */
function offlineCommand() {
  return {
    name: 'set-offline',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-offline') return undefined;
      const page = session.browser.getPage(session.id);
      await page.context().setOffline(Boolean(payload?.offline));
      return true;
    },
  };
}

/** Headless Chromium for the tests (Debian's, or CHROME_PATH), with `extraArgs` where a set-up needs more. */
export function chromium(extraArgs = []) {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] },
  });
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  concurrency: 2,
  testsFinishTimeout: 900000,
  // Generous: the keyboard-only walks press hundreds of keys, and CI machines have two cores.
  testFramework: { config: { timeout: 90000 } },
  // cspPage: /csp/index.html with the strict Content-Security-Policy (test/csp/);
  // compiledDefinitions: /compiled/…, definitions compiled on request (test/validation/).
  middleware: [compatCorpus(), testReceiver(), cspPage(), compiledDefinitions()],
  plugins: [
    offlineCommand(),
    bundleCommonJs(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [chromium()],
};
