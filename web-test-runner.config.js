// @web/test-runner: every test runs in headless Chromium (Debian's, or CHROME_PATH).
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { findBrowser, CHROMIUM_ARGS } from './scripts/find-browser.js';

const executablePath = findBrowser();
if (!executablePath) {
  throw new Error('No Chromium or Chrome found: run `apt-get install chromium` or set CHROME_PATH.');
}

/**
 * ajv is CommonJS with JSON imports, which the dev server cannot serve as ES modules. The module
 * that wraps it is served bundled by esbuild (as rollup bundles it for dist/), while the project's
 * own modules stay external so that tests and the element share one copy of each.
 */
const BUNDLED = new Set(['/src/validation/ajv-compiler.ts']);

function bundleCommonJs() {
  return {
    name: 'bundle-commonjs',
    async serve(context) {
      if (!BUNDLED.has(context.path)) return undefined;
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
                args.importer.includes(`${path.sep}node_modules${path.sep}`)
                  ? undefined
                  : { path: args.path.replace(/\.js$/, '.ts'), external: true },
              );
            },
          },
        ],
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  concurrency: 2,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [bundleCommonJs(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
