/**
 * `intake-elements keys generate|rotate|export-public|list`: the office's encryption keys
 * (docs/security.md). Public keys go to `<keys dir>/keys.json` for the receiver (KEYS_DIR); the
 * private keys go, passphrase-protected, to a file that only caseworkers' browsers import.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { CliError, UsageError } from './lib/errors.js';
import {
  KEY_SET_FILE,
  PRIVATE_FORMAT,
  makeKeyPair,
  readKeySet,
  readPrivateFile,
  writeAtomically,
} from './lib/key-files.js';

export const summary = 'generate, rotate and export the encryption keys of encrypted forms';

export const usage = `Usage: intake-elements keys <command> [options]

Commands:
  generate       make the office's first key pair
  rotate         make a new key pair; older keys keep decrypting, and keep taking
                 submissions for --grace-days (those still waiting in outboxes)
  export-public  print the current public key (JWK) for a definition's "encryption.key"
  list           show the keys, which is current and until when each takes submissions

Options:
  --keys-dir <dir>         the receiver's KEYS_DIR (public keys: ${KEY_SET_FILE}); default ./keys
  --private <file>         the private key file (keep it OFF the server); default
                           ./office-keys.private.json
  --passphrase-file <file> read the passphrase from a file (else INTAKE_KEYS_PASSPHRASE,
                           else the first line of standard input)
  --grace-days <n>         rotate: days the old key still takes new submissions (default 30)
  --kid <kid>              export-public: this key instead of the current one
`;

/** @param {string[]} args */
export async function run(args) {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(usage);
    return command ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        'keys-dir': { type: 'string', default: 'keys' },
        private: { type: 'string', default: 'office-keys.private.json' },
        'passphrase-file': { type: 'string' },
        'grace-days': { type: 'string', default: '30' },
        kid: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const options = parsed.values;
  const keysDir = resolve(options['keys-dir']);
  const privateFile = resolve(options.private);
  switch (command) {
    case 'generate':
      return generate(keysDir, privateFile, options);
    case 'rotate':
      return rotate(keysDir, privateFile, options);
    case 'export-public':
      return exportPublic(keysDir, options.kid);
    case 'list':
      return list(keysDir);
    default:
      throw new UsageError(
        `unknown keys command "${command}" (generate, rotate, export-public, list)`,
      );
  }
}

async function generate(keysDir, privateFile, options) {
  const set = readKeySet(keysDir);
  if (set.keys.length > 0) {
    throw new CliError(`${keysDir} already has keys: use "keys rotate" for a new one.`);
  }
  const pair = await makeKeyPair(await passphrase(options));
  save(keysDir, privateFile, { current: pair.kid, keys: [entry(pair)] }, pair);
  process.stdout.write(
    `Key ${pair.kid} made.\n  public:  ${keysDir}/${KEY_SET_FILE} (for the receiver, KEYS_DIR)\n` +
      `  private: ${privateFile} (for caseworkers to import in the inbox; never on the server)\n`,
  );
  return 0;
}

async function rotate(keysDir, privateFile, options) {
  const set = readKeySet(keysDir);
  if (set.keys.length === 0) throw new CliError(`${keysDir} has no keys: use "keys generate".`);
  const graceDays = Number(options['grace-days']);
  if (!Number.isFinite(graceDays) || graceDays < 0)
    throw new UsageError('--grace-days must be a number ≥ 0');
  // The private file must be there: a rotation that lost the old private keys would leave
  // every older submission unreadable.
  const privates = readPrivateFile(privateFile);
  const missing = set.keys.filter((key) => !privates.keys.some((p) => p.kid === key.kid));
  if (missing.length > 0) {
    throw new CliError(
      `${privateFile} lacks the private key of ${missing.map((k) => k.kid).join(', ')}: ` +
        "name the office's private key file with --private.",
    );
  }
  const pair = await makeKeyPair(await passphrase(options));
  const until = new Date(Date.now() + graceDays * 86_400_000).toISOString();
  const keys = set.keys.map((key) =>
    key.kid === set.current && (!key.expiresAt || key.expiresAt > until)
      ? { ...key, expiresAt: until }
      : key,
  );
  save(keysDir, privateFile, { current: pair.kid, keys: [...keys, entry(pair)] }, pair);
  process.stdout.write(
    `Key ${pair.kid} is now current; ${set.current} takes submissions until ${until} and keeps ` +
      `decrypting. Give caseworkers the new ${privateFile} to import.\n`,
  );
  return 0;
}

function exportPublic(keysDir, kid) {
  const set = readKeySet(keysDir);
  const wanted = kid ?? set.current;
  const key = set.keys.find((k) => k.kid === wanted);
  if (!key)
    throw new CliError(wanted ? `no key ${wanted} in ${keysDir}` : `${keysDir} has no keys`);
  process.stdout.write(`${JSON.stringify(key.publicKey, null, 2)}\n`);
  return 0;
}

function list(keysDir) {
  const set = readKeySet(keysDir);
  for (const key of set.keys) {
    const mark = key.kid === set.current ? '*' : ' ';
    const until = key.expiresAt ? `takes submissions until ${key.expiresAt}` : 'takes submissions';
    process.stdout.write(`${mark} ${key.kid}  made ${key.createdAt}  ${until}\n`);
  }
  return 0;
}

const entry = (pair) => ({
  kid: pair.kid,
  createdAt: pair.createdAt,
  expiresAt: null,
  publicKey: pair.publicKey,
});

/** Private file first: a public key without its private one would take unreadable submissions. */
function save(keysDir, privateFile, set, pair) {
  const privates = readPrivateFile(privateFile);
  privates.format = PRIVATE_FORMAT;
  privates.keys.push({ kid: pair.kid, createdAt: pair.createdAt, jwe: pair.jwe });
  writeAtomically(privateFile, `${JSON.stringify(privates, null, 2)}\n`);
  writeAtomically(`${keysDir}/${KEY_SET_FILE}`, `${JSON.stringify(set, null, 2)}\n`, 0o644);
}

/** The passphrase: --passphrase-file, INTAKE_KEYS_PASSPHRASE, or the first line of stdin. */
async function passphrase(options) {
  if (options['passphrase-file']) {
    return readFileSync(resolve(options['passphrase-file']), 'utf8').split(/\r?\n/)[0];
  }
  if (process.env.INTAKE_KEYS_PASSPHRASE) return process.env.INTAKE_KEYS_PASSPHRASE;
  if (process.stdin.isTTY) process.stderr.write('Passphrase for the private key file: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}
