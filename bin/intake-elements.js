#!/usr/bin/env node
/**
 * `intake-elements <command> [...args]`: dispatches to `cli/<command>.js`, which exports
 * `run(args)` (returning the exit code, or a promise of it) and a one-line `summary`. New
 * commands are added by adding a module to cli/; nothing here needs to change.
 *
 * Exit codes: 0 ok, 1 problems, 2 usage errors. Errors that carry an `exitCode` (see
 * cli/lib/errors.js) print one line; anything else is a bug and prints its stack.
 */
import { readFileSync, readdirSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = fileURLToPath(new URL('../cli/', import.meta.url));
const COMMAND_NAME = /^[a-z][a-z0-9-]*$/;

/** The commands: every `cli/<name>.js` that is not a test. */
function commandNames() {
  return readdirSync(cliDir)
    .filter((file) => file.endsWith('.js') && !file.endsWith('.test.js'))
    .map((file) => file.slice(0, -3))
    .filter((name) => COMMAND_NAME.test(name))
    .sort();
}

/** @param {string} name */
function loadCommand(name) {
  return import(pathToFileURL(`${cliDir}${name}.js`).href);
}

async function help() {
  const lines = ['Usage: intake-elements <command> [...args]', '', 'Commands:'];
  for (const name of commandNames()) {
    const module = await loadCommand(name);
    lines.push(`  ${name.padEnd(14)} ${module.summary ?? ''}`.trimEnd());
  }
  lines.push('', 'Run `intake-elements <command> --help` for the options of a command.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
async function main(argv) {
  const [name, ...args] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    await help();
    return 0;
  }
  if (name === undefined) {
    await help();
    return 2;
  }
  if (name === '-v' || name === '--version') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (!COMMAND_NAME.test(name) || !commandNames().includes(name)) {
    process.stderr.write(
      `intake-elements: unknown command "${name}" (available: ${commandNames().join(', ')})\n`,
    );
    return 2;
  }
  const module = await loadCommand(name);
  return (await module.run(args)) ?? 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (caught) {
  const error = /** @type {{ exitCode?: unknown, message?: string, stack?: string }} */ (caught);
  if (typeof error?.exitCode === 'number') {
    process.stderr.write(`intake-elements: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`intake-elements: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  }
}
