/**
 * `intake-elements translations extract|status|merge`: the translation workflow for the texts of a
 * form definition (titles, descriptions, choices, help texts, …), keyed by JSON Pointer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import {
  LOCALE_PATTERN,
  TRANSLATIONS_DIR,
  definedLocales,
  displayPath,
  localeSource,
  readDefinition,
  readHashes,
  readLocaleTranslations,
  relativeUrl,
  writeDefinitionTranslations,
  writeHashes,
  writeJsonFile,
} from './lib/definition-files.js';
import { CliError, UsageError } from './lib/errors.js';
import { findTranslatableStrings } from './lib/find-strings.js';
import {
  localeStatus,
  localeXliff,
  mergeUnits,
  orderLikeDefinition,
  unitsFor,
} from './lib/translation-state.js';
import { readXliff } from './lib/xliff.js';

/** One line for `intake-elements --help`. */
export const summary = 'extract, check and merge translations of a form definition (XLIFF 2.0)';

export const usage = `Usage: intake-elements translations <command> [options]

Commands:
  extract <definition.json> [--locales en,ar,...] [--out <dir>]
      Write one XLIFF 2.0 file per locale (<dir>/<id>.<locale>.xlf, default dir:
      translations/ next to the definition) with every translatable string, its
      context, its current translation and the hash of its source text.
  status <definition.json> [--locales en,ar,...] [--strict] [--json]
      Show per locale how many strings are translated, and list the missing and
      outdated ones (source text changed since translation). --strict: exit 1
      when anything is missing, outdated or not a string of the definition.
  merge <definition.json> <file.xlf>...
      Read translated XLIFF (2.0 or 1.2) back: into the inline translations of
      the definition, or into the locale's translations file (created as
      translations/<id>.<locale>.json and referenced from the definition when the
      locale has none). Existing translations are never removed. Source hashes go
      to a sidecar <translations file without .json>.meta.json.

Options:
  -l, --locales <list>  comma-separated locales (default: those in the definition)
  -o, --out <dir>       output folder for extract
      --strict          status: exit 1 on missing, outdated or invalid strings
      --json            status: print the result as JSON
  -h, --help            show this help

Exit codes: 0 ok, 1 problems (unreadable or invalid files, --strict findings), 2 usage errors.`;

/**
 * @typedef {object} Io
 * @property {(text: string) => void} out standard output (one call per line or block)
 * @property {(text: string) => void} err standard error
 */

/** @type {Io} */
const processIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Runs `translations <command> ...`.
 * @param {string[]} args the arguments after `translations`
 * @param {Io} [io]
 * @returns {Promise<number>} the exit code
 */
export async function run(args, io = processIo) {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(usage);
    return command === undefined ? 2 : 0;
  }
  const commands = { extract, status, merge };
  if (!Object.prototype.hasOwnProperty.call(commands, command))
    throw new UsageError(`unknown translations command "${command}" (extract, status or merge)`);
  return commands[/** @type {keyof typeof commands} */ (command)](rest, io);
}

/**
 * Parses a command's options (strict: unknown options are usage errors).
 * @param {string[]} args
 * @param {Record<string, { type: 'string' | 'boolean', short?: string }>} options
 * @returns {{ values: Record<string, string | boolean | undefined>, positionals: string[] }}
 */
function parse(args, options) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(/** @type {Error} */ (error).message);
  }
}

/**
 * @param {string | undefined} list
 * @param {string} sourceLang
 * @returns {string[] | undefined}
 */
function parseLocales(list, sourceLang) {
  if (list === undefined) return undefined;
  const locales = list
    .split(',')
    .map((locale) => locale.trim())
    .filter(Boolean);
  if (!locales.length) throw new UsageError('--locales needs at least one locale');
  for (const locale of locales) {
    if (!LOCALE_PATTERN.test(locale)) throw new UsageError(`"${locale}" is not a locale tag`);
    if (locale === sourceLang)
      throw new UsageError(`"${locale}" is the source language of the definition`);
  }
  return [...new Set(locales)];
}

/**
 * @param {string[]} positionals
 * @param {string} command
 */
function definitionArgument(positionals, command) {
  if (!positionals.length) throw new UsageError(`translations ${command} needs a definition file`);
  return readDefinition(positionals[0]);
}

