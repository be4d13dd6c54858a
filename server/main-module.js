/**
 * Whether a module is the one Node was started with (`node server/x.js`), not imported: the
 * server's entry points start only then. Symlinks (an installed `bin`, a linked checkout) are
 * followed on both sides.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @param {string} moduleUrl the module's `import.meta.url`
 * @returns {boolean}
 */
export function isMainModule(moduleUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
