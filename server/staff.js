/**
 * Staff accounts on the command line, against the receiver's storage (the same DATA_DIR /
 * DATABASE_URL settings as `node server/index.js`):
 *
 *   node server/staff.js add-user <name> --team <team> [--admin]
 *   node server/staff.js set-password <name>      (ends the account's sessions)
 *   node server/staff.js enable-totp <name> [--issuer <text>]   (needs INBOX_TOTP_KEY)
 *   node server/staff.js disable-totp <name>
 *   node server/staff.js disable <name>            (ends the account's sessions)
 *   node server/staff.js enable <name>             (also lifts a lock-out)
 *   node server/staff.js list
 *
 * A password is read from the terminal (asked twice, not echoed) or, when stdin is not a
 * terminal, from its first line (`printf '%s\n' "$PW" | node server/staff.js add-user …`). It is
 * never taken from the command line, where other users of the machine and the shell history
 * would see it.
 */
import { realpathSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseCommandLine, stderr, stdout, withStorage } from './cli.js';
import { passwordProblem } from './passwords.js';
import * as commands from './staff-commands.js';

const USAGE = `Usage: node server/staff.js <command>
  add-user <name> --team <team> [--admin]
  set-password <name>
  enable-totp <name> [--issuer <text>]
  disable-totp <name>
  disable <name>
  enable <name>
  list`;

/** Command → [function, needs a name, reads a password]. */
const COMMANDS = {
  'add-user': [commands.addUser, true, true],
  'set-password': [commands.setPassword, true, true],
  'enable-totp': [commands.enableTotp, true, false],
  'disable-totp': [commands.disableTotp, true, false],
  disable: [commands.disableUser, true, false],
  enable: [commands.enableUser, true, false],
  list: [commands.list, false, false],
};

/** Login names: lower case letters, digits and `.`, `_`, `-`, `@` (an e-mail address fits). */
const NAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
/** Team ids as the routing rules will name them. */
const TEAM = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * @param {string[]} argv
 * @param {{ env?: Record<string, string | undefined>, input?: NodeJS.ReadableStream & { isTTY?: boolean },
 *   out?: (text: string) => void, err?: (text: string) => void }} [io]
 * @returns {Promise<number>} the exit code: 0 done, 1 refused or failed, 2 wrong usage
 */
export async function main(
  argv,
  { env = process.env, input = process.stdin, out = stdout, err = stderr } = {},
) {
  // Unknown options are refused, --password and the like too.
  const args = parseCommandLine(
    argv,
    {
      team: { type: 'string' },
      admin: { type: 'boolean', default: false },
      issuer: { type: 'string' },
    },
    { err, usage: `${USAGE}\nThe password is read from the terminal or stdin.` },
  );
  if (!args) return 2;
  const [command, rawName, ...extra] = args.positionals;
  const entry = Object.hasOwn(COMMANDS, command ?? '') ? COMMANDS[command] : undefined;
  if (
    !entry ||
    extra.length > 0 ||
    (entry[1] ? rawName === undefined : rawName !== undefined) ||
    (command === 'add-user') !== (args.values.team !== undefined)
  ) {
    err(`${USAGE}\n`);
    return 2;
  }
  const [run, , needsPassword] = entry;
  const name = rawName?.toLowerCase();
  if (name !== undefined && !NAME.test(name)) {
    err(
      'The name may hold letters, digits and . _ - @ (at most 64, starting with a letter or digit).\n',
    );
    return 2;
  }
  const values = { ...args.values, team: args.values.team?.toLowerCase() };
  if (command === 'add-user' && !TEAM.test(values.team)) {
    err(
      'The team may hold letters, digits, _ and - (at most 64, starting with a letter or digit).\n',
    );
    return 2;
  }

  let password;
  if (needsPassword) {
    try {
      password = await readPassword(input, err);
    } catch (error) {
      err(`${error.message}\n`);
      return 1;
    }
    const problem = passwordProblem(password);
    if (problem) {
      err(`${problem}\n`);
      return 1;
    }
  }

  return withStorage(env, err, (storage) =>
    run({ storage, name, values, env, out, err, password }),
  );
}

/**
 * The password: asked twice without echo on a terminal, else the first line of the input.
 *
 * @returns {Promise<string>}
 */
async function readPassword(input, err) {
  if (!input.isTTY) {
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    throw new Error('No password on stdin.');
  }
  const first = await ask(input, 'Password: ', err);
  const second = await ask(input, 'Again: ', err);
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

/** One line from the terminal with echo off (readline writes nothing while muted). */
function ask(input, prompt, err) {
  return new Promise((resolve) => {
    err(prompt);
    let muted = false;
    const rl = createInterface({
      input,
      output: {
        write: (text) => (muted ? undefined : err(text)),
        on() {},
        once() {},
        emit() {},
        removeListener() {},
        off() {},
      },
      terminal: true,
    });
    muted = true;
    rl.question('', (answer) => {
      rl.close();
      err('\n');
      resolve(answer);
    });
  });
}

function isMain() {
  try {
    return (
      process.argv[1] !== undefined &&
      import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
    );
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = await main(process.argv.slice(2));
