/**
 * Prints what arrived, from the receiver's storage (the same DATA_DIR / DATABASE_URL settings as
 * `node server/index.js`). For staff on the server itself; it reads, never writes.
 *
 *   node server/list-submissions.js                       the newest 50, one line each
 *   node server/list-submissions.js --form ki-erstberatung --limit 10
 *   node server/list-submissions.js KI-7KQ4-M2XD          one submission as a German summary
 *   node server/list-submissions.js --summaries           every listed one as a summary
 *   node server/list-submissions.js --json                the records with their envelopes
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { optionsFromEnv } from './config.js';
import { isMainModule } from './main-module.js';
import { summaryOf } from './receiver.js';
import { openStorage } from './storage/index.js';
import { FILE_NAME } from './storage/sqlite.js';

const USAGE = `Usage: node server/list-submissions.js [--form <id>] [--limit <n>] [--summaries | --json] [<reference>]`;

/**
 * @param {string[]} argv
 * @param {{ env?: Record<string, string | undefined>, out?: (text: string) => void }} [io]
 * @returns {Promise<number>} the exit code
 */
export async function main(
  argv,
  { env = process.env, out = (text) => process.stdout.write(text) } = {},
) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        form: { type: 'string' },
        limit: { type: 'string', default: '50' },
        summaries: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const limit = Number(args.values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`--limit must be a whole number ≥ 1\n`);
    return 2;
  }

  const options = optionsFromEnv(env);
  if (!options.databaseUrl && !existsSync(join(options.dataDir, FILE_NAME))) {
    out(`Nothing has arrived yet (no ${join(options.dataDir, FILE_NAME)}).\n`);
    return 0;
  }
  const storage = await openStorage({ ...options, readonly: true });
  try {
    const [reference] = args.positionals;
    if (reference) {
      const record = await storage.findByReference(reference.toUpperCase());
      if (!record) {
        process.stderr.write(`No submission with the reference ${reference}.\n`);
        return 1;
      }
      out(await summaryOf(storage, record));
      return 0;
    }

    const records = await storage.list({ formId: args.values.form, limit });
    if (args.values.json) {
      out(
        `${JSON.stringify(
          records.map(({ envelope, responseBody: _r, bodyHash: _h, ...rest }) => ({
            ...rest,
            envelope: JSON.parse(envelope),
          })),
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    if (records.length === 0) {
      out('Nothing has arrived yet.\n');
      return 0;
    }
    if (args.values.summaries) {
      for (const record of records) out(`${await summaryOf(storage, record)}\n`);
      return 0;
    }
    const rows = records.map((r) => [
      r.receivedAt,
      r.reference,
      `${r.formId} ${r.formVersion}`,
      r.locale,
    ]);
    const header = ['received (UTC)', 'reference', 'form, version', 'language'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells) =>
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    out(`${[line(header), ...rows.map(line)].join('\n')}\n`);
    out(
      `${records.length} shown, newest first. Details: node server/list-submissions.js <reference>\n`,
    );
    return 0;
  } finally {
    await storage.close();
  }
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
