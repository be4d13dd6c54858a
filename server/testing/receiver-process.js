/**
 * `node server/index.js` as a real child process (the two-receivers test, the load benchmark
 * in bench/receiver-load.js): started with `env` over this process's, resolved once it says
 * where it listens. No dependencies, so that bench/ can import it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../index.js', import.meta.url));

/**
 * @param {Record<string, string>} env e.g. DATABASE_URL, DATABASE_SCHEMA, FORMS_DIR
 * @returns {Promise<{ url: string, storage: string, child: import('node:child_process').ChildProcess,
 *   stop: () => Promise<void> }>} `storage`: the kind it says it uses (sqlite, postgres)
 */
export async function receiverProcess(env) {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  const [url, storage] = await new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      said += text;
      const match = /Receiver: (http:\/\/\S+) \(storage: (\w+)\)/.exec(said);
      if (match) resolve([match[1], match[2]]);
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}: ${said}`)));
  });
  return {
    url,
    storage,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
