// `pretest`: make sure a Chromium or Chrome binary exists before the browser tests start.
// As root on Debian/Ubuntu it installs Debian's `chromium` package; otherwise it explains
// what to do in one line and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './find-browser.js';

const HELP =
  'intake-elements tests need Chromium or Chrome: install it (Debian: apt-get install chromium) ' +
  'or set CHROME_PATH=/path/to/chrome';

function hasAptGet() {
  return ['/usr/bin/apt-get', '/bin/apt-get'].some((path) => existsSync(path));
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function fail() {
  const fromEnv = process.env.CHROME_PATH;
  const prefix = fromEnv ? `CHROME_PATH=${fromEnv} does not exist; ` : '';
  console.error(prefix + HELP);
  process.exit(1);
}

// CHROME_PATH is an explicit choice: if it points nowhere, say so rather than installing.
if (process.env.CHROME_PATH) {
  if (!findBrowser()) fail();
} else if (!findBrowser()) {
  if (process.getuid?.() === 0 && hasAptGet()) {
    console.log('No Chromium found: installing Debian package "chromium" with apt-get…');
    if (run('apt-get', ['update'])) run('apt-get', ['install', '-y', 'chromium']);
  }
  if (!findBrowser()) fail();
}
