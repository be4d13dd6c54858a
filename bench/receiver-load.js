// `npm run bench:receiver`: the receiver under load on PostgreSQL. Starts `node server/index.js`
// (a child process, so that the load generator does not share its event loop) on a fresh schema,
// sends the shipped sprachkurs-anmeldung form's submissions at a fixed rate with autocannon, and
// then counts the stored rows: every answered submission must be stored exactly once.
//
//   node receiver-load.js [--rate=200] [--duration=60] [--connections=40] [--replays=0.05]
//
// A share of the requests (`--replays`) repeats an earlier request's Idempotency-Key and body,
// as the element does after a lost answer; those must answer with the first reference and store
// nothing new. PostgreSQL comes from DATABASE_URL or TEST_DATABASE_URL, or is started with
// scripts/ci-postgres.sh (as root). Writes bench/results/receiver-load.json and prints the
// table for docs/benchmarks.md ("Receiver under load").
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { receiverProcess } from '../server/testing/receiver-process.js';
import { sprachkursData } from '../server/testing/sprachkurs-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORM_ID = 'sprachkurs-anmeldung';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '40' },
    replays: { type: 'string', default: '0.05' },
  },
});
const RATE = Number(args.rate);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const REPLAYS = Number(args.replays);

/** Valid answers for the form; `i` makes each submission different. */
function answers(i) {
  return sprachkursData({ givenName: `Olena ${i}`, email: `olena.${i}@example.org` });
}

function databaseUrl() {
  const given = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) return given;
  console.error('No DATABASE_URL: starting a throwaway PostgreSQL (scripts/ci-postgres.sh)');
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/ci-postgres.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const match = /TEST_DATABASE_URL=(\S+)/.exec(out);
  if (!match) throw new Error('PostgreSQL could not be started; set DATABASE_URL');
  return match[1];
}

/** The receiver without its rate limit (the load comes from one address). */
function startReceiver(env) {
  return receiverProcess({ RATE_LIMIT: '0', ...env });
}

const url = databaseUrl();
const schema = `intake_bench_${randomBytes(5).toString('hex')}`;
const version = JSON.parse(
  readFileSync(path.join(ROOT, 'schemas', `${FORM_ID}.json`), 'utf8'),
).version;
const receiver = await startReceiver({ DATABASE_URL: url, DATABASE_SCHEMA: schema });
console.error(`Receiver ${receiver.url} on schema ${schema}; ${RATE}/s for ${DURATION} s`);

/**
 * The receiver's CPU time so far in ms (Linux: /proc, 100 ticks a second), to tell its own cost
 * apart from a machine busy with other work; null elsewhere.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Bodies by key, so that a replay sends exactly what was sent first. */
const bodies = new Map();
const keys = [];
const answered = new Map(); // key → statuses
let counter = 0;

const loadBefore = os.loadavg()[0];
const cpuBefore = cpuMs(receiver.child.pid);
const result = await autocannon({
  url: receiver.url,
  connections: CONNECTIONS,
  overallRate: RATE,
  duration: DURATION,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      path: `/api/forms/${FORM_ID}/submissions`,
      setupRequest(request, context) {
        let key;
        if (keys.length > 10 && Math.random() < REPLAYS) {
          key = keys[Math.floor(Math.random() * keys.length)];
        } else {
          key = randomUUID();
          const envelope = {
            form: { id: FORM_ID, version },
            locale: 'uk',
            submittedAt: new Date().toISOString(),
            data: answers(counter++),
          };
          bodies.set(key, JSON.stringify(envelope));
          keys.push(key);
        }
        context.key = key;
        return {
          ...request,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: bodies.get(key),
        };
      },
      onResponse(status, body, context) {
        answered.set(context.key, [...(answered.get(context.key) ?? []), status]);
      },
    },
  ],
});

const cpuUsed = cpuBefore === null ? null : cpuMs(receiver.child.pid) - cpuBefore;
const loadAfter = os.loadavg()[0];
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query(
  `SELECT idempotency_key, count(*)::int AS n FROM "${schema}".submissions GROUP BY 1`,
);
const postgres = (await client.query('SHOW server_version')).rows[0].server_version;
const stored = new Map(rows.map((row) => [row.idempotency_key, row.n]));
const totalRows = rows.reduce((sum, row) => sum + row.n, 0);
const created = [...answered].filter(([, statuses]) => statuses.includes(201));
const missing = created.filter(([key]) => stored.get(key) !== 1).length;
const unknown = [...stored.keys()].filter((key) => !bodies.has(key)).length;
const duplicates = [...stored.values()].filter((n) => n > 1).length;
const other = [...answered.values()].flat().filter((status) => status !== 201).length;

await receiver.stop();
await client.query(`DROP SCHEMA "${schema}" CASCADE`);
await client.end();

const report = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  postgres,
  rate: RATE,
  duration: DURATION,
  connections: CONNECTIONS,
  requests: result.requests.total,
  averagePerSecond: result.requests.average,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  },
  answers2xx: result['2xx'],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  keysSent: keys.length,
  keysAnswered201: created.length,
  replaysAnswered: [...answered.values()].reduce((n, s) => n + Math.max(0, s.length - 1), 0),
  rowsStored: totalRows,
  answeredButNotStoredOnce: missing,
  rowsWithoutRequest: unknown,
  keysStoredTwice: duplicates,
  otherStatuses: other,
  receiverCpuMsPerRequest:
    cpuUsed === null ? null : Number((cpuUsed / result.requests.total).toFixed(2)),
  loadAverage: { before: loadBefore, after: loadAfter, cores: os.cpus().length },
};
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench/results/receiver-load.json'),
  `${JSON.stringify(report, null, 2)}\n`,
);

const ok =
  report.latencyMs.p99 < 500 &&
  missing === 0 &&
  unknown === 0 &&
  duplicates === 0 &&
  other === 0 &&
  report.errors === 0 &&
  report.averagePerSecond >= RATE * 0.95;
console.log(`| Measure | Result |
| --- | --- |
| Offered load | ${RATE} submissions/s for ${DURATION} s, ${CONNECTIONS} connections, ${Math.round(REPLAYS * 100)} % replays |
| Requests answered | ${report.requests} (${report.averagePerSecond} /s on average) |
| Latency p50 / p90 / p99 / max | ${report.latencyMs.p50} / ${report.latencyMs.p90} / ${report.latencyMs.p99} / ${report.latencyMs.max} ms |
| Answers other than 201 | ${other} (errors ${report.errors}, timeouts ${report.timeouts}) |
| Distinct submissions (keys) sent / answered 201 | ${report.keysSent} / ${report.keysAnswered201} |
| Rows stored | ${totalRows} |
| Answered but not stored exactly once | ${missing} |
| Keys stored twice | ${duplicates} |
| Receiver CPU per request | ${report.receiverCpuMsPerRequest ?? 'n/a'} ms |
| Machine load (1 min) before / after | ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)} on ${os.cpus().length} cores |`);
console.log(ok ? '\nTarget met.' : '\nTarget NOT met.');
process.exitCode = ok ? 0 : 1;