// ---- extract ---------------------------------------------------------------------------------

/**
 * @param {string[]} args
 * @param {Io} io
 */
function extract(args, io) {
  const { values, positionals } = parse(args, {
    locales: { type: 'string', short: 'l' },
    out: { type: 'string', short: 'o' },
  });
  if (values.help) return help(io);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const file = definitionArgument(positionals, 'extract');
  const locales =
    parseLocales(/** @type {string} */ (values.locales), file.lang) ?? definedLocales(file);
  if (!locales.length)
    throw new UsageError('the definition has no translations yet: name locales with --locales');
  const outDir = values.out
    ? resolve(/** @type {string} */ (values.out))
    : join(dirname(file.path), TRANSLATIONS_DIR);
  const strings = findTranslatableStrings(file.definition);
  for (const locale of locales) {
    const source = localeSource(file, locale);
    const { translations } = readLocaleTranslations(file, source);
    const hashes = readHashes(source);
    const units = unitsFor(strings, translations, hashes);
    const xliff = localeXliff({
      definition: file.definition,
      sourceLang: file.lang,
      locale,
      original: basename(file.path),
      units,
    });
    const path = join(outDir, `${file.id}.${locale}.xlf`);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path, xliff);
    const translated = units.filter((u) => u.state === 'translated').length;
    const outdated = units.filter((u) => u.target !== undefined && u.state === 'initial').length;
    io.out(
      `${locale}: wrote ${displayPath(path)} (${units.length} strings: ${translated} translated, ${units.length - translated - outdated} missing, ${outdated} outdated)`,
    );
  }
  return 0;
}

// ---- status ----------------------------------------------------------------------------------

/**
 * @param {string[]} args
 * @param {Io} io
 */
