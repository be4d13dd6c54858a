// The generated part of docs/benchmarks.md: targets, one table per N, bundle sizes, machine and
// versions, from a results object of run.js.
import { BUDGET_GZIP } from './targets.js';

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const kib = (v) => (Number.isFinite(v) ? (v / 1024).toFixed(1) : '–');
const mib = (v) => (Number.isFinite(v) ? (v / 2 ** 20).toFixed(2) : '–');
const times = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export function renderReport(results) {
  const labels = Object.fromEntries(results.contenders.map((c) => [c.name, c.label]));
  const names = results.contenders.map((c) => c.name);
  const out = [];
  const largest = Math.max(...results.options.n);

  out.push(
    `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.durationSeconds} s: ` +
      `${results.options.reps} repetitions per contender and N, interleaved, each in a fresh ` +
      `browser context; ${results.options.keystrokes} keystrokes per repetition (the first is ` +
      `reported on its own, the others pooled for median and p95). intake-elements validator: ` +
      `${results.intakeValidator}.`,
  );
  out.push('', '![Ratios against the targets](benchmarks.svg)', '');

  out.push(`### Targets (N = ${largest})`, '');
  out.push(
    table(
      ['target', 'measured', 'limit', 'result', 'same ratio in main-thread CPU time'],
      results.targets.map((t) => [
        t.label,
        `${times(t.value)} (${t.detail})`,
        `${t.limit}×`,
        t.pass === null ? 'not measured' : t.pass ? 'met' : '**missed**',
        t.cpu === undefined ? '' : times(t.cpu),
      ]),
    ),
  );

  for (const n of results.options.n) {
    out.push('', `### N = ${n} fields`, '');
    const baseline = results.baselineHeap?.[n];
    out.push(
      table(
        [
          'contender',
          'first screen (20 controls), ms',
          'first render (every control), ms (CPU)',
          'render → paint, ms',
          'keystroke JS median / p95, ms',
          'keydown → paint median / p95, ms (CPU)',
          'first keystroke JS / paint, ms (CPU)',
          'JS heap, MiB (page − empty page)',
        ],
        names
          .filter((name) => results.summary[name]?.[n])
          .map((name) => {
            const s = results.summary[name][n];
            const checks =
              s.checks.valueInState && s.checks.valueInControl && !s.checks.timeouts ? '' : ' ⚠';
            return [
              `${labels[name]}${checks}`,
              ms(s.render.firstScreen),
              `${ms(s.render.controls)} (${ms(s.render.cpu)})`,
              ms(s.render.paint),
              `${ms(s.keystroke.jsMedian)} / ${ms(s.keystroke.jsP95)}`,
              `${ms(s.keystroke.paintMedian)} / ${ms(s.keystroke.paintP95)} (${ms(s.keystroke.cpuMedian)} / ${ms(s.keystroke.cpuP95)})`,
              `${ms(s.firstKeystroke.js)} / ${ms(s.firstKeystroke.paint)} (${ms(s.firstKeystroke.cpu)})`,
              `${mib(s.heap)} (${mib(s.heap - baseline)})`,
            ];
          }),
      ),
    );
    const intake = results.summary['intake-elements']?.[n];
    if (intake) {
      out.push('', `intake-elements relative to each contender at N = ${n}:`, '');
      out.push(
        table(
          [
            'contender',
            'first screen',
            'first render',
            'keystroke JS p95',
            'first keystroke',
            'JS heap',
          ],
          names
            .filter((name) => name !== 'intake-elements' && results.summary[name]?.[n])
            .map((name) => {
              const s = results.summary[name][n];
              return [
                labels[name],
                times(intake.render.firstScreen / s.render.firstScreen),
                times(intake.render.controls / s.render.controls),
                times(intake.keystroke.jsP95 / s.keystroke.jsP95),
                times(intake.firstKeystroke.js / s.firstKeystroke.js),
                times(intake.heap / s.heap),
              ];
            }),
        ),
      );
    }
  }

  out.push('', '### JavaScript each contender loads to render and validate', '');
  out.push(
    table(
      ['contender', 'min, KiB', 'gzip, KiB', 'brotli, KiB', 'files'],
      names
        .filter((name) => results.sizes[name])
        .map((name) => {
          const size = results.sizes[name];
          const files = size.files
            .filter((f) => !f.formModule)
            .map((f) => `\`${f.url}\` ${kib(f.gzip)}`)
            .join(', ');
          return [
            labels[name],
            kib(size.library.min),
            kib(size.library.gzip),
            kib(size.library.brotli),
            files,
          ];
        }),
    ),
  );
  const intakeSize = results.sizes['intake-elements'];
  out.push(
    '',
    `\`dist/intake-elements.js\` alone: ${kib(results.distSize.min)} KiB min, ` +
      `${kib(results.distSize.gzip)} KiB gzip, ${kib(results.distSize.brotli)} KiB brotli ` +
      `(budget ${BUDGET_GZIP / 1024} KiB gzip, the regression guard of test/size-budget.test.js).` +
      (intakeSize?.formModuleByN
        ? ' The compiled definition module (the form itself: schema, texts and precompiled ' +
          'validators) adds, per N: ' +
          Object.entries(intakeSize.formModuleByN)
            .map(([n, s]) => `${n}: ${kib(s.min)} KiB min, ${kib(s.gzip)} KiB gzip`)
            .join('; ') +
          '.'
        : ''),
  );

  if (results.distBreakdown) {
    out.push(
      '',
      'Where the bytes of `dist/intake-elements.js` come from (its source map; "gzip saved" is how ' +
        'much smaller the gzipped file would be without that part):',
      '',
    );
    out.push(
      table(
        ['part', 'min, KiB', 'gzip saved, KiB'],
        results.distBreakdown
          .filter((row) => row.bytes >= 256)
          .map((row) => [`\`${row.group}\``, kib(row.bytes), kib(row.gzipSaved)]),
      ),
    );
  }

  if (results.caveats.length || results.failures.length) {
    out.push('', '### Caveats of this run', '');
    for (const caveat of results.caveats) out.push(`- ${caveat}`);
    for (const f of results.failures)
      out.push(`- ${f.contender}, N = ${f.n}, repetition ${f.rep + 1} failed: ${f.error}`);
  }
  const errors = Object.entries(results.consoleErrors ?? {});
  if (errors.length) {
    out.push('', 'Console errors and warnings seen (first five per contender):', '');
    for (const [name, list] of errors)
      for (const message of list) out.push(`- ${name}: \`${message.slice(0, 160)}\``);
  }

  out.push('', '### Machine and versions', '');
  out.push(
    table(
      ['what', 'value'],
      [
        ...Object.entries(results.machine).map(([key, value]) => [key, String(value)]),
        ...Object.entries(results.versions).map(([key, value]) => [key, String(value)]),
      ],
    ),
  );
  out.push('');
  return out.join('\n');
}
