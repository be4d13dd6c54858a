// The Markdown that `npm run bench:phone` writes into docs/benchmarks.md: one row per page, and
// the targets for the first-contact form checked against the measured medians.

/** Targets for the first-contact form (ki-erstberatung) on a phone. */
export const PHONE_TARGETS = {
  compiled: {
    form: 'ki-erstberatung',
    locale: 'ar',
    score: 98,
    cls: 0.02,
    tbt: 100,
    brotliKiB: 36,
    waves: 3,
  },
  raw: { form: 'ki-erstberatung', locale: 'ar', score: 90 },
};

const MODE_LABELS = {
  compiled: 'compiled module',
  raw: 'raw JSON',
  rjsf: 'react-jsonschema-form 6',
  jsonforms: 'JSON Forms 3 (React, vanilla)',
  demo: '`npm start` demo',
};

const kib = (bytes) => (bytes / 1024).toFixed(1);

function verdict(ok) {
  return ok ? 'met' : '**missed**';
}

/** Each target as a line saying what was measured and whether it was met. */
export function evaluatePhoneTargets(rows, targets = PHONE_TARGETS) {
  const lines = [];
  const find = (mode, { form, locale }) =>
    rows.find((r) => r.mode === mode && r.form === form && r.locale === locale);
  const compiled = find('compiled', targets.compiled);
  if (compiled) {
    const t = targets.compiled;
    lines.push(
      `- compiled, ${t.form}, ${t.locale}: score ${compiled.score} (target ≥ ${t.score}, ${verdict(compiled.score >= t.score)}); ` +
        `CLS ${compiled.cls.toFixed(3)} (≤ ${t.cls}, ${verdict(compiled.cls <= t.cls)}); ` +
        `TBT ${Math.round(compiled.tbt)} ms (≤ ${t.tbt}, ${verdict(compiled.tbt <= t.tbt)}); ` +
        `${kib(compiled.brotli)} KiB brotli (≤ ${t.brotliKiB}, ${verdict(compiled.brotli <= t.brotliKiB * 1024)}); ` +
        `${compiled.waves} waves of requests (≤ ${t.waves}, ${verdict(compiled.waves <= t.waves)})`,
    );
  }
  const raw = find('raw', targets.raw);
  if (raw) {
    const t = targets.raw;
    lines.push(
      `- raw JSON, ${t.form}, ${t.locale}: score ${raw.score} (target ≥ ${t.score}, ${verdict(raw.score >= t.score)})`,
    );
  }
  return lines;
}

/** @param {{ date: string, lighthouse: string, runsPerPage: number, rows: object[] }} results */
export function renderPhoneReport(results) {
  const header =
    '| form | shipped as | lang | score | LCP | TBT | CLS | requests | waves | transferred | brotli | gzip | a11y |\n' +
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const rows = results.rows.map(
    (r) =>
      `| ${r.form} | ${MODE_LABELS[r.mode] ?? r.mode} | ${r.locale} | ${r.score} | ` +
      `${(r.lcp / 1000).toFixed(2)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${r.requests} | ` +
      `${r.waves} | ${kib(r.transferred)} KiB | ${kib(r.brotli)} KiB | ${kib(r.gzip)} KiB | ${r.accessibility} |`,
  );
  return [
    `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC, Lighthouse ${results.lighthouse} mobile preset ` +
      `(simulated slow 4G, 4× CPU slowdown), median of ${results.runsPerPage} runs per page. ` +
      '"transferred" is what the server sent (its own compression, or none); "brotli" and "gzip" ' +
      'are the same files compressed each on its own, as a production server would send them. ' +
      'A wave is one round trip of a chain: the document is wave 1, and a request that starts ' +
      'only after a request of wave k has arrived is of wave k + 1; counted on a load of its own ' +
      'with a 150 ms round trip added to every request (bench/phone-waves.js).',
    '',
    header,
    ...rows,
    '',
    'Targets:',
    '',
    ...evaluatePhoneTargets(results.rows),
  ].join('\n');
}