function status(args, io) {
  const { values, positionals } = parse(args, {
    locales: { type: 'string', short: 'l' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) return help(io);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const file = definitionArgument(positionals, 'status');
  const locales =
    parseLocales(/** @type {string} */ (values.locales), file.lang) ?? definedLocales(file);
  const strings = findTranslatableStrings(file.definition);
  let problems = 0;
  const results = locales.map((locale) => {
    const source = localeSource(file, locale);
    const { translations, exists } = readLocaleTranslations(file, source);
    const result = localeStatus(file.definition, strings, translations, readHashes(source));
    problems += result.missing.length + result.outdated.length + result.invalid.length;
    return { locale, source, exists, result };
  });

  if (values.json) {
    io.out(
      JSON.stringify(
        {
          form: file.id,
          sourceLang: file.lang,
          strings: strings.length,
          locales: results.map(({ locale, source, exists, result }) => ({
            locale,
            where: source.kind === 'file' ? source.url : source.kind,
            fileExists: exists,
            translated: result.translated,
            total: result.total,
            percent: percent(result.translated, result.total),
            missing: result.missing.map((s) => s.pointer),
            outdated: result.outdated.map((s) => s.pointer),
            unchecked: result.unchecked.map((s) => s.pointer),
            invalid: result.invalid,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(
      `${file.id} (${displayPath(file.path)}): ${strings.length} translatable strings in ${file.lang}`,
    );
    if (!results.length) io.out('No translations yet.');
    const width = Math.max(6, ...results.map((r) => r.locale.length));
    for (const { locale, source, exists, result } of results) {
      const where =
        source.kind === 'inline'
          ? 'inline'
          : source.kind === 'file'
            ? `${source.url}${exists ? '' : ' (file missing)'}`
            : 'none';
      const extra = [
        result.missing.length && `${result.missing.length} missing`,
        result.outdated.length && `${result.outdated.length} outdated`,
        result.invalid.length && `${result.invalid.length} invalid`,
        result.unchecked.length && `${result.unchecked.length} without source hash`,
      ].filter(Boolean);
      io.out(
        `  ${locale.padEnd(width)}  ${`${result.translated}/${result.total}`.padStart(9)}  ${`${percent(result.translated, result.total).toFixed(1)} %`.padStart(7)}  ${where}${extra.length ? `  (${extra.join(', ')})` : ''}`,
      );
    }
    for (const { locale, result } of results) {
      list(
        io,
        `${locale}: missing`,
        result.missing.map((s) => `${s.pointer}  ${preview(s.text)}`),
      );
      list(
        io,
        `${locale}: outdated (source text changed)`,
        result.outdated.map((s) => `${s.pointer}  ${preview(s.text)}`),
      );
      list(
        io,
        `${locale}: invalid keys`,
        result.invalid.map((i) => `${i.key}  (${i.problem})`),
      );
    }
  }
  return values.strict && problems > 0 ? 1 : 0;
}

/**
 * @param {number} part
 * @param {number} total
 */
function percent(part, total) {
  return total === 0 ? 100 : Math.floor((part / total) * 1000) / 10;
}

/**
 * @param {Io} io
 * @param {string} heading
 * @param {string[]} lines
 */
function list(io, heading, lines) {
  if (!lines.length) return;
  io.out(`${heading} (${lines.length}):`);
  for (const line of lines) io.out(`  ${line}`);
}

/**
 * @param {string} text
 */
function preview(text) {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 59)}…` : flat);
}

// ---- merge -----------------------------------------------------------------------------------

/**
 * @param {string[]} args
 * @param {Io} io
 */
function merge(args, io) {
  const { values, positionals } = parse(args, {});
  if (values.help) return help(io);
  const file = definitionArgument(positionals, 'merge');
  const xliffPaths = positionals.slice(1);
  if (!xliffPaths.length) throw new UsageError('translations merge needs at least one XLIFF file');
  const strings = findTranslatableStrings(file.definition);

  // Read and check every file before writing anything.
  const documents = xliffPaths.map((path) => {
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      throw new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code}`);
    }
    let document;
    try {
      document = readXliff(text);
    } catch (error) {
      throw new CliError(`${path} is not valid XLIFF: ${/** @type {Error} */ (error).message}`);
    }
    if (!LOCALE_PATTERN.test(document.targetLang))
      throw new CliError(`${path} names no valid target language ("${document.targetLang}")`);
    if (document.targetLang === file.lang)
      throw new CliError(
        `${path}: target language ${document.targetLang} is the definition's source language`,
      );
    if (document.sourceLang && document.sourceLang !== file.lang)
      io.err(
        `warning: ${path} was made from ${document.sourceLang}, the definition is in ${file.lang}`,
      );
    return { path, document };
  });

  /** @type {Map<string, { source: ReturnType<typeof localeSource>, translations: Record<string, unknown>, hashes: Record<string, string> }>} */
  const byLocale = new Map();
  for (const { path, document } of documents) {
    const locale = document.targetLang;
    let state = byLocale.get(locale);
    if (!state) {
      const source = localeSource(file, locale);
      state = {
        source,
        translations: readLocaleTranslations(file, source).translations,
        hashes: readHashes(source),
      };
      byLocale.set(locale, state);
    }
    const merged = mergeUnits(strings, state.translations, state.hashes, document.units);
    state.translations = merged.translations;
    state.hashes = merged.hashes;
    const c = merged.counts;
    io.out(
      `${locale}: ${path}: ${document.units.length} units: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.untranslated} without translation${c.skipped ? `, ${c.skipped} skipped` : ''}`,
    );
    if (c.olderSource)
      io.err(
        `warning: ${path}: ${c.olderSource} translations were made for an older source text; \`status\` lists them as outdated`,
      );
    for (const key of merged.skippedKeys)
      io.err(`warning: ${path}: ${key} is not a translatable string of ${file.id}; skipped`);
  }

  const translations = { ...(file.definition.translations ?? {}) };
  let definitionChanged = false;
  for (const [locale, { source, translations: values, hashes }] of byLocale) {
    if (source.kind === 'inline') {
      translations[locale] = values;
      definitionChanged = true;
    } else {
      writeJsonFile(source.file, orderLikeDefinition(values, strings));
      if (source.kind === 'none') {
        translations[locale] = relativeUrl(file, source.file);
        definitionChanged = true;
        io.out(
          `${locale}: created ${displayPath(source.file)}, referenced as "${translations[locale]}"`,
        );
      }
    }
    writeHashes(file, source, hashes);
  }
  if (definitionChanged) writeDefinitionTranslations(file, translations);
  return 0;
}

/**
 * @param {Io} io
 */
function help(io) {
  io.out(usage);
  return 0;
}
