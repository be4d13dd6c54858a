/**
 * `intake-elements check <definition.json>...`: lists every problem of form definitions, each with
 * the JSON Pointer (and line and column) of where it is. See cli/lib/check-definition.js for what
 * is checked.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { checkDefinitionText } from './lib/check-definition.js';
import { jsonPositions, nearestPosition } from './lib/check-positions.js';
import { displayPath, unreadableReason } from './lib/definition-files.js';
import { UsageError } from './lib/errors.js';

/** One line for `intake-elements --help`. */
export const summary =
  'check form definitions: format, schema, $refs, ui keys, steps, translations';

export const usage = `Usage: intake-elements check <definition.json>... [--json]

Checks each form definition and lists every problem with its place (file:line:column) and the
JSON Pointer of the offending value:
  errors    not JSON; against the definition format (schemas/intake-definition.schema.json);
            a schema ajv refuses (unknown $schema, invalid keyword values, bad regular
            expressions); $refs that point at nothing or only at each other
  warnings  ui keys, ui:order entries and ui:steps fields naming properties that do not exist
            (conditional branches count); translation keys that point at no text; translation
            files that are missing; formats nothing checks

Options:
  --json      print the problems as JSON: [{ file, problems: [{ pointer, message, code,
              severity, line?, column?, file? }] }]
  -h, --help  show this help

Exit codes: 0 no problems, 1 problems (errors or warnings) or unreadable files, 2 usage errors.`;

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
 * Checks one file.
 * @param {string} path
 */
export function checkFile(path) {
  const absolute = resolve(path);
  let text;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return {
      file: path,
      problems: [
        {
          pointer: '',
          message: `cannot read the file: ${unreadableReason(error)}`,
          code: 'unreadable',
          severity: /** @type {const} */ ('error'),
        },
      ],
    };
  }
  const { problems } = checkDefinitionText(text, { path: absolute, displayPath });
  const positions = jsonPositions(text);
  /** @type {Map<string, Map<string, { line: number, column: number }>>} */
  const otherFiles = new Map();
  const located = problems.map((problem) => {
    let map = positions;
    if (problem.file) {
      if (!otherFiles.has(problem.file)) {
        let other = '';
        try {
          other = readFileSync(resolve(problem.file), 'utf8');
        } catch {
          // Positions are a convenience; the problem is reported without them.
        }
        otherFiles.set(problem.file, jsonPositions(other));
      }
      map = /** @type {Map<string, { line: number, column: number }>} */ (
        otherFiles.get(problem.file)
      );
    }
    return { ...problem, ...nearestPosition(map, problem.pointer) };
  });
  located.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  return { file: path, problems: located };
}

/**
 * Runs `check`.
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
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(`${/** @type {Error} */ (error).message}\n\n${usage}`);
  }
  if (parsed.values.help) {
    io.out(usage);
    return 0;
  }
  if (parsed.positionals.length === 0)
    throw new UsageError(`check needs at least one definition file\n\n${usage}`);
  const results = parsed.positionals.map((path) => checkFile(path));
  if (parsed.values.json) {
    io.out(JSON.stringify(results, null, 2));
  } else {
    for (const { file, problems } of results) {
      if (problems.length === 0) {
        io.out(`${file}: no problems`);
        continue;
      }
      for (const problem of problems) {
        const where = `${problem.file ?? file}${problem.line ? `:${problem.line}:${problem.column}` : ''}`;
        const pointer = problem.pointer === '' ? '' : `${problem.pointer}: `;
        io.out(`${where}: ${problem.severity}: ${pointer}${problem.message}`);
      }
    }
    const all = results.flatMap((r) => r.problems);
    const errors = all.filter((p) => p.severity === 'error').length;
    const warnings = all.length - errors;
    if (all.length > 0)
      io.out(
        `${all.length} problem${all.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
      );
  }
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
}
