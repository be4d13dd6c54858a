/**
 * Compiles a form definition into one self-contained ES module: the definition itself plus
 * precompiled ajv validators (standalone code) for the schema, split by root property, and every
 * sub-schema the form matches at run time, so that the form runs under a Content-Security-Policy without
 * `'unsafe-eval'` (see src/validation/precompiled.ts for the contract, docs/compiling.md for use).
 *
 * ```js
 * import { compileDefinition } from 'intake-elements/compile';
 * const source = await compileDefinition(definition, { translations: 'inline', path: 'forms/x.json' });
 * ```
 *
 * The module's default export is `{ ...definition, validators: { '#shell': fn, '#property:name': fn,
 * ..., '/schema/allOf/0/if': fn, ... }, refs: { '/schema/properties/a': '/schema/$defs/a', ... } }`
 * (the key scheme: src/validation/precompiled.ts; `refs`: src/core/schema-references.js). It has
 * no imports (ajv's runtime helpers and the format checks it uses are bundled in), and
 * no `eval` or `new Function`.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { referenceTable } from '../../src/core/schema-references.js';
import { checkDefinition } from './check-definition.js';
import { translationFilePath } from './check-translations.js';
import {
  addRootSchema,
  createAjv,
  detectDialect,
  referenceOf,
  referenceOfPointer,
  splitDocument,
} from './compile-ajv.js';
import { formatsModuleSource, formatsUsedBy } from './compile-formats.js';
import { propertyKey, SHELL_KEY, validatorLocations, WHOLE_KEY } from './compile-locations.js';
import { isPlainObject as isObject } from '../../src/core/own.js';

const standaloneCode = standaloneModule.default ?? standaloneModule;

/** This package's folder: ajv and its helpers are resolved from here, not from the caller's. */
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

const VERSION = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

/** The module the validators' code imports the function formats from (bundled). */
const FORMATS_MODULE = 'intake-elements:formats';
const VALIDATORS_MODULE = 'intake-elements:validators';
/** The formats of ajv-formats the validators use, rewritten as an ES module (compile-formats.js). */
const PICKED_FORMATS_MODULE = 'intake-elements:ajv-formats';

/** A definition that cannot be compiled; `problems` lists why, each with its pointer. */
export class CompileError extends Error {
  /**
   * @param {string} message
   * @param {import('./check-definition.js').Problem[]} [problems]
   */
  constructor(message, problems = []) {
    super(message);
    this.name = 'CompileError';
    this.problems = problems;
    this.exitCode = 1;
  }
}

/**
 * @typedef {object} CompileOptions
 * @property {string} [path] where the definition was read from: names it in messages and the
 *   banner, and relative translation URLs are read from beside it (`translations: 'inline'`)
 * @property {'keep' | 'inline'} [translations] locales given by URL: `keep` (default) leaves the
 *   URLs, which the element resolves against the compiled module's URL, so the files must be
 *   served next to it (the CLI copies them); `inline` reads them and puts their contents into the
 *   module
 * @property {(url: string, locale: string) => Record<string, string> | Promise<Record<string, string>>} [readTranslations]
 *   reads a locale's translations for `inline` (default: the file at the URL relative to `path`)
 * @property {Record<string, string>} [translationExpressions] for bundler plugins: per locale, a
 *   JavaScript expression (source text) to put in place of its URL, e.g. an asset URL
 * @property {boolean} [check] check the definition first and refuse one with errors (default
 *   true); warnings are passed to `onWarning`
 * @property {(problem: import('./check-definition.js').Problem) => void} [onWarning]
 * @property {boolean} [minify] minify the module (default true)
 */

/**
 * Reads a translations file next to a definition.
 * @param {string} url
 * @param {string} locale
 * @param {string | undefined} path
 */
function readTranslationFile(url, locale, path) {
  const file = path ? translationFilePath(url, path) : undefined;
  if (!file)
    throw new CompileError(
      `cannot inline translations.${locale} ("${url}"): ${path ? 'only URLs relative to the definition can be read' : 'the definition\u2019s path is not known'}`,
    );
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CompileError(
      `cannot inline translations.${locale} from ${file}: ${/** @type {Error} */ (error).message}`,
    );
  }
}

