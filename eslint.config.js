// ESLint flat config. Not type-aware on purpose: lint stays fast and needs no tsconfig project.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
// eslint-plugin-lit-a11y 5.x has no `flat/recommended`; its `configs.recommended` is already
// a flat config object ({ plugins: { 'lit-a11y': plugin }, rules }) and runs under ESLint 10.
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

const componentFiles = ['src/**/*.ts', 'stories/**/*.ts'];
const unusedVarsOptions = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
};

export default defineConfig([
  globalIgnores([
    'bench/build/**',
    '**/node_modules/',
    'dist/',
    'storybook-static/',
    'src/generated/',
    'coverage/',
    'bench/node_modules/',
    'tools/*/node_modules/',
    // Modules as an older version of the compiler wrote them (minified, kept byte for byte).
    'test/fixtures/compiled/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  // typescript-eslint's recommended turns on its no-unused-vars for every file (it parses .js too).
  {
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', unusedVarsOptions],
    },
  },

  {
    files: componentFiles,
    extends: [lit.configs['flat/recommended'], litA11y.configs.recommended],
    languageOptions: { globals: globals.browser },
  },

  // The form model and the form state are pure TypeScript: no Lit, no DOM (docs/architecture.md).
  {
    files: ['src/form/**/*.ts', 'src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'lit', message: 'src/form/ and src/model/ stay free of Lit.' }],
          patterns: [
            { group: ['lit/*', '@lit/*'], message: 'src/form/ and src/model/ stay free of Lit.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'HTMLElement', 'customElements', 'navigator'].map((name) => ({
          name,
          message: 'src/form/ and src/model/ stay free of the DOM.',
        })),
      ],
    },
  },

  {
    files: [
      'scripts/**',
      'server/**',
      'bin/**',
      'cli/**',
      'tools/**',
      '*.config.js',
      '.storybook/**',
    ],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['test/server/**', 'demo/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
]);
