// Reads a Chromium trace for `npm run bench:phone-cpu`: the renderer main thread's tasks between
// two of the page's performance.mark()s. Each task has its wall duration (`dur`, what the Long
// Tasks API and the user see, slowed by the CPU throttling) and its thread time (`tdur`, the CPU
// the thread really used, which other processes on a busy machine do not inflate).

import process from 'node:process';
import { URL } from 'node:url';

/** Trace categories that hold the main thread's tasks and the page's marks. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink.user_timing',
  // More for finding where the work goes, e.g. PHONE_CPU_CATEGORIES=v8,v8.execute.
  ...(process.env.PHONE_CPU_CATEGORIES?.split(',') ?? []),
];

/** Names of a top-level task on a Blink thread (older and newer Chromium). */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The marks and top-level tasks of the thread that set `anchorMark`.
 *
 * @param {Buffer | string} buffer the trace as Playwright's browser.stopTracing() returns it
 * @param {string} anchorMark a mark the page set, naming its process and main thread
 */
export function readTrace(buffer, anchorMark) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const anchor = events.find((e) => e.cat === 'blink.user_timing' && e.name === anchorMark);
  if (!anchor) throw new Error(`the trace holds no mark ${anchorMark}`);
  const own = events.filter((e) => e.pid === anchor.pid && e.tid === anchor.tid);
  /** The last time each mark was set (µs, trace clock). */
  const marks = new Map();
  for (const e of own) if (e.cat === 'blink.user_timing') marks.set(e.name, e.ts);
  // Outermost tasks only: a nested run loop (or both task names) would count a task twice.
  const tasks = [];
  let end = -Infinity;
  for (const e of own
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name))
    .sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    tasks.push({ ts: e.ts, dur: (e.dur ?? 0) / 1000, tdur: (e.tdur ?? 0) / 1000 });
  }
  const firstParse = own.find((e) => e.name === 'ParseHTML');
  return { marks, tasks, parseStart: firstParse?.ts, events: own };
}

/** When the main thread first works on the script at `urlPath` (compiling or running it), µs. */
export function scriptStart(events, urlPath) {
  const first = events.find((e) => {
    const url = e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.fileName;
    return typeof url === 'string' && url.startsWith('http') && new URL(url).pathname === urlPath;
  });
  return first?.ts;
}

/**
 * Own thread time (ms, the time of the events nested in it taken off) per event name of the
 * events that start in [from, to], for finding where the work goes (`PHONE_CPU_EVENTS=1`).
 */
export function eventTotals(events, from, to) {
  const totals = new Map();
  const inside = events
    .filter((e) => e.ph === 'X' && e.ts >= from && e.ts <= to && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  const add = (key, ms) => totals.set(key, (totals.get(key) ?? 0) + ms);
  for (const e of inside) {
    while (open.length && open.at(-1).end <= e.ts) open.pop();
    const detail = e.args?.data?.type ?? e.args?.data?.url?.replace(/^.*\/\/[^/]+/, '');
    const key = detail ? `${e.name} ${detail}` : e.name;
    add(key, e.tdur / 1000);
    if (open.length) add(open.at(-1).key, -e.tdur / 1000);
    open.push({ key, end: e.ts + e.dur });
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Sums and maximum of the tasks that run in [from, to] (µs, trace clock); a task that runs on
 * across either end counts whole. `over50Cpu` counts the tasks whose CPU time times
 * `scale` (the slowdown to emulate) is over 50 ms.
 */
export function taskStats(tasks, from, to, scale = 1) {
  const inside = tasks.filter((t) => t.ts + t.dur * 1000 >= from && t.ts <= to);
  const sum = (key) => inside.reduce((total, t) => total + t[key], 0);
  const max = (key) => inside.reduce((most, t) => Math.max(most, t[key]), 0);
  return {
    count: inside.length,
    wall: sum('dur'),
    cpu: sum('tdur'),
    maxWall: max('dur'),
    maxCpu: max('tdur'),
    over50: inside.filter((t) => t.dur > 50).length,
    over50Cpu: inside.filter((t) => t.tdur * scale > 50).length,
  };
}
