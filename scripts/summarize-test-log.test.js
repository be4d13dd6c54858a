import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary, stripAnsi, summarize } from './summarize-test-log.js';

const ESC = '\u001b';
const green = (s) => `${ESC}[32m${s}${ESC}[39m`;
const red = (s) => `${ESC}[31m${s}${ESC}[39m`;
const bold = (s) => `${ESC}[1m${s}${ESC}[22m`;

const counts = (log, status) => {
  const { passed, failed } = summarize(log, status);
  return { passed, failed };
};
const skippedIn = (log, status = 0) => summarize(log, status).skipped;

test('stripAnsi removes colours, cursor movement and OSC sequences', () => {
  assert.equal(stripAnsi(`${ESC}[2K${ESC}[1A${bold(green('ok'))}${ESC}]0;title${ESC}\\`), 'ok');
});

test('reads a coloured web-test-runner summary', () => {
  const log = [
    bold('Running 12 test files...'),
    '',
    `Chromium: |${'█'.repeat(30)}| 12/12 test files | ${green('187 passed')}, 0 failed`,
    '',
    bold('Finished running tests in 9.1s, all tests passed! 🎉'),
  ].join('\n');
  assert.deepEqual(counts(log, 0), { passed: 187, failed: 0 });
});

test('counts only the last cumulative progress line of a run, per browser', () => {
  const log = [
    'Running 3 test files...',
    'Chromium: |██████░░░░| 1/3 test files | 10 passed, 0 failed',
    'Firefox:  |███░░░░░░░| 1/3 test files | 9 passed, 0 failed',
    'Chromium: |████████░░| 2/3 test files | 20 passed, 1 failed',
    'Chromium: |██████████| 3/3 test files | 30 passed, 2 failed, 4 skipped',
    'Firefox:  |██████████| 3/3 test files | 31 passed, 0 failed',
    red(bold('Finished running tests in 40s with 2 failed tests.')),
  ].join('\n');
  assert.deepEqual(counts(log, 1), { passed: 61, failed: 2 });
  assert.equal(skippedIn(log, 1), 4);
});

test('sums separate web-test-runner runs and node --test summaries', () => {
  const log = [
    'Running 1 test files...',
    `Chromium: |███| 1/1 test files | ${green('4 passed')}, ${red('1 failed')}`,
    'Finished running tests in 2s with 1 failed tests.',
    'Running 2 test files...',
    'Chromium: |███| 2/2 test files | 6 passed, 0 failed',
    'Finished running tests in 3s, all tests passed!',
    'TAP version 13',
    '# Subtest: something',
    'ok 1 - something',
    '# tests 8',
    '# pass 7',
    '# fail 1',
    '# skipped 0',
    'ℹ pass 3',
    'ℹ fail 0',
  ].join('\n');
  assert.deepEqual(counts(log, 1), { passed: 20, failed: 2 });
  assert.equal(skippedIn(log, 1), 0);
});

test('counts the tests node --test skipped (PostgreSQL missing), TAP and spec', () => {
  const log = [
    '# PostgreSQL not available: set TEST_DATABASE_URL',
    'ok 2 - PostgreSQL: a valid submission # SKIP PostgreSQL not available',
    '# tests 64',
    '# pass 29',
    '# fail 0',
    '# cancelled 0',
    '# skipped 35',
    '# todo 0',
    'ℹ pass 10',
    'ℹ fail 0',
    'ℹ skipped 2',
  ].join('\n');
  assert.deepEqual(summarize(log, 0), { passed: 39, failed: 0, skipped: 37, found: true });
  assert.equal(formatSummary(summarize(log, 0)), '39 passed, 0 failed, 37 skipped');
});

test('counts the Storybook check, one story one test, with the other runners', () => {
  const log = [
    'ℹ pass 120',
    'ℹ fail 0',
    'Running 40 test files...',
    'Chromium: |███| 40/40 test files | 900 passed, 0 failed',
    'Finished running tests in 300s, all tests passed!',
    '> intake-elements@0.1.0 test:stories',
    'Checking 143 stories from storybook-static on 2 pages (axe tags wcag2a, wcag2aa)',
    'ok    widgets-text--empty  0.4 s',
    'FAIL  widgets-text--filled  0.5 s',
    '        axe label (critical): Form elements must have labels — input',
    'Stories checked: 143 in 45.0 s',
    `Storybook: ${green('141 passed')}, 2 failed`,
  ].join('\n');
  assert.deepEqual(counts(log, 1), { passed: 1161, failed: 2 });
  assert.equal(summarize('Storybook: 3 passed, 0 failed\r\n', 0).found, true);
  // The Storybook build could not even be checked: its own line says so.
  assert.deepEqual(counts('Stories checked: 0\nStorybook: 0 passed, 1 failed', 1), {
    passed: 0,
    failed: 1,
  });
});

test('handles carriage-return redraws and CRLF line endings', () => {
  const log =
    'Chromium: |█░| 1/2 test files | 5 passed, 0 failed\r' +
    'Chromium: |██| 2/2 test files | 9 passed, 0 failed\r\n' +
    'Finished running tests in 1s, all tests passed!\r\n';
  assert.deepEqual(counts(log, 0), { passed: 9, failed: 0 });
});

test('a failed command without parsable counts is one failure', () => {
  assert.deepEqual(counts('npm ERR! Lifecycle script "lint" failed', 1), { passed: 0, failed: 1 });
  assert.deepEqual(counts('', 2), { passed: 0, failed: 1 });
  assert.equal(summarize('nothing here', 1).found, false);
});

test('a failed command whose counted tests all passed still reports a failure', () => {
  const log = 'Chromium: |██| 2/2 test files | 9 passed, 0 failed\nError while running tests.';
  assert.deepEqual(counts(log, 1), { passed: 9, failed: 1 });
});

test('a successful command without counts reports zeros', () => {
  assert.deepEqual(counts('', 0), { passed: 0, failed: 0 });
});

test('ignores lines that merely mention passed and failed', () => {
  const log = 'Finished: 3 passed, 4 failed\n  # pass 9\nsomething | 5 passed, 0 failed';
  assert.deepEqual(counts(log, 0), { passed: 0, failed: 0 });
});

test('formatSummary prints the CI line', () => {
  assert.equal(
    formatSummary({ passed: 3, failed: 0, skipped: 2 }),
    '3 passed, 0 failed, 2 skipped',
  );
  assert.equal(formatSummary({ passed: 3, failed: 0 }), '3 passed, 0 failed, 0 skipped');
});

test('the CLI prints one line for a log file and an exit status', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summarize-test-log-'));
  const logFile = join(dir, 'test.log');
  writeFileSync(logFile, 'Chromium: |█| 1/1 test files | 4 passed, 0 failed\n');
  const script = fileURLToPath(new URL('./summarize-test-log.js', import.meta.url));
  assert.equal(
    execFileSync('node', [script, logFile, '0'], { encoding: 'utf8' }),
    '4 passed, 0 failed, 0 skipped\n',
  );
  assert.equal(
    execFileSync('node', [script, join(dir, 'missing.log'), '1'], { encoding: 'utf8' }),
    '0 passed, 1 failed, 0 skipped\n',
  );
});