/**
 * JavaScript source for a JSON value. `JSON.parse` of a string literal where an object literal
 * would mean something else (a `"__proto__"` key sets the prototype in a literal).
 * @param {unknown} value
 */
function jsonSource(value) {
  const json = JSON.stringify(value);
  return json.includes('"__proto__"') ? `JSON.parse(${JSON.stringify(json)})` : json;
}

/**
 * Text safe inside a `//` comment.
 * @param {unknown} text
 */
function oneLine(text) {
  return String(text).replace(/[\r\n\u2028\u2029]/g, ' ');
}

/**
 * Loads esbuild, which bundles ajv's runtime helpers into the module.
 * @returns {Promise<typeof import('esbuild')>}
 */
async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch (error) {
    throw new CompileError(
      `compiling needs esbuild, which could not be loaded: ${/** @type {Error} */ (error).message}`,
    );
  }
}

/**
 * The standalone code of a schema's validators, and the key of each (`v0`, `v1`, … in the code):
 * the shell and one per root property where the root can be split, else the whole schema; then
 * every location the form matches (see compile-locations.js for the key scheme).
 * @param {Record<string, unknown>} schema
 * @param {import('./compile-ajv.js').Dialect} dialect
 * @param {string} name the definition's name, for messages
 * @returns {{ code: string, keys: string[] }}
 */
function compileValidators(schema, dialect, name) {
  const newAjv = () =>
    createAjv(dialect, { standalone: true, formatsModule: FORMATS_MODULE, logger: false });
  const locations = validatorLocations(schema).filter((location) => location !== WHOLE_KEY);
  /**
   * @param {import('ajv').default} ajv
   * @param {string} rootKey
   * @param {[string, string][]} roots key and ajv reference of each validator of the root
   */
  const generate = (ajv, rootKey, roots) => {
    const entries = [
      ...roots,
      ...locations.map((location) => [location, referenceOf(rootKey, location)]),
    ];
    /** @type {Record<string, string>} */
    const exports = {};
    entries.forEach(([, reference], i) => (exports[`v${i}`] = reference));
    return { code: standaloneCode(ajv, exports), keys: entries.map(([key]) => key) };
  };
  const split = splitDocument(schema);
  if (split) {
    // Compiled by JSON Pointer inside the root document, so that references resolve as in the
    // root (see src/core/split-schema.js). Anything ajv refuses here means no split, as in
    // the browser: the whole schema is compiled instead, below.
    try {
      const ajv = newAjv();
      const rootKey = addRootSchema(ajv, split.document, dialect);
      return generate(ajv, rootKey, [
        [SHELL_KEY, referenceOfPointer(rootKey, split.shell)],
        ...split.properties.map((property, i) => [
          propertyKey(property),
          referenceOfPointer(rootKey, split.wrappers[i]),
        ]),
      ]);
    } catch {
      // fall through
    }
  }
  try {
    const ajv = newAjv();
    const rootKey = addRootSchema(ajv, schema, dialect);
    return generate(ajv, rootKey, [[WHOLE_KEY, rootKey]]);
  } catch (error) {
    throw new CompileError(
      `${name}: ajv cannot compile the schema: ${/** @type {Error} */ (error).message}`,
    );
  }
}

/**
 * Compiles a definition into the source text of an ES module.
 * @param {Record<string, any>} definition
 * @param {CompileOptions} [options]
 * @returns {Promise<string>}
 */
