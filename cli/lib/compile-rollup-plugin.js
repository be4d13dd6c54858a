/**
 * A Rollup (and Vite build) plugin: importing a form definition whose file name ends in
 * `.intake.json` yields its compiled module (see compile-definition.js): the definition with
 * precompiled validators, CSP-safe.
 *
 * ```js
 * // rollup.config.js
 * import { intakeDefinitions } from 'intake-elements/rollup';
 * export default { input: 'src/main.js', output: { dir: 'dist', format: 'es' }, plugins: [intakeDefinitions()] };
 *
 * // src/main.js
 * import 'intake-elements';
 * import definition from './forms/anmeldung.intake.json';
 * document.querySelector('intake-form').definition = definition;
 * ```
 *
 * Translations given by relative URL become assets of the build (`translations: 'assets'`, the
 * default; loaded only when the language is chosen), or are put into the module
 * (`translations: 'inline'`, also for Vite's dev server, which has no assets of this kind).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import process from 'node:process';
import { checkDefinitionText } from './check-definition.js';
import { translationFilePath } from './check-translations.js';
import { compileDefinition, CompileError } from './compile-definition.js';

const PREFIX = '\0intake-definition:';

/**
 * @typedef {object} IntakeDefinitionsOptions
 * @property {RegExp} [include] which imports are definitions (default: `/\.intake\.json$/`)
 * @property {'assets' | 'inline' | 'keep'} [translations] locales given by URL: emitted as assets
 *   (default), put into the module, or left as written (then resolved against the page)
 * @property {boolean} [minify] minify the compiled module (default true; the bundler may minify
 *   again)
 */

/**
 * @param {IntakeDefinitionsOptions} [options]
 * @returns {import('rollup').Plugin}
 */
export function intakeDefinitions(options = {}) {
  const include = options.include ?? /\.intake\.json$/;
  const mode = options.translations ?? 'assets';
  return {
    name: 'intake-definitions',
    async resolveId(source, importer) {
      if (!include.test(source) || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const path = resolved?.id ?? resolve(importer ? dirname(importer) : process.cwd(), source);
      return `${PREFIX}${path}`;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const path = id.slice(PREFIX.length);
      this.addWatchFile(path);
      const text = await readFile(path, 'utf8');
      const { definition, problems } = checkDefinitionText(text, { path });
      for (const problem of problems.filter((p) => p.severity === 'warning'))
        this.warn(`${problem.file ?? path}: ${problem.pointer}: ${problem.message}`);
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length > 0 || definition === undefined)
        this.error(
          `${path} is not a valid form definition:\n${errors
            .map((p) => `  ${p.pointer || '(document)'}: ${p.message}`)
            .join('\n')}`,
        );
      const def = /** @type {Record<string, any>} */ (definition);
      /** @type {Record<string, string>} */
      const expressions = {};
      if (mode === 'assets' && def.translations && typeof def.translations === 'object') {
        for (const [locale, url] of Object.entries(def.translations)) {
          if (typeof url !== 'string') continue;
          const file = translationFilePath(url, path);
          if (!file) continue;
          this.addWatchFile(file);
          const reference = this.emitFile({
            type: 'asset',
            name: basename(file),
            source: await readFile(file),
          });
          expressions[locale] = `import.meta.ROLLUP_FILE_URL_${reference}`;
        }
      }
      try {
        return await compileDefinition(def, {
          path,
          translations: mode === 'inline' ? 'inline' : 'keep',
          translationExpressions: expressions,
          minify: options.minify,
          check: false,
        });
      } catch (error) {
        if (error instanceof CompileError) this.error(error.message);
        throw error;
      }
    },
  };
}

export default intakeDefinitions;
