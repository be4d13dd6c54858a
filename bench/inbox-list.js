/**
 * The staff inbox's list and search with 100 000 stored submissions on PostgreSQL: p50 / p95 /
 * max answer times of GET /inbox/api/submissions through the real receiver (HTTP, session,
 * access rule, total count), for a town's caseworker and for an administrator.
 *
 *   eval "$(bash scripts/ci-postgres.sh)"      # or DATABASE_URL=postgres://…
 *   node bench/inbox-list.js [--count 100000] [--rounds 200]
 *
 * It works in a schema of its own (dropped at the end) and prints a Markdown table for
 * docs/benchmarks.md. Target (issue 22): p95 below 300 ms.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startReceiver } from '../server/index.js';
import { addStaff, signIn } from '../server/testing/inbox-harness.js';
import { formsDir } from '../server/testing/harness.js';
import { HILFE, seedInbox, seedTeams } from '../server/testing/seed-inbox.js';

const print = (text) => process.stdout.write(`${text}\n`);
const say = (text) => process.stderr.write(`${text}\n`);

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '200' },
  },
});
const COUNT = Number(values.count);
const ROUNDS = Number(values.rounds);
const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!databaseUrl) {
  say('Set DATABASE_URL (or eval "$(bash scripts/ci-postgres.sh)").');
  process.exit(2);
}

const schema = `intake_bench_${randomBytes(4).toString('hex')}`;
const receiver = await startReceiver({
  port: 0,
  host: '127.0.0.1',
  databaseUrl,
  databaseSchema: schema,
  formsDir: formsDir({ 'hilfe.json': HILFE }),
  rateLimit: false,
  inbox: true,
  log: () => {},
});

try {
  const seedStart = performance.now();
  await seedTeams(receiver.storage);
  // Two a minute over about 35 days, so that date filters have something to cut.
  await seedInbox(receiver.storage, { count: COUNT, stepMs: 30_000, batch: 1000 });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  await pool.query(`ANALYZE "${schema}".submissions, "${schema}".submission_routing,
    "${schema}".submission_search`);
  await pool.end();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  say(`seeded ${COUNT} submissions in ${seedSeconds.toFixed(1)} s`);

  await addStaff(receiver.storage, { name: 'anna', team: 'bergkamen' });
  await addStaff(receiver.storage, { name: 'root', team: 'admins', isAdmin: true });
  const anna = await signIn(receiver, 'anna');
  const root = await signIn(receiver, 'root');

  // A cursor deep into anna's list (page 20), for "a later page".
  let deep = null;
  for (let i = 0; i < 20; i++) {
    const page = await (
      await anna.get(`/inbox/api/submissions${deep ? `?cursor=${deep}` : ''}`)
    ).json();
    deep = page.next;
  }

  const scenarios = [
    ['caseworker', 'first page (newest 50, with total)', anna, ''],
    ['caseworker', 'page 21 (keyset cursor)', anna, `cursor=${deep}`],
    ['caseworker', 'status = new, unread only', anna, 'status=new&unread=1'],
    ['caseworker', 'one week (from/to)', anna, 'from=2026-11-20&to=2026-11-26'],
    ['caseworker', 'search: one common word', anna, 'q=Wohnungssuche'],
    ['caseworker', 'search: two words, a prefix', anna, 'q=olena%20kov'],
    ['caseworker', 'search: a rare word (one case number)', anna, 'q=77775'],
    ['administrator', 'first page (newest 50, with total)', root, ''],
    ['administrator', 'town filter', root, 'route=/kommune&value=Kamen'],
    ['administrator', 'search: one common word', root, 'q=Kita'],
  ];

  const rows = [];
  for (const [who, what, client, query] of scenarios) {
    const times = [];
    let body;
    for (let i = 0; i < ROUNDS + 5; i++) {
      const start = performance.now();
      const response = await client.get(`/inbox/api/submissions?${query}`);
      body = await response.json();
      const ms = performance.now() - start;
      if (response.status !== 200) throw new Error(`${what}: ${response.status}`);
      if (i >= 5) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    rows.push({
      who,
      what,
      total: `${body.total}${body.totalCapped ? '+' : ''}`,
      p50: at(0.5),
      p95: at(0.95),
      max: times.at(-1),
    });
  }

  const ms = (n) => n.toFixed(1);
  print(`| who | request | matches (total) | p50 ms | p95 ms | max ms |`);
  print(`| --- | --- | ---: | ---: | ---: | ---: |`);
  for (const r of rows) {
    print(`| ${r.who} | ${r.what} | ${r.total} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`);
  }
  print(
    `\n${COUNT} submissions over 5 towns, ${ROUNDS} sequential requests per row (5 warm-up ` +
      `requests discarded), seeded in ${seedSeconds.toFixed(0)} s.\n`,
  );
  const worst = Math.max(...rows.map((r) => r.p95));
  say(worst < 300 ? `OK: worst p95 ${ms(worst)} ms < 300 ms` : `SLOW: worst p95 ${ms(worst)} ms`);
} finally {
  await receiver.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}
