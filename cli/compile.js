/**
 * `intake-elements compile <definition.json>... -o <dir>`: writes `<dir>/<id>.js`, an ES module
 * whose default export is the definition with precompiled validators (no eval: runs under a
 * Content-Security-Policy without 'unsafe-eval'). See docs/compiling.md.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { checkDefinitionText } from './lib/check-definition.js';
import { translationFilePath } from './lib/check-translations.js';
import { compileDefinition, CompileError } from './lib/compile-definition.js';
import { displayPath, unreadableReason } from './lib/definition-files.js';
import { CliError, UsageError } from './lib/errors.js';
import { isPlainObject as isObject } from '../src/core/own.js';

/** One line for `intake-elements --help`. */
export const summary =
  'compile form definitions into ES modules with precompiled validators (CSP-safe)';

export const usage = `Usage: intake-elements compile <definition.json>... -o <dir> [options]

Writes <dir>/<id>.js for each definition: an ES module whose default export is the
definition plus precompiled validators: for the schema, split by top-level property (so
that a change re-validates only the property it touched), and for every condition and
alternative the form checks at run time. It has no imports and uses no eval, so
<intake-form src="<dir>/<id>.js"> works under a Content-Security-Policy without
'unsafe-eval'. The definition is checked first (see \`intake-elements check\`); errors stop
the compilation, warnings are printed.

Translations given by URL stay URLs, resolved against the module's URL: the files are copied
to the same relative place under <dir> (a URL leading out of the definition's folder is
rewritten to translations/<file name>). Absolute URLs are left alone.

Options:
  -o, --out <dir>          output folder (required)
      --inline-translations  put the translations given by URL into the module instead
      --no-minify          readable output
      --no-check           skip the check (not recommended)
  -h, --help               show this help

Exit codes: 0 ok, 1 a definition has errors or cannot be read, 2 usage errors.`;

/**
 * @typedef {object} Io
 * @property {(text: string) => void} out
 * @property {(text: string) => void} err
 */

/** @type {Io} */
const processIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Where a translations file goes under the output folder, and the URL the module then names.
 * @param {string} url as written in the definition
 * @param {string} outDir
 * @param {string} source the file it points at
 */
function placeTranslations(url, outDir, source) {
  const clean = url.replace(/[?#].*$/, '');
  const target = resolve(outDir, clean);
  if (!clean.split('/').includes('..') && target.startsWith(resolve(outDir) + sep))
    return { url, target };
  const name = basename(source);
  return { url: `translations/${name}`, target: join(outDir, 'translations', name) };
}

/**
 * Compiles one definition file.
 * @param {string} path
 * @param {{ outDir: string, inline: boolean, minify: boolean, check: boolean }} options
 * @param {Io} io
 * @returns {Promise<{ module: string, copied: string[] }>}
 */
export async function compileFile(path, options, io) {
  const absolute = resolve(path);
  let text;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${unreadableReason(error)}`);
  }
  const parsed = checkDefinitionText(text, { path: absolute, displayPath });
  if (parsed.definition === undefined) throw new CliError(`${path}: ${parsed.problems[0].message}`);
  const definition = /** @type {Record<string, any>} */ (parsed.definition);
  if (options.check) {
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    for (const problem of parsed.problems.filter((p) => p.severity === 'warning'))
      io.err(
        `${problem.file ?? path}: warning: ${problem.pointer ? `${problem.pointer}: ` : ''}${problem.message}`,
      );
    if (errors.length > 0)
      throw new CliError(
        `${path} has ${errors.length} error${errors.length === 1 ? '' : 's'} (details: intake-elements check ${path}):\n${errors
          .map((p) => `  ${p.file ? `${p.file} ` : ''}${p.pointer || '(document)'}: ${p.message}`)
          .join('\n')}`,
      );
  }
  if (typeof definition.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(definition.id))
    throw new CliError(
      `${path}: "id" must be a string of letters, digits, ".", "_", "-" (it names the module)`,
    );

  /** @type {[string, string][]} */
  const copies = [];
  const compiled = { ...definition };
  if (!options.inline && isObject(definition.translations)) {
    compiled.translations = { ...definition.translations };
    for (const [locale, entry] of Object.entries(definition.translations)) {
      if (typeof entry !== 'string') continue;
      const source = translationFilePath(entry, absolute);
      if (!source) continue; // absolute or root-relative: the web server's business
      if (!existsSync(source))
        throw new CliError(
          `${path}: translations.${locale} names ${displayPath(source)}, which does not exist`,
        );
      const placed = placeTranslations(entry, options.outDir, source);
      compiled.translations[locale] = placed.url;
      copies.push([source, placed.target]);
    }
  }

  let module;
  try {
    module = await compileDefinition(compiled, {
      path: absolute,
      translations: options.inline ? 'inline' : 'keep',
      minify: options.minify,
      // Checked above, with the translation URLs as written.
      check: false,
    });
  } catch (error) {
    if (error instanceof CompileError) throw new CliError(error.message);
    throw error;
  }
  const target = join(options.outDir, `${definition.id}.js`);
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(target, module);
  for (const [from, to] of copies) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return { module: target, copied: copies.map(([, to]) => to) };
}

/**
 * Runs `compile`.
 * @param {string[]} args
 * @param {Io} [io]
 * @returns {Promise<number>}
 */
export async function run(args, io = processIo) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        'inline-translations': { type: 'boolean' },
        'no-minify': { type: 'boolean' },
        'no-check': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${/** @type {Error} */ (error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(usage);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`compile needs a definition file\n\n${usage}`);
  if (!values.out) throw new UsageError(`compile needs an output folder: -o <dir>\n\n${usage}`);
  const options = {
    outDir: resolve(values.out),
    inline: values['inline-translations'] === true,
    minify: values['no-minify'] !== true,
    check: values['no-check'] !== true,
  };
  for (const path of positionals) {
    const { module, copied } = await compileFile(path, options, io);
    const size = (readFileSync(module).length / 1024).toFixed(1);
    const extra =
      copied.length > 0
        ? ` + ${copied.length} translation file${copied.length === 1 ? '' : 's'}`
        : '';
    io.out(`${path} → ${displayPath(module)} (${size} KB)${extra}`);
  }
  return 0;
}
