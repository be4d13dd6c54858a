// src/inbox-crypto/ bundled for a test page: `await addInboxCrypto(page)` makes it
// `window.inboxCrypto` there (the inbox itself builds it into dist/inbox/).
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO } from './support.js';

let bundle;

/** Adds src/inbox-crypto/ to `page` as `window.inboxCrypto`. */
export async function addInboxCrypto(page) {
  bundle ??= build({
    entryPoints: [join(REPO, 'src/inbox-crypto/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  await page.addScriptTag({
    type: 'module',
    content: `${await bundle}\n;window.inboxCrypto = { importKeyFile, openSubmission, forgetKeys };`,
  });
  await page.waitForFunction(() => window.inboxCrypto);
}
