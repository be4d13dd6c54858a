// Builds dist/intake-elements.js: one minified ES module, with lazily loaded chunks beside it for
// the runtime JSON Schema compiler (ajv) and each locale's strings.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';

export default {
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
