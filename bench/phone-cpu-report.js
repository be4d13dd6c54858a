// The Markdown that `npm run bench:phone-cpu` writes into docs/benchmarks.md (between its
// phone-cpu markers): the tables of a run and issue #21's targets checked against them.
import { readFileSync, writeFileSync } from 'node:fs';

/** Issue #21: no task over 50 ms while typing; the first render under 100 ms of work, at 4×. */
export const PHONE_CPU_TARGETS = { longestTypingTask: 50, firstRenderWork: 100 };

const START = '<!-- phone-cpu-results:start -->';
const END = '<!-- phone-cpu-results:end -->';

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–');
const verdict = (ok) => (ok ? 'met' : '**missed**');

function targetLines(results) {
  const lines = [];
  const t = PHONE_CPU_TARGETS;
  for (const r of results.typing)
    lines.push(
      `- typing, ${r.label}: longest task ${ms(r.longestWork)} of CPU × ${results.rate}, ` +
        `${r.over50Work} over ${t.longestTypingTask} ms (target: none, ${verdict(r.over50Work === 0 && r.longestWork <= t.longestTypingTask)})`,
    );
  for (const r of results.render)
    lines.push(
      `- first render, ${r.label}: ${ms(r.work)} of main-thread work, CPU × ${results.rate} ` +
        `(target under ${t.firstRenderWork} ms, ${verdict(r.work < t.firstRenderWork)})`,
    );
  return lines;
}

/** The generated part: when, where, the tables and the targets. */
export function renderPhoneCpuReport(results) {
  const x = `${results.rate}×`;
  const m = results.machine;
  const lines = [
    `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC, Chromium ${m.chromium}, ${m.cpu}, ` +
      `load average ${m['load average 1/5/15 min (start → end)']}; median of ${results.runs} runs.`,
    '',
  ];
  if (results.typing.length) {
    lines.push(
      `Typing ${results.characters} characters (${results.delayMs} ms apart) into four fields of the ${results.n}-field form:`,
      '',
      `| definition | longest task, CPU × ${results.rate} | tasks over 50 ms, CPU × ${results.rate} | longest task at ${x}, wall | tasks over 50 ms at ${x}, wall: trace / Long Tasks API | worst run's longest task at ${x}, wall | main-thread CPU × ${results.rate}, whole span |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of results.typing)
      lines.push(
        `| ${r.label} | ${ms(r.longestWork)} | ${r.over50Work} | ${ms(r.maxWall)} | ${r.over50} / ${r.longTasks} | ${ms(r.worstMaxWall)} | ${ms(r.work)} |`,
      );
    lines.push('');
  }
  if (results.render.length) {
    lines.push(
      'First render of the first-contact form; "element": from the start of dist/intake-elements.js to `intake-ready`, "page": from the start of the document:',
      '',
      `| page | element's main-thread work, CPU × ${results.rate} | its longest task, CPU × ${results.rate} | page's main-thread work, CPU × ${results.rate} | element's tasks at ${x}, wall | script start to intake-ready at ${x}, wall clock | document start to intake-ready at ${x}, wall clock | long tasks at ${x} |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of results.render)
      lines.push(
        `| ${r.label} | ${ms(r.work)} | ${ms(r.longestWork)} | ${ms(r.pageWork)} | ${ms(r.wall)} | ${ms(r.scriptToReady)} | ${ms(r.untilReady)} | ${r.longTasks} |`,
      );
    lines.push('');
  }
  lines.push('Targets:', '', ...targetLines(results));
  return lines.join('\n');
}

/** Replaces the part between the markers in `file` (which the hand-written section holds). */
export function writePhoneCpuDocs(file, report) {
  const docs = readFileSync(file, 'utf8');
  if (!docs.includes(START) || !docs.includes(END))
    throw new Error(`${file} has no ${START} … ${END}: add them where the results belong`);
  const before = docs.slice(0, docs.indexOf(START));
  const after = docs.slice(docs.indexOf(END) + END.length);
  writeFileSync(file, `${before}${START}\n\n${report}\n\n${END}${after}`);
}
