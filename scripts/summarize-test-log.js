// Reads a test log and prints one line `N passed, N failed, N skipped`.
// Usage: node scripts/summarize-test-log.js <logfile> [exit status of the test command]
//
// Counts come from
//  - @web/test-runner progress lines: `Chromium: |██████| 12/12 test files | 187 passed, 0 failed`
//    (`, 3 skipped` when some were).
//    These are cumulative and, when output is not a TTY, repeated every 10 s during a run, so
//    only the last line per browser in each run counts; runs and browsers are summed.
//  - node --test summaries: `# pass N` / `# fail N` / `# skipped N` (TAP) or `ℹ pass N` /
//    `ℹ fail N` / `ℹ skipped N` (spec). A skipped test is neither passed nor failed there, and
//    is counted as skipped here, so that tests that did not run (PostgreSQL missing) show.
//  - the Storybook check (scripts/test-storybook.js), one story or docs page one test:
//    `Storybook: 143 passed, 0 failed`.
// A non-zero exit status with no failure counted (no parsable output, a test file that failed
// to load, a lint or build error) is reported as one failure.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// CSI sequences (colours, cursor movement, erase) and OSC sequences (titles, links).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;

const WTR_PROGRESS =
  /^\s*(.+?):\s.*?\d+\/\d+ test files\s*\|\s*(\d+) passed,\s*(\d+) failed(?:,\s*(\d+) skipped)?\s*$/;
const WTR_RUN_START = /^\s*Running \d+ test files\.\.\./;
const WTR_RUN_END =
  /^\s*(Finished running tests|Error while running tests|Failed to run any tests)/;
const NODE_TEST_COUNT = /^(?:#|ℹ) (pass|fail|skipped) (\d+)\s*$/;
const STORYBOOK_COUNT = /^Storybook: (\d+) passed, (\d+) failed\s*$/;

/** @param {string} text */
export function stripAnsi(text) {
  return text.replace(ANSI, '');
}

/**
 * @param {string} log the raw test output
 * @param {number} [exitStatus] the test command's exit status, if known
 * @returns {{ passed: number, failed: number, skipped: number, found: boolean }}
 */
export function summarize(log, exitStatus = 0) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let found = false;
  /** @type {Map<string, { passed: number, failed: number, skipped: number }>} last progress
   * line per browser */
  let run = new Map();

  const endRun = () => {
    for (const counts of run.values()) {
      passed += counts.passed;
      failed += counts.failed;
      skipped += counts.skipped;
    }
    run = new Map();
  };

  for (const line of stripAnsi(log).split(/\r\n|\r|\n/)) {
    if (WTR_RUN_START.test(line)) {
      endRun();
      continue;
    }
    const progress = WTR_PROGRESS.exec(line);
    if (progress) {
      run.set(progress[1].trim(), {
        passed: Number(progress[2]),
        failed: Number(progress[3]),
        skipped: Number(progress[4] ?? 0),
      });
      found = true;
      continue;
    }
    if (WTR_RUN_END.test(line)) {
      endRun();
      continue;
    }
    const stories = STORYBOOK_COUNT.exec(line);
    if (stories) {
      passed += Number(stories[1]);
      failed += Number(stories[2]);
      found = true;
      continue;
    }
    const nodeCount = NODE_TEST_COUNT.exec(line);
    if (nodeCount) {
      if (nodeCount[1] === 'pass') passed += Number(nodeCount[2]);
      else if (nodeCount[1] === 'fail') failed += Number(nodeCount[2]);
      else skipped += Number(nodeCount[2]);
      found = true;
    }
  }
  endRun();

  if (exitStatus !== 0 && failed === 0) failed = 1;
  return { passed, failed, skipped, found };
}

/** @param {{ passed: number, failed: number, skipped?: number }} counts */
export function formatSummary({ passed, failed, skipped = 0 }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [logFile, status = '0'] = process.argv.slice(2);
  if (!logFile) {
    console.error('usage: node scripts/summarize-test-log.js <logfile> [exit status]');
    process.exit(2);
  }
  let log = '';
  try {
    log = readFileSync(logFile, 'utf8');
  } catch {
    // A missing log means the tests never ran; the exit status decides.
  }
  console.log(formatSummary(summarize(log, Number(status) || 0)));
}