export async function compileDefinition(definition, options = {}) {
  const name = options.path ? basename(options.path) : 'the definition';
  if (options.check !== false) {
    const problems = checkDefinition(definition, { path: options.path });
    const errors = problems.filter((p) => p.severity === 'error');
    for (const warning of problems.filter((p) => p.severity === 'warning'))
      options.onWarning?.(warning);
    if (errors.length > 0)
      throw new CompileError(
        `${name} has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors
          .map((p) => `  ${p.file ? `${p.file} ` : ''}${p.pointer || '(document)'}: ${p.message}`)
          .join('\n')}`,
        errors,
      );
  } else if (!isObject(definition) || !isObject(definition.schema)) {
    throw new CompileError(`${name} is not a form definition (no "schema" object)`);
  }

  // The definition as the module carries it.
  const output = { ...definition };
  delete output.validators;
  /** @type {Record<string, string>} */
  const expressions = { ...(options.translationExpressions ?? {}) };
  if (isObject(definition.translations)) {
    const translations = { ...definition.translations };
    for (const [locale, entry] of Object.entries(translations)) {
      if (typeof entry !== 'string' || locale in expressions) continue;
      if (options.translations === 'inline') {
        const read =
          options.readTranslations ?? ((url) => readTranslationFile(url, locale, options.path));
        const loaded = await read(entry, locale);
        if (!isObject(loaded))
          throw new CompileError(`translations.${locale} ("${entry}") is not a JSON object`);
        translations[locale] = loaded;
      }
    }
    for (const locale of Object.keys(expressions)) delete translations[locale];
    output.translations = translations;
  }

  // Standalone validators, compiled exactly as the browser compiles them.
  const schema = definition.schema;
  let dialect;
  try {
    dialect = detectDialect(schema);
  } catch (error) {
    throw new CompileError(`${name}: ${/** @type {Error} */ (error).message}`);
  }
  const { code, keys } = compileValidators(schema, dialect, name);
  // Where each `$ref` leads, so that the element follows references without resolving URIs.
  output.refs = referenceTable(schema);
  const validators = keys.map((key, i) => `${JSON.stringify(key)}: v.v${i}`).join(',\n    ');
  const extra = Object.entries(expressions)
    .map(
      ([locale, expression]) =>
        `definition.translations[${JSON.stringify(locale)}] = ${expression};\n`,
    )
    .join('');
  const entry = `import * as v from ${JSON.stringify(VALIDATORS_MODULE)};
const definition = ${jsonSource(output)};
${extra}definition.validators = {
    ${validators}
};
export default definition;
`;
  // Only the format checks the validators look up are bundled.
  const formatsSource = formatsModuleSource(formatsUsedBy(code), PICKED_FORMATS_MODULE);
  const { build } = await loadEsbuild();
  const result = await build({
    stdin: {
      contents: entry,
      resolveDir: PACKAGE_DIR,
      sourcefile: `${definition.id}.js`,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: options.minify !== false,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    banner: {
      // Data from the definition must not end the comment: no line terminators.
      js: `// ${oneLine(`${definition.id} ${definition.version ?? ''}`.trim())}: compiled by intake-elements ${VERSION} from ${oneLine(name)}. Do not edit; recompile.`,
    },
    plugins: [
      {
        name: 'intake-elements-compile',
        setup(b) {
          b.onResolve({ filter: /^intake-elements:/ }, (args) => ({
            path: args.path,
            namespace: 'intake',
          }));
          b.onLoad({ filter: /^intake-elements:validators$/, namespace: 'intake' }, () => ({
            contents: code,
            loader: 'js',
            resolveDir: PACKAGE_DIR,
          }));
          b.onLoad({ filter: /^intake-elements:formats$/, namespace: 'intake' }, () => ({
            contents: formatsSource.formats,
            loader: 'js',
            resolveDir: PACKAGE_DIR,
          }));
          b.onLoad({ filter: /^intake-elements:ajv-formats$/, namespace: 'intake' }, () => ({
            contents: formatsSource.picked ?? '',
            loader: 'js',
            resolveDir: PACKAGE_DIR,
          }));
          // ajv's runtime helpers carry their own `require(...)` as a string for code generation;
          // the compiled module never generates code, so those strings are left out.
          b.onLoad({ filter: /[\\/]ajv[\\/]dist[\\/]runtime[\\/][^\\/]+\.js$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replace(
              /^[\w$.]+\.code\s*=\s*(['"])require\(.*\1;?\s*$/gm,
              '',
            ),
            loader: 'js',
            resolveDir: dirname(args.path),
          }));
        },
      },
    ],
  });
  // Everything is bundled: esbuild fails on any import or require it cannot resolve, so the
  // module has none. (cli/compile.test.js also greps the output for eval and new Function.)
  return result.outputFiles[0].text;
}
