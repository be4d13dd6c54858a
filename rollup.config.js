// Builds dist/intake-elements.js: one minified ES module, with lazily loaded chunks beside it for
// the runtime JSON Schema compiler (ajv) and each locale's strings.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';

const runtime = {
  input: { 'intake-elements': 'src/index.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    // The production build of Lit (no dev-mode warnings, smaller).
    nodeResolve({
      exportConditions: ['browser', 'production'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    }),
    json(),
    commonjs({ transformMixedEsModules: true }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    // Lit's html`` and css`` literals: collapse whitespace and minify the CSS.
    minifyHTMLLiterals(),
    minify({ target: 'es2022', legalComments: 'none' }),
    // A second pass after esbuild's minifier: terser's repeated compression finds about 1 KiB
    // (gzip) more in the main file (measured in docs/benchmarks.md).
    terser({ module: true, ecma: 2022, compress: { passes: 2 }, format: { comments: false } }),
  ],
};

/**
 * dist/intake-form-builder.js (`intake-elements/builder`): the builder, with its own chunks. It
 * imports the form runtime from ./intake-elements.js instead of bundling it, so that the runtime's
 * build above stays as it is and a page that has both loads `<intake-form>` once.
 */
const builder = {
  ...runtime,
  input: { 'intake-form-builder': 'src/builder/index.ts' },
  output: { ...runtime.output, chunkFileNames: 'builder-chunks/[name]-[hash].js' },
  plugins: [
    {
      name: 'runtime-external',
      resolveId(source, importer) {
        if (source === '../index.js' && importer?.endsWith('/src/builder/intake-form-builder.ts'))
          return { id: './intake-elements.js', external: 'relative' };
        return null;
      },
    },
    ...runtime.plugins,
  ],
};

/**
 * dist/inbox/intake-inbox.js: the staff inbox's pages, served by the receiver under /inbox/.
 * One file (Lit included): the inbox is a page of its own, it shares nothing with a form page.
 */
const inbox = {
  ...runtime,
  input: { 'intake-inbox': 'src/inbox/index.ts' },
  output: { ...runtime.output, dir: 'dist/inbox', inlineDynamicImports: true },
};

export default [runtime, builder, inbox];
